"""Hand-built :class:`Report` objects for reporter tests (no parser, aligner or rules).

``corpus_report`` reads the corpus page and cuts each locale into blank-line separated
blocks (fences kept whole): a crude stand-in for the real parser and aligner, good
enough to give the HTML reporter realistic side-by-side rows. The findings are the
real drift in that page, written out by hand.
"""

from __future__ import annotations

from pathlib import Path

from transcheck.model import (Finding, InputError, Location, PageSummary, PageView, Report,
                              RuleInfo, ViewCell, ViewRow)

PAGE = "build-the-image"
LOCALES = ("de", "fr", "ja", "pt", "ru")
TOOL = {"name": "transcheck", "version": "0.1.0"}

RULES = (
    RuleInfo("code-block", "CodeBlockDrift", "code-drift", "error",
             "Code blocks differ between locales.",
             "Code blocks must be identical in every locale, except for translatable "
             "placeholders.\n\nA changed command breaks the reader's copy-paste."),
    RuleInfo("link-target", "LinkTargetDrift", "link-drift", "warning",
             "Link targets differ between locales.",
             "The n-th link of a segment should point to the same URL in every locale."),
    RuleInfo("mixed-language", "MixedLanguage", "mixed-language", "warning",
             "A segment is written in another language than its locale.",
             "Segments whose detected language is neither the locale's nor the source's."),
    RuleInfo("untranslated-word", "UntranslatedWord", "untranslated", "info",
             "A word was left in the source language.",
             "Reported for review only."),
    RuleInfo("inline-code", "InlineCodeDrift", "inline-code-drift", "warning",
             "Inline code spans differ between locales.",
             "Inline code (`like this`) is not translated."),
)


def blocks(path: Path) -> list[tuple[int, int, str, str]]:
    """Split a Markdown file into (line, end_line, kind, text) blocks at blank lines."""
    out, cur, start, fence = [], [], 0, False
    lines = path.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        if line.startswith("```"):
            fence = not fence
        if not line.strip() and not fence:
            if cur:
                out.append((start, n - 1, cur))
                cur = []
            continue
        if not cur:
            start = n
        cur.append(line)
    if cur:
        out.append((start, len(lines), cur))
    result = []
    for start, end, text in out:
        if text[0].startswith("```"):
            kind, body = "code", "\n".join(text[1:-1])
        elif text[0].startswith("#"):
            kind, body = "heading", text[0].lstrip("# ")
        else:
            kind, body = "paragraph", "\n".join(text)
        result.append((start, end, kind, body))
    return result


def _score(row: int, locale: str, text: str) -> float:
    """A deterministic stand-in for a parity score: low where Chinese crept in."""
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if han > 20 and locale != "ja":
        return round(0.2 + 0.02 * (row % 5), 2)
    return round(0.8 + 0.03 * ((row * 7 + len(locale) + ord(locale[0])) % 7), 2)


def corpus_view(corpus: Path) -> PageView:
    """Return the view of the corpus page: one row per block index."""
    per = {loc: blocks(corpus / loc / f"{PAGE}.md") for loc in LOCALES}
    count = max(len(b) for b in per.values())
    rows = []
    for i in range(count):
        cells = {}
        for loc in LOCALES:
            if i < len(per[loc]):
                line, end, kind, text = per[loc][i]
                score = None if kind == "code" else _score(i, loc, text)
                cells[loc] = ViewCell(line, end, kind, text, score)
            else:
                cells[loc] = None
        rows.append(ViewRow(i, cells))
    return PageView(PAGE, tuple(rows))


def _file(loc: str) -> str:
    return f"corpus/{loc}/{PAGE}.md"


def _related(exclude: str, line: int, end: int) -> tuple[Location, ...]:
    return tuple(Location(loc, _file(loc), line, end) for loc in LOCALES if loc != exclude)


def corpus_report(corpus: Path) -> Report:
    """Return the realistic report of the corpus page."""
    good = "docker image build -t python-hello-world ."
    bad = "docker image build -t python-hello-world."
    findings = []
    for loc in ("de", "fr", "ja", "ru"):
        findings.append(Finding(
            "code-block", "code-drift", "error", PAGE, loc, _file(loc), 51, 51,
            "Command differs from pt (the only valid variant): the build context '.' is "
            "missing", expected=good, actual=bad, fingerprint=f"c0de{loc}51a7e9b2c1",
            related=_related(loc, 50, 52), basis="evidence"))
    findings += [
        Finding("link-target", "link-drift", "warning", PAGE, "pt", _file("pt"), 25, 25,
                "Link 'imagem base python' points elsewhere than in de, fr, ja, ru (majority used)",
                expected="https://hub.docker.com/_/python", actual="https://hub.docker.com/",
                fingerprint="11a4e7c0ffee0042", related=_related("pt", 25, 25), basis="majority"),
        Finding("mixed-language", "mixed-language", "warning", PAGE, "ru", _file("ru"), 25, 25,
                "Segment is in Chinese (zh-cn), expected Russian", expected="ru", actual="zh-cn",
                fingerprint="9a1b2c3d4e5f6071", related=_related("ru", 25, 25)),
        Finding("mixed-language", "mixed-language", "warning", PAGE, "ru", _file("ru"), 27, 27,
                "Segment is in Chinese (zh-cn), expected Russian", expected="ru", actual="zh-cn",
                fingerprint="9a1b2c3d4e5f6072", related=_related("ru", 27, 27)),
        Finding("mixed-language", "mixed-language", "warning", PAGE, "ru", _file("ru"), 40, 40,
                "Sentence switches to Chinese mid-paragraph",
                expected="ru", actual="充分利用 Docker 层缓存。",
                fingerprint="9a1b2c3d4e5f6073", related=_related("ru", 40, 40)),
        Finding("untranslated-word", "untranslated", "info", PAGE, "pt", _file("pt"), 25, 25,
                "English word left untranslated: 'vetted'", actual="vetted",
                fingerprint="77e1d0a9b8c7f6e5"),
        Finding("inline-code", "inline-code-drift", "warning", PAGE, "ja", _file("ja"), 35, 35,
                "Inline code `python:3.8-alpine` is plain text here",
                expected="`python:3.8-alpine`", actual="python:3.8-alpine",
                fingerprint="5e5e5e5e1234abcd", related=_related("ja", 35, 35), basis="majority"),
    ]
    summary = PageSummary(PAGE, {loc: _file(loc) for loc in LOCALES}, None, 42,
                          {"de": 0.93, "fr": 0.94, "ja": 0.91, "pt": 0.92, "ru": 0.71})
    errors = (InputError("corpus/it/build-the-image.md", "not valid UTF-8 (byte 0xe9)", 12),)
    return Report(tuple(findings), RULES, (summary,), errors, TOOL, views=(corpus_view(corpus),))


HOSTILE = (
    "<script>document.title='PW'+'NED'</script>",
    "<img src=x onerror=\"document.title='PW'+'NED'\">",
    "[x](javascript:document.title='PW'+'NED')",
    "\"><svg onload=\"document.body.setAttribute('data-x','PW'+'NED')\">",
    "'><iframe srcdoc=\"<script>parent.document.title='PW'+'NED'</script>\"></iframe>",
    "</script><script>document.title='PW'+'NED'</script>",
    "</textarea></style></title><b id=\"pw\">x</b>\u2028\u2029",
)
"""Payloads that would set the title (or an attribute) to PWNED if anything ran them."""

HOSTILE_LOCALE = "x\"><img src=x onerror=\"document.title='PW'+'NED'\">"
HOSTILE_PAGE = "page<script>document.title='PW'+'NED'</script>"
HOSTILE_FILE = "docs/a \"b\" <c>,d:e%f\n::error::injected.md"


def hostile_report() -> Report:
    """Return a report where every string a document or path controls is hostile."""
    text = "\n".join(HOSTILE)
    rows = []
    for i, payload in enumerate(HOSTILE):
        rows.append(ViewRow(i, {
            "en": ViewCell(i + 1, i + 1, "paragraph", f"Safe line {i}", 0.9),
            HOSTILE_LOCALE: ViewCell(i + 1, i + 1, "code" if i % 2 else "paragraph", payload,
                                     0.1 * i),
        }))
    findings = [
        Finding("code-block", "code-drift", "error", HOSTILE_PAGE, HOSTILE_LOCALE, HOSTILE_FILE,
                i + 1, i + 1, f"message {payload}", expected=f"Safe line {i}", actual=payload,
                fingerprint=f"{i:016x}", related=(Location("en", "javascript:alert(1)", 1, 1),))
        for i, payload in enumerate(HOSTILE)
    ]
    findings.append(Finding("x<y>|z", "cat\"<b>", "info", HOSTILE_PAGE, HOSTILE_LOCALE,
                            "javascript:document.title='PW'+'NED'", 99, 99, text, expected="a|b",
                            actual="%0A::error::x\r\n::warning::y"))
    summary = PageSummary(HOSTILE_PAGE, {"en": "en.md", HOSTILE_LOCALE: HOSTILE_FILE}, "en",
                          len(HOSTILE), {"en": 1.0, HOSTILE_LOCALE: 0.1})
    errors = (InputError("bad<file>.md", "<script>document.title='PW'+'NED'</script>", 3),)
    return Report(tuple(findings), RULES, (summary,), errors, TOOL,
                  views=(PageView(HOSTILE_PAGE, tuple(rows)),))
