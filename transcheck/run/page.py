"""One page group: read and parse -> align (embedding-guided) -> analyse -> rules -> policy.

Input is untrusted: a file that cannot be read or parsed, a parse or page check that
runs past its time budget (:mod:`transcheck.run.guard`), or a bug that raises inside one
page's checks becomes an :class:`~transcheck.model.InputError` naming the files, and
the run goes on with the other pages.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import TYPE_CHECKING, Iterable, Iterator

from ..analyse.align import align_documents
from ..analyse.facts import page_facts
from ..analyse.moves import settle_moves
from ..analyse.semantic.embedders import EmbeddingError
from ..analyse.semantic.engine import PageSemantics, SemanticOptions, align_and_score, embed_page, embed_texts, engine
from ..markdown.parse import InputFileError, parse_markdown, read_file
from ..markdown.suppress import Suppressions, parse_suppressions
from ..model import (AlignedPage, Document, Finding, InputError, PageGroup, PageSummary, PageView, Settings,
                     SiteAddress, component_name)
from ..rules.base import RuleContext
from .guard import PAGE_BASE, PER_TEXT, Stages, TimeBudgetExceeded, budget_for, page_budget, time_budget
from .policy import apply_policy
from .progress import embedding_hook

if TYPE_CHECKING:
    from .gitutil import History


@dataclass(frozen=True)
class PageJob:
    """What checking any page of a run needs besides the page (picklable: no model objects)."""

    settings: Settings = field(default_factory=Settings)
    expected_locales: tuple[str, ...] = ()
    """Every locale of the site."""
    semantic: SemanticOptions | None = None
    """Embedding model and cache for the semantic stage; ``None``: structural checks only."""
    views: bool = False
    """Keep the page's aligned segments (for the HTML review page)."""
    history: "History | None" = None
    """Git history (for ``outdated``), cut down to the files of the pages sent along."""
    site_reference: str | None = None
    """The locale every page should exist in (see :attr:`PageFacts.site_reference`)."""
    progress: bool = False
    """Show embedding progress on stderr (see :mod:`transcheck.run.progress`)."""
    site_address: SiteAddress | None = None
    """Where the site's pages are served (see :attr:`PageFacts.site_address`)."""
    stage_budgets: tuple[tuple[str, float], ...] = ()
    """(stage name, seconds): budgets for single stages in place of the page's (see
    :class:`~transcheck.run.guard.Stages`; for tuning and tests)."""


@dataclass
class PageResult:
    """What checking one page group gives back (small: no documents)."""

    findings: list[Finding]
    summary: PageSummary | None
    errors: list[InputError]
    suppressed: int = 0
    view: PageView | None = None
    segment_scores: list = field(default_factory=list)
    """Per-row parity entries (see :meth:`transcheck.analyse.semantic.engine.PageSemantics.row_entries`)."""
    embedding_stats: dict = field(default_factory=dict)
    """Texts served from the cache (``hits``) and embedded (``misses``) for this page."""
    lost: bool = False
    """The worker process checking this page died (see :mod:`transcheck.run.parallel`)."""
    shared_components: tuple[str, ...] = ()
    """Names of the MDX components two or more copies of the page have (see :mod:`.conventions`)."""


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
            errors.append(InputError(pf.display, str(exc), exc.line, pf.locale))
            continue
        problems: list[tuple[int, str]] = []
        try:
            with time_budget(budget_for(len(text)), "parsing"):
                docs[pf.locale] = parse_markdown(text, group.page, pf.locale, pf.display, problems)
        except TimeBudgetExceeded as exc:
            errors.append(InputError(pf.display, f"{exc} (pathological Markdown?); not checked", None, pf.locale))
            continue
        except RecursionError:
            errors.append(InputError(pf.display, "Markdown nested too deeply to parse; not checked", None, pf.locale))
            continue
        except Exception as exc:  # a parser bug must not stop the run
            errors.append(InputError(pf.display, f"internal error while parsing: "
                                                 f"{type(exc).__name__}: {exc}; not checked "
                                                 "(please report this with the file)", None, pf.locale))
            continue
        finally:
            errors.extend(InputError(pf.display, msg, line, pf.locale) for line, msg in problems)
        if suppressions is not None:
            sup = parse_suppressions(text)
            if sup:
                suppressions[pf.display] = sup
    return docs


def check_group(group: PageGroup, job: PageJob, rules: Iterable[ModuleType],
                page_rules: Iterable[ModuleType]) -> PageResult:
    """Read, parse, align, analyse and check one page group (a window of one page)."""
    return next(iter(check_window([group], job, rules, page_rules)))


def check_window(groups: list[PageGroup], job: PageJob, rules: Iterable[ModuleType],
                 page_rules: Iterable[ModuleType]) -> Iterator[PageResult]:
    """Check a window of page groups (a chunk of the run, the same whatever ``--jobs``):
    read and parse them all, embed the prose of all their pages in one call
    (:meth:`~transcheck.analyse.semantic.cache.CachedEmbedder.prefetch`), then check
    each page (:func:`check_loaded`) and yield its result."""
    rules, page_rules = tuple(rules), tuple(page_rules)
    loaded: list = []
    for group in groups:
        errors: list[InputError] = []
        suppressions: dict[str, Suppressions] = {}
        loaded.append((errors, suppressions, load_documents(group, errors, suppressions)))
    stats = _embed_window(groups, [docs for *_, docs in loaded], job)
    for k, group in enumerate(groups):
        errors, suppressions, docs = loaded[k]
        loaded[k] = None  # the page's documents go once it is checked
        result = check_loaded(group, job, rules, page_rules, docs, errors, suppressions)
        for key, value in (stats if k == 0 else {}).items():  # the window's embedding: on its first page
            result.embedding_stats[key] = result.embedding_stats.get(key, 0) + value
        yield result


def _embed_window(groups: list[PageGroup], docs: list[dict[str, Document]], job: PageJob) -> dict:
    """Embed the texts of every page of a window in one call, within the embedding budget
    of all of them (when it runs out, each page embeds its own texts on its own clock);
    return the counters of that call."""
    if job.semantic is None:
        return {}
    emb = engine(job.semantic)
    texts = sorted({t for d in docs if len(d) >= 2 for t in embed_texts(d, emb)})
    name = groups[0].page if len(groups) == 1 else f"{groups[0].page} and {len(groups) - 1} more pages"
    emb.progress = embedding_hook(name) if job.progress else None
    before, loaded_before = emb.stats(), emb.loaded
    budget = dict(job.stage_budgets).get("embedding", PAGE_BASE + PER_TEXT * len(texts))
    try:
        with time_budget(budget, "embedding"):
            emb.prefetch(texts)
    except TimeBudgetExceeded:
        emb.prefetch([])
    after = emb.stats()
    return {**{k: after[k] - before[k] for k in after}, "model_loaded": int(emb.loaded and not loaded_before)}


def check_loaded(group: PageGroup, job: PageJob, rules: tuple[ModuleType, ...], page_rules: tuple[ModuleType, ...],
                 docs: dict[str, Document], errors: list[InputError],
                 suppressions: dict[str, Suppressions]) -> PageResult:
    """Align, analyse and check one page group read by :func:`load_documents`; a crash in a
    rule is an error, not an exit.

    Every stage runs within the page's time budget (:func:`~.guard.page_budget`, scaled
    with its size and locales); when one runs out, the findings of the stages that
    finished are kept and an error names the stage that did not.
    """
    if not docs:
        return PageResult([], None, errors)
    if job.semantic is not None:
        engine(job.semantic).progress = embedding_hook(group.page) if job.progress else None
    before = engine(job.semantic).stats() if job.semantic is not None else None
    loaded_before = engine(job.semantic).loaded if job.semantic is not None else False
    chars = sum(len(s.text) for d in docs.values() for s in d.segments)
    stages = Stages(page_budget(sum(len(d.segments) for d in docs.values()), chars), dict(job.stage_budgets))
    try:
        findings, summary, view, rows = check_page(group, docs, job, rules, page_rules, stages)
    except EmbeddingError:
        raise  # no model: the whole run stops with one clear line
    except Exception as exc:  # a bug in one page must not cost the other pages
        files = ", ".join(d.path for _, d in sorted(docs.items()))
        why = f"internal error: {type(exc).__name__}: {exc} (please report this with these files)"
        errors.append(InputError(docs[min(docs)].path, f"page '{group.page}' not checked: {why}; files: {files}"))
        return PageResult([], None, errors)
    if stages.unfinished is not None:
        files = ", ".join(d.path for _, d in sorted(docs.items()))
        errors.append(InputError(docs[min(docs)].path, f"page '{group.page}' not fully checked: "
                                                       f"{stages.message()}; files: {files}"))
    kept, suppressed = apply_policy(findings, job.settings, suppressions)
    stats = {}
    if before is not None:
        emb = engine(job.semantic)
        after = emb.stats()
        stats = {k: after[k] - before[k] for k in after}
        stats["model_loaded"] = int(emb.loaded and not loaded_before)  # loaded by this page
    names = Counter(n for d in docs.values() for n in {component_name(s.info) for s in d.segments
                                                         if s.kind == "component"})
    shared = tuple(sorted(n for n, c in names.items() if c >= 2))
    return PageResult(kept, summary, errors, suppressed, view, rows or [], stats, shared_components=shared)


def _align(docs: dict[str, Document], ref: str | None, sem: PageSemantics | None) -> AlignedPage:
    """Align the page (embedding-guided and scored when ``sem`` is given), moved blocks settled."""
    if sem is not None:
        return align_and_score(docs, ref, sem)
    return settle_moves(align_documents(docs, ref))


def _check_rule(rule: ModuleType, page: AlignedPage, settings: Settings, facts) -> list[Finding]:
    return list(rule.check(page, RuleContext(settings, facts)))


def check_page(group: PageGroup, docs: dict[str, Document], job: PageJob,
               rules: Iterable[ModuleType], page_rules: Iterable[ModuleType], stages: Stages | None = None,
               ) -> tuple[list[Finding], PageSummary | None, PageView | None, list | None]:
    """Align one page's documents, analyse the page and run the rules on it, stage by stage.

    Returns (findings, summary, view for the HTML page or ``None``, per-row parity
    entries or ``None``). With the semantic stage on, every prose segment is embedded
    first (on a clock of its own: the encoder's time is not the input's fault) and the
    embeddings guide the alignment. Stages: ``embedding``, ``alignment``, ``analysis``
    (the cheap page facts), then each rule in order, the costly facts it needs computed
    just before it (``analysis: moves``, ...), then ``report data``. When one runs out of time the
    rest are skipped (see :class:`~.guard.Stages`); the summary is ``None`` when the
    alignment did not finish.
    """
    stages = stages if stages is not None else Stages(float("inf"))
    rules, page_rules = tuple(rules), tuple(page_rules)
    reference = job.settings.reference or group.source_locale
    ref = reference if reference in docs else None
    sem = None
    if job.semantic is not None and len(docs) >= 2:
        embedder = engine(job.semantic)
        texts = embed_texts(docs, embedder)
        sem = stages.run("embedding", embed_page, docs, embedder, texts=texts,
                         budget=PAGE_BASE + PER_TEXT * len(texts))
        if sem is None:
            return [], None, None, None
    page = stages.run("alignment", _align, docs, ref, sem)
    if page is None:
        return [], None, None, None
    summary = PageSummary(group.page, {loc: d.path for loc, d in docs.items()},
                          page.reference, len(page.rows), sem.page_scores if sem is not None else {})
    run_rules = (rules if len(docs) >= 2 else ()) + page_rules
    facts = stages.run("analysis", page_facts, page, job.settings, group=group,
                       expected_locales=job.expected_locales, semantics=sem, history=job.history, wanted=(),
                       site_reference=job.site_reference, site_address=job.site_address)
    findings: list[Finding] = []
    ready: set[str] = set()
    for k, rule in enumerate(run_rules if facts is not None else ()):
        need = [name for name in getattr(rule, "FACTS", ()) if name not in ready]
        if need:
            more = stages.run(f"analysis: {', '.join(need)}", page_facts, page, job.settings, group=group,
                              expected_locales=job.expected_locales, semantics=sem, history=job.history,
                              wanted=need, site_reference=job.site_reference, known=facts,
                              site_address=job.site_address)
            if more is None:
                stages.skipped.extend(f"rule {r.ID}" for r in run_rules[k:])
                break
            facts = replace(facts, **{name: getattr(more, name) for name in need})
            ready.update(need)
        found = stages.run(f"rule {rule.ID}", _check_rule, rule, page, job.settings, facts)
        if found is None:
            stages.skipped.extend(f"rule {r.ID}" for r in run_rules[k + 1:])
            break
        findings.extend(found)
    extras = stages.run("report data", _report_data, page, sem, job.views)
    view, rows = extras if extras is not None else (None, None)
    return findings, summary, view, rows


def _report_data(page: AlignedPage, sem: PageSemantics | None, views: bool) -> tuple[PageView | None, list]:
    """The page's view for the HTML review page (when asked for) and its per-row parity entries."""
    scores = sem.rounded_scores() if sem is not None else None
    view = PageView.from_aligned(page, scores) if views else None
    return view, sem.row_entries(page) if sem is not None else []
