"""Page-level language facts: the language each copy should be in, files written in
another language (misfiled), and prose segments copied instead of translated."""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice
from typing import Collection, Mapping

from ...locales import base_language
from ..autonyms import without_autonyms
from ...model import AlignedPage, AlignedRow, Copy, Detection, PageGroup, Segment
from ..sketch import copy_candidates, sketches
from .data import STOPWORDS, is_language
from .detect import detect, langdetect_scores, normalise_prose, same_text_ratio
from .documents import foreign_document
from .scripts import has_translatable_text, language_scripts, natural_words, script_of

SAMPLE_SEGMENTS = 40
"""How many prose segments of a file are read to identify its language."""

MIN_WORDS = 12
"""A file with fewer natural-language words than this is not judged."""

MIN_SEGMENTS = 3
"""A file with fewer prose blocks is left to the segment-level rules."""

MISFILED_SHARE = 0.6
"""Default share of a file's text in another language that makes it misfiled
(threshold ``wrong_language_share``)."""

COPY_RATIO = 0.9
"""Default similarity from which a segment is a copy of another locale's (threshold
``untranslated_ratio``)."""

MIN_CONFIDENCE = 0.5
"""Detection confidence from which a copied segment's language counts as evidence."""


_NAME = r"[A-Z][\w.+-]*(?: [A-Z][\w.+-]*){0,3}"
_NAMES_RE = re.compile(rf"\s*{_NAME}(?:\s*[/|·]\s*{_NAME})+\s*")
"""Capitalised names (four words at most each) separated by ``/``, ``|`` or ``·``:
``Netlify / Vercel / Cloudflare Pages / AWS Amplify / Render``."""


def names_only(prose: str) -> bool:
    """True when ``prose`` is a list of names separated by slashes, bars or middle dots (a
    heading of product names), which a translation keeps as a name."""
    return _NAMES_RE.fullmatch(prose) is not None


def page_languages(page: AlignedPage) -> dict[str, str]:
    """locale -> the base language its copy should be written in (``""`` when unknown)."""
    return {loc: base_language(loc) if is_language(loc) else "" for loc in sorted(page.documents)}


def misfiled(page: AlignedPage, group: PageGroup | None,
             min_share: float = MISFILED_SHARE) -> dict[str, Detection]:
    """Locales of this page whose whole file is written in another language, with that language.

    Files whose locale was identified from their text are not judged, nor files with
    too little prose to tell (the segment-level rules judge those).
    """
    by_path = {pf.display: pf for pf in group.files} if group is not None else {}
    out: dict[str, Detection] = {}
    for locale, doc in page.documents.items():
        pf = by_path.get(doc.path)
        if pf is not None and pf.locale_source == "content":
            continue
        expected = base_language(locale)
        if not is_language(expected):
            continue
        texts = (without_autonyms(s) for s in doc.segments if s.is_prose and s.prose.strip())
        prose = list(islice((p for p in texts if p.strip()), SAMPLE_SEGMENTS))
        if len(prose) < MIN_SEGMENTS or not _has_words(prose, MIN_WORDS):
            continue  # too little text to tell; segment rules (untranslated) judge short pages
        det = foreign_document(prose, expected, min_share)
        if det is not None:
            out[locale] = det
    return out


def _has_words(texts: list[str], least: int) -> bool:
    """True when ``texts`` hold at least ``least`` natural words (counted until there are)."""
    n = 0
    for text in texts:
        n += len(natural_words(text))
        if n >= least:
            return True
    return False


def translated_in_part(text: str, other: str, lang: str, other_lang: str) -> bool:
    """True when the words ``text`` has and ``other`` lacks are words of ``lang``, not of
    ``other_lang``: a heading or item translated around the terms a style keeps in the source
    language (``Define un *path operation decorator*``, ``Templates और static files``) or
    written in a neighbouring language (``Ми можемо **прочитати** одного героя`` beside the
    Russian ``Мы можем``), not a copy; not when the words it keeps hold a function word of
    ``other_lang`` only (``Revalidar on focus``: a phrase left untranslated). A word counts by
    its script (one ``other_lang`` does not use), as a function word of ``lang`` only, or, for
    the words together, by a seeded langdetect choosing between the two languages; at least one
    word in ten of ``text`` must count."""
    words = normalise_prose(text).split()
    mine, shared = Counter(words), Counter(normalise_prose(other).split())
    own = [w for w in (mine - shared).elements() if not any(c.isdigit() for c in w)]
    theirs = STOPWORDS.get(other_lang, frozenset()) - STOPWORDS.get(lang, frozenset())
    if not own or any(w in theirs for w in mine & shared):
        return False  # what it keeps is a phrase ("Revalidar on focus"), not terms
    least = max(1, len(words) // 10)
    foreign_scripts = language_scripts(lang) - language_scripts(other_lang)
    sure = sum(1 for w in own if any(script_of(c) in foreign_scripts for c in w)
               or (w in STOPWORDS.get(lang, ()) and w not in STOPWORDS.get(other_lang, ())))
    if sure >= least:
        return True
    if len(own) < least or sum(map(len, own)) < 8 or lang == other_lang:
        return False
    probs = langdetect_scores(" ".join(own), tuple(sorted((lang, other_lang))))
    return bool(probs) and probs[0][0] == lang and probs[0][1] >= 0.9


def copied_from(page: AlignedPage, languages: Mapping[str, str], row: AlignedRow, locale: str,
                seg: Segment, ratio: float = COPY_RATIO, maybe: Collection[str] | None = None) -> Copy | None:
    """Why ``seg`` (in ``locale``) looks untranslated, or ``None`` when it looks translated.

    A copy of the reference locale (basis ``reference``); a copy of another locale whose
    text is not in this locale's language (``evidence``); or, with no copy, text in the
    reference's language (``language``). ``maybe``: the only locales whose text may be
    a copy (see :func:`.sketch.copy_candidates`); ``None``: all.
    """
    lang = languages.get(locale, "")
    if not lang or not seg.is_prose or locale == page.reference:
        return None
    prose = without_autonyms(seg)  # a language switcher names languages, it is not untranslated
    short = not has_translatable_text(prose) or names_only(prose)
    if short and not (seg.kind == "heading" and has_translatable_text(prose, min_words=3, min_letters=15)):
        return None  # a three-word heading counts only as a copy of the reference (below)
    copies = []
    for other, oseg in row.present().items():
        if other == locale or not oseg.is_prose:
            continue
        olang = languages.get(other, "")
        if not olang or olang == lang or (maybe is not None and other not in maybe):
            continue
        if same_text_ratio(prose, oseg.prose, at_least=ratio) >= ratio \
                and not translated_in_part(prose, oseg.prose, lang, olang):
            copies.append(other)
    if copies:
        if short:  # a name every locale keeps (``Visual Studio Code``) is not untranslated
            others = {o for o, oseg in row.present().items() if o != locale and oseg.is_prose
                      and languages.get(o, "") not in ("", lang)}
            keep = page.reference in copies and not others <= set(copies)
            return Copy(page.reference, "reference") if keep else None
        if page.reference in copies:
            return Copy(page.reference, "reference")
        det = detect(prose)
        if det.lang and det.lang != lang and det.confidence >= MIN_CONFIDENCE:
            same = [c for c in copies if languages.get(c, "") == det.lang]
            return Copy((same or copies)[0], "evidence")
        return None
    if page.reference and page.reference in page.documents and not short:
        ref_lang = languages.get(page.reference, "")
        if ref_lang and ref_lang != lang:
            det = detect(prose)
            ref = row.cells.get(page.reference)
            if det.lang == ref_lang and det.confidence >= 0.9 \
                    and not translated_in_part(prose, ref.prose if ref is not None else "", lang, ref_lang):
                return Copy(page.reference, "language")
    return None


def untranslated_copies(page: AlignedPage, languages: Mapping[str, str], skip: Mapping[str, object],
                        ratio: float = COPY_RATIO) -> dict[tuple[int, str], Copy]:
    """(row index, locale) -> :class:`~transcheck.model.Copy` for every copied prose segment.

    Locales in ``skip`` (misfiled files, reported once as a whole) are left out, and so is
    text its own file also writes in a code block (:func:`_example_output`). The
    locales of a row are sketched once (:mod:`..sketch`), so difflib compares only the
    pairs that may be copies: linear in locales, not quadratic.
    """
    out: dict[tuple[int, str], Copy] = {}
    examples: dict[str, str] = {}
    for row in page.rows:
        prose = [(loc, seg) for loc, seg in row.present().items() if seg.is_prose]
        maybe: dict[str, set[str]] = {loc: set() for loc, _ in prose}
        both = sketches([without_autonyms(seg) for _, seg in prose] + [seg.prose for _, seg in prose])
        # the text copied_from compares, and the text it is compared with
        for i, j in copy_candidates(both[:len(prose)], both[len(prose):], ratio):
            maybe[prose[i][0]].add(prose[j][0])
        for locale, seg in row.present().items():
            if locale in skip:
                continue
            why = copied_from(page, languages, row, locale, seg, ratio, maybe.get(locale, set()))
            if why is not None and not _example_output(page, locale, seg, examples):
                out[(row.index, locale)] = why
    return out


def _example_output(page: AlignedPage, locale: str, seg: Segment, examples: dict[str, str]) -> bool:
    """True when ``seg``'s text is written in a code block of its own file: the rendered output
    of a Markdown example the translation keeps as it is (``This is a dangerous warning.``
    under the ``::: danger`` example), not text left untranslated. ``examples`` caches each
    locale's code blocks, joined, with runs of spaces made one."""
    if locale not in examples:
        doc = page.documents.get(locale)
        codes = [s.text for s in doc.segments if s.kind == "code"] if doc is not None else []
        examples[locale] = " ".join(" ".join(codes).split())
    text = " ".join(seg.prose.split())
    return bool(text) and text in examples[locale]
