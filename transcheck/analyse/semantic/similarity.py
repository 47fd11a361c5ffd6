"""Pure numpy scoring helpers for semantic checks (no rules here).

* :func:`similarity_matrix`: cosine similarities between two sets of vectors.
* :func:`align_by_similarity`: global alignment of two segment sequences from their
  similarity matrix (Needleman-Wunsch, as the sentence aligners Vecalign and
  Bertalign do with 1-1/1-0/0-1 moves).
* :func:`length_ratio_expectation` / :func:`normalised_length_ratio`: how long a
  translation is expected to be, and how far a text pair is from that.
* :class:`PageVectors` / :func:`row_consensus`: one vector against every row of a page
  at once (one matrix product instead of a dot product per segment).

Everything is deterministic: the same input gives the same output bit for bit.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Mapping

import numpy as np

from ...locales import base_language
from ..banded import needleman_wunsch

__all__ = [
    "DEFAULT_GAP_PENALTY",
    "PageVectors",
    "row_consensus",
    "EXPANSION_FACTORS",
    "align_by_similarity",
    "base_language",
    "expansion_factor",
    "length_ratio_expectation",
    "normalised_length_ratio",
    "similarity_matrix",
    "text_length",
    "weight",
    "word_units",
]


def _unit_rows(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    if x.ndim == 1:
        x = x[None, :]
    if x.ndim != 2:
        raise ValueError(f"expected a 1-D or 2-D array of vectors, got shape {x.shape}")
    n = np.linalg.norm(x, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return x / n


def similarity_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarity of every row of ``a`` with every row of ``b``: shape ``(len(a), len(b))``.

    Rows are normalised here (zero rows score 0), the result is float64 clipped to [-1, 1].
    """
    ua, ub = _unit_rows(a), _unit_rows(b)
    if ua.shape[1] != ub.shape[1]:
        raise ValueError(f"vector sizes differ: {ua.shape[1]} and {ub.shape[1]}")
    return np.clip(ua @ ub.T, -1.0, 1.0)


DEFAULT_GAP_PENALTY = 0.35
"""Cost of leaving a segment unpaired: a pair is kept when its similarity > 1 - 2 * 0.35 = 0.3."""

def align_by_similarity(sim: np.ndarray,
                        gap_penalty: float = DEFAULT_GAP_PENALTY) -> list[tuple[int | None, int | None]]:
    """Align two sequences, given ``sim[i, j]`` between item ``i`` of a and ``j`` of b.

    Minimises the total cost, where pairing ``(i, j)`` costs ``1 - sim[i, j]`` and
    leaving an item unpaired (``(i, None)``: only in a; ``(None, j)``: only in b)
    costs ``gap_penalty``. So a pair beats two gaps only when
    ``sim > 1 - 2 * gap_penalty``. Order is kept: a swapped pair of items comes out
    as one gap on each side. Ties are broken the same way every time: pairs as early
    as possible (gaps trail), and in a run of gaps the items only in a come before
    the items only in b. Returns every index of both sequences exactly once, in order.
    """
    sim = np.asarray(sim, dtype=np.float64)
    if sim.ndim != 2:
        raise ValueError(f"sim must be a 2-D matrix, got shape {sim.shape}")
    if gap_penalty < 0:
        raise ValueError("gap_penalty must be >= 0")
    n, m = sim.shape
    # Align both sequences reversed: the tie rules then resolve toward early pairs and
    # trailing gaps in the original order. Pairing scores sim - 1 (a cost of 1 - sim).
    rev = (sim[::-1, ::-1] - 1.0).tolist()
    pairs = needleman_wunsch(n, m, lambda i, j: rev[i][j], -float(gap_penalty), eps=0.0)
    return [(None if i is None else n - 1 - i, None if j is None else m - 1 - j) for i, j in reversed(pairs)]


# ---- length expectations ----

EXPANSION_FACTORS: Mapping[str, float] = {
    "en": 1.00,
    "de": 1.20,
    "fr": 1.15,
    "pt": 1.15,
    "es": 1.15,
    "it": 1.10,
    "nl": 1.15,
    "ru": 1.10,
    "uk": 1.10,
    "pl": 1.10,
    "ja": 0.55,
    "zh": 0.45,
    "ko": 0.60,
}
"""Characters of a paragraph-length translation per character of the English text.

Source: the usual localisation rules of thumb for running text (UI strings expand
far more): German about +20 %, Romance languages +10-20 %, Russian about +10 %;
Chinese, Japanese and Korean about half as many characters. The W3C article "Text
size in translation" (quoting IBM's globalisation guidelines: text over 70
characters grows by up to about 30 %) bounds the European figures; the CJK ones
are conventional estimates, so both were checked on data.
Checked against this repository's corpus (``corpus/*/build-the-image.md``: the same
page in de/fr/ja/pt/ru, 22 aligned blocks, code spans and URLs removed): the
median per-paragraph length ratio to German is fr 0.99 (factors say 0.96), pt 0.91
(0.96), ru 0.85 (0.92), ja 0.47 (0.46); ``tests/test_semantic_scoring.py`` keeps
that check within 15 %. Pass prose without code and URLs (``Segment.prose``).
Languages not listed count as 1.0.
"""


def expansion_factor(language: str) -> float:
    """The factor of :data:`EXPANSION_FACTORS` for a language or locale (1.0 if unknown)."""
    return float(EXPANSION_FACTORS.get(base_language(language), 1.0))


def length_ratio_expectation(lang_a: str, lang_b: str) -> float:
    """Expected ``len(text in lang_b) / len(text in lang_a)`` for a translation pair."""
    return expansion_factor(lang_b) / expansion_factor(lang_a)


def text_length(text: str) -> int:
    """Length in characters with runs of whitespace counted as one space, ends stripped."""
    return len(" ".join(text.split()))


def normalised_length_ratio(text_a: str, lang_a: str, text_b: str, lang_b: str) -> float:
    """Observed length ratio of ``text_b`` to ``text_a`` divided by the expected one.

    About 1.0 for a faithful translation; well below 1 means ``text_b`` is short
    (content missing), well above 1 means it is long (content added). Two empty
    texts give 1.0; an empty ``text_a`` with a non-empty ``text_b`` gives ``inf``.
    """
    la, lb = text_length(text_a), text_length(text_b)
    if la == 0:
        return 1.0 if lb == 0 else float("inf")
    return (lb / la) / length_ratio_expectation(lang_a, lang_b)


WORDS_PER_ENGLISH_WORD: Mapping[str, float] = {
    "de": 0.97, "es": 1.05, "fr": 1.12, "pt": 1.04, "ru": 0.88, "tr": 0.80,
    "zh": 1.6, "ja": 2.7, "ko": 2.2,
}
"""Words of a translation per English word; for Chinese, Japanese and Korean, characters
of those scripts per English word (Latin words in them, such as names, count as words).
Measured on the real calibration pages (``bench/data/semantic_real``: FastAPI, Starlight,
Wails, OpenTelemetry; prose without code and links, per page, median): de 0.91-1.08,
es 0.95-1.17, fr 1.02-1.18, pt 0.96-1.16, ru 0.79-1.0, tr 0.76-0.86, zh 1.4-2.05,
ja 2.16-2.97, ko 1.88-2.36. Languages not listed count as 1.0."""

_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_WORD = re.compile(f"[^\\W{_CJK}]+")


def word_units(text: str, locale: str) -> float:
    """Length of ``text`` in English-equivalent words, each script in its own unit: words
    (runs of letters and digits) for alphabetic scripts, characters for Chinese, Japanese
    and Korean, divided by :data:`WORDS_PER_ENGLISH_WORD`. Unlike character counts, a
    CJK paragraph full of Latin identifiers is not mistaken for a short one."""
    lang = base_language(locale)
    per = WORDS_PER_ENGLISH_WORD.get(lang, 1.0)
    cjk = len(_CJK_CHAR.findall(text))
    words = len(_WORD.findall(text))
    if lang in ("zh", "ja", "ko"):
        return words + cjk / per
    return (words + cjk / 1.6) / per


def weight(text: str, locale: str) -> float:
    """Length of ``text`` in English-equivalent characters (``text_length / expansion``)."""
    return text_length(text) / expansion_factor(locale)


def consensus(cosines: Iterable[float]) -> float:
    """Leave-one-out consensus of one locale: its mean cosine to the closer half of the
    other locales (rounded up), so that one drifted locale does not drag down the
    score of the faithful ones (with two others: the better of the two)."""
    vals = sorted(cosines, reverse=True)
    top = vals[: (len(vals) + 1) // 2]
    return sum(top) / len(top)


class PageVectors:
    """The vectors of an aligned page's segments as one matrix of distinct vectors and a
    (row position x locale) table of slots into it (-1: no vector)."""

    def __init__(self, rows: Iterable, vector: Callable):
        rows = list(rows)
        self.locales = {loc: i for i, loc in enumerate(sorted({loc for r in rows for loc in r.cells}))}
        self.slot = np.full((len(rows), len(self.locales)), -1, dtype=np.int64)
        vecs: list[np.ndarray] = []
        seen: dict[int, int] = {}
        for r, row in enumerate(rows):
            for loc, seg in row.cells.items():
                v = vector(seg) if seg is not None else None
                if v is not None:
                    k = seen.setdefault(id(v), len(vecs))
                    if k == len(vecs):
                        vecs.append(v)
                    self.slot[r, self.locales[loc]] = k
        self.matrix = np.stack(vecs) if vecs else None

    def cosines(self, v: np.ndarray, without: str | None = None) -> np.ndarray:
        """Cosine of ``v`` to every segment: (row position x locale), NaN where a row has
        no vector for a locale or for the locale ``without``."""
        out = np.full(self.slot.shape, np.nan)
        if self.matrix is not None:
            has = self.slot >= 0
            out[has] = (self.matrix @ v).astype(np.float64)[self.slot[has]]
        if without in self.locales:
            out[:, self.locales[without]] = np.nan
        return out


def row_consensus(cos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`consensus` of each row of ``cos`` over its non-NaN values, and how many
    values each row has (a row without any gets NaN)."""
    count = (~np.isnan(cos)).sum(axis=1)
    ordered = -np.sort(-np.where(np.isnan(cos), -np.inf, cos), axis=1)
    top = (count + 1) // 2
    taken = np.arange(cos.shape[1])[None, :] < top[:, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(taken, ordered, 0.0).sum(axis=1) / top, count
