"""The run: discover -> parse -> align -> check, producing a :class:`~transcheck.model.Report`.

This module wires the stages together; it holds no checking logic of its own.
Page groups are checked one at a time (see :mod:`transcheck.parallel`), so memory
holds one page's documents at once, plus the findings.

Input is untrusted: a file that cannot be read or parsed, a parse or page check that
runs past its time budget (:mod:`transcheck.guard`), or a bug that raises inside one
page's checks becomes an :class:`~transcheck.model.InputError` naming the files, and
the run goes on with the other pages.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import Callable, Iterable

from .. import __version__, rules as rules_pkg
from ..analyse.align import align_documents
from .baseline import apply_baseline
from .discover import SOURCE, Discovery, discover
from .gitutil import load_history
from .guard import TimeBudgetExceeded, budget_for, time_budget
from .discover.identify import identify
from ..analyse.language import document_language, natural_words
from ..model import Document, Finding, InputError, PageGroup, PageSummary, PageView, Report
from ..analyse.semantic.embedders import EmbeddingError
from .parallel import check_groups
from ..analyse.semantic.engine import SemanticOptions, embed_page, engine
from ..markdown.parse import InputFileError, parse_markdown, read_file
from ..rules.base import CheckContext, Settings
from .selection import in_shard, touched
from ..markdown.suppress import Suppressions, parse_suppressions


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
    """Page-group rules to run (default: all of ``rules.PAGE_RULES``)."""
    aliases: dict[str, str] = field(default_factory=dict)
    """Extra locale names (``jp`` -> ``ja``)."""
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    base: str | None = None
    """Folder that ``include``/``exclude`` globs are relative to."""
    baseline: Counter | None = None
    """Accepted fingerprints (see :mod:`transcheck.baseline`)."""
    views: bool = False
    """Keep every page's aligned segments in the report (for the HTML review page)."""
    progress: Callable[[int, int], None] | None = None
    """Called as ``progress(done, total)`` after each page."""
    jobs: int = 1
    """Worker processes (1: check in this process)."""
    shard: tuple[int, int] | None = None
    """Check only shard ``(i, n)`` of the page groups (1-based ``i``)."""
    changed: set[str] | None = None
    """Check only the page groups these absolute paths touch (pull-request mode)."""
    semantic: SemanticOptions | None = None
    """Embedding model and cache for the semantic stage; ``None``: structural checks only."""


def load_documents(group: PageGroup, errors: list[InputError],
                   suppressions: dict[str, Suppressions] | None = None) -> dict[str, Document]:
    """Read and parse every file of a page group; unreadable files go to ``errors``.

    Inline suppression comments found on the way are stored in ``suppressions`` by
    displayed path. Parse problems that leave part of a file unchecked are reported
    too (the rest of the file is checked); a parse that runs past its time budget or
    fails drops the file.
    """
    docs: dict[str, Document] = {}
    for pf in group.files:
        try:
            text = read_file(pf.path)
        except InputFileError as exc:
            errors.append(InputError(pf.display, str(exc), exc.line))
            continue
        problems: list[tuple[int, str]] = []
        try:
            with time_budget(budget_for(len(text)), "parsing"):
                docs[pf.locale] = parse_markdown(text, group.page, pf.locale, pf.display, problems)
        except TimeBudgetExceeded as exc:
            errors.append(InputError(pf.display, f"{exc} (pathological Markdown?); not checked"))
            continue
        except RecursionError:
            errors.append(InputError(pf.display, "Markdown nested too deeply to parse; not checked"))
            continue
        except Exception as exc:  # a parser bug must not stop the run
            errors.append(InputError(pf.display, f"internal error while parsing: "
                                                 f"{type(exc).__name__}: {exc}; not checked "
                                                 "(please report this with the file)"))
            continue
        finally:
            errors.extend(InputError(pf.display, msg, line) for line, msg in problems)
        if suppressions is not None:
            sup = parse_suppressions(text)
            if sup:
                suppressions[pf.display] = sup
    return docs


def apply_policy(findings: Iterable[Finding], settings: Settings,
                 suppressions: dict[str, Suppressions]) -> tuple[list[Finding], int]:
    """Apply inline suppressions and severity overrides; return (kept, suppressed count)."""
    kept: list[Finding] = []
    suppressed = 0
    for f in findings:
        sup = suppressions.get(f.file)
        if sup is not None and sup.covers(f.rule, f.category, f.line):
            suppressed += 1
            continue
        sev = settings.severity.get(f.rule) or settings.severity.get(f.category)
        kept.append(replace(f, severity=sev) if sev and sev != f.severity else f)
    return kept, suppressed


@dataclass
class PageResult:
    """What checking one page group gives back (small: no documents)."""

    findings: list[Finding]
    summary: PageSummary | None
    errors: list[InputError]
    suppressed: int = 0
    view: PageView | None = None
    segment_scores: list = field(default_factory=list)
    """Per-row parity entries (see :meth:`transcheck.parity.PageSemantics.row_entries`)."""
    embedding_stats: dict = field(default_factory=dict)
    """Texts served from the cache (``hits``) and embedded (``misses``) for this page."""


def check_group(group: PageGroup, ctx: CheckContext, rules: Iterable[ModuleType],
                page_rules: Iterable[ModuleType], expected_locales: tuple[str, ...]) -> PageResult:
    """Read, parse, align and check one page group; a crash in a rule is an error, not an exit."""
    errors: list[InputError] = []
    suppressions: dict[str, Suppressions] = {}
    docs = load_documents(group, errors, suppressions)
    if not docs:
        return PageResult([], None, errors)
    sem_options = ctx.extras.get("semantic")
    before = engine(sem_options).stats() if sem_options is not None else None
    size = sum(len(s.text) for d in docs.values() for s in d.segments)
    try:
        with time_budget(budget_for(size, base=60.0, per_mb=30.0), "checking this page"):
            findings, summary, page, sem = check_page(group, docs, ctx, rules, page_rules, expected_locales)
    except EmbeddingError:
        raise  # no model: the whole run stops with one clear line
    except Exception as exc:  # a bug or a time-out in one page must not cost the other pages
        files = ", ".join(d.path for _, d in sorted(docs.items()))
        why = str(exc) if isinstance(exc, TimeBudgetExceeded) else \
            f"internal error: {type(exc).__name__}: {exc} (please report this with these files)"
        errors.append(InputError(docs[min(docs)].path, f"page '{group.page}' not checked: {why}; files: {files}"))
        return PageResult([], None, errors)
    kept, suppressed = apply_policy(findings, ctx.settings, suppressions)
    scores = sem.rounded_scores() if sem is not None else None
    view = PageView.from_aligned(page, scores) if ctx.extras.get("views") else None
    rows = sem.row_entries(page) if sem is not None else []
    stats = {}
    if before is not None:
        emb = engine(sem_options)
        after = emb.stats()
        stats = {k: after[k] - before[k] for k in after}
        stats["model_loaded"] = int(getattr(emb.inner, "_model", None) is not None)
    return PageResult(kept, summary, errors, suppressed, view, rows, stats)


def check_page(group: PageGroup, docs: dict[str, Document], ctx: CheckContext,
               rules: Iterable[ModuleType], page_rules: Iterable[ModuleType],
               expected_locales: tuple[str, ...]):
    """Align one page's documents and run the rules on it.

    Returns (findings, summary, aligned page, :class:`~transcheck.parity.PageSemantics`
    or ``None`` when the semantic stage is off). With the semantic stage on, every prose
    segment is embedded first and the embeddings guide the alignment.
    """
    reference = ctx.settings.reference or group.source_locale
    sem_options = ctx.extras.get("semantic")
    sem = None
    if sem_options is not None and len(docs) >= 2:
        sem = embed_page(docs, engine(sem_options))
    page = align_documents(docs, reference if reference in docs else None,
                           sem.alignment_similarity if sem is not None else None)
    findings: list[Finding] = []
    page_ctx = replace(ctx, extras={**ctx.extras, "group": group, "expected_locales": expected_locales})
    if sem is not None:
        sem.score(page)
        page_ctx.extras["page_semantics"] = sem
    if len(docs) >= 2:
        for rule in rules:
            findings.extend(rule.check(page, page_ctx))
    for rule in page_rules:
        findings.extend(rule.check_group(group, page, page_ctx))
    summary = PageSummary(group.page, {loc: d.path for loc, d in docs.items()},
                          page.reference, len(page.rows), sem.page_scores if sem is not None else {})
    return findings, summary, page, sem


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
            groups.append(replace(g, files=files, source_locale=lang if g.source_locale is not None else None))
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
    rules = options.rules if options.rules is not None else rules_pkg.ALL
    page_rules = options.page_rules if options.page_rules is not None else rules_pkg.PAGE_RULES
    ctx = CheckContext(settings=options.settings)
    if options.views:
        ctx.extras["views"] = True
    if options.semantic is not None:
        ctx.extras["semantic"] = options.semantic
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
    views: list[PageView] = []
    segment_scores: dict[str, list] = {}
    stats: dict[str, int] = {}
    suppressed = 0
    for done, result in enumerate(check_groups(groups, ctx, tuple(rules), tuple(page_rules),
                                               found.locales, jobs=options.jobs), start=1):
        findings.extend(result.findings)
        errors.extend(result.errors)
        suppressed += result.suppressed
        if result.summary is not None:
            pages.append(result.summary)
        if result.view is not None:
            views.append(result.view)
        for key, value in result.embedding_stats.items():
            stats[key] = max(stats.get(key, 0), value) if key == "model_loaded" else stats.get(key, 0) + value
        if result.segment_scores and result.summary is not None:
            segment_scores[result.summary.page] = result.segment_scores
        if options.progress:
            options.progress(done, len(groups))
    findings.sort(key=Finding.sort_key)
    baselined = 0
    if options.baseline is not None:
        findings, baselined = apply_baseline(findings, options.baseline)
    tool = {"name": "transcheck", "version": __version__}
    if options.shard and options.shard[1] > 1:
        tool["shard"] = f"{options.shard[0]}/{options.shard[1]}"
    return Report(
        findings=tuple(findings),
        rules=tuple(rules_pkg.info(r) for r in rules_pkg.ALL + rules_pkg.PAGE_RULES),
        pages=tuple(sorted(pages, key=lambda p: p.page)),
        errors=tuple(sorted(errors, key=lambda e: (e.file, e.line or 0, e.message))),
        tool=tool,
        suppressed=suppressed,
        baselined=baselined,
        views=tuple(sorted(views, key=lambda v: v.page)),
        segment_scores=dict(sorted(segment_scores.items())),
        embedding_stats=dict(sorted(stats.items())),
    )
