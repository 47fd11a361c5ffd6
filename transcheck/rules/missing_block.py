"""A block present in the other locales and absent here.

After alignment, a position where most locales (or the reference) have a block and
this locale has nothing is a missing block: a paragraph, list item, code block or
heading that was never translated or was deleted. The finding points at the place
where the block should be (after this locale's previous block) and quotes what the
others have there. Consecutive missing blocks are one finding with their line range;
a copy that lacks most of the page is one ``stub-page`` finding instead.
"""

from __future__ import annotations

import sys
from typing import Iterator

from ..analyse.coverage import line_ranges, witness
from ..model import AlignedPage, AlignedRow, Example, Finding, Segment
from .base import RuleContext, describe, make_finding, severity_for

ID = "missing-block"
CATEGORY = "missing-content"
SEVERITY = "error"
WHY = ("A paragraph, step or code block missing in one locale leaves its readers with an "
       "incomplete procedure.")
"""Why it matters (shown by ``transcheck explain``)."""
FACTS = ("moves",)

EXAMPLES = (
    Example("all blocks present", {
        "de": "# Titel\n\nErster Absatz.\n\n```bash\nls\n```\n",
        "fr": "# Titre\n\nPremier paragraphe.\n\n```bash\nls\n```\n",
    }, fails=False),
    Example("a code block missing", {
        "de": "# Titel\n\nFühren Sie aus:\n\n```bash\ndocker image ls\n```\n\nFertig.\n",
        "fr": "# Titre\n\nExécutez :\n\n```bash\ndocker image ls\n```\n\nTerminé.\n",
        "pt": "# Título\n\nExecute:\n\nPronto.\n",
    }, fails=True),
)


def _runs(page: AlignedPage, ctx: RuleContext) -> list[tuple[str, int, list]]:
    """(locale, line where the blocks should be, [(row, verdict), ...]) per run of missing blocks.

    A run ends where the locale has a block again. Blocks reported as moved, and every
    block of a stub copy (reported once by ``stub-page``), are left out.
    """
    moved = {(m.locale, m.missing_row) for m in ctx.facts.moves}
    open_runs: dict[str, tuple[int, list]] = {}
    runs: list[tuple[str, int, list]] = []
    last_end: dict[str, int] = {}
    for row in page.rows:
        for loc, seg in sorted(row.cells.items()):
            if seg is not None:
                if loc in open_runs:
                    runs.append((loc, *open_runs.pop(loc)))
                last_end[loc] = seg.end_line
        verdict = ctx.facts.presence.get(row.index)
        if verdict is None or verdict.expected is not True:
            continue
        if _sample(page, row).kind == "component":
            continue  # a lost MDX component or admonition is structure drift (rule structure)
        for loc in verdict.deviants:
            if (loc, row.index) in moved or loc in ctx.facts.stubs:
                continue
            if loc not in open_runs:
                line = 1 if loc not in last_end else \
                    min(last_end[loc] + 1, page.documents[loc].line_count or last_end[loc] + 1)
                open_runs[loc] = (line, [])
            open_runs[loc][1].append((row, verdict))
    runs.extend((loc, *run) for loc, run in sorted(open_runs.items()))
    return sorted(runs, key=lambda r: (r[0], r[1]))


def _sample(page: AlignedPage, row: AlignedRow) -> Segment:
    holders = row.present()
    return holders[page.reference if page.reference in holders else next(iter(holders))]


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding for each run of blocks a locale lacks and the others have.

    One missing block is one finding; consecutive missing blocks fold into one finding
    that lists them and gives their line range in the locale quoted.
    """
    rule = sys.modules[__name__]
    for loc, line, items in _runs(page, ctx):
        weak = [v.basis for _, v in items if v.basis in ("majority", "tie")]
        basis = weak[0] if weak else items[0][1].basis
        note = " (majority used)" if weak else ""
        sev = severity_for(SEVERITY, basis)
        if len(items) == 1:
            row = items[0][0]
            sample = _sample(page, row)
            where = ", ".join(f"{lc} line {s.line}" for lc, s in row.present().items())
            yield make_finding(rule, page, loc, None, f"missing {describe(sample)}; present in {where}{note}",
                               expected=sample.text.strip(), actual="(none)", severity=sev, basis=basis,
                               row=row, key=(sample.kind, sample.text.strip()[:200]), line=line, end_line=line)
            continue
        rows = [row for row, _ in items]
        src = witness(page, rows)
        segs = [row.cells.get(src) or _sample(page, row) for row in rows]
        listed = ", ".join(describe(s) for s in segs[:3]) + (f", +{len(segs) - 3} more" if len(segs) > 3 else "")
        spans = [(s.line, s.end_line) for s in (row.cells.get(src) for row in rows) if s is not None]
        quoted = "\n\n".join(s.text.strip() for s in segs[:5])
        yield make_finding(rule, page, loc, None,
                           f"missing {len(rows)} blocks: {listed}; present in {src} lines {line_ranges(spans)}{note}",
                           expected=quoted + (f"\n\n… (+{len(segs) - 5} more blocks)" if len(segs) > 5 else ""),
                           actual="(none)", severity=sev, basis=basis, row=rows[0],
                           key=tuple((s.kind, s.text.strip()[:200]) for s in segs), line=line, end_line=line)
