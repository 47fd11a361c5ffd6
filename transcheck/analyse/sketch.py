"""Sketches of prose that rule out "same text" pairs without comparing them.

``untranslated`` asks, for each aligned row, which locales hold (nearly) the same
text as a locale in another language: a difflib ratio of at least 0.9 on normalised
prose. Comparing every pair of locales with difflib is quadratic in the number of
locales and was the rule's whole cost. A :class:`Sketch` is computed once per
segment: the normalised text, its hash, its length and a 64-bucket character
histogram. Two sketches give an upper bound of difflib's ratio,

    ratio <= quick_ratio <= 2 * sum(min(hist_a, hist_b)) / (len_a + len_b),

(the histogram sums characters that share a bucket, which can only raise the
minimum), so a pair below the threshold is ruled out exactly, with no false negative.
:func:`copy_candidates` finds the pairs of a row that pass, in one vectorised step:
identical texts by hash, the others by length window and histogram bound. In
practice only true copies reach difflib, so the exact work grows with the copies
found, linearly in locales; the bound itself is ``k x k x 64`` integer minima per row
of ``k`` locales, done in one numpy call (tens of microseconds at 40 locales).
"""

from __future__ import annotations

import zlib
from typing import Sequence

import numpy as np

from .language.detect import normalise_prose

BUCKETS = 64


class Sketch:
    """Normalised text, its CRC32, its length and its bucketed character histogram."""

    __slots__ = ("norm", "digest", "length", "hist")

    def __init__(self, text: str, hist: np.ndarray | None = None, norm: str | None = None):
        self.norm = normalise_prose(text) if norm is None else norm
        self.digest = zlib.crc32(self.norm.encode("utf-8"))
        self.length = len(self.norm)
        self.hist = _histograms([self.norm])[0] if hist is None else hist


def _histograms(norms: Sequence[str]) -> np.ndarray:
    """``len(norms) x BUCKETS`` character histograms, in one pass over all the texts."""
    codes = np.frombuffer("".join(norms).encode("utf-32-le"), dtype=np.uint32)
    owner = np.repeat(np.arange(len(norms), dtype=np.int64), [len(n) for n in norms])
    buckets = ((codes * 2654435761 >> 7) % BUCKETS).astype(np.int64) + owner * BUCKETS
    return np.bincount(buckets, minlength=len(norms) * BUCKETS).astype(np.int64).reshape(len(norms), BUCKETS)


_CACHE: dict[str, Sketch] = {}
_CACHE_LIMIT = 65536


def sketches(texts: Sequence[str]) -> list[Sketch]:
    """The :class:`Sketch` of each prose text (cached by text; the new ones' histograms in
    one numpy pass, not one per text)."""
    found = {t: _CACHE.get(t) for t in texts}
    new = [t for t, s in found.items() if s is None]
    if new:
        if len(_CACHE) + len(new) > _CACHE_LIMIT:
            _CACHE.clear()
        norms = [normalise_prose(t) for t in new]
        for t, norm, hist in zip(new, norms, _histograms(norms)):
            found[t] = _CACHE[t] = Sketch(t, hist, norm)
    return [found[t] for t in texts]


def sketch(text: str) -> Sketch:
    """The :class:`Sketch` of a prose text (cached by text)."""
    return sketches([text])[0]


def ratio_bounds(rows: Sequence[Sketch], cols: Sequence[Sketch]) -> np.ndarray:
    """Upper bounds of the normalised difflib ratio of every pair, ``len(rows) x len(cols)``
    (1.0 for two empty texts)."""
    if not rows or not cols:
        return np.zeros((len(rows), len(cols)))
    ha = np.stack([s.hist for s in rows])
    hb = np.stack([s.hist for s in cols])
    la = np.array([s.length for s in rows], dtype=np.int64)
    lb = np.array([s.length for s in cols], dtype=np.int64)
    common = np.minimum(ha[:, None, :], hb[None, :, :]).sum(axis=2)
    total = la[:, None] + lb[None, :]
    return np.where(total > 0, 2.0 * common / np.where(total > 0, total, 1), 1.0)


def copy_candidates(rows: Sequence[Sketch], cols: Sequence[Sketch], threshold: float) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i != j``, for which ``rows[i]``'s text may be a copy of
    ``cols[j]``'s: ratio possibly at least ``threshold``.

    ``rows`` and ``cols`` sketch the same cells (the text a cell is judged by, and the
    text it is compared with). Pairs with equal normalised text are always included;
    every pair left out has a ratio below ``threshold`` for certain, even after
    ``same_text_ratio`` rounds it to four decimals (hence the 1e-4 margin).
    """
    if len(rows) < 2:
        return set()
    ok = ratio_bounds(rows, cols) >= threshold - 1e-4
    np.fill_diagonal(ok, False)
    ii, jj = np.nonzero(ok)
    return {(int(i), int(j)) for i, j in zip(ii, jj)}
