"""Helpers shared by reporters: ordering, counting and safe paths."""

from __future__ import annotations

from typing import Iterable
from urllib.parse import quote

from ..model import SEVERITIES, Finding, InputError, Report, severity_rank


def sorted_findings(report: Report) -> list[Finding]:
    """Return the report's findings in their deterministic order (a list)."""
    return list(in_order(report))


def worst_first(findings: list[Finding]) -> list[Finding]:
    """Return findings ordered by severity (errors first), then by their usual order."""
    return sorted(findings, key=lambda f: (severity_rank(f.severity), f.sort_key()))


def sorted_errors(report: Report) -> list[InputError]:
    """Return the report's input errors in a deterministic order."""
    return sorted(report.errors, key=lambda e: (e.file, e.line or 0, e.message))


def severity_counts(findings) -> dict[str, int]:
    """Count findings per severity, every severity present (most severe first)."""
    counts = {s: 0 for s in SEVERITIES}
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return counts


def at_least(findings, min_severity: str) -> list[Finding]:
    """The findings at ``min_severity`` or worse (the ones a view lists), order kept."""
    cut = severity_rank(min_severity)
    return [f for f in findings if severity_rank(f.severity) <= cut]


def below_note(hidden: int, min_severity: str) -> str:
    """One line saying how many findings under ``min_severity`` a view leaves out, and
    how to list them (empty when none is left out)."""
    if not hidden:
        return ""
    below = "info" if min_severity == "warning" else "warning and info"
    return (f"{hidden} {below} finding(s) counted, not listed: "
            "--min-severity info lists them")


def page_files(report: Report) -> dict[str, dict[str, str]]:
    """Return page -> locale -> file for every page, from summaries and findings."""
    out: dict[str, dict[str, str]] = {}
    for p in report.pages:
        out.setdefault(p.page, {}).update(p.files)
    for f in report.findings:
        out.setdefault(f.page, {}).setdefault(f.locale, f.file)
    return {page: dict(sorted(files.items())) for page, files in sorted(out.items())}


def relative_uri(path: str) -> str:
    """Percent-encode a file path into a relative URI reference (``/`` kept).

    Backslashes become ``/``; ``:`` is encoded, so no path can turn into a scheme.
    """
    return quote(path.replace("\\", "/"), safe="/")


def plural(n: int, word: str) -> str:
    """Return ``"1 error"`` / ``"2 errors"``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def site_lines(site) -> list[str]:
    """The site configs read, the layouts used and config warnings, as short text lines."""
    if not site:
        return []
    out = []
    for c in site.get("configs", ()):
        locs = ", ".join(f"{loc} (default)" if loc == c["default_locale"] else loc for loc in c["locales"])
        out.append(f"site: {c['framework']} config {c['file']}: {locs}")
    if site.get("layouts"):
        used = ", ".join(f"{name} {n}" for name, n in site["layouts"].items())
        setting = "" if site.get("layout", "auto") == "auto" else f" (layout = {site['layout']})"
        out.append(f"layouts{setting}: {used} file(s)")
    out += [f"warning: {w['file']}: {w['message']}; the path rules were used" for w in site.get("warnings", ())]
    return out


def in_order(report: Report) -> Iterable[Finding]:
    """The report's findings in their deterministic order, streamed when the report
    keeps them in that order already (a run's :class:`~transcheck.model.findings.FindingLog`)."""
    if getattr(report.findings, "ordered", False):
        return report.findings
    return sorted(report.findings, key=Finding.sort_key)
