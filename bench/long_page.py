"""Benchmark one long page in many locales, made from a real translated README.

Input is a folder with a source ``README.md`` and its translations
``translations/README-<code>.md`` (the layout of the many-language READMEs found on
GitHub). The first ``--lines`` lines of each file (cut at the next blank line) become
``OUT/<locale>/README.md``; ``en`` is the reference. Past the real translations, more
locales are regional copies of them (``de`` -> ``de-x1``), so the locale scaling table
can reach 40.

Every figure is a ratio against a floor measured in the same run, so a loaded machine
changes the seconds but not the ratios:

* ``parse floor``: reading and parsing every file of the page (what any check costs);
* ``encode floor``: embedding the page's unique embeddable prose alone, cold, in one
  batch (the semantic stage's unavoidable cost).

    python bench/long_page.py SRC [--lines 600] [--locales 18] [--scale 5,10,20,40] [--semantic]

Prints Markdown tables (for the README).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import timed  # noqa: E402

# translation file code -> locale; ordered so the first 18 are full-length translations
CODES = ["de", "es", "fr", "it", "ja", "ko", "ru", "uk", "tr", "pl", "nl", "vi", "id", "ar", "fa", "he",
         "hi", "th", "cn", "tw", "ptbr", "bg", "bn", "mr", "ur", "uz", "af", "kh"]
LOCALE_OF = {"cn": "zh-Hans", "tw": "zh-Hant", "ptbr": "pt-BR", "kh": "km"}


def _head(text: str, lines: int) -> str:
    """The first ``lines`` lines of ``text``, extended to the next blank line outside code."""
    out = text.splitlines()
    fence = False
    for i, line in enumerate(out):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        if i >= lines and not fence and not line.strip():
            return "\n".join(out[:i]) + "\n"
    return "\n".join(out) + "\n"


def make_page(src: Path, out: Path, lines: int = 600, locales: int = 18) -> list[str]:
    """Write ``out/<locale>/README.md`` for ``en`` plus ``locales`` others; return the locales."""
    if out.exists():
        shutil.rmtree(out)
    texts = {"en": (src / "README.md").read_text(encoding="utf-8")}
    for code in CODES:
        path = src / "translations" / f"README-{code}.md"
        if path.exists():
            texts[LOCALE_OF.get(code, code)] = path.read_text(encoding="utf-8")
    real = [loc for loc in texts if loc != "en"]
    chosen = real[:locales]
    k = 1
    while len(chosen) < locales:
        chosen += [f"{loc}-x{k}" for loc in real[:locales - len(chosen)]]
        k += 1
    for loc in ["en"] + chosen:
        base = loc.split("-x")[0]
        (out / loc).mkdir(parents=True)
        (out / loc / "README.md").write_text(_head(texts[base], lines), encoding="utf-8")
    return ["en"] + chosen


def main() -> None:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", type=Path, help="folder with README.md and translations/README-<code>.md")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "transcheck-long-page")
    ap.add_argument("--lines", type=int, default=600)
    ap.add_argument("--locales", type=int, default=18)
    ap.add_argument("--scale", default="", help="comma-separated locale counts for the scaling table")
    ap.add_argument("--semantic", action="store_true", help="also time the semantic stage (cold cache)")
    a = ap.parse_args()
    page = a.work / "page"
    make_page(a.src, page, a.lines, a.locales)
    floor = timed("parse", page)
    res = timed("check", page, "--no-semantic")
    print(f"| run | wall s | CPU s | floor CPU s | ratio | findings | errors | peak RSS MiB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(f"| {a.lines} lines x {a.locales} locales, structural + language | {res['wall']:.1f} | "
          f"{res['cpu']:.1f} | {floor['cpu']:.2f} (parse) | {res['cpu'] / floor['cpu']:.1f} | "
          f"{res['findings']} | {res['errors']} | {res['rss_mib']:.0f} |")
    if a.semantic:
        enc = timed("encode", page)
        cache = a.work / "cache"
        shutil.rmtree(cache, ignore_errors=True)
        sem = timed("check", page, "--cache-dir", str(cache))
        stage = sem["cpu"] - res["cpu"]
        print(f"| same, semantic (cold cache) | {sem['wall']:.1f} | {sem['cpu']:.1f} | "
              f"{enc['cpu']:.1f} (encode {enc['texts']} texts) | {sem['cpu'] / enc['cpu']:.2f} | "
              f"{sem['findings']} | {sem['errors']} | {sem['rss_mib']:.0f} |")
        print(f"\nsemantic stage (semantic run minus structural run): {stage:.1f} CPU s = "
              f"{stage / enc['cpu']:.2f} x the encode floor")
    if a.scale:
        print()
        print("| locales | files | CPU s | CPU s per locale | parse floor CPU s | ratio to floor |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: |")
        for n in (int(x) for x in a.scale.split(",")):
            make_page(a.src, page, a.lines, n)
            fl = timed("parse", page)
            r = timed("check", page, "--no-semantic")
            print(f"| {n} | {n + 1} | {r['cpu']:.1f} | {r['cpu'] / n:.2f} | {fl['cpu']:.2f} | "
                  f"{r['cpu'] / fl['cpu']:.1f} |")


if __name__ == "__main__":
    main()
