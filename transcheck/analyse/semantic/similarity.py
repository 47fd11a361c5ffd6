"""Pure numpy scoring helpers for semantic checks (no rules here).

* :func:`similarity_matrix`: cosine similarities between two sets of vectors.
* :func:`leave_one_out_consensus`: how well each locale agrees with all the others.
* :func:`align_by_similarity`: global alignment of two segment sequences from their
  similarity matrix (Needleman-Wunsch, as the sentence aligners Vecalign and
  Bertalign do with 1-1/1-0/0-1 moves).
* :func:`length_ratio_expectation` / :func:`normalised_length_ratio`: how long a
  translation is expected to be, and how far a text pair is from that.

Everything is deterministic: the same input gives the same output bit for bit.
"""

from __future__ import annotations

import re
from typing import Mapping

import numpy as np

__all__ = [
    "DEFAULT_GAP_PENALTY",
    "EXPANSION_FACTORS",
    "align_by_similarity",
    "base_language",
    "expansion_factor",
    "leave_one_out_consensus",
    "length_ratio_expectation",
    "normalised_length_ratio",
    "similarity_matrix",
    "text_length",
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


def leave_one_out_consensus(vectors_by_locale: Mapping[str, np.ndarray]) -> dict[str, float]:
    """Each locale's mean cosine similarity to every other locale.

    Values are one vector per locale (the same segment in each locale), or
    ``(n, dim)`` arrays of ``n`` aligned segments, in which case similarities are
    taken row by row and averaged. A locale far below the others is the one that
    drifted. With a single locale there is nothing to disagree with: it scores 1.0.
    Keys come back sorted.
    """
    locales = sorted(vectors_by_locale)
    if not locales:
        return {}
    units = [_unit_rows(vectors_by_locale[loc]) for loc in locales]
    shapes = {u.shape for u in units}
    if len(shapes) != 1:
        raise ValueError(f"all locales need the same shape of vectors, got {sorted(shapes)}")
    if len(locales) == 1:
        return {locales[0]: 1.0}
    stack = np.stack(units)                       # (L, n, dim)
    pair = np.einsum("lnd,mnd->lmn", stack, stack).mean(axis=2)  # (L, L) mean row cosine
    np.fill_diagonal(pair, 0.0)
    scores = np.clip(pair.sum(axis=1) / (len(locales) - 1), -1.0, 1.0)
    return {loc: float(scores[i]) for i, loc in enumerate(locales)}


DEFAULT_GAP_PENALTY = 0.35
"""Cost of leaving a segment unpaired: a pair is kept when its similarity > 1 - 2 * 0.35 = 0.3."""

_PAIR, _UP, _LEFT = 0, 1, 2  # (i, j) pair; (i, None) from above; (None, j) from the left


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
    # Run the DP on both sequences reversed: its traceback then walks the original
    # order front to back, so ties resolve toward early pairs and trailing gaps.
    cost = 1.0 - sim[::-1, ::-1]
    g = float(gap_penalty)
    d = np.empty((n + 1, m + 1), dtype=np.float64)
    move = np.zeros((n + 1, m + 1), dtype=np.int8)
    d[:, 0] = g * np.arange(n + 1)
    d[0, :] = g * np.arange(m + 1)
    move[1:, 0] = _UP
    move[0, 1:] = _LEFT
    for i in range(1, n + 1):
        row, prev, ci = d[i], d[i - 1], cost[i - 1]
        mv = move[i]
        for j in range(1, m + 1):
            best, how = prev[j - 1] + ci[j - 1], _PAIR
            up = prev[j] + g
            if up < best:
                best, how = up, _UP
            left = row[j - 1] + g
            if left < best:
                best, how = left, _LEFT
            row[j], mv[j] = best, how
    out: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i > 0 or j > 0:
        how = move[i, j]
        if how == _PAIR:
            i, j = i - 1, j - 1
            out.append((n - 1 - i, m - 1 - j))
        elif how == _UP:
            i -= 1
            out.append((n - 1 - i, None))
        else:
            j -= 1
            out.append((None, m - 1 - j))
    return out


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


def base_language(locale: str) -> str:
    """``pt-BR`` / ``zh_Hans`` / ``DE`` -> ``pt`` / ``zh`` / ``de``."""
    return re.split(r"[-_.@]", locale.strip().lower(), maxsplit=1)[0]


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
