"""A page that a translation lacks, one finding per page (off unless selected).

Real sites translate a subset of their pages, so a page a locale lacks is coverage, not
drift: every report opens with each locale's coverage (pages translated, share), and
this rule stays off. A site that requires every page in every locale selects it by
name (``--select missing-page``, or ``select`` in the configuration): then each page
a locale lacks is reported for that locale, at the path where it is expected. A page
the reference itself lacks is an orphan (``orphan-page``), never "missing" here.
"""

from __future__ import annotations

from typing import Iterator

from ..model import AlignedPage, Example, Finding
from .base import RuleContext, expected_path, fingerprint

ID = "missing-page"
CATEGORY = "missing-content"
SEVERITY = "error"
WHY = ("A page missing in one locale leaves its readers with a dead link in the navigation, "
       "or sends them to another language.")
"""Why it matters (shown by ``transcheck explain``)."""
SCOPE = "group"
DEFAULT_ENABLED = False
"""Runs only when ``--select`` names it: missing pages are coverage by default."""

EXAMPLES = (
    Example("page in every locale", {"de": "# Titel\n", "fr": "# Titre\n"}, fails=False),
)


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding for each expected locale the page group lacks."""
    group = ctx.facts.group
    if group is None:
        return
    expected = ctx.facts.expected_locales
    have = set(group.locales)
    reference = ctx.facts.site_reference
    if len(have) == 0 or (reference is not None and reference not in have):
        return  # an orphan page: see orphan-page
    for loc in expected:
        if loc in have or loc == "":
            continue
        path = expected_path(group, loc)
        yield Finding(rule=ID, category=CATEGORY, severity=SEVERITY, page=group.page, locale=loc,
                      file=path, line=1, end_line=1,
                      message=f"page missing in this locale; it exists in {', '.join(sorted(have))}",
                      expected=group.files[0].display, actual="(no file)",
                      fingerprint=fingerprint(ID, group.page, loc))
