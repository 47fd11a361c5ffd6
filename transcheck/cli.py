"""Command line: ``transcheck PATH...`` checks pages; ``rules`` and ``explain`` document.

The CLI parses options, builds :class:`~transcheck.pipeline.RunOptions`, runs the
pipeline and hands the report to a reporter. It holds no checking logic.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage or input error
(a file that could not be read or parsed), 3 internal error.
"""

from __future__ import annotations

import sys
import textwrap

import click

from . import __version__, rules as rules_pkg
from .model import severity_rank
from .pipeline import RunOptions, run
from .reporters import REPORTERS
from .rules.base import DEFAULT_PLACEHOLDERS, Settings

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


class _DefaultGroup(click.Group):
    """A group whose default command is ``check``: ``transcheck corpus/`` just works."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        elif not args:
            args = ["check"]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="transcheck")
def main() -> None:
    """Find drift between the localized copies of documentation pages.

    \b
    transcheck corpus/                 check every page under corpus/
    transcheck docs/ --format json     machine-readable output
    transcheck rules                   list the rules
    transcheck explain code-block      document one rule
    """


def _select_rules(select: tuple[str, ...], ignore: tuple[str, ...]):
    known = rules_pkg.ALL
    names = {r.ID for r in known + rules_pkg.PAGE_RULES} | {r.CATEGORY for r in known + rules_pkg.PAGE_RULES}
    for name in select + ignore:
        if name not in names:
            raise click.BadParameter(
                f"unknown rule or category '{name}' (see 'transcheck rules')", param_hint="--select/--ignore")
    chosen = [r for r in known if not select or r.ID in select or r.CATEGORY in select]
    return tuple(r for r in chosen if r.ID not in ignore and r.CATEGORY not in ignore)


@main.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(sorted(REPORTERS)), default="text", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to this file instead of stdout.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error",
              show_default=True, help="Exit 1 when a finding of this severity or worse is found.")
@click.option("--reference", metavar="LOCALE", default=None,
              help="Judge every locale against this one (default: the unmarked source copy if "
                   "the layout has one, else N-way consensus).")
@click.option("--source-locale", metavar="LOCALE", default=None,
              help="Locale of unmarked source copies (page.md beside page.de.md). Default: en.")
@click.option("--select", multiple=True, metavar="RULE", help="Run only these rules or categories.")
@click.option("--ignore", multiple=True, metavar="RULE", help="Skip these rules or categories.")
@click.option("--placeholder", "placeholders", multiple=True, metavar="REGEX",
              help="Extra regular expression for translatable placeholders in code.")
@click.option("--color/--no-color", default=None, help="Colour text output (default: when a terminal).")
# -- scale: parallel runs, pull-request mode, shards (see transcheck/parallel.py, selection.py)
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes (default: all cores).")
@click.option("--changed-since", metavar="REF", default=None,
              help="Check only pages touched since git REF (REF...HEAD plus uncommitted changes).")
@click.option("--files-from", metavar="FILE", default=None,
              help="Check only pages touched by the files listed in FILE (one per line; - for stdin).")
@click.option("--shard", metavar="I/N", default=None,
              help="Check only shard I of N (stable split of pages); combine with 'transcheck merge'.")
def check_cmd(paths, fmt, output, fail_on, reference, source_locale, select, ignore, placeholders, color,
              jobs, changed_since, files_from, shard):
    """Check the pages under PATHS (folders or files; default: the current folder)."""
    from .locales import normalize_locale

    for name, value in (("--reference", reference), ("--source-locale", source_locale)):
        if value is not None and normalize_locale(value) is None:
            raise click.BadParameter(f"'{value}' is not a locale code (like de, pt-BR, zh-Hans)",
                                     param_hint=name)
    reference = normalize_locale(reference) if reference else None
    source_locale = normalize_locale(source_locale) if source_locale else "en"
    settings = Settings(reference=reference, placeholders=DEFAULT_PLACEHOLDERS + tuple(placeholders))
    import re
    for p in placeholders:
        try:
            re.compile(p)
        except re.error as exc:
            raise click.BadParameter(f"invalid regular expression '{p}': {exc}", param_hint="--placeholder")
    options = RunOptions(paths=list(paths) or ["."], settings=settings, source_locale=source_locale,
                         rules=_select_rules(select, ignore))
    _scale_options(options, select, ignore, jobs, changed_since, files_from, shard)
    try:
        report = run(options)
    except KeyboardInterrupt:
        click.echo("transcheck: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug: say so plainly, never a traceback
        click.echo(f"transcheck: internal error: {type(exc).__name__}: {exc} "
                   "(please report this with the input that caused it)", err=True)
        sys.exit(EXIT_INTERNAL)
    reporter = REPORTERS[fmt]
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    rendered = reporter.render(report, color=bool(use_color and fmt == "text"))
    if output:
        try:
            with open(output, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(rendered)
        except OSError as exc:
            click.echo(f"transcheck: cannot write {output}: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_INPUT)
    else:
        click.echo(rendered, nl=False)
    for err in report.errors if (fmt != "text" or output) else ():
        where = f"{err.file}:{err.line}" if err.line else err.file
        click.echo(f"transcheck: {where}: {err.message}", err=True)
    if report.errors:
        sys.exit(EXIT_INPUT)
    if fail_on != "never" and any(severity_rank(f.severity) <= severity_rank(fail_on) for f in report.findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


def _scale_options(options: RunOptions, select, ignore, jobs, changed_since, files_from, shard) -> None:
    """Fill the scale options (jobs, page rules, shard, changed files) or exit 2 with a message."""
    from .gitutil import GitError, changed_files
    from .parallel import default_jobs
    from .selection import SelectionError, parse_shard, read_file_list

    options.jobs = jobs or default_jobs()
    options.page_rules = tuple(r for r in rules_pkg.PAGE_RULES if r.ID not in ignore and r.CATEGORY not in ignore)
    if changed_since and files_from:
        raise click.UsageError("use --changed-since or --files-from, not both")
    try:
        options.shard = parse_shard(shard) if shard is not None else None
    except SelectionError as exc:
        raise click.BadParameter(str(exc), param_hint="--shard")
    try:
        if files_from:
            options.changed = read_file_list(files_from)
    except SelectionError as exc:
        raise click.BadParameter(str(exc), param_hint="--files-from")
    try:
        if changed_since:
            options.changed = changed_files(options.paths[0], changed_since)
    except GitError as exc:
        click.echo(f"transcheck: --changed-since: {exc}", err=True)
        sys.exit(EXIT_INPUT)


@main.command("merge")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=str))
@click.option("--format", "fmt", type=click.Choice(sorted(REPORTERS)), default="json", show_default=True,
              help="Output format of the merged report.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the merged report to this file instead of stdout.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error",
              show_default=True, help="Exit 1 when a finding of this severity or worse is found.")
def merge_cmd(files, fmt, output, fail_on):
    """Merge the JSON reports of shards (--shard i/n --format json) into one report."""
    from .merge import MergeError, merge_files

    try:
        report = merge_files(list(files))
    except MergeError as exc:
        click.echo(f"transcheck: merge: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    rendered = REPORTERS[fmt].render(report, color=False)
    if output:
        try:
            with open(output, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(rendered)
        except OSError as exc:
            click.echo(f"transcheck: cannot write {output}: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_INPUT)
    else:
        click.echo(rendered, nl=False)
    if report.errors:
        sys.exit(EXIT_INPUT)
    if fail_on != "never" and any(severity_rank(f.severity) <= severity_rank(fail_on) for f in report.findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


@main.command("rules")
def rules_cmd() -> None:
    """List every rule: ID, category, default severity and summary."""
    infos = [rules_pkg.info(r) for r in rules_pkg.ALL + rules_pkg.PAGE_RULES]
    w_id = max(len(i.id) for i in infos)
    w_cat = max(len(i.category) for i in infos)
    for i in infos:
        click.echo(f"{i.id:<{w_id}}  {i.category:<{w_cat}}  {i.severity:<7}  {i.summary}")


@main.command("explain")
@click.argument("rule_id")
def explain_cmd(rule_id: str) -> None:
    """Print the documentation of a rule, with a passing and a failing example."""
    rule = rules_pkg.by_id().get(rule_id)
    if rule is None:
        known = ", ".join(sorted(rules_pkg.by_id()))
        raise click.BadParameter(f"unknown rule '{rule_id}'; known rules: {known}", param_hint="RULE_ID")
    i = rules_pkg.info(rule)
    click.echo(f"{i.id} ({i.category}, default severity {i.severity})\n")
    click.echo(i.summary + "\n")
    if i.doc:
        click.echo(i.doc + "\n")
    for ex in i.examples:
        click.echo(f"{'Fails' if ex.fails else 'Passes'}: {ex.title}")
        for loc, text in sorted(ex.pages.items()):
            click.echo(f"  [{loc}]")
            click.echo(textwrap.indent(text.rstrip("\n"), "    "))
        click.echo("")


if __name__ == "__main__":  # pragma: no cover
    main()
