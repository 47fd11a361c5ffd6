"""Text: the overview per locale, then findings grouped by page and locale, with line
numbers, expected vs actual. ``--max-findings N`` and ``--summary-only`` cut the findings
shown (never the counts)."""

from __future__ import annotations

from itertools import groupby, islice
from typing import Iterator

from ..model import Report, severity_rank
from .overview import overview_lines
from ..textutil import shorten
from ._common import below_note, in_order, site_lines

NAME = "text"
EXTENSION = "txt"

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


_CONTROL = {c: f"\\x{c:02x}" for c in list(range(0, 32)) + [127] if c not in (9, 10)}
_CONTROL.update({c: f"\\x{c:02x}" for c in range(0x80, 0xA0)})


def _safe(text: str) -> str:
    """Document text with control characters shown as ``\\xNN``: a document cannot
    send escape sequences to the terminal or CI log that shows this report."""
    return text.translate(_CONTROL)


def _style(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def render(report: Report, color: bool = False, max_findings: int | None = None,
           summary_only: bool = False, min_severity: str = "info") -> str:
    """Render for a terminal: the overview per locale, then the findings grouped by page.

    Only findings at ``min_severity`` or worse are listed; ``max_findings`` shows at most
    that many of them (in page order), ``summary_only`` none. The overview and the closing
    line still count them all; a line under the overview says how many are below
    ``min_severity`` and how to list them, one at the end how many the limits left out.
    ``color`` adds ANSI colours.
    """
    return "".join(chunks(report, color, max_findings, summary_only, min_severity))


PARITY_PAGES = 10
"""Pages whose parity scores the text report lists (those with the lowest score)."""

RULES_LINE_FROM = 20
"""From this many listed findings on, a line under the overview counts them by rule."""


def chunks(report: Report, color: bool = False, max_findings: int | None = None,
           summary_only: bool = False, min_severity: str = "info") -> Iterator[str]:
    """:func:`render`'s text line by line, the findings streamed from the report (one
    pass counts them, one lists them), so memory holds one page's findings."""
    by_severity: dict[str, int] = {}
    by_rule: dict[str, int] = {}  # the listed findings
    cut = severity_rank(min_severity)
    for f in in_order(report):
        by_severity[f.severity] = by_severity.get(f.severity, 0) + 1
        if severity_rank(f.severity) <= cut:
            by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
    counts = {s: by_severity.get(s, 0) for s in ("error", "warning", "info")}
    total = sum(by_severity.values())
    listed = sum(by_rule.values())
    limit = 0 if summary_only else max_findings
    shown = listed if limit is None else min(listed, limit)
    head: list[str] = [_safe(line) for line in overview_lines(report)]
    if listed >= RULES_LINE_FROM:
        ranked = sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
        head.append("listed by rule: " + ", ".join(f"{rule} {n}" for rule, n in ranked)
                    + " (--select RULE lists one)")
    note = "" if summary_only else below_note(total - listed, min_severity)
    if note:
        head.append(_style(note, _DIM, color))
    if head:
        head.append("")
    yield from (line + "\n" for line in head)
    stream = islice((f for f in in_order(report) if severity_rank(f.severity) <= cut), shown)
    for page, page_findings in groupby(stream, key=lambda f: f.page):
        yield _style(f"== {_safe(page)}", _BOLD, color) + "\n"
        for locale, loc_findings in groupby(page_findings, key=lambda f: f.locale):
            loc_findings = list(loc_findings)
            out = [f"  [{locale}] {_safe(loc_findings[0].file)}"]
            for f in loc_findings:
                span = f"{f.line}" if f.end_line == f.line else f"{f.line}-{f.end_line}"
                sev = _style(f"{f.severity:<7}", _COLORS[f.severity], color)
                out.append(f"    {span:>7}  {sev} {f.rule}: {_safe(f.message)}")
                for label, value in (("expected", f.expected), ("actual", f.actual)):
                    if value:
                        lines = shorten(_safe(value), 160, keep_lines=True).splitlines() or [""]
                        out.append(_style(f"{'':13}{label:>8}: {lines[0]}", _DIM, color))
                        out.extend(_style(f"{'':23}{ln}", _DIM, color) for ln in lines[1:])
            yield "".join(line + "\n" for line in out)
        yield "\n"
    out = []
    hidden = listed - shown
    if hidden:
        why = "--summary-only" if summary_only else f"--max-findings {max_findings}"
        out.append(f"{hidden} {'more ' if shown else ''}finding(s) not shown ({why}); the exit code counts "
                   "them all, and --format json lists them")
    for e in sorted(report.errors, key=lambda e: (e.file, e.line or 0)):
        where = f"{e.file}:{e.line}" if e.line else e.file
        out.append(_style(_safe(f"error: {where}: {e.message}"), _COLORS["error"], color))
    out.extend(_style(_safe(line), _DIM, color) for line in site_lines(report.site))
    scored = sorted((p for p in report.pages if p.parity), key=lambda p: (min(p.parity.values()), p.page))
    for p in sorted(scored[:PARITY_PAGES], key=lambda p: p.page):
        out.append(f"parity: {_safe(p.page)} " + " ".join(f"{loc}={score:.2f}" for loc, score in sorted(p.parity.items())))
    if len(scored) > PARITY_PAGES:
        out.append(f"parity: {len(scored) - PARITY_PAGES} more page(s) score higher (the {PARITY_PAGES} with the "
                   "lowest score are shown); --format json and the HTML report list every score")
    files = sum(len(p.files) for p in report.pages)
    out.append(
        f"{len(report.pages)} page(s), {files} file(s): {counts['error']} error(s), "
        f"{counts['warning']} warning(s), {counts['info']} info, "
        f"{len(report.errors)} input error(s)"
    )
    yield "".join(line + "\n" for line in out)
