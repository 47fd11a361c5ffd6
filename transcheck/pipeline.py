"""The run: discover -> parse -> align -> check, producing a :class:`~transcheck.model.Report`.

This module wires the stages together; it holds no checking logic of its own.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import Iterable

from . import __version__, rules as rules_pkg
from .align import align_documents
from .discover import SOURCE, Discovery, discover
from .gitutil import load_history
from .parallel import check_groups
from .selection import in_shard, touched
from .model import Document, Finding, InputError, PageGroup, PageSummary, Report
from .parse import InputFileError, parse_markdown, read_file
from .rules.base import CheckContext, Settings


@dataclass
class RunOptions:
    """What to check and how: paths, rule selection and rule settings."""

    paths: list[str]
    settings: Settings = field(default_factory=Settings)
    source_locale: str | None = None
    rules: tuple[ModuleType, ...] | None = None
    """Rule modules to run (default: all)."""
    page_rules: tuple[ModuleType, ...] | None = None
    """Page-group rules to run (default: all of ``rules.PAGE_RULES``)."""
    jobs: int = 1
    """Worker processes (1: check in this process)."""
    shard: tuple[int, int] | None = None
    """Check only shard ``(i, n)`` of the page groups (1-based ``i``)."""
    changed: set[str] | None = None
    """Check only the page groups these absolute paths touch (pull-request mode)."""


def load_documents(group: PageGroup, errors: list[InputError]) -> dict[str, Document]:
    """Read and parse every file of a page group; unreadable files go to ``errors``."""
    docs: dict[str, Document] = {}
    for pf in group.files:
        try:
            text = read_file(pf.path)
        except InputFileError as exc:
            errors.append(InputError(pf.display, str(exc), exc.line))
            continue
        docs[pf.locale] = parse_markdown(text, group.page, pf.locale, pf.display)
    return docs


def check_page(group: PageGroup, docs: dict[str, Document], ctx: CheckContext,
               rules: Iterable[ModuleType], expected_locales: tuple[str, ...]) -> tuple[list[Finding], PageSummary]:
    """Align one page's documents and run the rules on it."""
    reference = ctx.settings.reference or group.source_locale
    if reference == SOURCE and SOURCE not in docs:
        reference = None
    page = align_documents(docs, reference if reference in docs else None)
    findings: list[Finding] = []
    page_ctx = replace(ctx, extras={**ctx.extras, "group": group, "expected_locales": expected_locales})
    if len(docs) >= 2:
        for rule in rules:
            findings.extend(rule.check(page, page_ctx))
    for rule in ctx.extras.get("page_rules", rules_pkg.PAGE_RULES):
        findings.extend(rule.check_group(group, page, page_ctx))
    summary = PageSummary(group.page, {loc: d.path for loc, d in docs.items()},
                          page.reference, len(page.rows))
    return findings, summary


def run(options: RunOptions) -> Report:
    """Run a whole check and return its report (never raises for bad input files)."""
    found: Discovery = discover(options.paths, options.source_locale)
    errors = list(found.errors)
    for pf in found.unlabelled:
        errors.append(InputError(pf.display, "no locale in its path and no translated sibling; "
                                             "not compared (name it like page.<locale>.md or put it "
                                             "under a <locale>/ folder)"))
    rules = options.rules if options.rules is not None else rules_pkg.ALL
    page_rules = options.page_rules if options.page_rules is not None else rules_pkg.PAGE_RULES
    ctx = CheckContext(settings=options.settings)
    groups = in_shard(found.groups, options.shard)
    if options.changed is not None:
        groups = touched(groups, options.changed, found.locales)
    if options.shard and options.shard[0] != 1:
        errors = []  # site-wide errors are reported by shard 1 only, so merged shards match
    has_source = options.settings.reference or any(g.source_locale is not None for g in groups)
    if has_source and any(getattr(r, "NEEDS_GIT", False) for r in page_rules):
        ctx.extras["git_history"] = load_history(options.paths)
    findings: list[Finding] = []
    pages: list[PageSummary] = []
    for f, summary, errs in check_groups(groups, ctx, tuple(rules), tuple(page_rules), found.locales,
                                         jobs=options.jobs):
        findings.extend(f)
        errors.extend(errs)
        if summary is not None:
            pages.append(summary)
    tool = {"name": "transcheck", "version": __version__}
    if options.shard and options.shard[1] > 1:
        tool["shard"] = f"{options.shard[0]}/{options.shard[1]}"
    return Report(
        findings=tuple(sorted(findings, key=Finding.sort_key)),
        rules=tuple(rules_pkg.info(r) for r in rules_pkg.ALL + rules_pkg.PAGE_RULES),
        pages=tuple(sorted(pages, key=lambda p: p.page)),
        errors=tuple(sorted(errors, key=lambda e: (e.file, e.line or 0, e.message))),
        tool=tool,
    )
