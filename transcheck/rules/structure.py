"""Block structure that differs: heading levels, block kinds, lists, quotes, tables.

The aligned blocks of a segment position must have the same shape in every locale:
a heading stays a heading of the same level, a list item stays in the same kind of
list at the same depth, a block quote stays quoted, a table row keeps its number of
cells, an admonition (``:::tip``) or MDX component (``<Tabs>``, ``<Aside type="tip">``)
keeps its kind, and one that the reference (or most locales) has is not lost.
Wording is free; shape is not.
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


def _component(info: str) -> str:
    """``admonition:tip`` -> ``tip admonition``; ``Aside:tip`` -> ``<Aside tip>``."""
    if info.startswith("admonition:"):
        return f"{info.split(':', 1)[1]} admonition"
    name, _, kind = info.partition(":")
    return f"<{name} {kind}>" if kind else f"<{name}>"


def _where(seg: Segment) -> str:
    """`` in bullet list > tip admonition``: the containers of a block, readable."""
    if not seg.container:
        return ""
    return " in " + " > ".join(_component(c.strip("<>")) if c.startswith(("<", "admonition:"))
                               else c.replace("_", " ") for c in seg.container)


def _shape(seg: Segment) -> tuple[str, str]:
    """A short comparable description of a block's shape, and its readable form."""
    if seg.kind == "component":
        return f"component:{seg.info}|{'/'.join(seg.container)}", _component(seg.info) + _where(seg)
    if seg.kind == "heading":
        return f"h{seg.level}", f"level-{seg.level} heading"
    if seg.kind == "table_row":
        return f"row{len(seg.cells)}", f"table row with {len(seg.cells)} cells"
    where = _where(seg)
    kind = seg.kind.replace("_", " ")
    depth = f" (depth {seg.level})" if seg.kind == "list_item" and seg.level > 1 else ""
    return f"{seg.kind}|{'/'.join(seg.container)}|{seg.level if seg.kind == 'list_item' else 0}", \
        f"{kind}{depth}{where}"


def _lost_components(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """MDX components and admonitions the reference (or most locales) has and a locale lacks."""
    rule = sys.modules[__name__]
    last_end: dict[str, int] = {}  # locale -> end line of its last block before row ``scanned``
    scanned = 0
    for index, verdict in ctx.facts.presence.items():
        row = page.rows[index]
        holders = row.present()
        sample = holders.get(page.reference) or next(iter(holders.values()))
        if verdict.expected is not True or sample.kind != "component":
            continue
        for earlier in page.rows[scanned:index]:
            last_end.update({lc: s.end_line for lc, s in earlier.cells.items() if s is not None})
        scanned = max(scanned, index)
        readable = _component(sample.info)
        said = f'{readable} "{sample.text}"' if sample.text else readable
        where = ", ".join(f"{lc} line {s.line}" for lc, s in holders.items())
        note = " (majority used)" if verdict.basis in ("majority", "tie") else ""
        for loc in verdict.deviants:
            line = min(last_end.get(loc, 0) + 1, page.documents[loc].line_count or 1)
            yield make_finding(rule, page, loc, None, f"lost {said}; present in {where}{note}",
                               expected=readable, actual="(none)", severity=severity_for(SEVERITY, verdict.basis),
                               basis=verdict.basis, row=row, key=("lost", sample.info), line=line, end_line=line)


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per block whose shape differs from the expected shape, and one
    per MDX component or admonition a locale lost."""
    rule = sys.modules[__name__]
    yield from _lost_components(page, ctx)
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
