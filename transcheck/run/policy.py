"""Policy applied to a page's findings: inline suppressions and severity overrides.

(The baseline, applied once to the whole run's findings, is :mod:`transcheck.run.baseline`.)
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from ..markdown.suppress import Suppressions
from ..model import Finding, Settings


def apply_policy(findings: Iterable[Finding], settings: Settings,
                 suppressions: dict[str, Suppressions]) -> tuple[list[Finding], int]:
    """Apply inline suppressions and severity overrides; return (kept, suppressed count)."""
    kept: list[Finding] = []
    suppressed = 0
    for f in findings:
        sup = suppressions.get(f.file)
        if sup is not None and sup.covers(f.rule, f.category, f.line):
            suppressed += 1
            continue
        sev = settings.severity.get(f.rule) or settings.severity.get(f.category)
        kept.append(replace(f, severity=sev) if sev and sev != f.severity else f)
    return kept, suppressed
