"""A file whose language is not the language of its locale.

A copy under ``fr/`` written in German, or ``page.ja.md`` still in English, is
reported once, at its first prose line, with the identified language. Only files
whose locale comes from their path are judged (files labelled from their content
have the identified language by construction), and only when the identification
is confident (most of the file's letters in one other language).
"""

from __future__ import annotations

import sys
from typing import Iterator

from ..analyse.language import Detection, base_language, document_language, is_language, language_name, natural_words
from ..model import AlignedPage, Example, Finding
from .base import CheckContext, make_finding

ID = "wrong-language"
CATEGORY = "mixed-language"
SEVERITY = "error"

EXAMPLES = (
    Example("each file in its language", {
        "de": "Erstellen Sie das Image mit dem folgenden Befehl und prüfen Sie die Liste der Images.\n",
        "fr": "Créez l'image avec la commande suivante et vérifiez la liste des images.\n",
    }, fails=False),
    Example("a French file written in German", {
        "de": "# Das Image bauen\n\nBauen Sie das Image mit dem folgenden Befehl.\n\n"
              "Prüfen Sie danach die Liste. Die Liste zeigt alle Images, die auf Ihrem "
              "Rechner vorhanden sind.\n",
        "fr": "# Das Image bauen\n\nBauen Sie das Image mit dem folgenden Befehl.\n\n"
              "Sehen Sie sich danach die Liste an. Die Liste zeigt alle Images, die auf Ihrem "
              "Rechner vorhanden sind.\n",
    }, fails=True),
)

SAMPLE_SEGMENTS = 40
"""How many prose segments of a file are read to identify its language."""

MIN_WORDS = 12
"""A file with fewer natural-language words than this is not judged."""

MIN_SEGMENTS = 3
"""A file with fewer prose blocks is left to the segment-level rules."""


def misfiled(page: AlignedPage, ctx: CheckContext) -> dict[str, Detection]:
    """Locales of this page whose file is written in another language, with that language.

    Computed once per page (several rules ask) and kept in ``ctx.extras``.
    """
    memo = ctx.extras.get("_misfiled")
    if memo is not None and memo[0] is page:
        return memo[1]
    min_share = ctx.settings.threshold("wrong_language_share", 0.6)
    group = ctx.extras.get("group")
    by_path = {pf.display: pf for pf in group.files} if group is not None else {}
    out: dict[str, Detection] = {}
    for locale, doc in page.documents.items():
        pf = by_path.get(doc.path)
        if pf is not None and pf.locale_source == "content":
            continue
        expected = base_language(locale)
        if not is_language(expected):
            continue
        prose = [s.prose for s in doc.segments if s.is_prose and s.prose.strip()][:SAMPLE_SEGMENTS]
        if len(prose) < MIN_SEGMENTS or sum(len(natural_words(p)) for p in prose) < MIN_WORDS:
            continue  # too little text to tell; segment rules (untranslated) judge short pages
        det = document_language(prose)
        if det.lang and det.lang != expected and det.confidence >= min_share:
            out[locale] = det
    ctx.extras["_misfiled"] = (page, out)
    return out


def check(page: AlignedPage, ctx: CheckContext) -> Iterator[Finding]:
    """Yield one finding per file written in another language than its locale's."""
    for locale, det in sorted(misfiled(page, ctx).items()):
        doc = page.documents[locale]
        expected = base_language(locale)
        first = next((s for s in doc.segments if s.is_prose and s.prose.strip()), None)
        msg = (f"this {language_name(expected)} ({locale}) file is written in "
               f"{language_name(det.lang)} ({det.lang}: {det.confidence:.0%} of its text)")
        yield make_finding(sys.modules[__name__], page, locale, first, msg,
                           expected=language_name(expected), actual=language_name(det.lang),
                           key=(det.lang,))
