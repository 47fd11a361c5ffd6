"""Every reporter: registered, deterministic, no absolute paths, survives hostile input."""

from __future__ import annotations

from dataclasses import replace

import pytest

from transcheck.reporters import REPORTERS, get

NEW = ("sarif", "junit", "github", "markdown", "html")


def test_registered():
    for name in NEW:
        mod = get(name)
        assert mod.NAME == name and mod.EXTENSION and callable(mod.render)


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_deterministic_and_relative(name, report):
    mod = get(name)
    first = mod.render(report)
    shuffled = replace(report, findings=tuple(reversed(report.findings)),
                       rules=tuple(reversed(report.rules)), errors=tuple(reversed(report.errors)))
    assert mod.render(shuffled) == first
    assert mod.render(report, color=False) == first
    assert "/work/" not in first and "/tmp/" not in first


@pytest.mark.parametrize("name", NEW)
def test_hostile_renders(name, hostile):
    assert get(name).render(hostile)


@pytest.mark.parametrize("name", NEW)
def test_empty_report(name, report):
    empty = replace(report, findings=(), errors=(), views=())
    assert get(name).render(empty)


def test_text_report_lists_the_parity_of_the_lowest_scoring_pages_one_line_each(report):
    from transcheck.model import PageSummary
    from transcheck.reporters import text

    pages = tuple(PageSummary(f"docs/p{i:02}.md", {"de": f"de/p{i:02}.md"}, None, 3, {"de": 0.5 + i / 100, "fr": 0.9})
                  for i in range(25))
    lines = [ln for ln in text.render(replace(report, pages=pages)).splitlines() if ln.startswith("parity:")]
    assert lines[:-1] == [f"parity: docs/p{i:02}.md de={0.5 + i / 100:.2f} fr=0.90" for i in range(text.PARITY_PAGES)]
    assert lines[-1].startswith(f"parity: {25 - text.PARITY_PAGES} more page(s) score higher")


def test_text_report_counts_listed_findings_by_rule_from_twenty_on(report):
    from transcheck.reporters import text

    base = report.findings[0]
    many = tuple(replace(base, rule="untranslated" if i % 3 else "code-block", severity="warning",
                         line=i + 1, end_line=i + 1, fingerprint=f"{i:016x}") for i in range(text.RULES_LINE_FROM))
    infos = tuple(replace(f, rule="emphasis", severity="info") for f in many[:5])
    lines = text.render(replace(report, findings=many + infos), min_severity="warning").splitlines()
    rules = [ln for ln in lines if ln.startswith("listed by rule:")]
    n = text.RULES_LINE_FROM
    assert rules == [f"listed by rule: untranslated {n - (n + 2) // 3}, code-block {(n + 2) // 3} "
                     "(--select RULE lists one)"]  # info is counted in the overview, not listed
    few = text.render(replace(report, findings=many[:n - 1]), min_severity="warning")
    assert "listed by rule:" not in few
