"""Block structure that differs: heading levels, block kinds, lists, quotes, tables.

The aligned blocks of a segment position must have the same shape in every locale:
a heading stays a heading of the same level, a list item stays in the same kind of
list at the same depth, a block quote stays quoted, a table row keeps its number of
cells. Wording is free; shape is not.
"""

from __future__ import annotations

import sys
from typing import Iterator

from ..model import AlignedPage, Example, Finding, Segment
from .base import RuleContext, judge, make_finding, severity_for

ID = "structure"
CATEGORY = "structure-drift"
SEVERITY = "warning"

EXAMPLES = (
    Example("same shape, other words", {
        "de": "## Installation\n\n- eins\n- zwei\n",
        "fr": "## Installation\n\n- un\n- deux\n",
    }, fails=False),
    Example("a heading level changed", {
        "de": "# Titel\n\n## Schritt eins\n\nText.\n",
        "fr": "# Titre\n\n### Première étape\n\nTexte.\n",
        "pt": "# Título\n\n## Primeiro passo\n\nTexto.\n",
    }, fails=True),
)


def _shape(seg: Segment) -> tuple[str, str]:
    """A short comparable description of a block's shape, and its readable form."""
    if seg.kind == "heading":
        return f"h{seg.level}", f"level-{seg.level} heading"
    if seg.kind == "table_row":
        return f"row{len(seg.cells)}", f"table row with {len(seg.cells)} cells"
    where = ""
    if seg.container:
        where = " in " + " > ".join(c.replace("_", " ") for c in seg.container)
    kind = seg.kind.replace("_", " ")
    depth = f" (depth {seg.level})" if seg.kind == "list_item" and seg.level > 1 else ""
    return f"{seg.kind}|{'/'.join(seg.container)}|{seg.level if seg.kind == 'list_item' else 0}", \
        f"{kind}{depth}{where}"


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per block whose shape differs from the expected shape."""
    rule = sys.modules[__name__]
    for row in page.rows:
        segs = row.present()
        if len(segs) < 2:
            continue
        shapes = {loc: _shape(s) for loc, s in segs.items()}
        verdict = judge({loc: s[0] for loc, s in shapes.items()}, page.reference)
        if verdict.expected is None:
            continue
        readable = next(s[1] for s in shapes.values() if s[0] == verdict.expected)
        for loc in verdict.deviants:
            seg = segs[loc]
            note = " (majority used)" if verdict.basis in ("majority", "tie") else ""
            msg = (f"{shapes[loc][1]} where {', '.join(verdict.supporters)}{note} have a {readable}")
            yield make_finding(rule, page, loc, seg, msg, expected=readable, actual=shapes[loc][1],
                               severity=severity_for(SEVERITY, verdict.basis), basis=verdict.basis,
                               row=row, key=(readable, shapes[loc][1]))
