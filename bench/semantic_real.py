"""Semantic findings on real, faithful translations: how many fire per 1,000 segments.

The calibration set lives in ``bench/data/semantic_real/<site>/<locale>/<page>``: a
few pages of real documentation sites whose translations are maintained to follow the
English source (FastAPI, Starlight, Wails, OpenTelemetry; licences in that folder's
README), English being the reference. ``--build SITES`` (re)copies them from checkouts
of those sites; the pages and locales are listed in :data:`MANIFEST`.

Every page is checked in-process by the real pipeline with the real model. Per site
and locale the table shows the scored prose segments (aligned rows where the locale
and the reference have an embedded segment) and the semantic findings
(``semantic-drift``, ``missing-sentence``, ``extra-sentence``, and ``moved-block``,
which the embedding-guided alignment settles), also per 1,000 segments.

    python bench/semantic_real.py                          # table, default model
    python bench/semantic_real.py --sample 40 --seed 12    # a seeded sample to hand-check
    python bench/semantic_real.py --verdicts bench/data/semantic_real_verdicts.jsonl
    python bench/semantic_real.py --build /path/to/realsites
    python bench/semantic_real.py --held-out /path/to/realsites /tmp/held   # every other page
    python bench/semantic_real.py --data /tmp/held --verdicts bench/data/semantic_heldout_verdicts.jsonl

``--verdicts FILE`` reads hand verdicts, one JSON object a line (``site``, ``locale``,
``rule``, ``line``, ``file``, ``verdict``: ``real`` or ``faithful``, ``note``), and
prints how many of the current findings were judged and how many of those are real.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = ROOT / "bench" / "data" / "semantic_real"
RULES = ("semantic-drift", "missing-sentence", "extra-sentence", "moved-block")
DISTANT = ("ja", "ko", "zh", "ar")

MANIFEST = {
    "fastapi": ("fastapi/docs/{loc}/docs", ("de", "es", "fr", "ja", "ko", "pt", "ru", "tr", "zh", "zh-hant"), (
        "advanced/additional-status-codes.md", "advanced/templates.md", "tutorial/background-tasks.md",
        "tutorial/body-updates.md", "tutorial/encoder.md", "how-to/general.md",
        "how-to/conditional-openapi.md", "editor-support.md")),
    "starlight": ("starlight/docs/src/content/docs/{loc}", ("de", "es", "fr", "ja", "ko", "ru", "zh-cn"), (
        "getting-started.mdx", "guides/overriding-components.mdx", "components/cards.mdx")),
    "wails": ("wails/website/i18n/{loc}/docusaurus-plugin-content-docs/current",
              ("ar", "de", "fr", "ja", "ko", "pt", "ru", "tr", "zh-Hans"), (
        "introduction.mdx", "guides/local-development.mdx", "guides/crossplatform-build.mdx",
        "gettingstarted/development.mdx")),
    "otel": ("otel/content/{loc}", ("es", "ja", "pt", "zh"), (
        "docs/concepts/resources/index.md", "docs/languages/_index.md", "docs/concepts/sampling/index.md",
        "docs/getting-started/ops.md")),
}
"""Site -> (folder of a locale's pages, translated locales, pages). English lives at
the same folder with ``{loc}`` = ``en``, except where :data:`EN_ROOT` says otherwise."""

EN_ROOT = {"starlight": "starlight/docs/src/content/docs", "wails": "wails/website/docs"}


def build(src: Path, dest: Path = DATA) -> int:
    """Copy the pages of :data:`MANIFEST` from ``src`` (a folder of site checkouts) into ``dest``."""
    n = 0
    for site, (pattern, locales, pages) in MANIFEST.items():
        for loc in ("en",) + locales:
            base = src / (EN_ROOT.get(site, pattern.format(loc="en")) if loc == "en" else pattern.format(loc=loc))
            for page in pages:
                f = base / page
                if not f.is_file():
                    continue
                out = dest / site / loc / page
                out.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(f, out)
                n += 1
    return n


def build_held_out(src: Path, dest: Path) -> int:
    """Copy every *other* page of the :data:`MANIFEST` sites from ``src`` into ``dest`` (the
    pages a locale and at least one more translation have): a held-out set, never looked
    at while calibrating."""
    n = 0
    for site, (pattern, locales, pages) in MANIFEST.items():
        en = src / EN_ROOT.get(site, pattern.format(loc="en"))
        for f in sorted(en.rglob("*.md*")):
            rel = f.relative_to(en).as_posix()
            if rel in pages or rel.split("/")[0] in locales or rel.startswith("_llm-test"):
                continue
            have = [loc for loc in locales if (src / pattern.format(loc=loc) / rel).is_file()]
            if len(have) < 2:
                continue
            for loc in ["en"] + have:
                out = dest / site / loc / rel
                out.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(en / rel if loc == "en" else src / pattern.format(loc=loc) / rel, out)
                n += 1
    return n


def check_site(site: Path, model: str | None, cache_dir: str | None):
    """Run the real pipeline on one site of the set (English as the reference)."""
    from transcheck.analyse.semantic.engine import SemanticOptions
    from transcheck.model import Settings
    from transcheck.run.run import RunOptions, run

    sem = SemanticOptions(model=model, cache_dir=cache_dir, no_cache=cache_dir is None)
    return run(RunOptions(paths=[str(site)], settings=Settings(reference="en"), semantic=sem,
                          layout="folders"))


def segment_counts(report) -> Counter:
    """Locale -> scored prose segments of the report (rows with a score for that locale)."""
    out: Counter = Counter()
    for entries in report.segment_scores.values():
        for e in entries:
            out.update(e["scores"].keys())
    return out


def describe(site: str, f) -> dict:
    """A finding as plain data (for samples and verdicts)."""
    rel = Path(f.file).as_posix().split(f"/{site}/", 1)[-1]
    return {"site": site, "locale": f.locale, "rule": f.rule, "file": rel, "line": f.line,
            "message": f.message, "expected": f.expected, "actual": f.actual}


def measure(data: Path, model: str | None, cache_dir: str | None, sites: list[str]):
    """Check every site; return (rows of the table, findings as plain data, seconds)."""
    rows, found = [], []
    t0 = time.perf_counter()
    for sdir in sorted(data / name for name in MANIFEST if (data / name).is_dir() and (not sites or name in sites)):
        rep = check_site(sdir, model, cache_dir)
        for e in rep.errors:
            print(f"error: {sdir.name}: {e.file}: {e.message}", file=sys.stderr)
        segs = segment_counts(rep)
        per = defaultdict(Counter)
        for f in rep.findings:
            if f.rule in RULES:
                per[f.locale][f.rule] += 1
                found.append(describe(sdir.name, f))
        for loc in sorted(segs):
            rows.append((sdir.name, loc, segs[loc], per[loc]))
    return rows, found, time.perf_counter() - t0


def table(rows) -> str:
    """Markdown table: per site and locale, segments and findings (and per 1,000 segments)."""
    from transcheck.locales import base_language

    out = ["| site | locale | segments | " + " | ".join(RULES) + " | per 1,000 |",
           "|---|---|---|" + "---|" * (len(RULES) + 1)]
    tot_seg, tot = 0, Counter()
    groups: dict[str, list] = defaultdict(lambda: [0, Counter()])
    for site, loc, n, c in rows:
        out.append(f"| {site} | {loc} | {n} | " + " | ".join(str(c[r]) for r in RULES)
                   + f" | {1000 * sum(c.values()) / n:.1f} |")
        tot_seg += n
        tot.update(c)
        g = groups["distant (ja, ko, zh*, ar)" if base_language(loc) in DISTANT else "others"]
        g[0] += n
        g[1].update(c)
    for name, (n, c) in sorted(groups.items()) + [("**all**", (tot_seg, tot))]:
        out.append(f"| {name} | | {n} | " + " | ".join(str(c[r]) for r in RULES)
                   + f" | {1000 * sum(c.values()) / max(n, 1):.1f} |")
    return "\n".join(out)


def key(d: dict) -> tuple:
    """Identity of a finding for verdicts: site, file, line, locale, rule."""
    return (d["site"], d["file"], d["line"], d["locale"], d["rule"])


def main(argv=None) -> int:
    """Command line: build the set, or measure it (table, sample, verdicts)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--build", metavar="SITES", help="copy the set's pages from checkouts under SITES")
    ap.add_argument("--held-out", nargs=2, metavar=("SITES", "DEST"),
                    help="copy every other page of the sites from checkouts under SITES into DEST "
                         "(then measure it with --data DEST)")
    ap.add_argument("--site", action="append", default=[], help="only this site (repeatable)")
    ap.add_argument("--model", default=None, help="embedding model spec (default: the USE model)")
    ap.add_argument("--cache-dir", help="embedding cache (default: a fresh one, removed after)")
    ap.add_argument("--sample", type=int, default=0, help="print N findings drawn with --seed")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--verdicts", help="hand verdicts (JSON lines) to score the findings against")
    ap.add_argument("--json", help="write the findings here")
    args = ap.parse_args(argv)
    if args.build:
        print(f"copied {build(Path(args.build), Path(args.data))} files")
        return 0
    if args.held_out:
        print(f"copied {build_held_out(Path(args.held_out[0]), Path(args.held_out[1]))} files")
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="semreal-"))
    try:
        rows, found, secs = measure(Path(args.data), args.model, args.cache_dir or str(tmp / "cache"), args.site)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"model: {args.model or 'use (default)'}; {secs:.1f} s")
    print(table(rows))
    found.sort(key=key)
    if args.json:
        Path(args.json).write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.sample:
        for d in random.Random(args.seed).sample(found, min(args.sample, len(found))):
            print(f"\n{d['site']} {d['locale']} {d['file']}:{d['line']} {d['rule']}: {d['message']}")
            print(f"   expected: {d['expected']}\n   actual:   {d['actual']}")
    if args.verdicts:
        judged = {}
        for line in Path(args.verdicts).read_text(encoding="utf-8").splitlines():
            if line.strip():
                v = json.loads(line)
                judged[key(v)] = v
        print()
        for rule in RULES:
            mine = [d for d in found if d["rule"] == rule]
            got = [judged[key(d)] for d in mine if key(d) in judged]
            real = sum(v["verdict"] == "real" for v in got)
            if mine:
                print(f"verdicts {rule}: {len(got)} of {len(mine)} findings judged: {real} real, "
                      f"{len(got) - real} on faithful text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
