"""HTML report: static safety checks, then headless Chromium (render, filters, hostile input).

The browser tests need a ``chromium`` binary (Debian: ``apt-get install -y chromium``);
they are skipped, with that reason, only when none is found. Set
``TRANSCHECK_SCREENSHOT_DIR`` to keep the screenshots they take.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from transcheck.reporters import html as html_reporter

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "form",
    "fieldset", "legend", "label", "input", "span", "nav", "a", "main", "section", "ul", "li",
    "b", "div", "table", "caption", "thead", "tbody", "tr", "th", "td", "code", "pre", "mark",
    "dl", "dt", "dd", "br", "script",
}


class Collector(HTMLParser):
    """Collects tags, attributes and script bodies of a document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._in = tag
            (self.scripts if tag == "script" else self.styles).append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "style":
            self.styles[-1] += data


def collect(text: str) -> Collector:
    """Parse an HTML document with the standard library parser."""
    c = Collector()
    c.feed(text)
    c.close()
    return c


def _sha(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def check_safe(text: str) -> Collector:
    """Assert the structural safety rules of the HTML reporter's output."""
    c = collect(text)
    for tag, attrs in c.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in ("src", "srcdoc", "style", "formaction", "action"), (tag, name)
            if name == "href":
                assert html_reporter.safe_href(value) is not None, value
                assert not re.match(r"(?i)\s*(javascript|data|vbscript):", value), value
    assert c.scripts == [html_reporter.SCRIPT]
    assert c.styles == [html_reporter.STYLE]
    csp = [a["content"] for t, a in c.tags
           if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp == [html_reporter.CSP]
    assert f"script-src {_sha(html_reporter.SCRIPT)}" in csp[0]
    assert f"style-src {_sha(html_reporter.STYLE)}" in csp[0]
    assert "default-src 'none'" in csp[0] and "unsafe" not in csp[0]
    return c


def test_static_structure(report):
    text = html_reporter.render(report)
    c = check_safe(text)
    assert text == html_reporter.render(report)
    heads = [a.get("data-locale") for t, a in c.tags if t == "th" and a.get("data-locale")]
    assert heads == ["de", "fr", "ja", "pt", "ru"]
    rows = [a for t, a in c.tags if t == "tr" and "row" in (a.get("class") or "").split()]
    assert len(rows) == len(report.views[0].rows)
    cards = [a for t, a in c.tags if t == "div" and (a.get("class") or "").startswith("finding")]
    assert len(cards) == len(report.findings)  # every finding placed in its cell
    hrefs = {a["href"] for t, a in c.tags if t == "a" and "href" in a}
    assert "corpus/ru/build-the-image.md#L51" in hrefs
    assert text.count('class="hm ') == 5 * len(report.views[0].rows)
    # the one-character difference is marked in both expected and actual
    assert '<span class="dm">␣</span>' in text
    assert "\u2028" not in text.split("<script>")[1]


def test_static_hostile(hostile):
    text = html_reporter.render(hostile)
    c = check_safe(text)
    assert not any(t in ("img", "svg", "iframe") for t, _ in c.tags)
    assert not any(a.get("id") == "pw" for _, a in c.tags)
    assert "&lt;script&gt;document.title=&#x27;PW&#x27;+&#x27;NED&#x27;&lt;/script&gt;" in text


@pytest.mark.parametrize("url,ok", [
    ("https://example.org/a?b#c", True), ("http://x", True), ("docs/a.md#L3", True),
    ("#p1-r3", True), ("../a.md", True), ("javascript:alert(1)", False),
    ("JavaScript:alert(1)", False), ("java\nscript:alert(1)", False), (" javascript:x", False),
    ("data:text/html,x", False), ("//evil.example/x", False), ("vbscript:x", False),
    ("a\\b", False), ("", False),
])
def test_safe_href(url, ok):
    assert (html_reporter.safe_href(url) is not None) is ok


def test_file_href_cannot_become_a_scheme():
    assert html_reporter.file_href("javascript:alert(1)", 3) == "javascript%3Aalert%281%29#L3"


def test_diff_pair_marks_whitespace():
    exp, act = html_reporter.diff_pair("build -t x .", "build -t x.")
    assert exp == 'build -t x<span class="dm">␣</span>.' and act == "build -t x."


# --- headless Chromium -------------------------------------------------------------------

CHROMIUM = next((p for p in (shutil.which(n) for n in (
    "chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) if p), None)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium binary found (apt-get install -y chromium)")


def chromium(tmp_path: Path, url: str, *args: str) -> str:
    """Run headless Chromium on ``url`` with extra ``args``; return its stdout."""
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", "--virtual-time-budget=3000", *args, url]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def dump_dom(tmp_path: Path, page: Path, fragment: str = "") -> Collector:
    """Load ``page`` (with a URL fragment) and return the parsed DOM after scripts ran."""
    dom = chromium(tmp_path, page.as_uri() + fragment, "--dump-dom")
    assert 'data-filtered="1"' in dom, "the inline script did not run (CSP hash?)"
    c = collect(dom)
    c.raw = dom  # type: ignore[attr-defined]
    return c


def _cls(attrs) -> list[str]:
    return (attrs.get("class") or "").split()


@pytest.fixture
def corpus_html(tmp_path, report) -> Path:
    """The corpus report written to a file."""
    path = tmp_path / "report.html"
    path.write_text(html_reporter.render(report), encoding="utf-8")
    return path


@needs_chromium
def test_browser_renders(tmp_path, corpus_html, report):
    c = dump_dom(tmp_path, corpus_html)
    findings = [a for t, a in c.tags if "finding" in _cls(a)]
    assert len(findings) == len(report.findings)
    # info findings are in the page, filtered out until their box is ticked
    infos = sum(f.severity == "info" for f in report.findings)
    assert infos and [a["data-severity"] for a in findings if "hidden" in a] == ["info"] * infos
    c = dump_dom(tmp_path, corpus_html, "#severity=error,warning,info")
    findings = [a for t, a in c.tags if "finding" in _cls(a)]
    assert not any("hidden" in a for a in findings)
    flagged = [a for t, a in c.tags if t == "td" and a.get("data-flag")]
    assert {(a["data-locale"], a["data-flag"]) for a in flagged} >= {
        ("ru", "error"), ("ru", "warning"), ("pt", "warning"), ("ja", "error")}
    assert "10 of 10 findings shown" in c.raw


@needs_chromium
def test_browser_filters_from_hash(tmp_path, corpus_html):
    c = dump_dom(tmp_path, corpus_html, "#locale=de,ru&severity=error")
    heads = {a["data-locale"]: "hidden" in a for t, a in c.tags
             if t == "th" and a.get("data-locale")}
    assert heads == {"de": False, "fr": True, "ja": True, "pt": True, "ru": False}
    shown = [(a["data-locale"], a["data-severity"]) for t, a in c.tags
             if "finding" in _cls(a) and "hidden" not in a]
    assert sorted(shown) == [("de", "error"), ("ru", "error")]
    assert "2 of 10 findings shown" in c.raw
    hm = {a["data-locale"] for t, a in c.tags if "hm" in _cls(a) and "flag" in _cls(a)}
    assert hm == {"de", "ru"}  # the heatmap marks only cells with visible findings


@needs_chromium
def test_browser_filter_category_and_only_rows(tmp_path, corpus_html, report):
    c = dump_dom(tmp_path, corpus_html, "#category=mixed-language&only=1")
    rows = [a for t, a in c.tags if t == "tr" and "row" in _cls(a)]
    visible = [a["id"] for a in rows if "hidden" not in a]
    view = report.views[0]
    ru_lines = {25, 27, 40}
    expected = [f"p1-r{r.index}" for r in view.rows if r.cells["ru"] is not None
                and any(r.cells["ru"].line <= n <= r.cells["ru"].end_line for n in ru_lines)]
    assert len(expected) == 3
    assert visible == expected
    assert "3 of 10 findings shown" in c.raw


@needs_chromium
def test_browser_hostile_runs_nothing(tmp_path, hostile):
    page = tmp_path / "hostile.html"
    page.write_text(html_reporter.render(hostile), encoding="utf-8")
    c = dump_dom(tmp_path, page)
    assert "PWNED" not in c.raw
    assert "<title>transcheck report</title>" in c.raw
    assert not any(t in ("img", "svg", "iframe") for t, _ in c.tags)
    assert not any(a.get("id") == "pw" for _, a in c.tags)
    shot = tmp_path / "hostile.png"
    chromium(tmp_path, page.as_uri(), f"--screenshot={shot}", "--window-size=1200,900")
    assert shot.read_bytes().startswith(b"\x89PNG")


@needs_chromium
def test_browser_screenshot(tmp_path, corpus_html):
    out = Path(os.environ.get("TRANSCHECK_SCREENSHOT_DIR") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    for name, fragment in (("report.png", ""), ("report-errors.png", "#severity=error&only=1")):
        shot = out / name
        chromium(tmp_path, corpus_html.as_uri() + fragment, f"--screenshot={shot}",
                 "--window-size=1500,1700", "--hide-scrollbars")
        data = shot.read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 20_000
