"""A page that translations have and the reference does not: an orphan, reported once.

With a reference locale (``--reference``, or the unmarked source of the layout), every
page should start in the reference. A page found only in translations was deleted or
renamed in the source, or never existed there: one finding, in the first locale that
has it (the others are listed as related locations), never one per locale and never
"missing in the reference". Pages a locale lacks are coverage (the overview that
reports open with), not findings.
"""

from __future__ import annotations

from typing import Iterator

from ..model import AlignedPage, Example, Finding, Location
from .base import RuleContext, expected_path, fingerprint

ID = "orphan-page"
CATEGORY = "extra-content"
SEVERITY = "warning"
WHY = ("A page the source deleted or renamed keeps serving its translations: readers find "
       "instructions the product no longer has, and the translators keep paying for it.")
"""Why it matters (shown by ``transcheck explain``)."""
SCOPE = "group"

EXAMPLES = (
    Example("page in the reference and its translations", {"en": "# Title\n", "de": "# Titel\n"},
            fails=False),
)


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding for a page group that lacks the site's reference locale."""
    group, ref = ctx.facts.group, ctx.facts.site_reference
    if group is None or ref is None or not group.files or ref in group.locales:
        return
    files = sorted(group.files, key=lambda f: f.locale)
    first = files[0]
    where = expected_path(group, ref)
    yield Finding(rule=ID, category=CATEGORY, severity=SEVERITY, page=group.page, locale=first.locale,
                  file=first.display, line=1, end_line=1,
                  message=(f"orphan page: not in the reference ({ref}), only in "
                           f"{', '.join(f.locale for f in files)}; removed or renamed in the source? "
                           f"(expected at {where})"),
                  expected=where, actual="(no file)", fingerprint=fingerprint(ID, group.page, ref),
                  related=tuple(Location(f.locale, f.display, 1, 1) for f in files[1:]),
                  basis="reference")
