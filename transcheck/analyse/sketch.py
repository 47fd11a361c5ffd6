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

import re
import zlib
from functools import lru_cache
from typing import Sequence

import numpy as np

BUCKETS = 64

_PUNCT_RE = re.compile(r"[^\w\s]+")


def normalise(text: str) -> str:
    """Casefolded text with punctuation removed and whitespace collapsed (what
    ``same_text_ratio`` compares)."""
    return " ".join(_PUNCT_RE.sub(" ", text.casefold()).split())


class Sketch:
    """Normalised text, its CRC32, its length and its bucketed character histogram."""

    __slots__ = ("norm", "digest", "length", "hist")

    def __init__(self, text: str):
        self.norm = normalise(text)
        self.digest = zlib.crc32(self.norm.encode("utf-8"))
        self.length = len(self.norm)
        codes = np.frombuffer(self.norm.encode("utf-32-le"), dtype=np.uint32)
        self.hist = np.bincount((codes * 2654435761 >> 7) % BUCKETS, minlength=BUCKETS).astype(np.int64) \
            if len(codes) else np.zeros(BUCKETS, dtype=np.int64)


@lru_cache(maxsize=65536)
def sketch(text: str) -> Sketch:
    """The :class:`Sketch` of a prose text (cached by text)."""
    return Sketch(text)


def ratio_bounds(sketches: Sequence[Sketch]) -> np.ndarray:
    """Pairwise upper bounds of the normalised difflib ratio, ``k x k`` (1.0 on equal texts)."""
    k = len(sketches)
    if not k:
        return np.zeros((0, 0))
    hist = np.stack([s.hist for s in sketches])
    lengths = np.array([s.length for s in sketches], dtype=np.int64)
    common = np.minimum(hist[:, None, :], hist[None, :, :]).sum(axis=2)
    total = lengths[:, None] + lengths[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        bound = np.where(total > 0, 2.0 * common / np.where(total > 0, total, 1), 1.0)
    return bound


def copy_candidates(sketches: Sequence[Sketch], threshold: float) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, whose ratio may reach ``threshold``.

    Pairs with equal normalised text are always included; every pair left out has a
    ratio below ``threshold`` for certain, even after ``same_text_ratio`` rounds it to
    four decimals (hence the 1e-4 margin).
    """
    k = len(sketches)
    if k < 2:
        return set()
    bound = ratio_bounds(sketches)
    ii, jj = np.nonzero(np.triu(bound >= threshold - 1e-4, 1))
    return {(int(i), int(j)) for i, j in zip(ii, jj)}
