"""The run: discover -> parse -> align -> check, producing a :class:`~transcheck.model.Report`.

This module wires the stages together; it holds no checking logic of its own.
Input is untrusted: a file that cannot be read or parsed, a parse or page check that
runs past its time budget (:mod:`transcheck.guard`), or a bug that raises inside one
page's checks becomes an :class:`~transcheck.model.InputError` naming the files, and
the run goes on with the other pages.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import Iterable

from . import __version__, rules as rules_pkg
from .align import align_documents
from .discover import SOURCE, Discovery, discover
from .guard import TimeBudgetExceeded, budget_for, time_budget
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


def load_documents(group: PageGroup, errors: list[InputError]) -> dict[str, Document]:
    """Read and parse every file of a page group; unreadable files go to ``errors``.

    Parse problems that leave part of a file unchecked are reported too (the rest of
    the file is checked); a parse that runs past its time budget or fails drops the file.
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
        except RecursionError:
            errors.append(InputError(pf.display, "Markdown nested too deeply to parse; not checked"))
        except Exception as exc:  # a parser bug must not stop the run
            errors.append(InputError(pf.display, f"internal error while parsing: "
                                                 f"{type(exc).__name__}: {exc}; not checked "
                                                 "(please report this with the file)"))
        errors.extend(InputError(pf.display, msg, line) for line, msg in problems)
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
    for rule in rules_pkg.PAGE_RULES:
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
    ctx = CheckContext(settings=options.settings)
    findings: list[Finding] = []
    pages: list[PageSummary] = []
    for group in found.groups:
        docs = load_documents(group, errors)
        if not docs:
            continue
        size = sum(len(s.text) for d in docs.values() for s in d.segments)
        try:
            with time_budget(budget_for(size, base=60.0, per_mb=30.0), "checking this page"):
                f, summary = check_page(group, docs, ctx, rules, found.locales)
        except Exception as exc:  # a bug or a time-out in one page must not stop the run
            files = ", ".join(d.path for _, d in sorted(docs.items()))
            why = str(exc) if isinstance(exc, TimeBudgetExceeded) else \
                f"internal error: {type(exc).__name__}: {exc} (please report this with these files)"
            errors.append(InputError(docs[min(docs)].path,
                                     f"page '{group.page}' not checked: {why}; files: {files}"))
            continue
        findings.extend(f)
        pages.append(summary)
    tool = {"name": "transcheck", "version": __version__}
    return Report(
        findings=tuple(sorted(findings, key=Finding.sort_key)),
        rules=tuple(rules_pkg.info(r) for r in rules_pkg.ALL + rules_pkg.PAGE_RULES),
        pages=tuple(sorted(pages, key=lambda p: p.page)),
        errors=tuple(sorted(errors, key=lambda e: (e.file, e.line or 0, e.message))),
        tool=tool,
    )
