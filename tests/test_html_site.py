"""The HTML review site (``--report DIR``): an index plus one page per document, small files.

A generated 500-page site (``bench/make_site.py``) is checked with the real CLI, and
its index and a document page are loaded in headless Chromium (skipped, with the
reason, where no ``chromium`` binary is installed).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import ROOT, write_tree
from tests.test_html import CHROMIUM, check_safe, collect, dump_dom, needs_chromium, chromium
from transcheck.cli import main
from transcheck.reporters.html import site as html_site

sys.path.insert(0, str(ROOT / "bench"))
from make_site import make_site  # noqa: E402

KB = 1024
BIG_PAGES = 500


def cli(*args: str):
    """Run the real command line in-process; return click's result (exit code, stdout, stderr)."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def big_site(tmp_path_factory) -> tuple[Path, Path]:
    """A generated 500-page site in 2 locales with injected drift, and its --report folder.

    The same run also writes the single-file HTML report (``-o html=one.html`` next to
    the folder), so the big site is checked once for both.
    """
    root = tmp_path_factory.mktemp("big") / "site"
    make_site(root, BIG_PAGES, 2, rate=0.05, seed=3)
    out = root.parent / "report"
    rules = ("code-block", "inline-code", "link-target", "number", "structure", "missing-block",
             "extra-block", "stub-page")
    res = cli(str(root), "--no-semantic", "-j", "1", *(a for r in rules for a in ("--select", r)),
              "--report", str(out), "--format", "html", "-o", f"html={root.parent / 'one.html'}")
    assert res.exit_code == 1, res.output
    return root, out


def test_site_has_an_index_and_one_small_page_per_document(big_site):
    root, out = big_site
    index = out / html_site.INDEX
    pages = sorted((out / html_site.PAGES).glob("*.html"))
    data = json.loads((out / "transcheck.json").read_text(encoding="utf-8"))
    assert len(pages) == len(data["pages"]) == BIG_PAGES
    sizes = [p.stat().st_size for p in pages]
    assert max(sizes) < 400 * KB, max(sizes)
    assert index.stat().st_size < 400 * KB
    text = index.read_text(encoding="utf-8")
    c = collect(text)
    links = [a["href"] for t, a in c.tags if t == "a" and a.get("href", "").startswith("pages/")]
    assert sorted(links) == sorted(f"pages/{p.name}" for p in pages)
    assert not c.scripts and "script-src" not in html_site.INDEX_CSP
    # every finding of the run sits on its document's page
    first = pages[0].read_text(encoding="utf-8")
    check_safe(first)
    page_of = {p["page"]: html_site.page_file(p["page"]) for p in data["pages"]}
    per_page: dict[str, int] = {}
    for f in data["findings"]:
        per_page[page_of[f["page"]]] = per_page.get(page_of[f["page"]], 0) + 1
    for name, n in list(per_page.items())[:25]:
        cards = (out / html_site.PAGES / name).read_text(encoding="utf-8").count('class="finding sev-')
        assert cards == n, name


def test_single_file_html_points_to_the_site(big_site):
    root, _ = big_site
    single = root.parent / "one.html"
    text = single.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 6 * 1024 * KB
    assert "--report" in text and "finding sev-" in text
    check_safe(text)


def test_huge_document_page_is_trimmed(tmp_path):
    para = "Run the build and check the output of every step before you go on. "
    big = "\n\n".join(f"## Step {k}\n\n{para * 3}`cmd-{k}` done." for k in range(400))
    changed = big.replace("`cmd-300` done.", "`cmd-3OO` done.")
    write_tree(tmp_path / "site", {"en/guide.md": big, "de/guide.md": big, "fr/guide.md": changed})
    out = tmp_path / "report"
    res = cli(str(tmp_path / "site"), "--no-semantic", "-j", "1", "--report", str(out))
    assert res.exit_code == 1, res.output
    (page,) = (out / html_site.PAGES).glob("*.html")
    text = page.read_text(encoding="utf-8")
    assert page.stat().st_size < 400 * KB
    assert "aligned rows shown" in text and "cmd-3OO" in text
    check_safe(text)


@needs_chromium
def test_browser_index_and_page_of_the_big_site(big_site, tmp_path):
    _, out = big_site
    index = out / html_site.INDEX
    dom = chromium(tmp_path, index.as_uri(), "--dump-dom")
    c = collect(dom)
    rows = [a for t, a in c.tags if t == "tr"]
    assert len(rows) >= BIG_PAGES
    data = json.loads((out / "transcheck.json").read_text(encoding="utf-8"))
    worst = max(data["pages"], key=lambda p: sum(f["page"] == p["page"] for f in data["findings"]))
    page = out / html_site.PAGES / html_site.page_file(worst["page"])
    n = sum(f["page"] == worst["page"] for f in data["findings"])
    shown = sum(f["page"] == worst["page"] and f["severity"] != "info" for f in data["findings"])
    pc = dump_dom(tmp_path, page)
    assert f"{shown} of {n} findings shown" in pc.raw  # info filtered out until ticked
    back = [a["href"] for t, a in pc.tags if t == "a" and a.get("href") == "../" + html_site.INDEX]
    assert back
    shot = tmp_path / "index.png"
    chromium(tmp_path, index.as_uri(), f"--screenshot={shot}", "--window-size=1400,1000")
    assert shot.read_bytes().startswith(b"\x89PNG")
