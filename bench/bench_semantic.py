"""Benchmark of the semantic stage: cold and warm runs, encoding share, scaling, memory.

Usage::

    python bench/bench_semantic.py [--model use] [--sizes 10x3,20x3,20x6] [--jobs 1]

1. ``transcheck corpus/`` as a user runs it (a subprocess each): ``--no-semantic``,
   then with semantics on a fresh cache (cold), then again on that cache (warm);
   wall time, the embedding counters (``--embedding-stats``) and the child's peak RSS.
2. In-process runs (``jobs=1``, no cache) of the corpus and of generated sites
   (``bench/make_site.py``, PAGES x LOCALES per ``--sizes``): wall time, prose
   segments, segments per second, and the share of the run spent inside the model's
   encode calls (timed around the embedder; everything else is parsing, alignment,
   rules and scoring).

Figures depend on the machine (cores, BLAS): compare runs on the same one.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transcheck import parity  # noqa: E402
from transcheck.run.run import RunOptions, run  # noqa: E402


def cli(*args: str) -> tuple[float, subprocess.CompletedProcess]:
    """Run the CLI once; return (wall seconds, process)."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "transcheck", *args], capture_output=True, text=True,
                          env=env)
    return time.perf_counter() - t, proc


def timed_encoder(options: parity.SemanticOptions) -> list[float]:
    """Wrap the process's embedder so encode time accumulates in the returned cell."""
    emb = parity.engine(options).inner
    spent = [0.0]
    inner = emb.encode

    def encode(texts):
        t = time.perf_counter()
        try:
            return inner(texts)
        finally:
            spent[0] += time.perf_counter() - t

    emb.encode = encode  # type: ignore[method-assign]
    return spent


def in_process(path: Path, model: str | None, jobs: int) -> dict:
    """One in-process run without cache: wall time, segments, encode share."""
    options = parity.SemanticOptions(model=model, no_cache=True)
    parity._ENGINES.pop(options, None)  # a fresh embedder (the model reloads: counted as encode)
    spent = timed_encoder(options)
    t = time.perf_counter()
    report = run(RunOptions(paths=[str(path)], semantic=options, jobs=jobs))
    wall = time.perf_counter() - t
    segs = sum(len(r["scores"]) for rows in report.segment_scores.values() for r in rows)
    stats = report.embedding_stats
    return {"pages": len(report.pages), "files": sum(len(p.files) for p in report.pages),
            "scored_segments": segs, "texts_embedded": stats.get("misses", 0),
            "wall_s": round(wall, 2), "encode_s": round(spent[0], 2),
            "encode_share": round(spent[0] / wall, 3) if wall else 0.0,
            "segments_per_s": round(segs / wall, 1) if wall else 0.0,
            "findings": len(report.findings)}


def main() -> None:
    """Run the benchmark and print one JSON object."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--sizes", default="10x3,20x3,20x6", help="PAGESxLOCALES,...")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    corpus = ROOT / "corpus"
    model = ["--model", args.model] if args.model else []
    out: dict = {"cpu_count": os.cpu_count(), "model": args.model or "use"}
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        t0, _ = cli(str(corpus), "--no-semantic", "--jobs", "1")
        t1, cold = cli(str(corpus), "--cache-dir", str(cache), "--embedding-stats", "--jobs", "1", *model)
        t2, warm = cli(str(corpus), "--cache-dir", str(cache), "--embedding-stats", "--jobs", "1", *model)
        out["corpus_cli"] = {
            "no_semantic_s": round(t0, 2), "cold_s": round(t1, 2), "warm_s": round(t2, 2),
            "cold_stats": cold.stderr.strip().splitlines()[-1], "warm_stats": warm.stderr.strip().splitlines()[-1],
            "peak_rss_mb_children": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        }
        out["corpus_in_process"] = in_process(corpus, args.model, 1)
        spec = __import__("importlib.util").util.spec_from_file_location("make_site", ROOT / "bench" / "make_site.py")
        mod = __import__("importlib.util").util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        out["scaling"] = []
        for size in filter(None, args.sizes.split(",")):
            pages, locales = (int(x) for x in size.lower().split("x"))
            site = Path(tmp) / f"site-{pages}x{locales}"
            mod.make_site(site, pages=pages, locales=locales, rate=0.05, seed=1)
            row = {"size": f"{pages}x{locales}", **in_process(site, args.model, args.jobs)}
            out["scaling"].append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    out["peak_rss_mb_self"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(out, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
