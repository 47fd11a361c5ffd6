"""The language of unmarked source copies, identified from their text; locale codes that
name a language their pages are not written in (``kr``, Kanuri, for Korean pages)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

import langcodes

from ...analyse.language import detectable_languages, document_language, language_name, natural_words
from ...locales import base_language
from ...markdown.parse import InputFileError, parse_markdown, read_file
from ...model import PageGroup

SOURCE = ""
"""Locale placeholder of unmarked source copies until their language is known."""

SOURCE_SAMPLE = 5
"""How many unmarked source files are read to identify the source language."""

DEFAULT_SOURCE_LOCALE = "en"


def _prose(pf) -> list[str]:
    """The prose segments of a page file (none when it cannot be read)."""
    try:
        doc = parse_markdown(read_file(pf.path))
    except InputFileError:
        return []
    return [s.prose for s in doc.segments if s.is_prose]


def source_language(groups: list[PageGroup]) -> str:
    """The language most of the unmarked source copies' text is in (``en`` when nothing can
    be told); ``""`` when there is no unmarked source copy. A few files are read, in path order."""
    sources = [pf for g in groups for pf in g.files if pf.locale == SOURCE]
    if not sources:
        return ""
    texts = [t for pf in sorted(sources, key=lambda p: p.display)[:SOURCE_SAMPLE] for t in _prose(pf)]
    det = document_language(texts)
    enough = sum(len(natural_words(t)) for t in texts) >= 12
    return det.lang if enough and det.lang and det.confidence >= 0.5 else DEFAULT_SOURCE_LOCALE


def label_sources(groups: list[PageGroup], lang: str) -> list[PageGroup]:
    """The groups with their unmarked source copies labelled ``lang``.

    Where a marked copy already has that locale, the source copy is labelled ``source``
    instead, and kept apart.
    """
    out = []
    for g in groups:
        files = tuple(sorted((replace(pf, locale=lang) if pf.locale == SOURCE else pf for pf in g.files),
                             key=lambda p: p.locale))
        if len({pf.locale for pf in files}) < len(files):
            # a marked copy already has the source's language: keep the source apart, labelled
            files = tuple(sorted((replace(pf, locale="source") if pf.locale_source == "source" else pf
                                  for pf in g.files), key=lambda p: p.locale))
            out.append(replace(g, files=files, source_locale="source"))
        else:
            out.append(replace(g, files=files, source_locale=lang if g.source_locale is not None else None))
    return out


MISREAD_CONFIDENCE = 0.9
"""How sure the language of a sampled file must be to count for relabelling its locale."""

MISREAD_SAMPLE = 9
"""How many files of a locale with an unidentifiable language code are read."""


def _file_language(pf) -> str:
    """The language a file's prose is in, when sure (100 letters at least), else ``""``."""
    texts = _prose(pf)
    det = document_language(texts)
    sure = det.lang and det.confidence >= MISREAD_CONFIDENCE and sum(c.isalpha() for t in texts for c in t) >= 100
    return det.lang if sure else ""


def misread_locales(groups: list[PageGroup], pinned: set[str]) -> tuple[list[PageGroup], list[str]]:
    """Relabel locales whose code names a language the language checks cannot identify but
    whose pages are plainly in one they can (``kr``, the ISO code of Kanuri, on Korean pages,
    as vuejs/vue-router's docs have it); return the groups and one warning per relabelled locale.

    Up to :data:`MISREAD_SAMPLE` files of each such locale are read, in path order; the
    locale becomes the language that most of them are surely in when that is at least two
    files and two thirds of those read, and no other locale of the run has it. Codes in
    ``pinned`` (named in ``[locale_aliases]``) are left alone.
    """
    known = detectable_languages()
    by_locale = defaultdict(list)
    for g in groups:
        for pf in g.files:
            by_locale[pf.locale].append(pf)
    taken = {base_language(loc) for loc in by_locale if loc}
    relabel: dict[str, str] = {}
    for loc in sorted(by_locale):
        if not loc or loc == "source" or loc in pinned or base_language(loc) in known:
            continue
        sample = sorted(by_locale[loc], key=lambda p: p.display)[:MISREAD_SAMPLE]
        votes = Counter(_file_language(pf) for pf in sample)
        lang, n = max(((k, v) for k, v in votes.items() if k), key=lambda kv: (kv[1], kv[0]), default=("", 0))
        if n >= 2 and 3 * n >= 2 * len(sample) and base_language(lang) not in taken:
            relabel[loc] = lang
            taken.add(base_language(lang))
    if not relabel:
        return groups, []
    out = [replace(g, files=tuple(sorted((replace(pf, locale=relabel.get(pf.locale, pf.locale)) for pf in g.files),
                                         key=lambda p: p.locale)),
                   source_locale=relabel.get(g.source_locale, g.source_locale))
           for g in groups]
    warnings = [f"locale '{loc}': its pages are written in {language_name(lang)} ({lang}), and '{loc}' is the "
                f"code of {langcodes.Language.get(loc).display_name()}, which the language checks cannot "
                f"identify; checked as {lang}. To keep this without the warning, add [locale_aliases] "
                f"{loc} = \"{lang}\" to transcheck.toml ({loc} = \"{loc}\" keeps '{loc}')"
                for loc, lang in sorted(relabel.items())]
    return out, warnings
