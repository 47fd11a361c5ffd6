"""Peak memory against the number of findings: does the report stream?

Generates sites of PAGES pages x LOCALES locales whose pages are K short sections
(a heading and a fenced code block each). In the "drift" sites every translated copy
changes a number in every code block, so each page gives K x (LOCALES - 1) findings
(against the reference `en`);
the "clean" sites are the same pages without drift (next to no findings). Each run is
``transcheck SITE --reference en --no-semantic --jobs 1 --format json,sarif,junit,text`` with the four
reports written to files, in a fresh process; the figure is that process's peak RSS
(``wait4``). The difference between a drift site and the clean site of the same size is
what the findings cost.

    python bench/report_memory.py [--pages 200,1000] [--locales 5] [--sections 20]
        [--source DIR]   # a transcheck source tree to measure instead of this one
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LOCALES = ("en", "de", "fr", "es", "it", "ja", "ko", "pt", "ru", "zh")


def make_site(root: Path, pages: int, locales: int, sections: int, drift: bool) -> None:
    """Write ROOT/<locale>/page-<n>.md: K sections of a heading and a code block."""
    for loc in LOCALES[:locales]:
        folder = root / loc
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(pages):
            parts = []
            for k in range(sections):
                port = 8000 + k + (1 + LOCALES.index(loc) if drift and loc != "en" else 0)
                parts.append(f"## `step-{k}`\n\n```bash\ndocker run -p {port}:80 image-{n}-{k}\n```\n")
            (folder / f"page-{n}.md").write_text("\n".join(parts), encoding="utf-8")


def measure(site: Path, source: Path, out: Path) -> dict:
    """One check of ``site`` in a fresh process: wall s, CPU s, peak RSS MiB, report bytes."""
    env = {**os.environ, "PYTHONPATH": str(source)}
    outs = [f"{fmt}={out}.{ext}" for fmt, ext in
            (("json", "json"), ("sarif", "sarif"), ("junit", "xml"), ("text", "txt"))]
    cmd = [sys.executable, "-m", "transcheck", str(site), "--no-semantic", "--jobs", "1",
           "--fail-on", "never", "--reference", "en", "--format", "json,sarif,junit,text"] + [a for o in outs for a in ("-o", o)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=tempfile.gettempdir(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)  # not the source folder: it would shadow PYTHONPATH
    _, status, ru = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    if proc.returncode:
        raise SystemExit(f"check failed ({proc.returncode}): {err[-2000:]}")
    with open(f"{out}.json", encoding="utf-8") as fh:
        findings = sum(1 for line in fh if line.startswith('      "rule": '))
    return {"wall": time.perf_counter() - t0, "cpu": ru.ru_utime + ru.ru_stime,
            "rss": ru.ru_maxrss / 1024, "findings": findings,
            "mb": os.path.getsize(f"{out}.json") / 2**20}


def main() -> None:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "transcheck-report-memory")
    ap.add_argument("--pages", default="200,1000")
    ap.add_argument("--locales", type=int, default=5)
    ap.add_argument("--sections", type=int, default=20)
    ap.add_argument("--source", type=Path, default=HERE.parent)
    a = ap.parse_args()
    print(f"source {a.source}; {a.locales} locales, {a.sections} sections per page\n")
    print("| pages | site | findings | JSON MiB | wall s | CPU s | peak RSS MiB |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for pages in (int(p) for p in a.pages.split(",")):
        for drift in (False, True):
            site = a.work / f"site-{pages}x{a.locales}x{a.sections}-{'drift' if drift else 'clean'}"
            if not site.exists():
                make_site(site, pages, a.locales, a.sections, drift)
            r = measure(site, a.source, a.work / "out")
            print(f"| {pages} | {'drift' if drift else 'clean'} | {r['findings']:,} | {r['mb']:.1f} | "
                  f"{r['wall']:.1f} | {r['cpu']:.1f} | {r['rss']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
