"""A prose segment left untranslated: a copy of another locale's text.

A heading, paragraph, list item or table row that is (nearly) identical to the
same aligned segment of a locale in another language, or that is written in the
reference (source) language, was most likely never translated. Segments with
little translatable text (short labels, commands, identifiers, product names such
as ``FROM python:3.8-alpine``) are ignored.

When no reference locale is set, the copy is told from the original by the
segment's own language: the locale whose text is not in its language is reported.

Threshold ``untranslated_ratio`` (default 0.9): the minimum similarity (difflib
ratio on case-, space- and punctuation-normalised prose) that counts as a copy.
"""

from __future__ import annotations

import sys
from typing import Iterator

from ..analyse.language import base_language, detect, has_translatable_text, is_language, language_name, same_text_ratio
from ..model import AlignedPage, AlignedRow, Example, Finding, Segment
from .base import CheckContext, make_finding, shorten

ID = "untranslated"
CATEGORY = "untranslated"
SEVERITY = "warning"

EXAMPLES = (
    Example(
        "A paragraph copied from the English source",
        {
            "en": "Check that your image shows up in the list of your images.\n",
            "de": "Check that your image shows up in the list of your images.\n",
        },
        True,
    ),
    Example(
        "Translated text, and a bare command label left as is",
        {
            "en": "**RUN pip install flask**\n\nCheck that your image shows up in the list of your images.\n",
            "de": "**RUN pip install flask**\n\nVergewissern Sie sich, dass Ihr Image in Ihrer Imageliste angezeigt wird.\n",
        },
        False,
    ),
)

MIN_CONFIDENCE = 0.5


def locale_language(page: AlignedPage, locale: str) -> str:
    """The language a locale's copy is expected to be written in, or ``""``."""
    doc = page.documents.get(locale)
    lang = doc.detected_language if doc is not None and doc.detected_language else locale
    return base_language(lang) if is_language(lang) else ""


def untranslated_source(page: AlignedPage, row: AlignedRow, locale: str, seg: Segment,
                        ratio: float = 0.9) -> tuple[str, str] | None:
    """Why ``seg`` (in ``locale``) looks untranslated: ``(other locale, basis)``.

    ``basis`` is ``reference`` (copy of the reference locale), ``evidence`` (copy of
    another locale, and the text is not in this locale's language) or ``language``
    (written in the reference language). ``None`` when it looks translated.
    """
    lang = locale_language(page, locale)
    if not lang or not seg.is_prose or locale == page.reference:
        return None
    if not has_translatable_text(seg.prose):
        return None
    copies = []
    for other, oseg in row.present().items():
        if other == locale or not oseg.is_prose:
            continue
        olang = locale_language(page, other)
        if not olang or olang == lang:
            continue
        if same_text_ratio(seg.prose, oseg.prose, at_least=ratio) >= ratio:
            copies.append(other)
    if copies:
        if page.reference in copies:
            return page.reference, "reference"
        det = detect(seg.prose)
        if det.lang and det.lang != lang and det.confidence >= MIN_CONFIDENCE:
            same = [c for c in copies if locale_language(page, c) == det.lang]
            return (same or copies)[0], "evidence"
        return None
    if page.reference and page.reference in page.documents:
        ref_lang = locale_language(page, page.reference)
        if ref_lang and ref_lang != lang:
            det = detect(seg.prose)
            if det.lang == ref_lang and det.confidence >= 0.9:
                return page.reference, "language"
    return None


def check(page: AlignedPage, ctx: CheckContext) -> Iterator[Finding]:
    """Report prose segments that copy another locale's text instead of translating it."""
    from .wrong_language import misfiled
    ratio = ctx.settings.threshold("untranslated_ratio", 0.9)
    skip = misfiled(page, ctx)  # files wholly in another language are reported once, by wrong-language
    for row in page.rows:
        for locale, seg in row.present().items():
            if locale in skip:
                continue
            why = untranslated_source(page, row, locale, seg, ratio)
            if why is None:
                continue
            other, basis = why
            lang = locale_language(page, locale)
            if basis == "language":
                msg = (f"{seg.kind.replace('_', ' ')} is in {language_name(locale_language(page, other))}, "
                       f"not translated to {language_name(lang)}")
            else:
                msg = (f"{seg.kind.replace('_', ' ')} is the same as in {other}: "
                       f"not translated to {language_name(lang)}")
            yield make_finding(
                sys.modules[__name__], page, locale, seg, msg,
                expected=f"text in {language_name(lang)} ({lang})",
                actual=shorten(seg.text),
                basis="reference" if basis in ("reference", "language") else "evidence",
                row=row,
                key=(" ".join(seg.prose.split()),),
            )
