"""Run transcheck on a folder of real documentation sites and measure its precision.

Usage::

    python bench/realsites.py SITES [--site NAME ...] [--no-semantic] [--jobs N]
                              [--transcheck CMD] [--out DIR] [--timeout S]
    python bench/realsites.py SITES --sample 60 --seed 10 [--sample-warnings] [--reuse]
    python bench/realsites.py SITES --judgments judged.jsonl [--reuse]

Reports go to ``--out`` (default: ``$TMPDIR/transcheck-realsites``). ``SITES`` is a folder whose sub-folders are sites (one checked tree each). A site may
hold a ``transcheck.args`` file: extra arguments for that site, one line, shell-quoted
(for example ``--reference en``). Each run is ``transcheck check SITE --format json
-o OUT/NAME.json`` in its own process; the table shows, per site, the wall time, pages,
files, findings per rule, input errors and the stderr lines that say a page was not
checked.

``--sample N --seed S`` prints, per site, N findings drawn with ``random.Random(S)``
from the site's findings in a stable order (rule, file, line, message), each with its
file and line, message, expected and actual, and its fingerprint, for hand-checking.

``--judgments FILE`` reads hand verdicts, one JSON object a line:
``{"site": ..., "fingerprint": ..., "rule": ..., "verdict": "real"|"noise",
"class": ...}`` and prints the precision per site and rule (real / judged; also over warnings and errors only) and the
noise classes (``--round NAME`` keeps one round of a file that holds several, such as
``bench/data/realsites_verdicts.jsonl``). ``--reuse`` reads OUT/NAME.json from an earlier run instead of running.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def site_dirs(root: Path, names: list[str]) -> list[Path]:
    """The site folders under ``root`` (all, or the named ones), sorted by name."""
    dirs = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    if names:
        dirs = [p for p in dirs if p.name in names]
    return dirs


def run_site(site: Path, out: Path, args: argparse.Namespace) -> dict:
    """Run transcheck on one site; return timing, counts and the parsed JSON report."""
    report = out / f"{site.name}.json"
    cmd = shlex.split(args.transcheck) + ["check", str(site), "--format", "json", "-o", str(report)]
    extra = site / "transcheck.args"
    if extra.is_file():
        cmd += shlex.split(extra.read_text(encoding="utf-8"))
    if args.no_semantic:
        cmd.append("--no-semantic")
    if args.jobs:
        cmd += ["--jobs", str(args.jobs)]
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
        rc, stderr = proc.returncode, proc.stderr
    except subprocess.TimeoutExpired as exc:
        rc, stderr = "timeout", (exc.stderr or b"").decode("utf-8", "replace") if isinstance(exc.stderr, bytes) else (exc.stderr or "")
    wall = time.perf_counter() - start
    (out / f"{site.name}.stderr").write_text(stderr, encoding="utf-8")
    return {"site": site.name, "rc": rc, "wall": wall, "stderr": stderr, "report": load(report)}


def load(path: Path) -> dict | None:
    """The JSON report at ``path``, or None when it is missing or unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def summarise(res: dict) -> str:
    """One block of text: time, pages, findings per rule, errors, dropped pages."""
    rep = res["report"]
    lines = [f"== {res['site']}  rc={res['rc']}  wall={res['wall']:.1f}s" if res["wall"] is not None
             else f"== {res['site']}  (reused report)"]
    if rep is None:
        lines.append("   no JSON report; stderr tail: " + res["stderr"][-400:].replace("\n", " | "))
        return "\n".join(lines)
    summ = rep["summary"]
    by_rule = collections.Counter(f["rule"] for f in rep["findings"])
    lines.append(f"   pages={summ['pages']} files={summ['files']} findings={summ['findings']} "
                 f"by_severity={summ['by_severity']} input_errors={summ['errors']}")
    for rule, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"   {rule:18} {n}")
    dropped = [ln for ln in res["stderr"].splitlines() if "not checked" in ln or "not compared" in ln]
    if dropped:
        lines.append(f"   stderr 'not checked/compared' lines: {len(dropped)}; first: {dropped[0][:200]}")
    for err in rep.get("errors", [])[:5]:
        lines.append(f"   error: {json.dumps(err, ensure_ascii=False)[:200]}")
    return "\n".join(lines)


def stable(findings: list[dict]) -> list[dict]:
    """Findings in an order that does not depend on the run: rule, file, line, message."""
    return sorted(findings, key=lambda f: (f["rule"], f["file"], f.get("line") or 0, f["message"], f["fingerprint"]))


def draw(findings: list[dict], n: int, seed: int) -> list[dict]:
    """``n`` findings (or all) drawn with ``random.Random(seed)`` from the stable order."""
    pool = stable(findings)
    return random.Random(seed).sample(pool, min(n, len(pool)))


def show(site: str, picked: list[dict]) -> str:
    """The sampled findings as text, one numbered entry each."""
    out = []
    for i, f in enumerate(picked, 1):
        out.append(f"[{site} #{i}] {f['rule']} {f['severity']} {f['locale']} {f['file']}:{f.get('line')} fp={f['fingerprint']}")
        out.append(f"    {f['message'][:600]}")
        out.append(f"    expected: {str(f.get('expected'))[:300]}")
        out.append(f"      actual: {str(f.get('actual'))[:300]}")
    return "\n".join(out)


def precision(judged_path: Path, round_name: str | None = None) -> str:
    """Per-site, per-rule precision and noise classes from a judgments file (one round, or all)."""
    rows = [json.loads(ln) for ln in judged_path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if round_name:
        rows = [r for r in rows if r.get("round") == round_name]
    table = collections.defaultdict(lambda: [0, 0])
    classes = collections.defaultdict(collections.Counter)
    for r in rows:
        keys = [(r["site"], r["rule"]), (r["site"], "ALL")]
        if r.get("severity") in ("error", "warning"):
            keys.append((r["site"], "WARN+"))
        for key in keys:
            table[key][1] += 1
            table[key][0] += r["verdict"] == "real"
        if r["verdict"] != "real":
            classes[r["site"]][r.get("class", "?")] += 1
    out = ["| site | rule | real / judged | precision |", "|---|---|---|---|"]
    names = {"ALL": "**all**", "WARN+": "**warning+error**"}
    order = {"ALL": 0, "WARN+": 1}
    for (site, rule), (real, n) in sorted(table.items(), key=lambda kv: (kv[0][0], order.get(kv[0][1], 2), kv[0][1])):
        out.append(f"| {site} | {names.get(rule, rule)} | {real} / {n} | {100 * real / n:.0f} % |")
    for site, cnt in sorted(classes.items()):
        out.append(f"{site} noise: " + ", ".join(f"{c} {n}" for c, n in cnt.most_common()))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sites", type=Path)
    ap.add_argument("--site", action="append", default=[], help="only this site (repeatable)")
    ap.add_argument("--transcheck", default=f"{sys.executable} -m transcheck")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "transcheck-realsites")
    ap.add_argument("--no-semantic", action="store_true")
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=3600)
    ap.add_argument("--reuse", action="store_true", help="read OUT/NAME.json instead of running")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sample-warnings", action="store_true",
                    help="with --sample: draw from the warnings and errors only (what the text output lists)")
    ap.add_argument("--judgments", type=Path)
    ap.add_argument("--round", help="with --judgments: only the verdicts of this round")
    args = ap.parse_args(argv)
    if args.judgments:
        print(precision(args.judgments, args.round))
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    for site in site_dirs(args.sites, args.site):
        if args.reuse:
            stderr_file = args.out / f"{site.name}.stderr"
            res = {"site": site.name, "rc": None, "wall": None, "report": load(args.out / f"{site.name}.json"),
                   "stderr": stderr_file.read_text(encoding="utf-8") if stderr_file.exists() else ""}
        else:
            res = run_site(site, args.out, args)
        print(summarise(res), flush=True)
        if args.sample and res["report"]:
            pool = [f for f in res["report"]["findings"]
                    if not args.sample_warnings or f["severity"] != "info"]
            print(show(site.name, draw(pool, args.sample, args.seed)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
