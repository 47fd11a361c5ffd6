"""A block present in the other locales and absent here.

After alignment, a position where most locales (or the reference) have a block and
this locale has nothing is a missing block: a paragraph, list item, code block or
heading that was never translated or was deleted. The finding points at the place
where the block should be (after this locale's previous block) and quotes what the
others have there.
"""

from __future__ import annotations

import sys
from typing import Iterator

from ..model import AlignedPage, Example, Finding
from .base import RuleContext, describe, make_finding, severity_for

ID = "missing-block"
CATEGORY = "missing-content"
SEVERITY = "error"
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


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding for each locale that lacks a block the others have."""
    rule = sys.modules[__name__]
    moved = {(m.locale, m.missing_row) for m in ctx.facts.moves}
    last_end: dict[str, int] = {}  # locale -> end line of its last block before row ``scanned``
    scanned = 0
    for index, verdict in ctx.facts.presence.items():
        row = page.rows[index]
        if verdict.expected is not True:
            continue
        for earlier in page.rows[scanned:row.index]:  # one pass over the page (where_missing, linear)
            last_end.update({lc: s.end_line for lc, s in earlier.cells.items() if s is not None})
        scanned = max(scanned, row.index)
        holders = row.present()
        sample_loc = page.reference if page.reference in holders else next(iter(holders))
        sample = holders[sample_loc]
        if sample.kind == "component":
            continue  # a lost MDX component or admonition is structure drift (rule structure)
        for loc in verdict.deviants:
            if (loc, row.index) in moved:
                continue  # reported by moved-block
            line = 1 if loc not in last_end else \
                min(last_end[loc] + 1, page.documents[loc].line_count or last_end[loc] + 1)
            note = " (majority used)" if verdict.basis in ("majority", "tie") else ""
            where = ", ".join(f"{lc} line {s.line}" for lc, s in holders.items())
            msg = f"missing {describe(sample)}; present in {where}{note}"
            yield make_finding(rule, page, loc, None, msg, expected=sample.text.strip(), actual="(none)",
                               severity=severity_for(SEVERITY, verdict.basis), basis=verdict.basis,
                               row=row, key=(sample.kind, sample.text.strip()[:200]),
                               line=line, end_line=line)
