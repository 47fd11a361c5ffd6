"""Generate a synthetic documentation site: N pages x L locales, with injected drift.

Layout: ``ROOT/<locale>/section-<s>/page-<k>.md``. Every tenth page is one of the lab
pages in ``corpus/`` (its locales reused round-robin); the others are generated
Markdown: headings, paragraphs with code spans, links and numbers, lists, tables and
fenced code. Prose is "translated" per locale (words are re-spelt per locale) while
code, URLs and numbers stay, so a clean copy has no drift. Drift is injected into a
known fraction of (page, locale) copies and recorded in a manifest JSON.

    python bench/make_site.py ROOT --pages 2000 --locales 10 [--rate 0.05] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

LOCALES = ["de", "fr", "ja", "pt-BR", "ru", "es", "it", "ko", "zh-Hans", "zh-Hant", "pt-PT", "nl",
           "pl", "tr", "uk", "sv", "cs", "id", "vi", "th", "ar", "he", "hi", "fi"]
WORDS = ("image container build run layer cache port volume network registry tag push pull "
         "file folder command option value step page guide user service deploy").split()
CORPUS = Path(__file__).resolve().parent.parent / "corpus"
DRIFTS = ("code-block", "link-target", "number", "inline-code", "missing-block", "missing-page")


def _word(rng: random.Random) -> str:
    return rng.choice(WORDS)


def _sentence(rng: random.Random, k: int) -> str:
    parts = [_word(rng) for _ in range(rng.randint(6, 14))]
    if rng.random() < 0.5:
        parts.insert(rng.randint(0, len(parts)), f"`{_word(rng)}-{rng.randint(1, 9)}`")
    if rng.random() < 0.4:
        parts.insert(rng.randint(0, len(parts)), f"[{_word(rng)}](https://docs.example.com/{_word(rng)}/{k})")
    if rng.random() < 0.4:
        parts.insert(rng.randint(0, len(parts)), str(rng.randint(2, 9000)))
    return " ".join(parts).capitalize() + "."


def skeleton(k: int) -> list[tuple[str, str]]:
    """The blocks of generated page ``k``, as (kind, source text) in the source language."""
    rng = random.Random(k)
    blocks = [("heading", f"# {_word(rng).capitalize()} {_word(rng)} {k}")]
    for s in range(rng.randint(2, 5)):
        blocks.append(("heading", f"## {_word(rng).capitalize()} {_word(rng)}"))
        for _ in range(rng.randint(1, 3)):
            blocks.append(("paragraph", " ".join(_sentence(rng, k) for _ in range(rng.randint(1, 3)))))
        roll = rng.random()
        if roll < 0.35:
            blocks.append(("list", "\n".join(f"- {_sentence(rng, k)}" for _ in range(rng.randint(2, 4)))))
        elif roll < 0.55:
            rows = [f"| `{_word(rng)}` | {_word(rng)} {_word(rng)} | {rng.randint(1, 99)} |" for _ in range(3)]
            blocks.append(("table", "| name | description | size |\n| --- | --- | --- |\n" + "\n".join(rows)))
        if rng.random() < 0.6:
            cmd = rng.choice([f"docker build -t app-{k} .", f"docker run -p {rng.randint(1000, 9999)}:80 app-{k}",
                              f"docker push registry.example.com/app:{rng.randint(1, 9)}.{rng.randint(0, 9)}",
                              "ls -la\ncat Dockerfile"])
            blocks.append(("code", f"```bash\n{cmd}\n```"))
    return blocks


def translate_word(word: str, locale: str) -> str:
    """A deterministic pseudo-translation of one prose word into ``locale``."""
    tag = locale.replace("-", "").lower()
    return word[::-1] + tag if len(word) > 2 else word


def translate(text: str, locale: str) -> str:
    """Re-spell the prose words of a block, keeping code spans, links, numbers, markup."""
    out, i = [], 0
    import re
    token = re.compile(r"`[^`]*`|\]\([^)]*\)|https?://\S+|\d+|[A-Za-z]+|.", re.S)
    for m in token.finditer(text):
        t = m.group(0)
        if t.isalpha() and t.lower() not in ("name", "description", "size", "bash"):
            out.append(translate_word(t, locale))
        else:
            out.append(t)
    return "".join(out)


def inject(blocks: list[tuple[str, str]], kind: str, rng: random.Random) -> tuple[list[tuple[str, str]], str]:
    """Apply one drift of ``kind`` to translated blocks; return the new blocks and a detail."""
    import re
    blocks = list(blocks)
    idx = list(range(len(blocks)))
    rng.shuffle(idx)
    for i in idx:
        k, text = blocks[i]
        if kind == "code-block" and k == "code" and " ." in text:
            blocks[i] = (k, text.replace(" .", ".", 1))
            return blocks, f"block {i}: lost the space before '.'"
        if kind == "code-block" and k == "code" and text.count("\n") >= 2:
            blocks[i] = (k, text.replace("docker", "dokcer", 1).replace("ls -la", "ls -al", 1))
            return blocks, f"block {i}: command changed"
        if kind == "link-target" and "](https://" in text:
            blocks[i] = (k, text.replace("](https://docs.example.com/", "](https://docs.example.org/", 1))
            return blocks, f"block {i}: link host changed"
        if kind == "number" and k == "paragraph" and re.search(r"(?<![\w./:-])\d+(?![\w.-])", text):
            blocks[i] = (k, re.sub(r"(?<![\w./:-])(\d+)(?![\w.-])", lambda m: str(int(m[1]) + 1), text, count=1))
            return blocks, f"block {i}: number changed"
        if kind == "inline-code" and k in ("paragraph", "list") and "`" in text:
            blocks[i] = (k, re.sub(r"`([^`]*)`", lambda m: m[1][::-1], text, count=1))
            return blocks, f"block {i}: code span translated"
        if kind == "missing-block" and k == "paragraph" and i > 0:
            del blocks[i]
            return blocks, f"block {i}: paragraph deleted"
    return blocks, ""


def make_site(root: Path, pages: int, locales: int, rate: float = 0.05, seed: int = 1) -> dict:
    """Write the site under ``root`` (replacing it); return the manifest (also written)."""
    if root.exists():
        shutil.rmtree(root)
    locs = LOCALES[:locales]
    if len(locs) < locales:
        raise SystemExit(f"at most {len(LOCALES)} locales")
    rng = random.Random(seed)
    lab = {d.name: (d / "build-the-image.md").read_text(encoding="utf-8") for d in sorted(CORPUS.iterdir())
           if (d / "build-the-image.md").exists()}
    lab_locs = sorted(lab)
    injected = []
    files = 0
    for k in range(pages):
        rel = f"section-{k % 40}/page-{k}.md"
        base = skeleton(k) if k % 10 else None
        for li, loc in enumerate(locs):
            drift = rng.choice(DRIFTS) if rng.random() < rate else None
            if drift == "missing-page":
                injected.append({"page": rel, "locale": loc, "kind": drift, "detail": "file not written"})
                continue
            if base is None:
                text = lab[lab_locs[li % len(lab_locs)]]
            else:
                blocks = [(kind, translate(t, loc)) for kind, t in base]
                if drift:
                    blocks, detail = inject(blocks, drift, rng)
                    if detail:
                        injected.append({"page": rel, "locale": loc, "kind": drift, "detail": detail})
                text = "\n\n".join(t for _, t in blocks) + "\n"
            path = root / loc / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            files += 1
    manifest = {"pages": pages, "locales": locs, "files": files, "rate": rate, "seed": seed,
                "injected": injected,
                "note": "every tenth page is a lab page from corpus/ (its own, real drift is not listed)"}
    (root.parent / (root.name + ".manifest.json")).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def main() -> None:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", type=Path)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--locales", type=int, default=10)
    ap.add_argument("--rate", type=float, default=0.05, help="share of (page, locale) copies with drift")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    m = make_site(a.root, a.pages, a.locales, a.rate, a.seed)
    print(f"{a.root}: {m['files']} files, {len(m['injected'])} injected drifts "
          f"(manifest {a.root.name}.manifest.json beside it)")


if __name__ == "__main__":
    main()
