"""Hypothesis strategies for Markdown pages and their localized variants, and the
invariants every run of transcheck must keep. Shared by ``tests/test_fuzz.py`` (short,
in the default run) and ``bench/fuzz.py`` (long runs).
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import strategies as st

from transcheck import rules as rules_pkg
from transcheck.analyse.align import align_documents
from transcheck.model import Finding
from transcheck.markdown.parse import parse_markdown
from transcheck.run.run import RunOptions, run
from transcheck.reporters import REPORTERS
from transcheck.analyse.facts import page_facts
from transcheck.model import Settings
from transcheck.rules.base import RuleContext

LOCALES = ("de", "fr", "ja", "pt-BR")

_words = st.sampled_from("the image build run docker Bild Titel données 画像 ビルド образ 8080 v1.2.3 "
                         "3,5 1 000 MB ok".split())
_unicode = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                   max_size=12)
_targets = st.sampled_from(["https://docs.docker.com/", "https://hub.docker.com/_/python", "/de/guide/",
                            "../img.png", "#anchor", "https://e.com/?hl=fr", "http://[bad", "<>"])
_numbers = st.sampled_from(["1", "42", "8080", "3.8", "3,8", "1 000", "1.000.000", "0.5", "2024", "007"])
_code = st.sampled_from(["docker build -t app .", "docker build -t app.", "docker run -p 80:80 app",
                         "pip install x", "echo '${HOME}'", "ls <your-dir>", "cat {{file}}", "git push",
                         "docker tag a b", "sudo docker pull python:3.8-alpine", "x=$((1+2))",
                         "\"unclosed quote", "$ make all", "<<<<", "{{{{", "1" * 40])


@st.composite
def inline_text(draw) -> str:
    """A line of prose: words, code spans, links, images, numbers, emphasis, raw unicode."""
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["word", "word", "code", "link", "image", "num", "em", "uni", "html"]))
        if kind == "word":
            parts.append(draw(_words))
        elif kind == "code":
            parts.append(f"`{draw(_code)}`")
        elif kind == "link":
            parts.append(f"[{draw(_words)}]({draw(_targets)})")
        elif kind == "image":
            parts.append(f"![{draw(_words)}]({draw(_targets)})")
        elif kind == "num":
            parts.append(draw(_numbers))
        elif kind == "em":
            mark = draw(st.sampled_from(["*", "**", "_", "~~"]))
            parts.append(f"{mark}{draw(_words)}{mark}")
        elif kind == "html":
            parts.append(draw(st.sampled_from(["<br>", "<kbd>Ctrl</kbd>", "<b>x</b>", "<!-- c -->"])))
        else:
            parts.append(draw(_unicode).replace("\n", " "))
    return " ".join(parts).strip() or "x"


@st.composite
def block(draw, depth: int = 0) -> str:
    """One Markdown block (may contain a nested list or quote)."""
    kind = draw(st.sampled_from(["heading", "para", "para", "list", "code", "table", "quote", "html",
                                 "fence_open", "raw"]))
    if kind == "heading":
        return "#" * draw(st.integers(1, 6)) + " " + draw(inline_text())
    if kind == "para":
        return "\n".join(draw(st.lists(inline_text(), min_size=1, max_size=3)))
    if kind == "list":
        ordered = draw(st.booleans())
        items = draw(st.lists(inline_text(), min_size=1, max_size=4))
        out = [f"{k + 1}. {t}" if ordered else f"- {t}" for k, t in enumerate(items)]
        if depth < 2 and draw(st.booleans()):
            out.append("  " + draw(block(depth + 1)).replace("\n", "\n  "))
        return "\n".join(out)
    if kind == "code":
        lang = draw(st.sampled_from(["", "bash", "console", "python", "text"]))
        lines = draw(st.lists(_code, min_size=0, max_size=4))
        return f"```{lang}\n" + "\n".join(lines) + "\n```"
    if kind == "table":
        cols = draw(st.integers(1, 4))
        rows = draw(st.lists(st.lists(inline_text(), min_size=cols, max_size=cols), min_size=1, max_size=3))
        head = "| " + " | ".join(f"h{k}" for k in range(cols)) + " |"
        sep = "|" + "---|" * cols
        return "\n".join([head, sep] + ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |"
                                        for r in rows])
    if kind == "quote":
        inner = draw(block(depth + 1)) if depth < 2 else draw(inline_text())
        return "> " + inner.replace("\n", "\n> ")
    if kind == "html":
        return draw(st.sampled_from(["<div>\n<p>x</p>\n</div>", "<details><summary>s</summary>\n\nbody\n</details>",
                                     "<!-- comment -->", "<script>alert(1)</script>"]))
    if kind == "fence_open":
        return "```bash\n" + draw(_code)  # an unterminated fence (only harmful at the end)
    return draw(_unicode)


@st.composite
def page(draw) -> list[str]:
    """A page as a list of blocks (joined with blank lines by :func:`render`)."""
    blocks = draw(st.lists(block(), min_size=1, max_size=10))
    if draw(st.booleans()):
        blocks.insert(0, draw(st.sampled_from(["---\ntitle: T\n---", "+++\ntitle = 'T'\n+++",
                                               "---\ntitle: [bad"])))
    return blocks


def render(blocks: list[str], newline: str = "\n") -> str:
    """Join blocks into a Markdown file."""
    return ("\n\n".join(blocks) + "\n").replace("\n", newline)


@st.composite
def variant(draw, blocks: list[str]) -> list[str]:
    """A localized copy of ``blocks``: dropped, duplicated, swapped or mutated blocks."""
    out = list(blocks)
    for _ in range(draw(st.integers(0, 3))):
        if not out:
            break
        op = draw(st.sampled_from(["drop", "dup", "swap", "code", "link", "number", "unicode", "space"]))
        k = draw(st.integers(0, len(out) - 1))
        b = out[k]
        if op == "drop":
            del out[k]
        elif op == "dup":
            out.insert(k, b)
        elif op == "swap" and k + 1 < len(out):
            out[k], out[k + 1] = out[k + 1], out[k]
        elif op == "code":
            out[k] = b.replace(" .", ".", 1).replace("docker", "dokcer", 1).replace("`", "", 2)
        elif op == "link":
            out[k] = b.replace("](", "](https://elsewhere.example/", 1)
        elif op == "number":
            for a, z in (("8080", "8000"), ("42", "24"), ("1", "7")):
                if a in b:
                    out[k] = b.replace(a, z, 1)
                    break
        elif op == "unicode":
            out[k] = b + " " + draw(_unicode).replace("\n", " ")
        elif op == "space":
            out[k] = b.replace(" ", "  ", 1)
    return out or ["x"]


@st.composite
def pages(draw) -> dict[str, str]:
    """Markdown for two to four locales of one page."""
    base = draw(page())
    locales = draw(st.lists(st.sampled_from(LOCALES), min_size=2, max_size=4, unique=True))
    return {loc: render(draw(variant(base))) for loc in sorted(locales)}


# ---------------------------------------------------------------- invariants

def check_in_memory(texts: dict[str, str], order: list[str] | None = None) -> list[Finding]:
    """Parse, align and run every rule in memory; assert every finding is on a real line."""
    order = order or sorted(texts)
    docs = {loc: parse_markdown(texts[loc], "page.md", loc, f"{loc}/page.md") for loc in order}
    aligned = align_documents(docs, None)
    ctx = RuleContext(Settings(), page_facts(aligned, Settings()))
    found: list[Finding] = []
    for rule in rules_pkg.ALL:
        found.extend(rule.check(aligned, ctx))
    lines = {f"{loc}/page.md": docs[loc].line_count for loc in docs}
    for f in found:
        assert_on_a_line(f.file, f.line, f.end_line, lines[f.file], f)
        for r in f.related:
            assert_on_a_line(r.file, r.line, r.end_line, lines[r.file], f)
    return sorted(found, key=lambda f: (f.sort_key(), f.fingerprint))


def assert_on_a_line(file: str, line: int, end_line: int, count: int, what: object) -> None:
    """``1 <= line <= end_line <= count``, with a readable failure."""
    assert 1 <= line <= end_line <= max(count, 1), f"{file}: lines {line}-{end_line} of {count}: {what}"


def check_on_disk(root: Path, texts: dict[str, str], order: list[str]) -> str:
    """Write ``texts`` as ``root/<locale>/page.md`` in ``order``, run the real pipeline,
    assert findings point at real lines; return the JSON report (paths relative to root)."""
    for loc in order:
        path = root / loc / "page.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(texts[loc].encode("utf-8"))
    report = run(RunOptions(paths=[str(root)]))
    counts = {}
    for loc in texts:
        text = texts[loc].replace("\r\n", "\n").replace("\r", "\n")
        counts[loc] = text.count("\n") + (0 if text.endswith("\n") else 1)
    for f in report.findings:
        if f.rule != "missing-page":
            assert_on_a_line(f.file, f.line, f.end_line, counts[f.locale], f)
    return REPORTERS["json"].render(report).replace(str(root), "ROOT")
