"""Backstops for untrusted input: a CPU-time budget for one stage of one file or page.

The algorithms are meant to be near-linear on any input, but the Markdown parser is a
third-party library with super-linear corner cases (tens of thousands of nested ``[``),
so every parse and every page check also runs under a time budget. When the budget runs
out, :class:`TimeBudgetExceeded` is raised inside the running code; the pipeline reports
the file or page as an input error and goes on with the others.

Budgets count the CPU time of the process (``ITIMER_PROF``), not the wall clock: a page
gets the same budget, and so the same findings, on an idle machine and on a busy CI runner
whose other jobs take the cores. The timer signals ``SIGPROF`` and therefore works in the
main thread of a POSIX process; elsewhere (other threads, Windows) the code runs without
a budget.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator


class TimeBudgetExceeded(Exception):
    """Raised inside a :func:`time_budget` block whose time ran out."""


def budget_for(size: int, base: float = 20.0, per_mb: float = 10.0) -> float:
    """Seconds allowed for input of ``size`` characters: ``base`` plus ``per_mb`` a megabyte."""
    return base + per_mb * size / 1_000_000


def _available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def cpu_seconds() -> float:
    """CPU seconds the process has used (what the budgets count)."""
    return time.process_time()


@contextmanager
def time_budget(seconds: float | None, what: str) -> Iterator[None]:
    """Run the block with a CPU-time budget; raise :class:`TimeBudgetExceeded` past it.

    ``what`` names the work in the exception message. ``None`` or a non-positive budget,
    a nested budget, or a context without ``setitimer`` runs the block unguarded.
    """
    if not seconds or seconds <= 0 or not _available() \
            or signal.getitimer(signal.ITIMER_PROF)[0] > 0:
        yield
        return

    def on_alarm(signum, frame):  # noqa: ARG001 - signal handler signature
        raise TimeBudgetExceeded(f"{what} took longer than {seconds:.0f} s of CPU time; stopped")

    previous = signal.signal(signal.SIGPROF, on_alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


PAGE_BASE = 60.0
"""Seconds every page's checks get, whatever its size."""
PER_SEGMENT = 0.05
"""Seconds more per segment of the page, summed over its locales (the checks are near-linear in it)."""
PER_TEXT = 1.0
"""Seconds of the embedding stage per text to embed (the encoder runs at 45 or more a second)."""


def page_budget(segments: int, chars: int) -> float:
    """Seconds for the checks of a page of ``segments`` segments (all locales) and ``chars`` characters.

    The budget stops pathological input, not big pages: it grows with the page's size and
    locale count, far above what the near-linear checks need, so that a page is not cut
    short on a slow or busy machine.
    """
    return budget_for(chars, base=PAGE_BASE, per_mb=30.0) + PER_SEGMENT * segments


class Stages:
    """The stages of one page run one after another against one deadline.

    :meth:`run` runs a stage unless an earlier one ran out of time; the first stage that
    does not finish is kept in :attr:`unfinished` with the names of those that did not run,
    so the page can report what the finished stages found and name the rest.
    ``overrides`` maps a stage name to its own budget in seconds (tuning and tests).
    """

    def __init__(self, budget: float, overrides: "dict[str, float] | None" = None):
        self.budget = budget
        self.overrides = overrides or {}
        self.started = cpu_seconds()
        self.unfinished: str | None = None
        self.skipped: list[str] = []

    def left(self) -> float:
        """Seconds left before the deadline."""
        return self.budget - (cpu_seconds() - self.started)

    def run(self, name: str, fn, *args, budget: float | None = None, **kwargs):
        """``fn(*args, **kwargs)`` within the time left, or within ``budget`` seconds for a
        stage on its own clock (whose time then moves the page's deadline back); ``None``
        when it did not finish or an earlier stage did not."""
        if self.unfinished is not None:
            self.skipped.append(name)
            return None
        seconds = self.overrides.get(name, budget if budget is not None else self.left())
        if seconds <= 0:
            self.unfinished = name
            return None
        start = cpu_seconds()
        try:
            with time_budget(seconds, name):
                return fn(*args, **kwargs)
        except TimeBudgetExceeded:
            self.unfinished = name
            return None
        finally:
            if budget is not None:  # a stage on its own clock does not use up the page's time
                self.started += cpu_seconds() - start

    def message(self) -> str:
        """What to tell the user when a stage did not finish (empty when all did)."""
        if self.unfinished is None:
            return ""
        rest = f"; not run: {', '.join(self.skipped)}" if self.skipped else ""
        return (f"{self.unfinished} did not finish within the page's time budget "
                f"({self.budget:.0f} s); findings of the finished stages are reported{rest}")
