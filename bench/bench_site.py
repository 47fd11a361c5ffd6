"""Benchmark a generated site (``bench/make_site.py``) against floors measured in the same run.

Steps, each in a fresh process:

1. parse floor: read and parse every file;
2. structural + language checks (``--no-semantic``), ``--jobs J``;
3. encode floor: embed the site's unique embeddable prose, cold, in one batch;
4. with the semantic stage, cold cache, then warm cache (same cache folder).

The semantic stage's cost is a semantic run's CPU time minus the structural run's.
Ratios (structural / parse floor, semantic stage / encode floor, warm stage / cold
stage) are the figures
to compare across machines; seconds depend on the machine and its load.

    python bench/bench_site.py [--pages 2000] [--locales 10] [--jobs 2] [--no-semantic]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_site import make_site  # noqa: E402
from timing import timed  # noqa: E402


def main() -> None:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "transcheck-bench-site")
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--locales", type=int, default=10)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-semantic", action="store_true", help="skip the semantic runs")
    a = ap.parse_args()
    site = a.work / f"site-{a.pages}x{a.locales}"
    if not site.exists():
        make_site(site, a.pages, a.locales)
    jobs = ("--jobs", str(a.jobs))
    floor = timed("parse", site)
    res = timed("check", site, "--no-semantic", *jobs)
    print(f"site {a.pages} pages x {a.locales} locales, --jobs {a.jobs}\n")
    print("| run | wall s | CPU s | floor | ratio | findings | errors | peak RSS MiB |")
    print("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |")
    print(f"| parse floor | {floor['wall']:.1f} | {floor['cpu']:.1f} | | | | | {floor['rss_mib']:.0f} |")
    print(f"| structural + language | {res['wall']:.1f} | {res['cpu']:.1f} | parse | "
          f"{res['cpu'] / floor['cpu']:.1f} | {res['findings']} | {res['errors']} | {res['rss_mib']:.0f} |")
    if a.no_semantic:
        return
    enc = timed("encode", site)
    cache = a.work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    cold = timed("check", site, "--cache-dir", str(cache), *jobs)
    warm = timed("check", site, "--cache-dir", str(cache), *jobs)
    print(f"| encode floor ({enc['texts']} texts) | {enc['wall']:.1f} | {enc['cpu']:.1f} | | | | | "
          f"{enc['rss_mib']:.0f} |")
    stage_cold, stage_warm = cold["cpu"] - res["cpu"], warm["cpu"] - res["cpu"]
    print(f"| with semantic, cold cache | {cold['wall']:.1f} | {cold['cpu']:.1f} | encode | "
          f"{stage_cold / enc['cpu']:.2f} | {cold['findings']} | {cold['errors']} | {cold['rss_mib']:.0f} |")
    print(f"| with semantic, warm cache | {warm['wall']:.1f} | {warm['cpu']:.1f} | cold stage | "
          f"{stage_warm / stage_cold:.2f} | {warm['findings']} | {warm['errors']} | {warm['rss_mib']:.0f} |")
    print("\nratio: structural / parse floor; semantic stage (run minus structural run) / encode floor;"
          " warm stage / cold stage (CPU s)")


if __name__ == "__main__":
    main()
