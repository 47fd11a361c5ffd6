"""One page group: read and parse -> align (embedding-guided) -> analyse -> rules -> policy.

Input is untrusted: a file that cannot be read or parsed, a parse or page check that
runs past its time budget (:mod:`transcheck.run.guard`), or a bug that raises inside one
page's checks becomes an :class:`~transcheck.model.InputError` naming the files, and
the run goes on with the other pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Iterable

from ..analyse.align import align_documents
from ..analyse.facts import page_facts
from ..analyse.moves import settle_moves
from ..analyse.semantic.embedders import EmbeddingError
from ..analyse.semantic.engine import PageSemantics, SemanticOptions, analyse, engine
from ..markdown.parse import InputFileError, parse_markdown, read_file
from ..markdown.suppress import Suppressions, parse_suppressions
from ..model import AlignedPage, Document, Finding, InputError, PageGroup, PageSummary, PageView, Settings
from ..rules.base import RuleContext
from .guard import TimeBudgetExceeded, budget_for, time_budget
from .policy import apply_policy

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


def check_group(group: PageGroup, job: PageJob, rules: Iterable[ModuleType],
                page_rules: Iterable[ModuleType]) -> PageResult:
    """Read, parse, align, analyse and check one page group; a crash in a rule is an error, not an exit."""
    errors: list[InputError] = []
    suppressions: dict[str, Suppressions] = {}
    docs = load_documents(group, errors, suppressions)
    if not docs:
        return PageResult([], None, errors)
    before = engine(job.semantic).stats() if job.semantic is not None else None
    loaded_before = engine(job.semantic).loaded if job.semantic is not None else False
    size = sum(len(s.text) for d in docs.values() for s in d.segments)
    try:
        with time_budget(budget_for(size, base=60.0, per_mb=30.0), "checking this page"):
            findings, summary, page, sem = check_page(group, docs, job, rules, page_rules)
    except EmbeddingError:
        raise  # no model: the whole run stops with one clear line
    except Exception as exc:  # a bug or a time-out in one page must not cost the other pages
        files = ", ".join(d.path for _, d in sorted(docs.items()))
        why = str(exc) if isinstance(exc, TimeBudgetExceeded) else \
            f"internal error: {type(exc).__name__}: {exc} (please report this with these files)"
        errors.append(InputError(docs[min(docs)].path, f"page '{group.page}' not checked: {why}; files: {files}"))
        return PageResult([], None, errors)
    kept, suppressed = apply_policy(findings, job.settings, suppressions)
    scores = sem.rounded_scores() if sem is not None else None
    view = PageView.from_aligned(page, scores) if job.views else None
    rows = sem.row_entries(page) if sem is not None else []
    stats = {}
    if before is not None:
        emb = engine(job.semantic)
        after = emb.stats()
        stats = {k: after[k] - before[k] for k in after}
        stats["model_loaded"] = int(emb.loaded and not loaded_before)  # loaded by this page
    return PageResult(kept, summary, errors, suppressed, view, rows, stats)


def check_page(group: PageGroup, docs: dict[str, Document], job: PageJob,
               rules: Iterable[ModuleType], page_rules: Iterable[ModuleType],
               ) -> tuple[list[Finding], PageSummary, AlignedPage, PageSemantics | None]:
    """Align one page's documents, analyse the page and run the rules on it.

    Returns (findings, summary, aligned page, :class:`PageSemantics` or ``None`` when the
    semantic stage is off). With the semantic stage on, every prose segment is embedded
    first and the embeddings guide the alignment.
    """
    rules, page_rules = tuple(rules), tuple(page_rules)
    reference = job.settings.reference or group.source_locale
    ref = reference if reference in docs else None
    sem = None
    if job.semantic is not None and len(docs) >= 2:
        page, sem = analyse(docs, ref, engine(job.semantic))
    else:
        page = settle_moves(align_documents(docs, ref))
    run_rules = (rules if len(docs) >= 2 else ()) + page_rules
    wanted = {name for rule in run_rules for name in getattr(rule, "FACTS", ())}
    facts = page_facts(page, job.settings, group=group, expected_locales=job.expected_locales,
                       semantics=sem, history=job.history, wanted=wanted,
                       site_reference=job.site_reference)
    ctx = RuleContext(job.settings, facts)
    findings: list[Finding] = []
    for rule in run_rules:
        findings.extend(rule.check(page, ctx))
    summary = PageSummary(group.page, {loc: d.path for loc, d in docs.items()},
                          page.reference, len(page.rows), sem.page_scores if sem is not None else {})
    return findings, summary, page, sem
