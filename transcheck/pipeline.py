"""The run: discover -> parse -> align -> check, producing a :class:`~transcheck.model.Report`.

This module wires the stages together; it holds no checking logic of its own.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass, field, replace
from types import ModuleType
from collections import Counter
from typing import Callable, Iterable

from . import __version__, rules as rules_pkg
from .align import align_documents
from .baseline import apply_baseline
from .discover import SOURCE, Discovery, discover
from .identify import identify
from .language import document_language, natural_words
from .model import Document, Finding, InputError, PageGroup, PageSummary, Report
from .parse import InputFileError, parse_markdown, read_file
from .rules.base import CheckContext, Settings
from .suppress import Suppressions, parse_suppressions


@dataclass
class RunOptions:
    """What to check and how: paths, rule selection and rule settings."""

    paths: list[str]
    settings: Settings = field(default_factory=Settings)
    source_locale: str | None = None
    rules: tuple[ModuleType, ...] | None = None
    """Rule modules to run, segment and page-group rules alike (default: all)."""
    severity: dict[str, str] = field(default_factory=dict)
    """Severity overrides by rule ID or category (the rule ID wins)."""
    aliases: dict[str, str] = field(default_factory=dict)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    base: str | None = None
    """Folder that ``include``/``exclude`` globs are relative to."""
    baseline: Counter | None = None
    """Accepted fingerprints (see :mod:`transcheck.baseline`)."""
    progress: Callable[[int, int], None] | None = None
    """Called as ``progress(done, total)`` after each page."""


def load_documents(group: PageGroup, errors: list[InputError],
                   suppressions: dict[str, Suppressions] | None = None) -> dict[str, Document]:
    """Read and parse every file of a page group; unreadable files go to ``errors``.

    Inline suppression comments found on the way are stored in ``suppressions`` by
    displayed path.
    """
    docs: dict[str, Document] = {}
    for pf in group.files:
        try:
            text = read_file(pf.path)
        except InputFileError as exc:
            errors.append(InputError(pf.display, str(exc), exc.line))
            continue
        docs[pf.locale] = parse_markdown(text, group.page, pf.locale, pf.display)
        if suppressions is not None:
            sup = parse_suppressions(text)
            if sup:
                suppressions[pf.display] = sup
    return docs


def apply_policy(findings: list[Finding], options: RunOptions,
                 suppressions: dict[str, Suppressions]) -> tuple[list[Finding], int]:
    """Apply severity overrides and inline suppressions; return (kept, suppressed count)."""
    kept: list[Finding] = []
    suppressed = 0
    for f in findings:
        sup = suppressions.get(f.file)
        if sup is not None and sup.covers(f.rule, f.category, f.line):
            suppressed += 1
            continue
        sev = options.severity.get(f.rule) or options.severity.get(f.category)
        kept.append(replace(f, severity=sev) if sev and sev != f.severity else f)
    return kept, suppressed


def check_page(group: PageGroup, docs: dict[str, Document], ctx: CheckContext,
               rules: Iterable[ModuleType], expected_locales: tuple[str, ...]) -> tuple[list[Finding], PageSummary]:
    """Align one page's documents and run the rules on it."""
    reference = ctx.settings.reference or group.source_locale
    if reference == SOURCE and SOURCE not in docs:
        reference = None
    page = align_documents(docs, reference if reference in docs else None)
    findings: list[Finding] = []
    page_ctx = replace(ctx, extras={**ctx.extras, "group": group, "expected_locales": expected_locales})
    for rule in rules:
        if hasattr(rule, "check_group"):
            findings.extend(rule.check_group(group, page, page_ctx))
        elif len(docs) >= 2:
            findings.extend(rule.check(page, page_ctx))
    summary = PageSummary(group.page, {loc: d.path for loc, d in docs.items()},
                          page.reference, len(page.rows))
    return findings, summary


SOURCE_SAMPLE = 5
"""How many unmarked source files are read to identify the source language."""

DEFAULT_SOURCE_LOCALE = "en"


def label_sources(found: Discovery) -> str:
    """Give unmarked source copies the language identified from their text.

    A few source files (in path order) are read; the language most of their text is
    in becomes the source locale (``en`` when nothing can be told). Returns it.
    """
    sources = [pf for g in found.groups for pf in g.files if pf.locale == SOURCE]
    if not sources:
        return ""
    texts: list[str] = []
    for pf in sorted(sources, key=lambda p: p.display)[:SOURCE_SAMPLE]:
        try:
            doc = parse_markdown(read_file(pf.path))
        except InputFileError:
            continue
        texts.extend(s.prose for s in doc.segments if s.is_prose)
    det = document_language(texts)
    enough = sum(len(natural_words(t)) for t in texts) >= 12
    lang = det.lang if enough and det.lang and det.confidence >= 0.5 else DEFAULT_SOURCE_LOCALE
    groups = []
    for g in found.groups:
        files = tuple(sorted((replace(pf, locale=lang) if pf.locale == SOURCE else pf for pf in g.files),
                             key=lambda p: p.locale))
        if len({pf.locale for pf in files}) < len(files):
            # a marked copy already has the source's language: keep the source apart, labelled
            files = tuple(sorted((replace(pf, locale="source") if pf.locale_source == "source" else pf
                                  for pf in g.files), key=lambda p: p.locale))
            groups.append(replace(g, files=files, source_locale="source"))
        else:
            groups.append(replace(g, files=files, source_locale=lang))
    found.groups = groups
    found.locales = tuple(sorted({pf.locale for g in groups for pf in g.files}))
    return lang


def run(options: RunOptions) -> Report:
    """Run a whole check and return its report (never raises for bad input files)."""
    found: Discovery = discover(options.paths, options.source_locale, options.aliases,
                                options.include, options.exclude, options.base)
    errors = list(found.errors)
    if options.source_locale is None:
        label_sources(found)
    if found.unlabelled:
        groups, id_errors = identify(found.unlabelled)
        found.groups = sorted(found.groups + groups, key=lambda g: g.page)
        errors.extend(id_errors)
        if groups and not found.locales:
            found.locales = tuple(sorted({pf.locale for g in groups for pf in g.files}))
    rules = options.rules if options.rules is not None else rules_pkg.ALL + rules_pkg.PAGE_RULES
    ctx = CheckContext(settings=options.settings)
    findings: list[Finding] = []
    pages: list[PageSummary] = []
    suppressions: dict[str, Suppressions] = {}
    suppressed = 0
    for done, group in enumerate(found.groups, start=1):
        docs = load_documents(group, errors, suppressions)
        if docs:
            try:
                f, summary = check_page(group, docs, ctx, rules, found.locales)
            except Exception as exc:  # a bug in a rule must not cost the other pages
                errors.append(InputError(", ".join(d.path for d in docs.values()),
                                         f"internal error while checking page '{group.page}': "
                                         f"{type(exc).__name__}: {exc}"))
            else:
                f, n = apply_policy(f, options, suppressions)
                suppressed += n
                findings.extend(f)
                pages.append(summary)
        if options.progress:
            options.progress(done, len(found.groups))
    baselined = 0
    if options.baseline is not None:
        findings.sort(key=Finding.sort_key)
        findings, baselined = apply_baseline(findings, options.baseline)
    tool = {"name": "transcheck", "version": __version__}
    return Report(
        findings=tuple(sorted(findings, key=Finding.sort_key)),
        rules=tuple(rules_pkg.info(r) for r in rules_pkg.ALL + rules_pkg.PAGE_RULES),
        pages=tuple(sorted(pages, key=lambda p: p.page)),
        errors=tuple(sorted(errors, key=lambda e: (e.file, e.line or 0, e.message))),
        tool=tool,
        suppressed=suppressed,
        baselined=baselined,
    )
