"""From command-line values and configuration to :class:`~transcheck.run.run.RunOptions`."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import click

from .. import rules as rules_pkg
from ..analyse.semantic.embedders import EmbeddingError
from ..analyse.semantic.engine import SemanticOptions, check_available
from ..locales import normalize_locale
from ..model import DEFAULT_PLACEHOLDERS, Settings
from ..run.baseline import BaselineError, load_baseline
from ..run.gitutil import GitError, changed_files
from ..run.parallel import default_jobs
from ..run.progress import Progress
from ..run.run import RunOptions
from ..run.selection import SelectionError, parse_shard, read_file_list
from ..run.discover import display_path
from .config import Config, ConfigError, find_configs, load_config
from .output import EXIT_INPUT, outputs, say


def _progress_on(asked: bool | None) -> bool:
    """``--progress``/``--no-progress`` when given, else on when stderr is a terminal outside CI."""
    if asked is not None:
        return asked
    return sys.stderr is not None and sys.stderr.isatty() and not os.environ.get("CI")


def select_rules(select: tuple[str, ...], ignore: tuple[str, ...]):
    """The rules chosen by ``--select``/``--ignore`` (IDs or categories), in documentation order.

    A rule that is off by default (``missing-page``) runs only when ``--select`` names its ID.
    """
    known = rules_pkg.ALL + rules_pkg.PAGE_RULES
    names = _known_names()
    for name in select + ignore:
        if name not in names:
            raise click.BadParameter(
                f"unknown rule or category '{name}' (see 'transcheck rules')", param_hint="--select/--ignore")
    chosen = [r for r in known if r.ID in select
              or (rules_pkg.on_by_default(r) and (not select or r.CATEGORY in select))]
    return tuple(r for r in chosen if r.ID not in ignore and r.CATEGORY not in ignore)


def _known_names() -> set[str]:
    """Every rule ID and category."""
    return {r.ID for r in rules_pkg.ALL + rules_pkg.PAGE_RULES} | \
        {r.CATEGORY for r in rules_pkg.ALL + rules_pkg.PAGE_RULES}


def load_cfg(config_path: str | None, no_config: bool, paths: tuple[str, ...]) -> Config:
    """The configuration in effect: ``--config``, the nearest file, or none (usage error when bad).

    The file used, and the farther ones it shadows, are named on stderr: a nested
    ``transcheck.toml`` in a pull request cannot change the gate unnoticed.
    """
    if no_config:
        return Config()
    try:
        found = [Path(config_path)] if config_path else find_configs(paths[0] if paths else ".")
        if not found:
            return Config()
        cfg = load_config(found[0], _known_names(), set(rules_pkg.options()))
    except ConfigError as exc:
        raise click.UsageError(f"configuration: {exc}") from None
    note = f"transcheck: configuration: {display_path(found[0])}"
    if len(found) > 1:
        note += (f" (it shadows {', '.join(display_path(f) for f in found[1:])}; "
                 "pass --config FILE to choose one)")
    say(note)
    return cfg


def scale_options(options: RunOptions, jobs, changed_since, files_from, shard) -> None:
    """Fill the scale options (jobs, shard, changed files) or exit 2 with a message."""
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
        say(f"transcheck: --changed-since: {exc}")
        sys.exit(EXIT_INPUT)


def run_options(opts: dict, cfg: Config) -> tuple[RunOptions, list[tuple[str, str | None]]]:
    """Build the run's options and output targets from the ``check`` command's values and
    the configuration.

    Bad values raise click usage errors; a missing embedding model exits 2.
    """
    for name, value in (("--reference", opts["reference"]), ("--source-locale", opts["source_locale"])):
        if value is not None and normalize_locale(value) is None:
            raise click.BadParameter(f"'{value}' is not a locale code (like de, pt-BR, zh-Hans)",
                                     param_hint=name)
    for p in opts["placeholders"]:
        try:
            re.compile(p)
        except re.error as exc:
            raise click.BadParameter(f"invalid regular expression '{p}': {exc}", param_hint="--placeholder")
    reference = normalize_locale(opts["reference"]) if opts["reference"] else cfg.reference
    targets = outputs(opts["formats"], opts["outputs"], opts["report_dir"])
    source_locale = normalize_locale(opts["source_locale"]) if opts["source_locale"] else cfg.source_locale
    settings = Settings(reference=reference,
                        placeholders=DEFAULT_PLACEHOLDERS + cfg.placeholders + tuple(opts["placeholders"]),
                        thresholds=dict(cfg.thresholds), severity=dict(cfg.severity),
                        source_only_components=cfg.source_only_components)
    baseline = None
    if opts["baseline_path"]:
        try:
            baseline = load_baseline(opts["baseline_path"])
        except BaselineError as exc:
            raise click.UsageError(str(exc)) from None
    chosen = select_rules(opts["select"] or cfg.select, opts["ignore"] + cfg.ignore)
    options = RunOptions(
        paths=list(opts["paths"]) or ["."], settings=settings, source_locale=source_locale,
        rules=tuple(r for r in chosen if r in rules_pkg.ALL),
        page_rules=tuple(r for r in chosen if r in rules_pkg.PAGE_RULES),
        aliases=dict(cfg.locale_aliases), include=cfg.include, layout=cfg.layout,
        locale_folders=dict(cfg.locale_folders),
        exclude=cfg.exclude, base=os.path.dirname(cfg.path) if cfg.path else None, baseline=baseline,
        views=any(fmt == "html" for fmt, _ in targets),
        progress=Progress().pages if _progress_on(opts.get("progress")) else None,
        follow_external_symlinks=opts["follow_external_symlinks"])
    scale_options(options, opts["jobs"], opts["changed_since"], opts["files_from"], opts["shard"])
    if not opts["no_semantic"]:
        options.semantic = SemanticOptions(model=opts["model"] or cfg.model,
                                           cache_dir=opts["cache_dir"] or cfg.cache_dir,
                                           no_cache=opts["no_cache"])
        try:
            check_available(options.semantic)
        except EmbeddingError as exc:
            say(f"transcheck: {exc}")
            sys.exit(EXIT_INPUT)
    return options, targets
