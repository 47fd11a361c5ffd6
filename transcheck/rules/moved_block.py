"""A block that stands at another place in this locale than in the others.

Alignment sees a moved block as a gap where the others have it and an extra block
somewhere else. When the extra block is the missing one (same code, or the same code
spans, links and numbers; or, with the semantic stage on, a block whose embedding
matches the missing block's in the other locales: consensus cosine at least 0.7), it
is reported once, as moved, instead of as missing plus extra. So two paragraphs
swapped in one locale are one moved paragraph, even without code, links or numbers.
The moved block is then compared where the others have it, so the move changes no
other finding and no vote: only the locale that moved it is reported. On a page where
the locale also lacks blocks the others have (:data:`STALE_MISSING` or more), a move is
info: the translation keeps an older version of the page, with its old order, and the
missing blocks say so.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import Iterator

from ..model import AlignedPage, Example, Finding
from .base import RuleContext, make_finding, shorten

ID = "moved-block"
CATEGORY = "structure-drift"
SEVERITY = "warning"
WHY = ("A block at another place changes the order of steps for the readers of one locale.")
"""Why it matters (shown by ``transcheck explain``)."""
FACTS = ("moves",)
STALE_MISSING = 3
"""Missing blocks from which a locale's page is taken for an older version of the page."""

EXAMPLES = (  # structural examples: also found without embeddings
    Example("same order", {
        "de": "Text `a`.\n\n```\nls\n```\n\nEnde `b`.\n",
        "fr": "Texte `a`.\n\n```\nls\n```\n\nFin `b`.\n",
    }, fails=False),
    Example("a code block moved to the end", {
        "de": "Text `a`.\n\n```\nls -la\n```\n\nMehr `b`.\n\nEnde `c`.\n",
        "fr": "Texte `a`.\n\n```\nls -la\n```\n\nPlus `b`.\n\nFin `c`.\n",
        "pt": "Texto `a`.\n\nMais `b`.\n\nFim `c`.\n\n```\nls -la\n```\n",
    }, fails=True),
)


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per block that one locale has at another place."""
    rule = sys.modules[__name__]
    lacking = Counter(loc for v in ctx.facts.presence.values() if v.expected is True for loc in v.deviants)
    for move in ctx.facts.moves:
        loc, mi, ei = move.locale, move.missing_row, move.extra_row
        seg = page.rows[ei].cells[loc]
        assert seg is not None
        holders = {lc: s for lc, s in page.rows[mi].present().items() if lc != loc}
        where = ", ".join(f"{lc} line {s.line}" for lc, s in holders.items())
        before = next((r.cells.get(loc) for r in reversed(page.rows[:mi]) if r.cells.get(loc)), None)
        after_txt = f"after line {before.end_line}" if before else "at the top"
        msg = (f"{seg.kind.replace('_', ' ')} \"{shorten(seg.text, 50)}\" moved: the others "
               f"({where}) have it {after_txt} of this file")
        stale = lacking[loc] >= STALE_MISSING
        if stale:
            msg += f" (this page lacks {lacking[loc]} blocks the others have: an older order?)"
        yield make_finding(rule, page, loc, seg, msg, expected=f"{after_txt}", actual=f"line {seg.line}",
                           severity="info" if stale else SEVERITY, basis="majority" if not page.reference else "reference",
                           row=page.rows[mi], key=(seg.kind, seg.text.strip()[:200]))
