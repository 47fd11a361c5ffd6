"""Scoring helpers: similarity, leave-one-out consensus, DP alignment, length ratios."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import numpy as np
import pytest

from transcheck.analyse.semantic.embedders import USEEmbedder
from transcheck.analyse.semantic.engine import consensus
from transcheck.analyse.semantic.similarity import DEFAULT_GAP_PENALTY, EXPANSION_FACTORS, align_by_similarity, base_language, expansion_factor, length_ratio_expectation, normalised_length_ratio, similarity_matrix, text_length

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def corpus_blocks(locale: str) -> list[str]:
    """Prose blocks of the corpus page (code fences dropped, code spans and URLs removed)."""
    text = (CORPUS / locale / "build-the-image.md").read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    out = []
    for block in re.split(r"\n\s*\n", text):
        block = re.sub(r"`[^`]*`", "", block)
        block = re.sub(r"\]\([^)]*\)", "]", block)
        block = " ".join(block.split())
        if block:
            out.append(block)
    return out


def identity_like(perm: list[int], n: int, hi: float = 0.9, lo: float = 0.1) -> np.ndarray:
    """sim[i, j] = hi where b[j] is a[i] (b = [a[k] for k in perm]), else lo."""
    sim = np.full((n, len(perm)), lo)
    for j, i in enumerate(perm):
        if i is not None:
            sim[i, j] = hi
    return sim


# ---- similarity_matrix ----

def test_similarity_matrix_values():
    a = np.array([[1.0, 0.0], [0.0, 2.0], [0.0, 0.0]])
    b = np.array([[3.0, 0.0], [1.0, 1.0]])
    s = similarity_matrix(a, b)
    assert s.shape == (3, 2) and s.dtype == np.float64
    np.testing.assert_allclose(s, [[1.0, 2 ** -0.5], [0.0, 2 ** -0.5], [0.0, 0.0]])
    np.testing.assert_allclose(similarity_matrix(a[0], b[1]), [[2 ** -0.5]])
    with pytest.raises(ValueError):
        similarity_matrix(np.ones((2, 3)), np.ones((2, 4)))


# ---- consensus (the leave-one-out score of the parity stage) ----

def test_consensus_takes_the_closer_half():
    assert consensus([0.9, 0.8, 0.1]) == pytest.approx(0.85)  # 3 others: the best 2
    assert consensus([0.9, 0.1]) == pytest.approx(0.9)        # 2 others: the better one
    assert consensus([0.4]) == pytest.approx(0.4)


def _consensus_scores(vecs: dict) -> dict:
    locs = sorted(vecs)
    return {a: consensus(float(vecs[a] @ vecs[b]) for b in locs if b != a) for a in locs}


@pytest.fixture(scope="module")
def use() -> USEEmbedder:
    return USEEmbedder(threads=2)


def test_consensus_finds_the_drifted_locale_with_use(use):
    texts = {
        "de": "Der Befehl RUN installiert beim Bauen die Pakete, die Ihre Anwendung braucht.",
        "fr": "La commande RUN installe, pendant la construction, les paquets dont votre application a besoin.",
        "ru": "Команда RUN устанавливает при сборке пакеты, нужные вашему приложению.",
        "ja": "RUN コマンドは、ビルド時にアプリケーションに必要なパッケージをインストールします。",
        "pt": "Nosso escritório fica fechado durante os feriados de dezembro.",  # drifted
    }
    locs = sorted(texts)
    vecs = use.encode([texts[k] for k in locs])
    scores = _consensus_scores(dict(zip(locs, vecs)))
    assert min(scores, key=scores.get) == "pt"
    assert scores["pt"] < 0.3 and min(v for k, v in scores.items() if k != "pt") > 0.45


# ---- align_by_similarity ----

def test_align_identity():
    assert align_by_similarity(np.eye(4)) == [(0, 0), (1, 1), (2, 2), (3, 3)]


def test_align_missing_item_in_b():
    sim = identity_like([0, 1, 3, 4], 5)  # b lacks a[2]
    assert align_by_similarity(sim) == [(0, 0), (1, 1), (2, None), (3, 2), (4, 3)]


def test_align_extra_item_in_b():
    sim = identity_like([0, 1, None, 2], 3)  # b has an item a lacks at position 2
    assert align_by_similarity(sim) == [(0, 0), (1, 1), (None, 2), (2, 3)]


def test_align_swapped_items_become_one_gap_each_side():
    sim = identity_like([0, 2, 1, 3], 4)  # b swaps a[1] and a[2]
    out = align_by_similarity(sim)
    assert out == [(0, 0), (1, None), (2, 1), (None, 2), (3, 3)]
    # whatever the tie-break, the swapped pair shows as one gap on each side
    assert sum(1 for i, j in out if j is None) == 1 and sum(1 for i, j in out if i is None) == 1
    assert (0, 0) in out and (3, 3) in out


def test_align_edges_and_every_index_once():
    assert align_by_similarity(np.zeros((0, 2))) == [(None, 0), (None, 1)]
    assert align_by_similarity(np.zeros((2, 0))) == [(0, None), (1, None)]
    assert align_by_similarity(np.zeros((0, 0))) == []
    rng = np.random.default_rng(7)
    sim = rng.uniform(-0.2, 1.0, size=(9, 12))
    out = align_by_similarity(sim)
    assert [i for i, _ in out if i is not None] == list(range(9))
    assert [j for _, j in out if j is not None] == list(range(12))
    assert align_by_similarity(sim) == out  # deterministic


def test_align_gap_penalty_threshold_and_ties():
    # a pair survives only when sim > 1 - 2 * gap_penalty
    weak = np.array([[0.35]])
    assert align_by_similarity(weak, gap_penalty=DEFAULT_GAP_PENALTY) == [(0, 0)]
    assert align_by_similarity(np.array([[0.25]]), gap_penalty=DEFAULT_GAP_PENALTY) == [(0, None), (None, 0)]
    # all-equal similarities: pairs preferred, always the same output
    assert align_by_similarity(np.full((2, 3), 0.5)) == [(0, 0), (1, 1), (None, 2)]
    with pytest.raises(ValueError):
        align_by_similarity(np.eye(2), gap_penalty=-1)


def test_align_real_corpus_paragraph_dropped(use):
    de, ja = corpus_blocks("de"), corpus_blocks("ja")
    assert len(de) == len(ja) == 22
    dropped = 6
    ja_cut = ja[:dropped] + ja[dropped + 1:]
    sim = similarity_matrix(use.encode(de), use.encode(ja_cut))
    out = align_by_similarity(sim)
    assert (dropped, None) in out
    pairs = [(i, j) for i, j in out if i is not None and j is not None]
    assert len(pairs) == 21
    assert all(j == (i if i < dropped else i - 1) for i, j in pairs)


# ---- length ratios ----

def test_expansion_factors_and_locales():
    assert EXPANSION_FACTORS["de"] == 1.2 and EXPANSION_FACTORS["zh"] == 0.45
    assert base_language("pt-BR") == "pt" and base_language("zh_Hans") == "zh"
    assert expansion_factor("JA") == 0.55 and expansion_factor("xx") == 1.0
    assert length_ratio_expectation("en", "de") == pytest.approx(1.2)
    assert length_ratio_expectation("de", "ja") == pytest.approx(0.55 / 1.2)


def test_normalised_length_ratio():
    en = "Build the image."
    assert text_length("  a \n\t b  ") == 3
    assert normalised_length_ratio(en, "en", "x" * int(len(en) * 1.2), "de") == pytest.approx(1.0, abs=0.05)
    assert normalised_length_ratio(en, "en", "x" * len(en), "en") == pytest.approx(1.0)
    assert normalised_length_ratio(en, "en", "x" * 3, "ja") < 0.5
    assert normalised_length_ratio("", "en", "", "de") == 1.0
    assert normalised_length_ratio("", "en", "abc", "de") == float("inf")


@pytest.mark.parametrize("locale", ["fr", "ja", "pt", "ru"])
def test_factors_match_the_corpus(locale):
    """The factors predict the corpus's median paragraph length ratio to German within 15 %."""
    de, other = corpus_blocks("de"), corpus_blocks(locale)
    ratios = [normalised_length_ratio(a, "de", b, locale)
              for a, b in zip(de, other) if len(a) > 40]
    assert 0.85 < statistics.median(ratios) < 1.15
