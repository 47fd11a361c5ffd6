"""Markdown summary for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

Totals, a locale x category table of counts, the worst findings (errors first) and one
collapsible ``<details>`` section per page listing all its findings. Document text is
untrusted: it is HTML-escaped, Markdown punctuation is backslash-escaped, ``|`` cannot
split a table cell, newlines become ``<br>`` and ``@`` cannot mention anyone.
"""

from __future__ import annotations

import html
import re
from itertools import groupby

from ..model import CATEGORIES, Finding, Report
from ._common import (at_least, below_note, page_files, plural, severity_counts, sorted_errors, sorted_findings,
                      worst_first)

NAME = "markdown"
EXTENSION = "md"

WORST = 10
"""How many findings the "worst findings" table shows."""

ICONS = {"error": "🔴", "warning": "🟠", "info": "🔵"}

_MD_PUNCT = re.compile(r"([\\`*_\[\]|~$])")
"""Inline Markdown punctuation that is backslash-escaped (``<``, ``>``, ``&`` become
entities). Block markers (``#``, ``-``, ``>``) cannot start a block inside a table cell,
and without ``[`` no link or image can form."""


def escape(text: str) -> str:
    """Escape untrusted text for a Markdown table cell (HTML, Markdown, pipes, @, lines)."""
    text = _MD_PUNCT.sub(r"\\\1", text)
    text = html.escape(text, quote=False).replace("@", "@\u200b")
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "<br>".join(lines)


def html_only(text: str) -> str:
    """Escape text for raw HTML blocks (``<summary>``), where Markdown is not parsed."""
    return html.escape(" ".join(text.split()), quote=False).replace("@", "@\u200b")


def code(text: str) -> str:
    """Escape untrusted text and show it in a ``<code>`` element (empty shows a dash)."""
    return f"<code>{escape(text)}</code>" if text else "—"


def _span(f: Finding) -> str:
    return f"{f.line}" if f.end_line == f.line else f"{f.line}–{f.end_line}"


def _where(f: Finding) -> str:
    return f"{code(f.file)}:{_span(f)}"


def _table(header: list[str], rows: list[list[str]], align: list[str] | None = None) -> list[str]:
    align = align or ["---"] * len(header)
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def _finding_row(f: Finding, with_page: bool) -> list[str]:
    row = [f"{ICONS.get(f.severity, '')} {f.severity}"]
    if with_page:
        row.append(escape(f.page))
    row += [escape(f.locale), _where(f), code(f.rule), escape(f.message),
            code(f.expected), code(f.actual)]
    return row


def render(report: Report, color: bool = False, min_severity: str = "info") -> str:
    """Render the Markdown summary (``color`` is ignored).

    The totals and the table per locale and category count every finding; the finding
    tables list those at ``min_severity`` or worse.
    """
    findings = sorted_findings(report)
    listed = at_least(findings, min_severity)
    counts = severity_counts(findings)
    files = page_files(report)
    out = [
        "## transcheck: translation consistency",
        "",
        f"**{plural(counts['error'], 'error')}**, **{plural(counts['warning'], 'warning')}**, "
        f"**{counts['info']} info** in {plural(len(files), 'page')} "
        f"({plural(sum(len(v) for v in files.values()), 'file')}); "
        f"{plural(len(report.errors), 'input error')}.",
        "",
    ]
    parity = [p for p in sorted(report.pages, key=lambda p: p.page) if p.parity]
    if parity:
        out += ["Parity: " + "; ".join(
            f"{escape(p.page)} " + ", ".join(f"{escape(loc)} {s:.2f}"
                                            for loc, s in sorted(p.parity.items()))
            for p in parity), ""]
    if findings:
        cats = [c for c in CATEGORIES if any(f.category == c for f in findings)]
        cats += sorted({f.category for f in findings} - set(CATEGORIES))
        rows = []
        for loc in sorted({f.locale for f in findings}):
            mine = [f for f in findings if f.locale == loc]
            cells = [str(sum(1 for f in mine if f.category == c) or "·") for c in cats]
            rows.append([escape(loc), *cells, f"**{len(mine)}**"])
        totals = [str(sum(1 for f in findings if f.category == c)) for c in cats]
        rows.append(["**total**", *[f"**{t}**" for t in totals], f"**{len(findings)}**"])
        out += ["### Findings per locale and category", ""]
        out += _table(["locale", *[escape(c) for c in cats], "total"], rows,
                      [":---", *[":---:"] * len(cats), ":---:"])
        out += ["", f"### Worst findings (top {min(WORST, len(listed))})", ""]
        out += _table(["severity", "page", "locale", "where", "rule", "message", "expected",
                       "actual"],
                      [_finding_row(f, True) for f in worst_first(listed)[:WORST]])
        out += ["", "### Pages", ""]
        note = below_note(len(findings) - len(listed), min_severity)
        if note:
            out += [escape(note), ""]
        by_page = {p: list(fs) for p, fs in groupby(findings, key=lambda f: f.page)}
        for page in files:
            c = severity_counts(by_page.get(page, []))
            mine = at_least(by_page.get(page, []), min_severity)
            out += ["<details>",
                    f"<summary><b>{html_only(page)}</b>: {plural(c['error'], 'error')}, "
                    f"{plural(c['warning'], 'warning')}, {c['info']} info</summary>", ""]
            if mine:
                out += _table(["severity", "locale", "where", "rule", "message", "expected",
                               "actual"], [_finding_row(f, False) for f in mine])
            else:
                out.append("No findings listed." if sum(c.values()) else "No findings.")
            out += ["", "</details>", ""]
    else:
        out += ["No findings. ✅", ""]
    errors = sorted_errors(report)
    if errors:
        out += ["### Input errors", ""]
        out += _table(["file", "line", "message"],
                      [[code(e.file), str(e.line or ""), escape(e.message)] for e in errors])
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
