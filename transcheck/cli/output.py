"""Output plumbing: which format goes where, writing it, and the exit status."""

from __future__ import annotations

import os
import sys

import click

from ..model import Report, severity_rank
from ..model.findings import FindingLog
from ..reporters import REPORTERS
from ..run.baseline import render_baseline
from .safe_output import (OutputError, destination_problem, inert, inert_chunks, silence_stdout,
                          write_atomic, write_stdout)
from ..reporters.html import site_files

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143

VIEW_OPTIONS = {"text": ("max_findings", "summary_only", "min_severity"),
                "github": ("min_severity",), "markdown": ("min_severity",)}
"""The reading options each format takes: the formats people read (text, annotations, PR
comments) list findings from ``--min-severity`` up; JSON, SARIF, JUnit and HTML keep all."""


def min_severity(given: str | None, configured: str | None, fail_on: str) -> str:
    """The least severity the reading formats list: the option, the configuration, else
    warning (info when ``fail_on`` is info, so the findings that fail the run are shown)."""
    return given or configured or ("info" if fail_on == "info" else "warning")


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
        # every format not sent elsewhere goes to the folder; the HTML review site always does
        taken = {f for f, p in pairs if p}
        for fmt in sorted(REPORTERS):
            dest = os.path.join(report_dir, f"transcheck.{REPORTERS[fmt].EXTENSION}")
            if fmt not in taken or (fmt == "html" and (fmt, dest) not in pairs):
                pairs.append((fmt, dest))
    if sum(1 for _, p in pairs if p is None) > 1:
        raise click.BadParameter("only one format can go to stdout; give the others an --output FMT=FILE",
                                 param_hint="--output")
    return pairs


def say(message: str) -> None:
    """One line for the user on stderr; document text in it stays inert (see :mod:`.safe_output`)."""
    try:
        click.echo(inert(message), err=True)
    except (OSError, ValueError):
        pass  # stderr is gone too: the exit status has to say it


def _checked_files(report: Report) -> set[str]:
    """Real paths of every file the run read or reported on."""
    names = {f for p in report.pages for f in p.files.values()}
    findings = report.findings
    names |= findings.files() if isinstance(findings, FindingLog) else {f.file for f in findings}
    names |= {e.file for e in report.errors}
    return {os.path.realpath(n) for n in names}


def write_outputs(report: Report, targets: list[tuple[str, str | None]], color: bool | None,
                  baseline: str | None = None, roots: list[str] | None = None,
                  report_dir: str | None = None, view_options: dict | None = None) -> bool:
    """Write the baseline and each format to its file or stdout; return True when text
    went to stdout.

    The HTML of ``--report DIR`` is the review site (an index and one page per document,
    :mod:`transcheck.reporters.html.site`); ``view_options`` (``max_findings``,
    ``summary_only``, ``min_severity``) shape the reading formats (:data:`VIEW_OPTIONS`).

    Every output is inert for CI runners and every file is replaced whole
    (:mod:`.safe_output`). A destination that would overwrite a checked page or become a
    page of the next run over ``roots`` is refused before anything is written. Any
    refusal or write failure exits 2 with one line naming the destination.
    """
    dests = [d for _, d in targets if d] + ([baseline] if baseline else [])
    if dests:
        checked = _checked_files(report)
        problems = [p for p in (destination_problem(d, roots or [], checked) for d in dests) if p]
        for problem in problems:
            say(f"transcheck: {problem}")
        if problems:
            sys.exit(EXIT_INPUT)
    to_stdout_text = False
    try:
        if baseline:
            write_atomic(baseline, inert(render_baseline(report.findings), "json"))
        site = os.path.join(report_dir, f"transcheck.{REPORTERS['html'].EXTENSION}") if report_dir else None
        for fmt, dest in targets:
            if fmt == "html" and dest is not None and dest == site:
                for rel, text in site_files(report).items():
                    write_atomic(os.path.join(report_dir, *rel.split("/")), inert(text, fmt))
                continue
            tty = dest is None and sys.stdout is not None and sys.stdout.isatty()
            use_color = bool(color if color is not None else tty)
            extra = {k: v for k, v in (view_options or {}).items() if k in VIEW_OPTIONS.get(fmt, ())}
            rendered = inert_chunks(_pieces(REPORTERS[fmt], report, use_color and fmt == "text" and dest is None,
                                            extra), fmt)
            if dest is None:
                write_stdout(rendered)
                to_stdout_text = to_stdout_text or fmt == "text"
            else:
                write_atomic(dest, rendered)
    except OutputError as exc:
        silence_stdout()
        say(f"transcheck: {exc}")
        sys.exit(EXIT_INPUT)
    return to_stdout_text


def _pieces(reporter, report: Report, color: bool, extra: dict):
    """The reporter's output in pieces: streamed where the reporter can (``chunks``)."""
    stream = getattr(reporter, "chunks", None)
    if stream is not None:
        return stream(report, color=color, **extra)
    return [reporter.render(report, color=color, **extra)]


def exit_status(report: Report, fail_on: str) -> int:
    """3 when a worker died on a page, 2 when some input could not be checked, 1 when a
    finding is at least ``fail_on``, else 0."""
    if report.lost:
        return EXIT_INTERNAL
    if report.errors:
        return EXIT_INPUT
    if fail_on != "never" and any(severity_rank(f.severity) <= severity_rank(fail_on) for f in report.findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN
