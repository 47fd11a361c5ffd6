"""A block present here and absent from the other locales (or the reference).

The reverse of ``missing-block``: a paragraph, code block or list item that only this
locale has, e.g. a translator's note, a block pasted twice, or leftover text from an
older version of the page. Consecutive extra blocks of a locale (a whole section or
table the source no longer has) are one finding with their line range.
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


def _runs(page: AlignedPage, ctx: RuleContext) -> list[tuple[str, list]]:
    """Per locale, its runs of consecutive extra blocks: ``(locale, [(row, verdict), ...])``.

    A run ends at the next block this locale has that is not extra (or is moved).
    """
    moved = {(m.locale, m.extra_row) for m in ctx.facts.moves}
    open_runs: dict[str, list] = {}
    runs: list[tuple[str, list]] = []
    for row in page.rows:
        verdict = ctx.facts.presence.get(row.index)
        extra = set(verdict.deviants) if verdict is not None and verdict.expected is False else set()
        for loc, seg in sorted(row.cells.items()):
            if seg is None:
                continue
            if loc in extra and (loc, row.index) not in moved:  # moved: reported by moved-block
                open_runs.setdefault(loc, []).append((row, verdict))
            elif loc in open_runs:
                runs.append((loc, open_runs.pop(loc)))
    runs.extend(sorted(open_runs.items()))
    return sorted(runs, key=lambda r: (r[0], r[1][0][0].index))


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding for each block only a minority of locales (not the reference) has;
    consecutive extra blocks of one locale fold into one finding."""
    rule = sys.modules[__name__]
    for loc, items in _runs(page, ctx):
        weak = [v.basis for _, v in items if v.basis in ("majority", "tie")]
        basis = weak[0] if weak else items[0][1].basis
        note = " (majority used)" if weak else ""
        lacking = ", ".join(items[0][1].supporters)
        segs = [row.cells[loc] for row, _ in items]
        if len(segs) == 1:
            seg = segs[0]
            shown = seg.text.strip() or describe(seg)  # a component without text: its name
            yield make_finding(rule, page, loc, seg, f"extra {describe(seg)}: not in {lacking}{note}",
                               expected="(none)", actual=shown,
                               severity=severity_for(SEVERITY, basis), basis=basis,
                               row=items[0][0], key=(seg.kind, shown[:200]))
            continue
        listed = ", ".join(describe(s) for s in segs[:3]) + (f", +{len(segs) - 3} more" if len(segs) > 3 else "")
        quoted = "\n\n".join(s.text.strip() for s in segs[:5])
        yield make_finding(rule, page, loc, segs[0],
                           f"extra {len(segs)} blocks: {listed}: not in {lacking}{note}",
                           expected="(none)",
                           actual=quoted + (f"\n\n… (+{len(segs) - 5} more blocks)" if len(segs) > 5 else ""),
                           severity=severity_for(SEVERITY, basis), basis=basis, row=items[0][0],
                           key=tuple((s.kind, s.text.strip()[:200]) for s in segs),
                           end_line=segs[-1].end_line)
