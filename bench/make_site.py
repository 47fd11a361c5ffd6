"""Generate a synthetic documentation site: N pages x L locales, with injected drift.

Layout: ``ROOT/<locale>/section-<s>/page-<k>.md``. Every tenth page is the lab page of
``corpus/`` (de, fr, ja, pt-BR, ru use their own copy; other locales get a copy of one
of them, round-robin, with its prose rewritten in their language and its code, links,
bold labels and numbers kept). The others are generated Markdown: headings, paragraphs
with code spans, links and numbers, lists, tables and fenced code. Each page is a
language-neutral skeleton written out per locale with real sentences of that locale's
language (``bench/site_text.py``: the lab pages' sentences for de, fr, ja, pt-BR and ru,
built-in pools for the others) and the same code, link targets and numbers at the same
relative places, so a clean copy has no drift, and no language finding either. Drift is
injected into a known fraction of (page, locale) copies and recorded in a manifest JSON.

    python bench/make_site.py ROOT --pages 2000 --locales 10 [--rate 0.05] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from site_text import CORPUS, CORPUS_DIR, NO_SPACES, PHRASES, TABLE_HEADER, sentence, sentences  # noqa: E402

LOCALES = ["de", "fr", "ja", "pt-BR", "ru", "es", "it", "ko", "zh-Hans", "zh-Hant", "pt-PT", "nl",
           "pl", "tr", "uk", "sv", "cs", "id", "vi", "th", "ar", "he", "hi", "fi"]
WORDS = ("image container build run layer cache port volume network registry tag push pull "
         "file folder command option value step page guide user service deploy").split()
DRIFTS = ("code-block", "link-target", "number", "inline-code", "missing-block", "missing-page")


def _word(rng: random.Random) -> str:
    return rng.choice(WORDS)


def _sentence(rng: random.Random, k: int) -> tuple:
    """A sentence slot: (pool index, [(position in [0, 1), inserted token), ...]).

    The token is a code span, a link (phrase index, target) or a number; they are the
    same in every locale, inserted at the same relative place of that locale's sentence.
    """
    idx = rng.randrange(1 << 30)
    inserts = []
    if rng.random() < 0.5:
        inserts.append((rng.random(), f"`{_word(rng)}-{rng.randint(1, 9)}`"))
    if rng.random() < 0.4:
        inserts.append((rng.random(), (rng.randrange(1 << 30), f"https://docs.example.com/{_word(rng)}/{k}")))
    if rng.random() < 0.4:
        inserts.append((rng.random(), str(rng.randint(100, 9000))))
    return idx, inserts


def skeleton(k: int) -> list[tuple]:
    """The blocks of generated page ``k``, language-neutral: (kind, spec); see :func:`render`."""
    rng = random.Random(k)
    blocks = [("heading", (1, rng.randrange(1 << 30), f" {k}"))]
    for s in range(rng.randint(2, 5)):
        blocks.append(("heading", (2, rng.randrange(1 << 30), "")))
        for _ in range(rng.randint(1, 3)):
            blocks.append(("paragraph", [_sentence(rng, k) for _ in range(rng.randint(1, 3))]))
        roll = rng.random()
        if roll < 0.35:
            blocks.append(("list", [_sentence(rng, k) for _ in range(rng.randint(2, 4))]))
        elif roll < 0.55:
            blocks.append(("table", [(_word(rng), rng.randrange(1 << 30), rng.randint(1, 99)) for _ in range(3)]))
        if rng.random() < 0.6:
            cmd = rng.choice([f"docker build -t app-{k} .", f"docker run -p {rng.randint(1000, 9999)}:80 app-{k}",
                              f"docker push registry.example.com/app:{rng.randint(1, 9)}.{rng.randint(0, 9)}",
                              "ls -la\ncat Dockerfile"])
            blocks.append(("code", f"```bash\n{cmd}\n```"))
    return blocks


_BREAK_AFTER = frozenset("、，はをにでがとの")


def _insert(sentence: str, inserts: list[tuple[float, str]], locale: str) -> str:
    """Insert tokens into a sentence at their relative places (never after its final stop)."""
    if not inserts:
        return sentence
    if locale in NO_SPACES:
        cuts = [0] + [i + 1 for i, ch in enumerate(sentence[:-2]) if ch in _BREAK_AFTER]
        out, last = [], 0
        for frac, tok in sorted(inserts, key=lambda x: x[0]):
            at = max(last, min(cuts, key=lambda c: abs(c - frac * len(sentence))))
            out += [sentence[last:at], f" {tok} " if at else f"{tok} "]
            last = at
        return "".join(out + [sentence[last:]]).replace("  ", " ").strip()
    words = sentence.split(" ")
    for frac, tok in sorted(inserts, key=lambda x: x[0], reverse=True):
        words.insert(1 + int(frac * (len(words) - 2)) if len(words) > 2 else 0, tok)
    return " ".join(words)


def _phrase(locale: str, idx: int) -> str:
    pool = PHRASES[locale]
    return pool[idx % len(pool)]


def render_sentence(spec: tuple, locale: str) -> str:
    """One sentence slot in ``locale``: a pool sentence with the slot's tokens inserted."""
    idx, inserts = spec
    toks = [(f, t if isinstance(t, str) else f"[{_phrase(locale, t[0])}]({t[1]})") for f, t in inserts]
    return _insert(sentence(locale, idx), toks, locale)


def render(blocks: list[tuple], locale: str) -> list[tuple[str, str]]:
    """The blocks of a skeleton written in ``locale``, as (kind, Markdown source)."""
    sep = "" if locale in NO_SPACES else " "
    out = []
    for kind, spec in blocks:
        if kind == "heading":
            level, idx, suffix = spec
            text = "#" * level + " " + _phrase(locale, idx) + suffix
        elif kind == "paragraph":
            text = sep.join(render_sentence(s, locale) for s in spec)
        elif kind == "list":
            text = "\n".join(f"- {render_sentence(s, locale)}" for s in spec)
        elif kind == "table":
            head = TABLE_HEADER[locale]
            rows = [f"| `{w}` | {_phrase(locale, i)} | {n} |" for w, i, n in spec]
            text = f"| {head[0]} | {head[1]} | {head[2]} |\n| --- | --- | --- |\n" + "\n".join(rows)
        else:
            text = spec
        out.append((kind, text))
    return out


_FENCE_LINE = re.compile(r"^\s*```")
_LAB_TOKEN = re.compile(r"`[^`]*`|!?\[([^\]]*)\]\(([^)]*)\)|\*\*[^*]+\*\*|\d+(?:[.,]\d+)*")


def relocalize(lab: str, locale: str, rng: random.Random) -> str:
    """The lab page ``lab`` rewritten in ``locale``: its prose replaced by ``locale``'s.

    Headings get a phrase; each prose line gets as many pool sentences as its length
    asks, with its code spans, link targets, bold labels and numbers kept, in order, so
    the copy lines up with the lab page it was made from. Code blocks and lines that
    are only a bold label stay as they are.
    """
    out, fenced = [], False
    pool = sentences(locale)
    sep = "" if locale in NO_SPACES else " "
    for line in lab.split("\n"):
        if _FENCE_LINE.match(line):
            fenced = not fenced
        if fenced or _FENCE_LINE.match(line) or not line.strip() or re.fullmatch(r"\*\*[^*]+\*\*\s*", line):
            out.append(line)
            continue
        m = re.match(r"(#+ |- |\d+\. )", line)
        lead = m.group(1) if m else ""
        if lead.startswith("#"):
            out.append(lead + rng.choice(PHRASES[locale]))
            continue
        toks = []
        for t in _LAB_TOKEN.finditer(line[len(lead):]):
            if t.group(2) is not None:  # a link: keep its target, and the words of its text with numbers
                nums = [w for w in t.group(1).split() if re.search(r"\d", w)]
                text = " ".join([rng.choice(PHRASES[locale]), *nums])
                toks.append(f"[{text}]({t.group(2)})")
            elif t.group(0).startswith("**"):
                toks.append(f"**{rng.choice(PHRASES[locale])}**")
            else:
                toks.append(t.group(0))
        prose = len(_LAB_TOKEN.sub("", line[len(lead):]).strip())
        n = max(1, round(prose / (50 if locale in NO_SPACES else 110)))
        sents = [rng.choice(pool) for _ in range(n)]
        inserts = [((i + 0.5) / len(toks), t) for i, t in enumerate(toks)] if toks else []
        # spread the tokens over the sentences in order
        parts = []
        for j, s in enumerate(sents):
            mine = [((f * n) - j, t) for f, t in inserts if j <= f * n < j + 1]
            parts.append(_insert(s, mine, locale))
        out.append(lead + sep.join(parts))
    return "\n".join(out)


def inject(blocks: list[tuple[str, str]], kind: str, rng: random.Random) -> tuple[list[tuple[str, str]], str]:
    """Apply one drift of ``kind`` to translated blocks; return the new blocks and a detail."""
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
    lab = {loc: (CORPUS / d / "build-the-image.md").read_text(encoding="utf-8") for loc, d in CORPUS_DIR.items()}
    lab_locs = list(lab)
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
                template = lab_locs[li % len(lab_locs)]
                text = lab[loc] if loc in lab else relocalize(lab[template], loc, random.Random(f"{k}:{loc}"))
            else:
                blocks = render(base, loc)
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
