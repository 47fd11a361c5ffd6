"""JUnit XML: one test suite per page, one test case per page and locale.

A locale fails when it has findings at warning or above (listed in ``<failure>``);
info findings go to ``<system-out>``. Input errors are ``<error>`` test cases of a
separate ``transcheck.input-errors`` suite. Text that XML 1.0 cannot carry (control
characters) is replaced, so the output always parses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby
from typing import Iterator

from ..model import Finding, Report, severity_rank
from ._common import in_order, page_files, plural, severity_counts, sorted_errors

NAME = "junit"
EXTENSION = "xml"

ERRORS_SUITE = "transcheck.input-errors"

_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Replace characters XML 1.0 forbids (controls, lone surrogates) with U+FFFD."""
    return _XML_INVALID.sub("\ufffd", text)


def _el(parent: ET.Element | None, tag: str, **attrs: object) -> ET.Element:
    clean = {k.rstrip("_"): xml_text(str(v)) for k, v in attrs.items()}
    return ET.Element(tag, clean) if parent is None else ET.SubElement(parent, tag, clean)


def finding_line(f: Finding) -> str:
    """Return one finding as text lines: location, rule, message, expected, actual."""
    span = f"{f.line}" if f.end_line == f.line else f"{f.line}-{f.end_line}"
    out = [f"{f.file}:{span}: {f.severity} [{f.rule}/{f.category}] {f.message}"]
    if f.expected:
        out.append(f"  expected: {f.expected}")
    if f.actual:
        out.append(f"  actual:   {f.actual}")
    return "\n".join(out)


def _testcase(suite: ET.Element, page: str, locale: str, file: str,
              findings: list[Finding]) -> tuple[int, int]:
    case = _el(suite, "testcase", classname=page, name=locale, file=file, time="0")
    failing = [f for f in findings if severity_rank(f.severity) <= severity_rank("warning")]
    infos = [f for f in findings if f.severity == "info"]
    if failing:
        counts = severity_counts(failing)
        message = ", ".join(plural(n, s) for s, n in counts.items() if n)
        types = sorted({f.category for f in failing})
        fail = _el(case, "failure", message=message, type=", ".join(types))
        fail.text = xml_text("\n".join(finding_line(f) for f in failing))
    if infos:
        out = _el(case, "system-out")
        out.text = xml_text("\n".join(finding_line(f) for f in infos))
    return 1, int(bool(failing))


def _suites(report: Report) -> Iterator[ET.Element]:
    """One ``<testsuite>`` per page (findings streamed page by page), then the input errors'."""
    refs = {p.page: p.reference for p in report.pages}
    by_page = groupby(in_order(report), key=lambda f: f.page)
    pending = next(by_page, None)
    for page, files in page_files(report).items():
        while pending is not None and pending[0] < page:
            pending = next(by_page, None)
        page_findings = list(pending[1]) if pending is not None and pending[0] == page else []
        suite = _el(None, "testsuite", name=page)
        if refs.get(page):
            props = _el(suite, "properties")
            _el(props, "property", name="reference", value=refs[page])
        tests = fails = 0
        for locale, file in files.items():
            mine = [f for f in page_findings if f.locale == locale]
            t, fl = _testcase(suite, page, locale, file, mine)
            tests, fails = tests + t, fails + fl
        suite.attrib.update(tests=str(tests), failures=str(fails), errors="0",
                            skipped="0", time="0")
        yield suite
    errors = sorted_errors(report)
    if errors:
        suite = _el(None, "testsuite", name=ERRORS_SUITE, tests=len(errors), failures=0,
                    errors=len(errors), skipped=0, time=0)
        for e in errors:
            where = f"{e.file}:{e.line}" if e.line else e.file
            case = _el(suite, "testcase", classname=ERRORS_SUITE, name=e.file, file=e.file,
                       time="0")
            err = _el(case, "error", message=e.message, type="input-error")
            err.text = xml_text(f"{where}: {e.message}")
        yield suite


def _root(report: Report) -> ET.Element:
    """The ``<testsuites>`` element with its totals, without children (one pass over the findings)."""
    failing = {(f.page, f.locale) for f in in_order(report)
               if severity_rank(f.severity) <= severity_rank("warning")}
    files = page_files(report)
    total = sum(len(locs) for locs in files.values())
    failures = sum(1 for page, locs in files.items() for loc in locs if (page, loc) in failing)
    errors = len(report.errors)
    root = _el(None, "testsuites", name="transcheck")
    root.attrib.update(tests=str(total + errors), failures=str(failures),
                       errors=str(errors), skipped="0", time="0")
    return root


def to_element(report: Report) -> ET.Element:
    """Return the ``<testsuites>`` element of the report."""
    root = _root(report)
    root.extend(_suites(report))
    return root


def chunks(report: Report, color: bool = False) -> Iterator[str]:
    """The XML in pieces, one test suite (page) at a time: joined, the same text as
    indenting and serialising :func:`to_element`'s tree whole (``color`` is ignored)."""
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    root = ET.tostring(_root(report), encoding="unicode")
    suites = _suites(report)
    suite = next(suites, None)
    if suite is None:
        yield head + root + "\n"
        return
    yield head + root[:-len(" />")] + ">\n  "
    while suite is not None:
        following = next(suites, None)
        ET.indent(suite, space="  ", level=1)
        suite.tail = "\n  " if following is not None else "\n"
        yield ET.tostring(suite, encoding="unicode")
        suite = following
    yield "</testsuites>\n"


def render(report: Report, color: bool = False) -> str:
    """Render the report as JUnit XML (``color`` is ignored)."""
    return "".join(chunks(report))
