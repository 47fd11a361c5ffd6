"""Reports streamed from findings kept on disk: the same bytes as the whole-document render."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from transcheck.cli.safe_output import inert, inert_chunks
from transcheck.model import Finding
from transcheck.model.findings import FindingLog
from transcheck.reporters import REPORTERS, json_report


def _logged(report, pages_in_order=True):
    """The report with its findings in a FindingLog, appended page by page."""
    log = FindingLog()
    by_page: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_page.setdefault(f.page, []).append(f)
    for page in sorted(by_page, reverse=not pages_in_order):
        log.extend(reversed(by_page[page]))
    return replace(report, findings=log)


@pytest.mark.parametrize("in_order", [True, False], ids=["pages-in-order", "pages-reversed"])
def test_finding_log_reads_back_sorted(hostile, in_order):
    logged = _logged(hostile, in_order)
    want = sorted(hostile.findings, key=Finding.sort_key)
    assert list(logged.findings) == want and list(logged.findings) == want  # twice: re-readable
    assert len(logged.findings) == len(want) and bool(logged.findings) == bool(want)
    assert not FindingLog() and list(FindingLog()) == []


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_every_format_is_the_same_from_a_finding_log(name, report, hostile):
    for rep in (report, hostile):
        assert REPORTERS[name].render(_logged(rep)) == REPORTERS[name].render(rep)


@pytest.mark.parametrize("fixture", ["report", "hostile"])
def test_json_pieces_are_json_dumps_of_the_whole(fixture, request):
    rep = request.getfixturevalue(fixture)
    whole = json.dumps(json_report.to_dict(rep), ensure_ascii=False, indent=2) + "\n"
    assert "".join(json_report.chunks(_logged(rep))) == whole
    empty = replace(rep, findings=())
    assert json_report.render(empty) == json.dumps(json_report.to_dict(empty), ensure_ascii=False, indent=2) + "\n"


def test_inert_pieces_match_inert_whole(hostile):
    text = REPORTERS["text"].render(hostile) * 3
    assert inert(text, "text") != text  # the hostile report holds workflow commands
    pieces = [text[k:k + 7] for k in range(0, len(text), 7)]  # cuts mid-line, mid-command
    assert "".join(inert_chunks(pieces, "text", size=50)) == inert(text, "text")
