"""Inject meaning faults into one locale of a clean page set and measure what transcheck finds.

A *clean* page set is one page in several locales (``corpus/<locale>/<page>.md``,
known drift included). For every fault class and every locale this makes one
variant with exactly one change in that locale:

=================  ==========================================================  ==================
class              change                                                      must be found as
=================  ==========================================================  ==================
``replace``        a paragraph replaced by this locale's own translation of    ``semantic-drift``
                   another paragraph of the same page (a copy-paste slip)
``other-section``  a paragraph replaced by a translation of a paragraph of a   ``semantic-drift``
                   different section (``tests/data/faults/other_section.json``)
``drop-first``     the first sentence of a paragraph dropped                   ``missing-sentence``
``drop-middle``    a middle sentence dropped                                   ``missing-sentence``
``drop-last``      the last sentence dropped                                   ``missing-sentence``
``add-sentence``   a sentence of another section inserted into a paragraph     ``extra-sentence``
``swap``           two adjacent paragraphs swapped                             one ``moved-block``
``rewrite``        a paragraph keeps its first sentence (its topic), the rest  any semantic finding
                   replaced by sentences of another paragraph of the page      (not in the default
                   (a partial rewrite; measured, not yet reached)              classes)
=================  ==========================================================  ==================

Targets are chosen from the page's own structure (rows where every locale has a
plain paragraph with as many sentences), rotating through them so that each locale
gets a different paragraph. Nothing here knows the corpus text.

Each variant is checked in-process by the real pipeline with the real embedding
model. A variant is *detected* when a finding of its class appears in the changed
locale at the changed lines; a *false positive* is any finding that the clean run
does not have, in a locale that was not changed. The clean control itself is
reported with its semantic findings.

    python bench/semantic_faults.py                       # default model, corpus/
    python bench/semantic_faults.py --model paraphrase-multilingual-MiniLM-L12-v2
    python bench/semantic_faults.py --json out.json --show

:func:`make_variants` and :func:`evaluate` are also used by ``tests/test_semantic_faults.py``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data" / "faults" / "other_section.json"
LOCALES = ("ru", "de", "pt", "fr", "ja")
CLASSES = ("replace", "other-section", "drop-first", "drop-middle", "drop-last", "add-sentence", "swap")
EXPECTED_RULE = {
    "replace": "semantic-drift", "other-section": "semantic-drift",
    "drop-first": "missing-sentence", "drop-middle": "missing-sentence", "drop-last": "missing-sentence",
    "add-sentence": "extra-sentence", "swap": "moved-block",
}
SEMANTIC_RULES = ("semantic-drift", "missing-sentence", "extra-sentence")
EXTRA_CLASSES = ("rewrite",)
"""Classes measured on request (``--classes rewrite``), not in the default run."""
EXPECTED_RULE["rewrite"] = SEMANTIC_RULES


@dataclass(frozen=True)
class Variant:
    """One page set with one fault injected into one locale."""

    name: str
    cls: str
    locale: str
    texts: dict
    """Locale -> Markdown text of the page (only ``locale`` differs from the clean set)."""
    lines: tuple[int, int]
    """1-based line span in ``locale``'s file where the finding must point."""
    note: str = ""


@dataclass
class Outcome:
    """What transcheck reported on one variant, compared with the clean run."""

    variant: Variant
    detected: bool
    hits: list = field(default_factory=list)
    other_locales: list = field(default_factory=list)
    """New findings in locales that were not changed (false positives)."""
    side: list = field(default_factory=list)
    """New findings in the changed locale that are not the expected one."""
    parity_drop: float = 0.0
    seconds: float = 0.0


# ---- building variants ----

def load_clean(corpus: Path, page: str = "build-the-image.md") -> dict[str, str]:
    """Locale -> Markdown text of ``corpus/<locale>/<page>`` for every locale folder that has it."""
    out = {}
    for d in sorted(p for p in corpus.iterdir() if p.is_dir()):
        f = d / page
        if f.is_file():
            out[d.name] = f.read_text(encoding="utf-8")
    return out


def _rows(texts: dict[str, str]):
    """Structurally aligned rows of the clean page: list of {locale: Segment}."""
    from transcheck.analyse.align import align_documents
    from transcheck.markdown.parse import parse_markdown

    docs = {loc: parse_markdown(t, "page.md", loc, f"{loc}/page.md") for loc, t in texts.items()}
    page = align_documents(docs)
    return [row.present() for row in page.rows if len(row.present()) == len(texts)]


def _plain(seg) -> bool:
    return seg.kind == "paragraph" and not seg.container


def _one_line(seg, text: str) -> str | None:
    """The raw Markdown of a one-line paragraph, or None."""
    if seg.line != seg.end_line:
        return None
    return text.split("\n")[seg.line - 1]


def _replace_lines(text: str, start: int, end: int, new: list[str]) -> str:
    lines = text.split("\n")
    return "\n".join(lines[:start - 1] + new + lines[end:])


def make_variants(texts: dict[str, str], locales=LOCALES, classes=CLASSES,
                  data_file: Path = DATA, rounds: int = 1) -> list[Variant]:
    """``rounds`` variants per class and locale of the clean page ``texts`` (locale -> Markdown),
    each round on other paragraphs."""
    from transcheck.analyse.semantic.sentences import split_sentences

    data = json.loads(data_file.read_text(encoding="utf-8"))
    rows = _rows(texts)
    paras = [r for r in rows if all(_plain(s) for s in r.values())]
    # one-line paragraphs whose raw Markdown splits into as many sentences (>= 3) everywhere
    splittable = []
    for r in paras:
        raw = {loc: _one_line(s, texts[loc]) for loc, s in r.items()}
        if any(v is None for v in raw.values()):
            continue
        counts = {len(split_sentences(v)) for v in raw.values()} | \
                 {len(split_sentences(s.text)) for s in r.values()}
        if len(counts) == 1 and counts.pop() >= 3:
            splittable.append(r)
    # adjacent paragraph pairs: consecutive segments in every locale
    pairs = [(a, b) for a, b in zip(paras, paras[1:])
             if all(b[loc].index == a[loc].index + 1 for loc in a)]
    out: list[Variant] = []
    for rnd, (k0, loc) in ((n, kl) for n in range(rounds) for kl in enumerate(locales)):
        if loc not in texts:
            continue
        text = texts[loc]
        k = k0 + rnd * len(locales)
        for c0, cls in enumerate(classes):
            c = CLASSES.index(cls) if cls in CLASSES else c0
            new, span, note = None, None, ""
            if cls in ("replace", "other-section") and paras:
                r = paras[(k * 3 + c) % len(paras)]
                seg = r[loc]
                if cls == "replace":
                    far = [p for p in paras if abs(p[loc].index - seg.index) >= 2]
                    donor = min(far, key=lambda p: (abs(len(p[loc].text) - len(seg.text)), p[loc].line))[loc]
                    body = text.split("\n")[donor.line - 1:donor.end_line]
                    note = f"line {seg.line} replaced by line {donor.line}"
                else:
                    body = [data["paragraphs"][loc][k % len(data["paragraphs"][loc])]]
                    note = f"line {seg.line} replaced by another section's paragraph"
                new = _replace_lines(text, seg.line, seg.end_line, body)
                span = (seg.line, seg.line + len(body) - 1)
            elif cls.startswith("drop-") and splittable:
                r = splittable[(k + c) % len(splittable)]
                seg = r[loc]
                sents = split_sentences(_one_line(seg, text))
                drop = {"drop-first": 0, "drop-last": len(sents) - 1}.get(cls, len(sents) // 2)
                note = f"line {seg.line}: dropped «{sents[drop]}»"
                new = _replace_lines(text, seg.line, seg.line, [" ".join(sents[:drop] + sents[drop + 1:])])
                span = (seg.line, seg.line)
            elif cls == "rewrite" and splittable:
                r = splittable[(k + c) % len(splittable)]
                seg = r[loc]
                far = [p[loc] for p in paras if abs(p[loc].index - seg.index) >= 2 and p[loc].line == p[loc].end_line]
                donor = far[(k * 5 + c) % len(far)]
                keep = split_sentences(_one_line(seg, text))[0]
                rest = split_sentences(_one_line(donor, text))
                sep = "" if loc in ("ja", "zh") else " "
                note = f"line {seg.line}: «{keep[:30]}…» kept, the rest from line {donor.line}"
                new = _replace_lines(text, seg.line, seg.line, [sep.join([keep] + (rest[1:] if len(rest) > 1 else rest))])
                span = (seg.line, seg.line)
            elif cls == "add-sentence" and splittable:
                r = splittable[(k + c + 1) % len(splittable)]
                seg = r[loc]
                sents = split_sentences(_one_line(seg, text))
                extra = data["sentences"][loc][k % len(data["sentences"][loc])]
                at = 1 + (k % (len(sents) - 1))
                sep = "" if loc in ("ja", "zh") else " "
                note = f"line {seg.line}: added «{extra}»"
                new = _replace_lines(text, seg.line, seg.line, [sep.join(sents[:at] + [extra] + sents[at:])])
                span = (seg.line, seg.line)
            elif cls == "swap" and pairs:
                a, b = (p[loc] for p in pairs[k % len(pairs)])
                lines = text.split("\n")
                block_a, block_b = lines[a.line - 1:a.end_line], lines[b.line - 1:b.end_line]
                between = lines[a.end_line:b.line - 1]
                new = "\n".join(lines[:a.line - 1] + block_b + between + block_a + lines[b.end_line:])
                span = (a.line, b.end_line)
                note = f"lines {a.line} and {b.line} swapped"
            if new is None or new == text:
                continue
            out.append(Variant(f"{cls}/{loc}" + (f"/{rnd + 1}" if rounds > 1 else ""), cls, loc, {**texts, loc: new}, span, note))
    return out


# ---- running transcheck ----

def check_texts(texts: dict[str, str], workdir: Path, model: str | None = None,
                cache_dir: str | None = None, page: str = "build-the-image.md"):
    """Write ``texts`` as ``workdir/<locale>/<page>`` and run the real pipeline on them in-process."""
    from transcheck.analyse.semantic.engine import SemanticOptions
    from transcheck.run.run import RunOptions, run

    if workdir.exists():
        shutil.rmtree(workdir)
    for loc, t in texts.items():
        (workdir / loc).mkdir(parents=True)
        (workdir / loc / page).write_text(t, encoding="utf-8")
    sem = SemanticOptions(model=model, cache_dir=cache_dir, no_cache=cache_dir is None)
    return run(RunOptions(paths=[str(workdir)], semantic=sem))


def evaluate(variant: Variant, report, clean) -> Outcome:
    """Compare a variant's report with the clean run's: detected? false positives?"""
    known = {f.fingerprint for f in clean.findings}
    new = [f for f in report.findings if f.fingerprint not in known]
    rule = EXPECTED_RULE[variant.cls]
    lo, hi = variant.lines
    hits = [f for f in new if f.locale == variant.locale and f.rule in (rule if isinstance(rule, tuple) else (rule,))
            and lo <= f.line <= hi]
    detected = bool(hits)
    if variant.cls == "swap":  # exactly one move, in that locale
        moves = [f for f in new if f.rule == "moved-block"]
        detected = len(moves) == 1 and moves[0].locale == variant.locale
    others = [f for f in new if f.locale != variant.locale]
    side = [f for f in new if f.locale == variant.locale and f not in hits]
    before = {p.page: p.parity for p in clean.pages}
    after = {p.page: p.parity for p in report.pages}
    drop = 0.0
    for page, par in after.items():
        if variant.locale in par and variant.locale in before.get(page, {}):
            drop = before[page][variant.locale] - par[variant.locale]
    return Outcome(variant, detected, hits, others, side, round(drop, 4))


def short(f) -> str:
    """One line for a finding."""
    return f"{f.locale}:{f.line} {f.rule}: {f.message[:150]}"


def table(outcomes: list[Outcome], clean_semantic: int) -> str:
    """Markdown table: recall and false positives per class and per locale."""
    by_cls, by_loc = defaultdict(list), defaultdict(list)
    for o in outcomes:
        by_cls[o.variant.cls].append(o)
        by_loc[o.variant.locale].append(o)

    def line(name, group):
        hit = sum(o.detected for o in group)
        warn = sum(o.detected and any(f.severity != "info" for f in o.hits) for o in group)
        fp_var = sum(bool(o.other_locales) for o in group)
        fp = sum(len(o.other_locales) for o in group)
        drop = sum(o.parity_drop for o in group) / len(group)
        return f"| {name} | {hit}/{len(group)} | {warn}/{len(group)} | {fp_var} ({fp}) | {drop:+.3f} |"

    head = "| {} | recall | at warning or above | variants with FP (findings) | mean parity drop |"
    out = [head.format("class"), "|---|---|---|---|---|"]
    out += [line(c, by_cls[c]) for c in CLASSES + EXTRA_CLASSES if c in by_cls]
    out += [line("**all**", outcomes)]
    out += ["", head.format("locale"), "|---|---|---|---|---|"]
    out += [line(loc, by_loc[loc]) for loc in LOCALES if loc in by_loc]
    out += ["", f"clean control: {clean_semantic} semantic finding(s)"]
    return "\n".join(out)


def main(argv=None) -> int:
    """Command line: build the variants, check each, print the tables."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(ROOT / "corpus"))
    ap.add_argument("--page", default="build-the-image.md")
    ap.add_argument("--model", default=None, help="embedding model spec (default: the USE model)")
    ap.add_argument("--classes", default=",".join(CLASSES))
    ap.add_argument("--locales", default=",".join(LOCALES))
    ap.add_argument("--rounds", type=int, default=1, help="variants per class and locale (other paragraphs)")
    ap.add_argument("--cache-dir", help="embedding cache to use (default: a fresh one, removed after)")
    ap.add_argument("--json", help="write per-variant outcomes here")
    ap.add_argument("--show", action="store_true", help="print every variant's new findings")
    args = ap.parse_args(argv)
    texts = load_clean(Path(args.corpus), args.page)
    variants = make_variants(texts, args.locales.split(","), args.classes.split(","),
                             rounds=args.rounds)
    tmp = Path(tempfile.mkdtemp(prefix="semfaults-"))
    cache = args.cache_dir or str(tmp / "cache")
    try:
        t0 = time.perf_counter()
        clean = check_texts(texts, tmp / "site", args.model, cache, args.page)
        clean_s = time.perf_counter() - t0
        for _ in range(3):  # a cold run on a busy machine can pass the page's time budget
            if not clean.errors:
                break
            clean = check_texts(texts, tmp / "site", args.model, cache, args.page)
        if clean.errors:
            for e in clean.errors:
                print(f"error: {e.file}: {e.message}", file=sys.stderr)
            return 2
        clean_sem = [f for f in clean.findings if f.rule in SEMANTIC_RULES]
        outcomes = []
        for v in variants:
            t0 = time.perf_counter()
            rep = check_texts(v.texts, tmp / "site", args.model, cache, args.page)
            o = evaluate(v, rep, clean)
            for e in rep.errors:
                print(f"error in {v.name}: {e.file}: {e.message}", file=sys.stderr)
            o.seconds = time.perf_counter() - t0
            outcomes.append(o)
            if args.show:
                mark = "OK  " if o.detected else "MISS"
                print(f"{mark} {v.name:22} {v.note[:90]}  parity -{o.parity_drop:.3f}")
                for f in o.hits:
                    print("       hit   ", short(f))
                for f in o.side:
                    print("       side  ", short(f))
                for f in o.other_locales:
                    print("       FP    ", short(f))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"model: {args.model or 'use (default)'}; clean run {clean_s:.1f} s (cold), "
          f"{sum(o.seconds for o in outcomes) / max(len(outcomes), 1):.1f} s per variant (warm cache)")
    for f in clean_sem:
        print("clean:", short(f))
    print(table(outcomes, len(clean_sem)))
    if args.json:
        Path(args.json).write_text(json.dumps([{
            "variant": o.variant.name, "note": o.variant.note, "detected": o.detected,
            "hits": [short(f) for f in o.hits], "side": [short(f) for f in o.side],
            "false_positives": [short(f) for f in o.other_locales], "parity_drop": o.parity_drop,
        } for o in outcomes], ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
