"""A page that exists in some locales and not in others.

Discovery knows every locale of the site; a page found in some of them and not in
another is reported for the locale that lacks it (at the path where it is expected),
never silently dropped.
"""

from __future__ import annotations

from typing import Iterator

from ..model import AlignedPage, Example, Finding, PageGroup
from .base import RuleContext, fingerprint

ID = "missing-page"
CATEGORY = "missing-content"
SEVERITY = "error"
SCOPE = "group"

EXAMPLES = (
    Example("page in every locale", {"de": "# Titel\n", "fr": "# Titre\n"}, fails=False),
)


def expected_path(group: PageGroup, locale: str) -> str:
    """Where the missing copy should be, derived from an existing copy's path."""
    sample = group.files[0]
    path = sample.display
    if sample.locale:
        for sep_l, sep_r in (("/", "/"), (".", "."), ("-", "."), ("_", "."), (".", "/")):
            token = f"{sep_l}{sample.locale}{sep_r}"
            if token in path:
                return path.replace(token, f"{sep_l}{locale}{sep_r}", 1)
    return f"{path} ({locale})"


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding for each expected locale the page group lacks."""
    group = ctx.facts.group
    if group is None:
        return
    expected = ctx.facts.expected_locales
    have = set(group.locales)
    if len(have) == 0:
        return
    for loc in expected:
        if loc in have or loc == "":
            continue
        path = expected_path(group, loc)
        yield Finding(rule=ID, category=CATEGORY, severity=SEVERITY, page=group.page, locale=loc,
                      file=path, line=1, end_line=1,
                      message=f"page missing in this locale; it exists in {', '.join(sorted(have))}",
                      expected=group.files[0].display, actual="(no file)",
                      fingerprint=fingerprint(ID, group.page, loc))
