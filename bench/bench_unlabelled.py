"""Benchmark: grouping unlabelled files (no locale in their path) into pages.

Usage::

    python bench/bench_unlabelled.py [--pairs 500 1000 2500]

For each size N it writes N English and N German release notes named ``aNNNNN.md`` and
``bNNNNN.md`` (no locale marker; every English note sorts before every German one, the
order in which each German note meets all N English pages) into a temporary folder, then times the grouping stage
(language identification and structural pairing) on one core, and checks that every
note was paired with its translation. CPU seconds are the steadier figure on a busy
machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from transcheck.model import PageFile  # noqa: E402
from transcheck.run.discover.identify import identify  # noqa: E402


def write_notes(root: Path, pairs: int) -> None:
    """Write ``pairs`` English notes and their German translations, named by number."""
    for i in range(pairs):
        (root / f"a{i:05d}.md").write_text(
            f"# Release {i}\n\nThis release adds the `flag-{i}` option and fixes bug number {1000 + i} "
            f"in the [parser](https://x.example/{i}).\n\n```sh\ntool --flag-{i}\n```\n", encoding="utf-8")
        (root / f"b{i:05d}.md").write_text(
            f"# Version {i}\n\nDiese Version fügt die Option `flag-{i}` hinzu und behebt den Fehler "
            f"Nummer {1000 + i} im [Parser](https://x.example/{i}).\n\n```sh\ntool --flag-{i}\n```\n",
            encoding="utf-8")


def main() -> None:
    """Time the grouping of unlabelled files for each size given."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, nargs="+", default=[500, 1000, 2500])
    args = ap.parse_args()
    print(f"{'files':>7} {'wall s':>8} {'cpu s':>8}  paired")
    for n in args.pairs:
        with tempfile.TemporaryDirectory() as tmp:
            write_notes(Path(tmp), n)
            files = [PageFile(p.name, "", str(p), p.name, "content") for p in sorted(Path(tmp).iterdir())]
            wall, cpu = time.perf_counter(), time.process_time()
            groups, _ = identify(files)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            ok = len(groups) == n and all(len(g.files) == 2 for g in groups)
            print(f"{2 * n:>7} {wall:>8.1f} {cpu:>8.1f}  {'all' if ok else 'NOT ALL'}")


if __name__ == "__main__":
    main()
