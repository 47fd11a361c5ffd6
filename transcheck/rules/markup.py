"""Inline HTML elements and strikethrough that one locale lost or gained.

Formatting carries meaning in documentation (a ``<kbd>`` key, a ``<br>``, a struck-out
option). Each aligned prose block must keep the same number of each kind of markup;
its position in the sentence may move. Bold and italics follow each language's
conventions and are checked by the ``emphasis`` rule (info by default). An ``<abbr>`` or
``<dfn>`` that only a translation adds (explaining a term) is info, and so is bold or italics
it adds in HTML (``<strong>МАЄ</strong>`` for "MUST" inside an HTML table).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import Iterator

from ..model import AlignedPage, Example, Finding
from .base import RuleContext, markup_counts, markup_findings

ID = "markup"
CATEGORY = "markup-drift"
SEVERITY = "warning"
WHY = ("Bold, emphasis and inline HTML carry warnings and labels; losing them in one locale "
       "hides what the source stresses.")
"""Why it matters (shown by ``transcheck explain``)."""

EXAMPLES = (
    Example("a key moves with the words", {
        "de": "Drücken Sie <kbd>Strg</kbd>, um das Image zu bauen.\n",
        "fr": "Pour construire l'image, appuyez sur <kbd>Ctrl</kbd>.\n",
    }, fails=False),
    Example("a lost key", {
        "de": "Drücken Sie <kbd>Strg</kbd>, um das Image zu bauen.\n",
        "fr": "Pour construire l'image, appuyez sur Ctrl.\n",
        "pt": "Pressione <kbd>Ctrl</kbd> para construir a imagem.\n",
    }, fails=True),
)

_NAMES = {"strike": "strikethrough"}


_EXPLANATORY = frozenset({"<abbr>", "<dfn>"})
_EMPHASIS = frozenset({"<strong>", "<b>", "<em>", "<i>"})


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per prose block and locale whose markup counts differ."""
    for f in markup_findings(sys.modules[__name__], page, lambda loc, s: markup_counts(s, _NAMES)):
        if f.expected == "(none)" and set(f.actual.split(", ")) <= _EXPLANATORY | _EMPHASIS:
            f = replace(f, severity="info")  # a translator explaining a term, or stressing a word in HTML
        yield f
