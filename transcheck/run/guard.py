"""Backstops for untrusted input: a wall-clock budget for one stage of one file or page.

The algorithms are meant to be near-linear on any input, but the Markdown parser is a
third-party library with super-linear corner cases (tens of thousands of nested ``[``),
so every parse and every page check also runs under a time budget. When the budget runs
out, :class:`TimeBudgetExceeded` is raised inside the running code; the pipeline reports
the file or page as an input error and goes on with the others.

The budget uses ``SIGALRM`` and therefore works in the main thread of a POSIX process;
elsewhere (other threads, Windows) the code runs without a budget.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator


class TimeBudgetExceeded(Exception):
    """Raised inside a :func:`time_budget` block whose time ran out."""


def budget_for(size: int, base: float = 20.0, per_mb: float = 10.0) -> float:
    """Seconds allowed for input of ``size`` characters: ``base`` plus ``per_mb`` a megabyte."""
    return base + per_mb * size / 1_000_000


def _available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None, what: str) -> Iterator[None]:
    """Run the block with a wall-clock budget; raise :class:`TimeBudgetExceeded` past it.

    ``what`` names the work in the exception message. ``None`` or a non-positive budget,
    a nested budget, or a context without ``SIGALRM`` runs the block unguarded.
    """
    if not seconds or seconds <= 0 or not _available() \
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        yield
        return

    def on_alarm(signum, frame):  # noqa: ARG001 - signal handler signature
        raise TimeBudgetExceeded(f"{what} took longer than {seconds:.0f} s; stopped")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
