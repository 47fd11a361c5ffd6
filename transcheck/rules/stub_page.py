"""A translation that holds only a fraction of the page: a stub or a stale copy.

Real sites keep translated files that hold only front matter and a title, or an old
version that covers a quarter of today's source. Reporting each absent block of such a
file buries the rest of the report, so a copy holding less than ``stub_coverage``
(default 0.5) of the page's blocks gets one page-level finding instead: "covers 12 % of
the reference (en): 41 of 47 blocks missing (en lines 5-80)", and no ``missing-block``
findings. The expected blocks are the reference's (N-way: those most locales have);
front matter is not counted, and a page needs at least ``stub_min_blocks`` (default 4)
expected blocks for a copy to count as a stub.
"""

from __future__ import annotations

import sys
from typing import Iterator

from ..analyse.coverage import STUB_COVERAGE, STUB_MIN_BLOCKS, line_ranges, witness
from ..model import AlignedPage, Example, Finding, Option
from ..textutil import percent
from .base import RuleContext, make_finding

ID = "stub-page"
CATEGORY = "missing-content"
SEVERITY = "warning"
WHY = ("A stub or a stale partial copy shows its readers a fraction of the page as if it were "
       "the whole: one finding says so, where a list of missing blocks would bury the report.")
"""Why it matters (shown by ``transcheck explain``)."""
CONF = (
    Option("stub_coverage", STUB_COVERAGE,
           "a copy holding less than this share of the page's blocks is one stub-page finding"),
    Option("stub_min_blocks", STUB_MIN_BLOCKS, "pages with fewer expected blocks have no stubs"),
)

_FULL_DE = ("# Titel\n\nErster Absatz.\n\n## Schritt eins\n\nZweiter Absatz.\n\n```bash\nls -la\n```\n\n"
            "Fertig.\n")
_FULL_FR = ("# Titre\n\nPremier paragraphe.\n\n## Étape un\n\nDeuxième paragraphe.\n\n```bash\nls -la\n```\n\n"
            "Terminé.\n")

EXAMPLES = (
    Example("every copy complete", {"de": _FULL_DE, "fr": _FULL_FR}, fails=False),
    Example("a copy with only front matter and its title", {
        "de": _FULL_DE, "fr": _FULL_FR, "pt": "---\ntitle: Título\nweight: 10\n---\n\n# Título\n",
    }, fails=True),
)


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per locale whose copy holds only a fraction of the page."""
    rule = sys.modules[__name__]
    for loc, share in sorted(ctx.facts.stubs.items()):
        rows = [page.rows[i] for i in share.missing]
        src = witness(page, rows)
        spans = [(s.line, s.end_line) for s in (r.cells.get(src) for r in rows) if s is not None]
        of = f"the reference ({src})" if page.reference else "the other locales"
        msg = (f"covers {percent(share.share)} % of {of}: {len(share.missing)} of {share.expected} blocks "
               f"missing" + (f" ({src} lines {line_ranges(spans)})" if spans else "")
               + "; a stub or a stale copy: translate or update the whole page")
        doc = page.documents[loc]
        yield make_finding(rule, page, loc, None, msg, expected=f"{share.expected} blocks",
                           actual=f"{share.expected - len(share.missing)} blocks",
                           basis="reference" if page.reference else "majority",
                           key=(share.expected,), line=1, end_line=max(1, doc.line_count))
