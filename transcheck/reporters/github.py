"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding.

Every command is a single line: data (the message) escapes ``%``, ``\\r`` and ``\\n``;
property values (file, title) also escape ``:`` and ``,``. A document can therefore
neither end a command early nor start a new one.
"""

from __future__ import annotations

from ..model import Finding, Report
from ._common import at_least, below_note, plural, severity_counts, sorted_errors, sorted_findings

NAME = "github"
EXTENSION = "github.txt"

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
"""transcheck severity -> workflow command."""


def escape_data(text: str) -> str:
    """Escape a command's message (``%``, CR, LF), as the Actions runner expects."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value: data escaping plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: object) -> str:
    """Return one workflow command line, properties in the order given (None skipped)."""
    items = [f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None]
    head = f"::{kind} " + ",".join(items) if items else f"::{kind}"
    return f"{head}::{escape_data(message)}"


def finding_command(f: Finding) -> str:
    """Return the workflow command of one finding."""
    lines = [f.message]
    if f.expected:
        lines.append(f"expected: {f.expected}")
    if f.actual:
        lines.append(f"actual: {f.actual}")
    return command(
        COMMANDS.get(f.severity, "warning"),
        "\n".join(lines),
        file=f.file,
        line=f.line,
        endLine=max(f.line, f.end_line),
        title=f"{f.rule} [{f.locale}] ({f.category})",
    )


def render(report: Report, color: bool = False, min_severity: str = "info") -> str:
    """Render findings at ``min_severity`` or worse and input errors as workflow commands,
    then one summary line counting every finding (``color`` is ignored)."""
    findings = sorted_findings(report)
    listed = at_least(findings, min_severity)
    out = [finding_command(f) for f in listed]
    for e in sorted_errors(report):
        out.append(command("error", e.message, file=e.file, line=e.line,
                           title="transcheck: input error"))
    counts = severity_counts(findings)
    summary = (f"transcheck: {plural(counts['error'], 'error')}, "
               f"{plural(counts['warning'], 'warning')}, {counts['info']} info, "
               f"{plural(len(report.errors), 'input error')}")
    note = below_note(len(findings) - len(listed), min_severity)
    if note:
        summary += f" ({note})"
    out.append(escape_data(summary))
    return "\n".join(out) + "\n"
