"""Markdown summary: golden file, table shape, escaping of hostile cells."""

from __future__ import annotations

import re

from transcheck.reporters import markdown


def _rows(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.startswith("| ")]


def _cells(row: str) -> int:
    return len(re.split(r"(?<!\\)\|", row)) - 2


def test_golden_and_shape(report, golden):
    text = markdown.render(report)
    golden("report.md", text)
    assert "**4 errors**, **5 warnings**, **1 info** in 1 page (5 files); 1 input error." in text
    assert "| ru | 1 | · | · | 3 | · | **4** |" in text
    assert text.count("<details>") == text.count("</details>") == 1
    worst = text.split("### Worst findings")[1].split("### Pages")[0]
    sev = [ln.split("|")[1].strip() for ln in _rows(worst)[2:]]
    assert sev == sorted(sev, key=lambda s: ("error" not in s, "warning" not in s))
    assert "<code>docker image build -t python-hello-world .</code>" in text


def test_hostile_escaped(hostile):
    text = markdown.render(hostile)
    assert "<script" not in text and "<img" not in text and "<svg" not in text
    assert "<iframe" not in text
    assert not re.search(r"(?<!\\)\]\(javascript", text)
    for table in text.split("\n\n"):
        rows = _rows(table)
        if rows:
            assert len({_cells(r) for r in rows}) == 1, table
    assert "a\\|b" in text


def test_escape():
    assert markdown.escape("a|b<c>&@d\n*e*") == "a\\|b&lt;c&gt;&amp;@\u200bd<br>\\*e\\*"
