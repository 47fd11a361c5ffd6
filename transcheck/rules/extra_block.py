"""A block present here and absent from the other locales (or the reference).

The reverse of ``missing-block``: a paragraph, code block or list item that only this
locale has, e.g. a translator's note, a block pasted twice, or leftover text from an
older version of the page.
"""

from __future__ import annotations

import sys
from typing import Iterator

from ..model import AlignedPage, Example, Finding
from .base import RuleContext, describe, make_finding, severity_for

ID = "extra-block"
CATEGORY = "extra-content"
SEVERITY = "warning"
WHY = ("A block only one locale has is often a leftover of an old source version or a paste "
       "in the wrong file; readers of other locales miss it, or this one reads something the "
       "source no longer says.")
"""Why it matters (shown by ``transcheck explain``)."""
FACTS = ("moves",)

EXAMPLES = (
    Example("nothing extra", {
        "de": "Erster Absatz.\n\nZweiter Absatz.\n",
        "fr": "Premier paragraphe.\n\nDeuxième paragraphe.\n",
    }, fails=False),
    Example("an extra code block", {
        "de": "Führen Sie aus:\n\n```bash\nls -la\n```\n\nFertig.\n",
        "fr": "Exécutez :\n\nTerminé.\n",
        "pt": "Execute:\n\nPronto.\n",
    }, fails=True),
)


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding for each block only a minority of locales (not the reference) has."""
    rule = sys.modules[__name__]
    moved = {(m.locale, m.extra_row) for m in ctx.facts.moves}
    for index, verdict in ctx.facts.presence.items():
        row = page.rows[index]
        if verdict.expected is not False:
            continue
        lacking = ", ".join(verdict.supporters)
        note = " (majority used)" if verdict.basis in ("majority", "tie") else ""
        for loc in verdict.deviants:
            if (loc, row.index) in moved:
                continue  # reported by moved-block
            seg = row.cells[loc]
            assert seg is not None
            msg = f"extra {describe(seg)}: not in {lacking}{note}"
            yield make_finding(rule, page, loc, seg, msg, expected="(none)", actual=seg.text.strip(),
                               severity=severity_for(SEVERITY, verdict.basis), basis=verdict.basis,
                               row=row, key=(seg.kind, seg.text.strip()[:200]))
