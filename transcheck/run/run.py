"""The run: discover -> check each page (:mod:`.page`) -> baseline -> :class:`~transcheck.model.Report`.

This module only calls the stages in order; it holds no checking logic of its own.
Page groups are checked in windows of 16 (see :mod:`transcheck.run.parallel`), so memory
holds one window's documents at once; the findings go to a
:class:`~transcheck.model.findings.FindingLog` on disk as pages finish, so memory does
not grow with them either.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from types import ModuleType
from typing import Callable

from .. import __version__, rules as rules_pkg
from ..analyse.semantic.engine import SemanticOptions
from ..model import Report, Settings
from ..model.findings import FindingLog
from .conventions import LostComponents
from .baseline import apply_baseline
from .discover import discover
from .gitutil import load_history
from .page import PageJob, PageResult
from .parallel import check_groups
from .selection import in_shard, touched


@dataclass
class RunOptions:
    """What to check and how: paths, rule selection and rule settings."""

    paths: list[str]
    settings: Settings = field(default_factory=Settings)
    source_locale: str | None = None
    """Locale of unmarked source copies; None: identified from their text."""
    rules: tuple[ModuleType, ...] | None = None
    """Segment rules to run (default: all of ``rules.ALL``)."""
    page_rules: tuple[ModuleType, ...] | None = None
    """Page-group rules to run (default: those of ``rules.PAGE_RULES`` on by default)."""
    aliases: dict[str, str] = field(default_factory=dict)
    """Extra locale names (``jp`` -> ``ja``)."""
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    base: str | None = None
    """Folder that ``include``/``exclude`` globs are relative to."""
    baseline: Counter | None = None
    """Accepted fingerprints (see :mod:`transcheck.run.baseline`)."""
    views: bool = False
    """Keep every page's aligned segments in the report (for the HTML review page)."""
    progress: Callable[[int, int, dict], None] | None = None
    """Called as ``progress(done, total, embedding counters so far)`` after each page; when
    set, the semantic stage also shows its embedding progress on stderr."""
    jobs: int = 1
    """Worker processes (1: check in this process)."""
    shard: tuple[int, int] | None = None
    """Check only shard ``(i, n)`` of the page groups (1-based ``i``)."""
    changed: set[str] | None = None
    """Check only the page groups these absolute paths touch (pull-request mode)."""
    semantic: SemanticOptions | None = None
    """Embedding model and cache for the semantic stage; ``None``: structural checks only."""
    layout: str = "auto"
    """The site's layout: ``auto`` (read a framework config), a framework, or ``folders``."""
    locale_folders: dict[str, str] = field(default_factory=dict)
    """Folder names, or folder paths relative to ``base``, that are locales."""
    follow_external_symlinks: bool = False
    """Read files whose symbolic links lead outside ``paths`` (refused by default)."""


@dataclass
class _Totals:
    """What the page results add up to."""

    findings: FindingLog = field(default_factory=FindingLog)
    errors: list = field(default_factory=list)
    pages: list = field(default_factory=list)
    views: list = field(default_factory=list)
    segment_scores: dict = field(default_factory=dict)
    stats: dict = field(default_factory=dict)
    suppressed: int = 0
    lost: list = field(default_factory=list)
    components: LostComponents = field(default_factory=LostComponents)

    def add(self, result: PageResult) -> None:
        """Fold one page's result in."""
        self.findings.extend(result.findings)
        self.components.add(result.findings, result.shared_components)
        self.errors.extend(result.errors)
        self.suppressed += result.suppressed
        if result.lost:
            self.lost.extend(e.file for e in result.errors)
        if result.summary is not None:
            self.pages.append(result.summary)
        if result.view is not None:
            self.views.append(result.view)
        for key, value in result.embedding_stats.items():
            self.stats[key] = max(self.stats.get(key, 0), value) if key == "model_loaded" \
                else self.stats.get(key, 0) + value
        if result.segment_scores and result.summary is not None:
            self.segment_scores[result.summary.page] = result.segment_scores


def run(options: RunOptions) -> Report:
    """Run a whole check and return its report (never raises for bad input files)."""
    found = discover(options.paths, options.source_locale, options.aliases,
                     options.include, options.exclude, options.base, options.layout, options.locale_folders,
                     follow_external_symlinks=options.follow_external_symlinks)
    rules = tuple(options.rules if options.rules is not None else rules_pkg.ALL)
    page_rules = tuple(options.page_rules if options.page_rules is not None
                       else filter(rules_pkg.on_by_default, rules_pkg.PAGE_RULES))
    groups = in_shard(list(found.groups), options.shard)
    if options.changed is not None:
        groups = touched(groups, options.changed, found.locales)
    # site-wide errors are reported by shard 1 only, so merged shards match
    totals = _Totals(errors=[] if options.shard and options.shard[0] != 1 else list(found.errors))
    has_source = options.settings.reference or any(g.source_locale is not None for g in groups)
    history, warnings = None, list(found.warnings)
    if has_source and any(getattr(r, "NEEDS_GIT", False) for r in page_rules):
        history, warning = load_history(options.paths)
        warnings += [warning] if warning else []
    sources = {g.source_locale for g in found.groups if g.source_locale is not None}
    site_reference = options.settings.reference or (sources.pop() if len(sources) == 1 else None)
    job = PageJob(options.settings, found.locales, options.semantic, options.views, history, site_reference,
                  progress=options.progress is not None, site_address=found.address)
    for done, result in enumerate(check_groups(groups, job, rules, page_rules, jobs=options.jobs), start=1):
        totals.add(result)
        if options.progress:
            options.progress(done, len(groups), totals.stats)
    warnings += totals.components.hints()
    findings, baselined = totals.findings, 0
    if options.baseline is not None:
        findings = FindingLog()
        baselined = apply_baseline(totals.findings, options.baseline, findings.extend)
        totals.findings.close()
    tool = {"name": "transcheck", "version": __version__}
    if options.shard and options.shard[1] > 1:
        tool["shard"] = f"{options.shard[0]}/{options.shard[1]}"
    return Report(
        findings=findings,
        rules=tuple(rules_pkg.info(r) for r in rules_pkg.ALL + rules_pkg.PAGE_RULES),
        pages=tuple(sorted(totals.pages, key=lambda p: p.page)),
        errors=tuple(sorted(totals.errors, key=lambda e: (e.file, e.line or 0, e.message))),
        tool=tool,
        suppressed=totals.suppressed,
        baselined=baselined,
        views=tuple(sorted(totals.views, key=lambda v: v.page)),
        segment_scores=dict(sorted(totals.segment_scores.items())),
        embedding_stats=dict(sorted(totals.stats.items())),
        site=found.site,
        lost=tuple(sorted(totals.lost)),
        warnings=tuple(warnings),
    )
