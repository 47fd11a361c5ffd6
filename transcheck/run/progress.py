"""Progress for a person watching a run: pages checked, texts embedded, cache hits.

It goes to stderr only, never to stdout or a report file. The CLI turns it on when
stderr is a terminal outside CI, or with ``--progress``. On a terminal one line is
rewritten in place; elsewhere (``--progress`` into a CI log) whole lines are written, at
most one per :data:`LOG_EVERY` seconds per process, plus the closing page count.
Worker processes write their own embedding lines (stderr is shared), so a long page's
embedding shows while it runs.
"""

from __future__ import annotations

import sys
import time

LIVE_EVERY = 0.2
"""Seconds between two updates of the terminal line."""
LOG_EVERY = 5.0
"""Seconds between two progress lines in a log."""


class Progress:
    """Writes progress to a stream (default: stderr), throttled; see the module docstring."""

    def __init__(self, stream=None, live: bool | None = None):
        self.stream = stream
        self.live = live
        self._last = float("-inf")

    def _out(self):
        return self.stream if self.stream is not None else sys.stderr

    def show(self, text: str, final: bool = False) -> None:
        """Write ``text`` unless a line went out too recently (``final`` always goes out)."""
        stream = self._out()
        if stream is None:
            return
        live = self.live if self.live is not None else _isatty(stream)
        now = time.monotonic()
        if not final and now - self._last < (LIVE_EVERY if live else LOG_EVERY):
            return
        self._last = now
        try:
            stream.write(f"\r{text}\033[K" + ("\n" if final else "") if live else text + "\n")
            stream.flush()
        except (OSError, ValueError):
            pass  # stderr is gone: progress is not worth an error

    def pages(self, done: int, total: int, stats: dict | None = None) -> None:
        """``done/total pages``, with the embedding counters so far when there are any."""
        text = f"transcheck: {done}/{total} pages"
        if stats and ("hits" in stats or "misses" in stats):
            text += (f"; embeddings: {stats.get('misses', 0):,} embedded, "
                     f"{stats.get('hits', 0):,} from cache")
        self.show(text, final=done == total)

    def embedding(self, done: int, total: int, hits: int, page: str = "") -> None:
        """Texts embedded so far in one batched call (``hits`` of its texts came from the cache)."""
        where = f" {page}" if page else ""
        self.show(f"transcheck: embedding{where}: {done:,}/{total:,} texts ({hits:,} from cache)")


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


_WORKER = Progress()
"""The embedding progress of this process (a worker's, or the main process's with ``--jobs 1``)."""


def embedding_hook(page: str):
    """A ``progress(done, total, hits)`` callback for the embedder while it embeds ``page``."""
    return lambda done, total, hits: _WORKER.embedding(done, total, hits, page)
