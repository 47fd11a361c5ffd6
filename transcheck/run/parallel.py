"""Streaming and parallel checking of page groups.

Groups are checked one at a time (read, parse, align, check, then dropped): only the
findings and a small summary of each page are kept, so memory does not grow with the
number of pages. With ``jobs > 1`` chunks of groups go to a process pool
(``multiprocessing``, spawn-safe: workers get rule IDs and plain data, never modules);
chunks come back in order, and the caller sorts findings, so the report is identical
to a ``jobs=1`` run.
"""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import replace
from types import ModuleType
from typing import Iterator

from ..model import PageGroup
from ..rules import by_id
from .page import PageJob, PageResult, check_group

CHUNK = 16
"""Page groups per task sent to a worker."""


def default_jobs() -> int:
    """The default number of worker processes: every core (``os.cpu_count()``)."""
    return os.cpu_count() or 1


def _resolve(ids: tuple[str, ...]) -> tuple[ModuleType, ...]:
    known = by_id()
    return tuple(known[i] for i in ids)


def check_chunk(task: tuple) -> list[PageResult]:
    """Worker entry point (top level, picklable): check a chunk of groups.

    ``task`` is (groups, job, rule IDs, page rule IDs).
    """
    groups, job, rule_ids, page_rule_ids = task
    rules, page_rules = _resolve(rule_ids), _resolve(page_rule_ids)
    return [check_group(g, job, rules, page_rules) for g in groups]


def _chunk_job(job: PageJob, groups: list[PageGroup]) -> PageJob:
    """The job for one chunk: the git history cut down to that chunk's files."""
    if job.history is None:
        return job
    paths = {os.path.realpath(f.path) for g in groups for f in g.files}
    return replace(job, history=job.history.subset(paths))


def check_groups(groups: list[PageGroup], job: PageJob, rules: tuple[ModuleType, ...],
                 page_rules: tuple[ModuleType, ...], jobs: int = 1) -> Iterator[PageResult]:
    """Check every group, yielding a :class:`~transcheck.run.page.PageResult` per group.

    Results come in the order of ``groups`` whatever ``jobs`` is. Rules that are not
    registered in :mod:`transcheck.rules` (e.g. test doubles) force a serial run.
    """
    known = by_id()
    registered = all(known.get(r.ID) is r for r in (*rules, *page_rules))
    chunks = [groups[k:k + CHUNK] for k in range(0, len(groups), CHUNK)]
    workers = min(max(1, jobs), len(chunks))
    if workers <= 1 or not registered:
        for chunk in chunks:
            cjob = _chunk_job(job, chunk)
            for g in chunk:
                yield check_group(g, cjob, rules, page_rules)
        return
    rule_ids = tuple(r.ID for r in rules)
    page_ids = tuple(r.ID for r in page_rules)
    tasks = ((chunk, _chunk_job(job, chunk), rule_ids, page_ids) for chunk in chunks)
    mp = multiprocessing.get_context("spawn")
    with mp.Pool(workers) as pool:
        for results in pool.imap(check_chunk, tasks):
            yield from results
