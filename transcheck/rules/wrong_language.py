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

from ..analyse.language import base_language, language_name
from ..model import AlignedPage, Example, Finding
from ..analyse.language.pages import MISFILED_SHARE
from .base import Option, RuleContext, make_finding

ID = "wrong-language"
CATEGORY = "mixed-language"
SEVERITY = "error"
WHY = ("A whole file in another language (a copy placed in the wrong folder) shows every "
       "reader of this locale a page they may not read.")
"""Why it matters (shown by ``transcheck explain``)."""
FACTS = ("misfiled",)
CONF = (Option("wrong_language_share", MISFILED_SHARE, "share of a file's text in one other language "
               "that makes the whole file misfiled"),)

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


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per file written in another language than its locale's."""
    for locale, det in sorted(ctx.facts.misfiled.items()):
        doc = page.documents[locale]
        expected = base_language(locale)
        first = next((s for s in doc.segments if s.is_prose and s.prose.strip()), None)
        msg = (f"this {language_name(expected)} ({locale}) file is written in "
               f"{language_name(det.lang)} ({det.lang}: {det.confidence:.0%} of its text)")
        yield make_finding(sys.modules[__name__], page, locale, first, msg,
                           expected=language_name(expected), actual=language_name(det.lang),
                           key=(det.lang,))
