"""A prose segment left untranslated: a copy of another locale's text.

A heading, paragraph, list item or table row that is (nearly) identical to the
same aligned segment of a locale in another language, or that is written in the
reference (source) language, was most likely never translated. Segments with
little translatable text (short labels, commands, identifiers, product names such
as ``FROM python:3.8-alpine``, the language names of a language switcher) are ignored, and so
is text the file also writes in one of its code blocks (the rendered output of a Markdown
example the translation keeps as it is).

When no reference locale is set, the copy is told from the original by the
segment's own language: the locale whose text is not in its language is reported.

A near-copy whose differing words are words of its own language (``Define un *path operation
decorator*`` for ``Define a …``, ``Templates और static files``, Ukrainian ``Ми можемо`` beside
Russian ``Мы можем``) was translated around the terms a style keeps: not a copy.

Threshold ``untranslated_ratio`` (default 0.9): the minimum similarity (difflib
ratio on case-, space- and punctuation-normalised prose) that counts as a copy.
"""

from __future__ import annotations

import sys
from typing import Iterator

from ..analyse.language import language_name
from ..model import AlignedPage, Example, Finding
from ..analyse.language.pages import COPY_RATIO
from .base import Option, RuleContext, make_finding, shorten

ID = "untranslated"
CATEGORY = "untranslated"
SEVERITY = "warning"
WHY = ("Text copied from another locale instead of translated is unreadable for the readers "
       "of this one, and counts as done in translation statistics.")
"""Why it matters (shown by ``transcheck explain``)."""
FACTS = ("misfiled", "copies")
CONF = (Option("untranslated_ratio", COPY_RATIO, "similarity (after normalising case, spaces and "
               "punctuation) from which a segment is a copy of another locale's"),)

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


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Report prose segments that copy another locale's text instead of translating it."""
    languages = ctx.facts.languages
    for row in page.rows:  # misfiled files are left out of the copies: wrong-language reports them
        for locale, seg in row.present().items():
            why = ctx.facts.copies.get((row.index, locale))
            if why is None:
                continue
            other, basis = why.source, why.basis
            lang = languages[locale]
            if basis == "language":
                msg = (f"{seg.kind.replace('_', ' ')} is in {language_name(languages[other])}, "
                       f"not translated to {language_name(lang)}")
            else:
                theirs = row.cells.get(other)
                same = theirs is not None and " ".join(theirs.prose.split()) == " ".join(seg.prose.split())
                msg = (f"{seg.kind.replace('_', ' ')} is {'the same as' if same else 'nearly the same as'} in "
                       f"{other}: not translated to {language_name(lang)}")
            yield make_finding(
                sys.modules[__name__], page, locale, seg, msg,
                expected=f"text in {language_name(lang)} ({lang})",
                actual=shorten(seg.text),
                basis="reference" if basis in ("reference", "language") else "evidence",
                row=row,
                key=(" ".join(seg.prose.split()),),
            )
