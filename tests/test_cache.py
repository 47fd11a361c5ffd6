"""The on-disk embedding cache, with the real default model (no mocks)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from transcheck.analyse.semantic.cache import CACHE_ENV, CacheWarning, CachedEmbedder, EmbeddingCache, default_cache_dir, resolve_cache_dir, text_hash
from transcheck.analyse.semantic.embedders import USEEmbedder

TEXTS = [
    "Build the image with docker build.",
    "Erstellen Sie das Image mit docker build.",
    "Соберите образ командой docker build.",
    "docker build でイメージをビルドします。",
    "Build the image with docker build.",  # duplicate
]
UNIQUE = len(set(TEXTS))
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def use() -> USEEmbedder:
    return USEEmbedder(threads=2)


def entry_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.emb"))


def test_cache_dir_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "transcheck"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "transcheck"
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "env"))
    assert default_cache_dir() == tmp_path / "env"
    assert resolve_cache_dir(tmp_path / "flag") == tmp_path / "flag"  # --cache-dir wins
    assert resolve_cache_dir(None) == tmp_path / "env"
    assert EmbeddingCache.from_options(None, no_cache=True).disabled
    assert EmbeddingCache.from_options(tmp_path / "flag").root == tmp_path / "flag"


def test_hits_and_misses_across_two_runs(use, tmp_path):
    first = CachedEmbedder(use, EmbeddingCache(tmp_path))
    v1 = first.encode(TEXTS)
    assert first.stats() == {"hits": 0, "misses": UNIQUE}
    assert v1.shape == (len(TEXTS), 512) and v1.dtype == np.float32
    np.testing.assert_array_equal(v1[0], v1[4])
    np.testing.assert_allclose(v1, use.encode(TEXTS), atol=1e-6)
    assert len(entry_files(tmp_path)) == UNIQUE
    meta = json.loads(next(tmp_path.rglob("model.json")).read_text())
    assert meta == {"name": use.name, "version": use.version}

    # second run: a new process would start like this, with a model not loaded yet
    fresh = USEEmbedder(threads=2)
    second = CachedEmbedder(fresh, EmbeddingCache(tmp_path))
    v2 = second.encode(TEXTS)
    assert second.stats() == {"hits": UNIQUE, "misses": 0}
    assert fresh._model is None  # a fully cached run never loads the model
    np.testing.assert_array_equal(v1, v2)

    # one changed segment: only it is embedded
    changed = TEXTS[:3] + ["Build the image with docker buildx."]
    second.encode(changed)
    assert second.stats() == {"hits": UNIQUE + 3, "misses": 1}
    assert len(entry_files(tmp_path)) == UNIQUE + 1


def test_a_window_is_embedded_once_then_forgotten(use):
    """prefetch(): one call for a window's texts, counted there; later calls of the window
    are served from memory uncounted; the next window starts with an empty memory."""
    emb = CachedEmbedder(use, EmbeddingCache(None, disabled=True))
    emb.prefetch(TEXTS)
    assert emb.stats() == {"hits": 0, "misses": UNIQUE}
    np.testing.assert_array_equal(emb.encode(TEXTS[:2]), emb.encode(TEXTS[:2]))
    assert emb.stats() == {"hits": 0, "misses": UNIQUE}
    emb.prefetch(TEXTS[1:3])  # a new window: nothing kept from the last one (no disk cache here)
    assert emb.stats() == {"hits": 0, "misses": UNIQUE + 2} and len(emb._memo) == 2


def test_model_key_separates_entries(use, tmp_path):
    cache = EmbeddingCache(tmp_path)
    CachedEmbedder(use, cache).encode(TEXTS[:2])
    assert cache.get(use.key, text_hash(TEXTS[0])) is not None
    assert cache.get(use.key + "-other-version", text_hash(TEXTS[0])) is None


def test_disabled_cache_writes_nothing(use, tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    emb = CachedEmbedder(use, EmbeddingCache.from_options(no_cache=True))
    emb.encode(TEXTS)
    emb.encode(TEXTS)  # the in-memory memo still dedupes within a run
    assert emb.stats() == {"hits": UNIQUE, "misses": UNIQUE}
    assert entry_files(tmp_path) == []
    other = CachedEmbedder(use, EmbeddingCache(None, disabled=True))
    other.encode(TEXTS)
    assert other.stats() == {"hits": 0, "misses": UNIQUE}


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty", "swap"])
def test_corrupt_entry_is_rebuilt_with_a_warning(use, tmp_path, damage):
    v1 = CachedEmbedder(use, EmbeddingCache(tmp_path)).encode(TEXTS)
    files = entry_files(tmp_path)
    victim = files[0]
    data = victim.read_bytes()
    if damage == "truncate":
        victim.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        victim.write_bytes(data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:])
    elif damage == "garbage":
        victim.write_bytes(b"not a cache entry at all" * 100)
    elif damage == "empty":
        victim.write_bytes(b"")
    else:  # a valid entry of another text, in the wrong place
        victim.write_bytes(files[1].read_bytes())
    valid, problems = EmbeddingCache(tmp_path).verify()
    assert valid == UNIQUE - 1 and len(problems) == 1 and victim.name in problems[0]

    cache = EmbeddingCache(tmp_path)
    emb = CachedEmbedder(use, cache)
    with pytest.warns(CacheWarning, match="corrupt.*rebuilding"):
        v2 = emb.encode(TEXTS)
    assert emb.stats() == {"hits": UNIQUE - 1, "misses": 1}
    assert len(cache.messages) == 1 and victim.name in cache.messages[0]
    np.testing.assert_allclose(v2, v1, atol=1e-6)
    assert EmbeddingCache(tmp_path).verify() == (UNIQUE, [])


def test_unwritable_cache_degrades_with_a_warning(use, tmp_path):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    cache = EmbeddingCache(blocker / "cache")
    emb = CachedEmbedder(use, cache)
    with pytest.warns(CacheWarning, match="cannot write"):
        v = emb.encode(TEXTS)
    assert v.shape == (len(TEXTS), 512)
    assert emb.stats() == {"hits": 0, "misses": UNIQUE}


WORKER = textwrap.dedent("""
    import json, os, sys, time
    sys.path.insert(0, {root!r})
    from transcheck.analyse.semantic.cache import CachedEmbedder, EmbeddingCache, text_hash
    from transcheck.analyse.semantic.embedders import USEEmbedder
    cache_dir, texts_file, ready, go = sys.argv[1:5]
    texts = json.load(open(texts_file, encoding="utf-8"))
    use = USEEmbedder(threads=1)
    use.encode(["warm up"])          # load the weights before the race starts
    open(ready, "w").close()
    deadline = time.time() + 120
    while not os.path.exists(go):
        if time.time() > deadline:
            sys.exit("never told to go")
        time.sleep(0.005)
    cache = EmbeddingCache(cache_dir)
    emb = CachedEmbedder(use, cache)
    vecs = emb.encode(texts)
    # keep rewriting the same entries to widen the window in which both write
    entries = {{text_hash(t): v for t, v in zip(texts, vecs)}}
    for _ in range(20):
        cache.put_many(use.key, entries)
    print(json.dumps({{"stats": emb.stats(), "messages": cache.messages, "n": len(vecs)}}))
""")


def test_two_processes_share_one_cache(tmp_path):
    cache_dir = tmp_path / "cache"
    # overlapping sets: both write the shared half, each writes its own half
    shared = [f"Shared paragraph number {i} about Docker layers." for i in range(40)]
    own = [[f"Process {p} private paragraph {i} about images." for i in range(20)] for p in (0, 1)]
    script = tmp_path / "worker.py"
    script.write_text(WORKER.format(root=str(ROOT)))
    procs = []
    for p in (0, 1):
        tf = tmp_path / f"texts{p}.json"
        tf.write_text(json.dumps(shared + own[p] if p == 0 else own[p] + shared[::-1]))
        procs.append(subprocess.Popen(
            [sys.executable, str(script), str(cache_dir), str(tf), str(tmp_path / f"ready{p}"),
             str(tmp_path / "go")], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    deadline = time.time() + 120
    while not all((tmp_path / f"ready{p}").exists() for p in (0, 1)):
        assert time.time() < deadline and all(pr.poll() is None for pr in procs), \
            [pr.communicate() for pr in procs]
        time.sleep(0.01)
    (tmp_path / "go").touch()
    results = []
    for pr in procs:
        out, err = pr.communicate(timeout=180)
        assert pr.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    for r in results:
        assert r["n"] == 60 and r["messages"] == []
        assert r["stats"]["hits"] + r["stats"]["misses"] == 60
    total = len(set(shared) | set(own[0]) | set(own[1]))
    valid, problems = EmbeddingCache(cache_dir).verify()
    assert problems == [] and valid == total
    assert not list(cache_dir.rglob(".tmp-*")), "temp files left behind"

    # a third run finds everything
    check = CachedEmbedder(USEEmbedder(threads=2), EmbeddingCache(cache_dir))
    check.encode(shared + own[0] + own[1])
    assert check.stats() == {"hits": total, "misses": 0}
