"""Output plumbing: which format goes where, writing it, and the exit status."""

from __future__ import annotations

import os
import sys

import click

from ..model import Report, severity_rank
from ..reporters import REPORTERS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


def outputs(formats: tuple[str, ...], outputs: tuple[str, ...],
            report_dir: str | None) -> list[tuple[str, str | None]]:
    """Pair each requested format with its destination (None = stdout)."""
    fmts: list[str] = []
    for item in formats or ("text",):
        for name in filter(None, (x.strip() for x in item.split(","))):
            if name not in REPORTERS:
                raise click.BadParameter(f"unknown format '{name}' (choose from {', '.join(sorted(REPORTERS))})",
                                         param_hint="--format")
            if name not in fmts:
                fmts.append(name)
    named = {}
    plain = []
    for out in outputs:
        fmt, eq, path = out.partition("=")
        if eq and fmt in REPORTERS:
            named[fmt] = path
        else:
            plain.append(out)
    pairs: list[tuple[str, str | None]] = []
    for fmt in fmts:
        if fmt in named:
            pairs.append((fmt, named.pop(fmt)))
        elif plain:
            pairs.append((fmt, plain.pop(0)))
        else:
            pairs.append((fmt, None))
    for fmt, path in named.items():
        pairs.append((fmt, path))
    if plain:
        raise click.BadParameter("more --output files than --format values", param_hint="--output")
    if report_dir:
        taken = {f for f, p in pairs if p}
        for fmt in sorted(REPORTERS):
            if fmt not in taken:
                pairs.append((fmt, os.path.join(report_dir, f"transcheck.{REPORTERS[fmt].EXTENSION}")))
    if sum(1 for _, p in pairs if p is None) > 1:
        raise click.BadParameter("only one format can go to stdout; give the others an --output FMT=FILE",
                                 param_hint="--output")
    return pairs


def progress(done: int, total: int) -> None:
    """Show ``done/total pages`` on stderr (a terminal)."""
    sys.stderr.write(f"\rtranscheck: {done}/{total} pages")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def write_outputs(report: Report, targets: list[tuple[str, str | None]], color: bool | None) -> bool:
    """Render the report in each format to its file or stdout (exit 2 when a file cannot be
    written); return True when text went to stdout."""
    to_stdout_text = False
    for fmt, dest in targets:
        use_color = bool(color if color is not None else (dest is None and sys.stdout.isatty()))
        rendered = REPORTERS[fmt].render(report, color=use_color and fmt == "text" and dest is None)
        if dest is None:
            click.echo(rendered, nl=False)
            to_stdout_text = to_stdout_text or fmt == "text"
            continue
        try:
            folder = os.path.dirname(dest)
            if folder:
                os.makedirs(folder, exist_ok=True)
            with open(dest, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(rendered)
        except OSError as exc:
            click.echo(f"transcheck: cannot write {dest}: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_INPUT)
    return to_stdout_text


def exit_status(report: Report, fail_on: str) -> int:
    """2 when some input could not be checked, 1 when a finding is at least ``fail_on``, else 0."""
    if report.errors:
        return EXIT_INPUT
    if fail_on != "never" and any(severity_rank(f.severity) <= severity_rank(fail_on) for f in report.findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN
