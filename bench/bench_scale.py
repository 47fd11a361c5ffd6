"""Benchmark transcheck on generated sites: wall time, files per second, peak memory.

Each run is ``python -m transcheck SITE --format json`` in a fresh wrapper process that
reads ``resource.getrusage(RUSAGE_CHILDREN)`` afterwards, so the peak RSS is that of the
largest process of the run (the main process or one of its workers). Sizes grow in
pages (at 10 locales) and in locales (at 500 pages), then ``--jobs 1`` vs ``--jobs 2``
and pull-request mode on the largest site.

    python bench/bench_scale.py [--work /tmp/transcheck-bench] [--quick]

Prints a Markdown table (for the README) and writes ``results.json`` in the work folder.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_site import make_site  # noqa: E402

_WRAPPER = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, input=None)
wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
try:
    findings = json.loads(p.stdout)["summary"]["findings"]
except Exception:
    findings = None
print(json.dumps({"wall": wall, "rss_mib": ru.ru_maxrss / 1024, "cpu": ru.ru_utime + ru.ru_stime,
                  "rc": p.returncode, "findings": findings, "stderr": p.stderr.decode()[-500:]}))
"""


def measure(site: Path, *args: str) -> dict:
    """Run transcheck on ``site`` once; return wall time, CPU time, peak RSS and findings."""
    env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
    cmd = [sys.executable, "-c", _WRAPPER, sys.executable, "-m", "transcheck", str(site), "--format", "json",
           "--fail-on", "never", *args]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
    res = json.loads(out)
    if res["rc"] not in (0, 1):
        raise SystemExit(f"transcheck failed on {site}: {res['stderr']}")
    return res


def main() -> None:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=Path("/tmp/transcheck-bench"))
    ap.add_argument("--quick", action="store_true", help="smaller sizes (a smoke test)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    big = 200 if a.quick else 2000
    runs = [(p, 10) for p in (big // 8, big // 4, big // 2, big)] + \
           [(big // 4, loc) for loc in (5, 20)]
    rows = []

    def row(label: str, pages: int, locales: int, files: int, r: dict) -> None:
        rows.append({"run": label, "pages": pages, "locales": locales, "files": files, **r,
                     "files_per_s": files / r["wall"]})
        print(f"| {label} | {pages} | {locales} | {files} | {r['wall']:.1f} | {files / r['wall']:.0f} | "
              f"{r['cpu']:.1f} | {r['rss_mib']:.0f} | {r['findings']} |", flush=True)

    print("| run | pages | locales | files | wall s | files/s | CPU s | peak RSS MiB | findings |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    sites = {}
    for pages, locales in runs:
        site = a.work / f"site-{pages}x{locales}"
        m = make_site(site, pages, locales, rate=0.05, seed=1)
        sites[(pages, locales)] = (site, m)
        row(f"--jobs {a.jobs}", pages, locales, m["files"], measure(site, "--jobs", str(a.jobs)))
    site, m = sites[(big, 10)]
    row("--jobs 1", big, 10, m["files"], measure(site, "--jobs", "1"))
    changed = a.work / "changed.txt"
    changed.write_text(f"{site}/de/section-3/page-3.md\n{site}/fr/section-7/page-7.md\n")
    row("--files-from (2 files)", big, 10, m["files"], measure(site, "--files-from", str(changed)))
    row("--shard 1/4", big, 10, m["files"], measure(site, "--shard", "1/4", "--jobs", str(a.jobs)))
    (a.work / "results.json").write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
