"""The language of unmarked source copies, identified from their text."""

from __future__ import annotations

from dataclasses import replace

from ...analyse.language import document_language, natural_words
from ...markdown.parse import InputFileError, parse_markdown, read_file
from ...model import PageGroup

SOURCE = ""
"""Locale placeholder of unmarked source copies until their language is known."""

SOURCE_SAMPLE = 5
"""How many unmarked source files are read to identify the source language."""

DEFAULT_SOURCE_LOCALE = "en"


def source_language(groups: list[PageGroup]) -> str:
    """The language most of the unmarked source copies' text is in (``en`` when nothing can
    be told); ``""`` when there is no unmarked source copy. A few files are read, in path order."""
    sources = [pf for g in groups for pf in g.files if pf.locale == SOURCE]
    if not sources:
        return ""
    texts: list[str] = []
    for pf in sorted(sources, key=lambda p: p.display)[:SOURCE_SAMPLE]:
        try:
            doc = parse_markdown(read_file(pf.path))
        except InputFileError:
            continue
        texts.extend(s.prose for s in doc.segments if s.is_prose)
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
