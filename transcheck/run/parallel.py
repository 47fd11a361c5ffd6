"""Streaming and parallel checking of page groups.

Groups are checked in windows of :data:`CHUNK` (read and parsed, their prose embedded in
one call, then each aligned, checked and dropped): only the findings and a small summary
of each page are kept, so memory does not grow with the number of pages. With ``jobs > 1`` chunks of groups go to worker processes (spawned,
so workers get rule IDs and plain data, never modules); the caller receives results in
the order of the groups and sorts findings, so the report is identical to a ``jobs=1``
run.

A worker can die without a word (the out-of-memory killer sends SIGKILL). Each worker
therefore has its own pipe (no shared queue whose lock a dying process could keep) and
sends every page's result as soon as it has it; the main process waits on the pipes
and on the workers' exit at once. When a worker dies, the page it was checking is
reported as not checked (:attr:`PageResult.lost`, which makes the run exit 3), the rest
of its chunk goes to a new worker, and the run goes on. Workers ignore Ctrl-C: the main
process stops them, so an interrupted run leaves no process and prints no traceback.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from multiprocessing.connection import wait
from types import ModuleType
from typing import Iterator

from ..model import InputError, PageGroup
from ..rules import by_id
from .page import PageJob, PageResult, check_window

CHUNK = 16
"""Page groups per task sent to a worker, and per window of pages whose texts are embedded
in one call (:func:`~.page.check_window`): the same windows whatever ``--jobs``."""


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Run numpy's BLAS on one thread in this process while the block runs: the checks'
    matrix products are small, a second OpenBLAS thread spun while it waited (2 of 27 CPU s
    on a long page, the same report), and runs use one process per core instead (``--jobs``)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a dependency
        yield
        return
    with threadpool_limits(1, user_api="blas"):
        yield


@contextmanager
def few_collections(first_generation: int = 100_000) -> Iterator[None]:
    """Run the cyclic garbage collector rarely while the block runs: the objects that exist
    on entry (modules, tables) are frozen out of its scans, and a collection waits for
    ``first_generation`` new objects instead of 700. Checking allocates millions of
    short-lived objects that reference counting frees; the default thresholds spent about
    5 % of a run scanning them (the same report, the same peak memory)."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(first_generation, threshold[0]), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def default_jobs() -> int:
    """The default number of worker processes: every core (``os.cpu_count()``)."""
    return os.cpu_count() or 1


def _resolve(ids: tuple[str, ...]) -> tuple[ModuleType, ...]:
    known = by_id()
    return tuple(known[i] for i in ids)


def _chunk_job(job: PageJob, groups: list[PageGroup]) -> PageJob:
    """The job for one chunk: the git history cut down to that chunk's files."""
    if job.history is None:
        return job
    paths = {os.path.realpath(f.path) for g in groups for f in g.files}
    return replace(job, history=job.history.subset(paths))


def worker_main(conn) -> None:
    """Worker entry point (top level, spawn-safe): check the chunks sent over ``conn``.

    A chunk is (indices, groups, job, rule IDs, page rule IDs);
    each page's result goes back as ``("page", index, result)`` at once. ``None`` ends
    the worker; so does a closed pipe (the main process is gone), quietly.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    try:
        with one_blas_thread(), few_collections():
            _serve(conn)
    except (EOFError, OSError, KeyboardInterrupt):
        return


def _serve(conn) -> None:
    """Check the chunks sent over ``conn`` until ``None`` comes (see :func:`worker_main`)."""
    while True:
        task = conn.recv()
        if task is None:
            return
        indices, groups, job, rule_ids, page_ids = task
        results = check_window(groups, job, _resolve(rule_ids), _resolve(page_ids))
        for index in indices:
            try:
                result = next(results)
            except Exception as exc:  # an EmbeddingError: the whole run stops
                conn.send(("raise", index, _picklable(exc)))
                return
            conn.send(("page", index, result))


def _picklable(exc: Exception) -> Exception:
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


@dataclass
class _Worker:
    process: multiprocessing.Process
    conn: object
    pending: deque = field(default_factory=deque)
    """Indices of the groups sent to this worker whose results have not come back."""


def _death(process) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = " (out of memory?)" if -code == signal.SIGKILL else ""
        return f"killed by {name}{hint}"
    return f"exited with code {code}"


def lost_result(group: PageGroup, why: str) -> PageResult:
    """The result of a page whose worker died while checking it."""
    files = ", ".join(pf.display for pf in group.files)
    first = group.files[0].display if group.files else group.page
    return PageResult([], None, [InputError(first, f"page '{group.page}' not checked: the worker process "
                                                   f"checking it was {why}; files: {files}")], lost=True)


def _run_parallel(groups: list[PageGroup], job: PageJob, rule_ids, page_ids,
                  jobs: int) -> Iterator[PageResult]:
    mp = multiprocessing.get_context("spawn")
    todo = deque(list(range(k, min(k + CHUNK, len(groups)))) for k in range(0, len(groups), CHUNK))
    workers: list[_Worker] = []
    results: dict = {}
    done = 0
    finished = False

    def start() -> None:
        parent, child = mp.Pipe()
        proc = mp.Process(target=worker_main, args=(child,), daemon=True)
        proc.start()
        child.close()
        workers.append(_Worker(proc, parent))

    def send(w: _Worker) -> None:
        indices = todo.popleft()
        chunk = [groups[i] for i in indices]
        try:
            w.conn.send((indices, chunk, _chunk_job(job, chunk), rule_ids, page_ids))
        except (OSError, EOFError):
            todo.appendleft(indices)  # it died: its sentinel says so below
            return
        w.pending.extend(indices)

    def bury(w: _Worker) -> None:
        workers.remove(w)
        w.conn.close()
        w.process.join(1)
        if w.pending:
            why = _death(w.process)
            first = w.pending.popleft()
            results[first] = lost_result(groups[first], why)
            if w.pending:
                todo.appendleft(list(w.pending))

    try:
        while done < len(groups):
            while done in results:
                yield results.pop(done)
                done += 1
            if done >= len(groups):
                break
            while len(workers) < min(jobs, len(todo) + sum(1 for w in workers if w.pending)):
                start()
            for w in workers:
                if not w.pending and todo:
                    send(w)
            ready = wait([w.conn for w in workers] + [w.process.sentinel for w in workers])
            for w in list(workers):
                if w.conn in ready or w.process.sentinel in ready:
                    try:
                        while w.conn.poll():
                            kind, index, payload = w.conn.recv()
                            if kind == "raise":
                                raise payload
                            results[index] = payload
                            w.pending.remove(index)
                    except (EOFError, OSError):
                        bury(w)  # the pipe closed: the worker is gone
                        continue
                if w.process.sentinel in ready:
                    bury(w)
        finished = True
    finally:
        for w in workers:  # idle after a complete run; stopped at once otherwise
            try:
                if finished:
                    w.conn.send(None)
                else:
                    w.process.terminate()
            except (OSError, EOFError):
                pass
        for w in workers:
            w.process.join(2)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()


def check_groups(groups: list[PageGroup], job: PageJob, rules: tuple[ModuleType, ...],
                 page_rules: tuple[ModuleType, ...], jobs: int = 1) -> Iterator[PageResult]:
    """Check every group, yielding a :class:`~transcheck.run.page.PageResult` per group.

    Results come in the order of ``groups`` whatever ``jobs`` is. Rules that are not
    registered in :mod:`transcheck.rules` (e.g. test doubles) force a serial run.
    """
    known = by_id()
    registered = all(known.get(r.ID) is r for r in (*rules, *page_rules))
    chunks = -(-len(groups) // CHUNK)
    if min(max(1, jobs), chunks) <= 1 or not registered:
        with one_blas_thread(), few_collections():
            for k in range(0, len(groups), CHUNK):
                chunk = groups[k:k + CHUNK]
                yield from check_window(chunk, _chunk_job(job, chunk), rules, page_rules)
        return
    yield from _run_parallel(groups, job, tuple(r.ID for r in rules), tuple(r.ID for r in page_rules),
                             min(jobs, chunks))
