"""Bold and italics that one locale lost or gained.

Languages emphasise differently: Italian italicises foreign terms, Chinese and
Japanese have no italics, some translators bold the key word of a sentence. A
difference in bold or italics alone is therefore info by default; raise it in the
configuration (``emphasis = "warning"`` under ``[severity]``) where a team keeps
emphasis strictly. Lost inline HTML, strikethrough and links are other rules' findings
(``markup``, ``link-target``) at their own severity.
"""

from __future__ import annotations

import sys
from typing import Iterator

from ..model import AlignedPage, Example, Finding
from .base import RuleContext, markup_counts, markup_findings

ID = "emphasis"
CATEGORY = "markup-drift"
SEVERITY = "info"
WHY = ("Bold often marks the warning or the key term of a sentence; a locale that lost it "
       "hides what the source stresses (a weak signal, hence info by default).")
"""Why it matters (shown by ``transcheck explain``)."""

EXAMPLES = (
    Example("bold moves with the words", {
        "de": "**Hinweis**: Ihr Image ist in der Liste.\n",
        "fr": "**Remarque** que votre image est dans la liste.\n",
    }, fails=False),
    Example("a lost bold", {
        "de": "**Hinweis**: Ihr Image ist in der Liste.\n",
        "fr": "Remarque : votre image est dans la liste.\n",
        "pt": "**Observe** que sua imagem está na lista.\n",
    }, fails=True),
)

_NAMES = {"strong": "bold", "em": "italic"}


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per prose block and locale whose bold/italic counts differ."""
    return markup_findings(sys.modules[__name__], page, lambda loc, s: markup_counts(s, _NAMES, html=False))
