"""Long fuzz run: the properties of tests/test_fuzz.py with many more examples.

    python bench/fuzz.py [--examples N] [--seconds S] [--seed SEED]

Runs until N examples (split 4:2:1 between the properties) or S seconds in all
(split the same way), whichever comes first, in complete hypothesis runs of 250
examples each (seeded from SEED), and
prints one line per property and a summary (examples run, failures, time). Exits 1 on
the first falsified property, with hypothesis' minimal failing example above it.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, seed, settings, strategies as st  # noqa: E402

from tests.fuzzing import check_in_memory, check_on_disk, page, pages, render  # noqa: E402


def main() -> int:
    """Run the fuzz properties; print the result; 0 if none was falsified."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=5000, help="examples in all (default 5000)")
    ap.add_argument("--seconds", type=float, default=300, help="time budget in all (default 300)")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    args = ap.parse_args()
    run_seed = args.seed if args.seed is not None else random.randrange(2**32)
    counts: dict[str, int] = {}

    def budget(name: str) -> None:
        counts[name] = counts.get(name, 0) + 1

    def in_memory(texts, rnd):
        budget("locale order / real lines (in memory)")
        found = check_in_memory(texts)
        order = sorted(texts)
        rnd.shuffle(order)
        assert check_in_memory(texts, order) == found

    def identical(blocks, locales, newline):
        budget("identical copies give nothing")
        assert check_in_memory({loc: render(blocks, newline) for loc in locales}) == []

    def on_disk(texts, rnd):
        budget("file creation order (pipeline on disk)")
        order = sorted(texts)
        reports = []
        for _ in range(2):
            with tempfile.TemporaryDirectory() as tmp:
                reports.append(check_on_disk(Path(tmp), texts, order))
            rnd.shuffle(order)
        assert reports[0] == reports[1]

    props = [
        (in_memory, (pages(), st.randoms(use_true_random=False)), 1.0),
        (identical, (page(), st.lists(st.sampled_from(["de", "fr", "ja", "pt-BR"]), min_size=2,
                                      max_size=4, unique=True), st.sampled_from(["\n", "\r\n", "\r"])), 0.5),
        (on_disk, (pages(), st.randoms(use_true_random=False)), 0.25),
    ]
    start = time.monotonic()
    failed = 0
    shares = sum(share for _, _, share in props)
    for fn, strategies, share in props:
        t0 = time.monotonic()
        deadline = t0 + args.seconds * share / shares
        wanted = max(1, int(args.examples * share / shares))
        status, chunk, done = "ok", 0, 0
        # complete hypothesis runs of CHUNK examples each, until the examples or the time run out
        while done < wanted and time.monotonic() < deadline and status == "ok":
            n = min(CHUNK, wanted - done)
            conf = settings(max_examples=n, deadline=None, database=None,
                            suppress_health_check=list(HealthCheck))
            test = seed(run_seed + chunk)(conf(given(*strategies)(fn)))
            try:
                test()
            except Exception as exc:  # a falsified property: hypothesis printed the example
                status = f"FAILED: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
                failed += 1
            chunk += 1
            done += n
        if done < wanted and status == "ok":
            status = "ok (time budget reached)"
        name = next((k for k in counts if k not in _seen), "?")
        _seen.add(name)
        print(f"{name:45} {counts.get(name, 0):6} examples  {time.monotonic() - t0:7.1f} s  {status}",
              flush=True)
    total = sum(counts.values())
    print(f"fuzz: seed {run_seed}, {total} examples in {time.monotonic() - start:.0f} s, "
          f"{failed} falsified propert{'y' if failed == 1 else 'ies'}")
    return 1 if failed else 0


_seen: set[str] = set()
CHUNK = 250
"""Examples per hypothesis run; each run gets its own seed (the run's seed + its number)."""

if __name__ == "__main__":
    sys.exit(main())
