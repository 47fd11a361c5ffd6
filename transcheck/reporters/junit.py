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

from ..model import Finding, Report, severity_rank
from ._common import page_files, plural, severity_counts, sorted_errors, sorted_findings

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


def to_element(report: Report) -> ET.Element:
    """Return the ``<testsuites>`` element of the report."""
    findings = sorted_findings(report)
    by_page = {p: list(fs) for p, fs in groupby(findings, key=lambda f: f.page)}
    refs = {p.page: p.reference for p in report.pages}
    root = _el(None, "testsuites", name="transcheck")
    total = failures = 0
    for page, files in page_files(report).items():
        suite = _el(root, "testsuite", name=page)
        if refs.get(page):
            props = _el(suite, "properties")
            _el(props, "property", name="reference", value=refs[page])
        page_findings = by_page.get(page, [])
        tests = fails = 0
        for locale, file in files.items():
            mine = [f for f in page_findings if f.locale == locale]
            t, fl = _testcase(suite, page, locale, file, mine)
            tests, fails = tests + t, fails + fl
        suite.attrib.update(tests=str(tests), failures=str(fails), errors="0",
                            skipped="0", time="0")
        total, failures = total + tests, failures + fails
    errors = sorted_errors(report)
    if errors:
        suite = _el(root, "testsuite", name=ERRORS_SUITE, tests=len(errors), failures=0,
                    errors=len(errors), skipped=0, time=0)
        for e in errors:
            where = f"{e.file}:{e.line}" if e.line else e.file
            case = _el(suite, "testcase", classname=ERRORS_SUITE, name=e.file, file=e.file,
                       time="0")
            err = _el(case, "error", message=e.message, type="input-error")
            err.text = xml_text(f"{where}: {e.message}")
    root.attrib.update(tests=str(total + len(errors)), failures=str(failures),
                       errors=str(len(errors)), skipped="0", time="0")
    return root


def render(report: Report, color: bool = False) -> str:
    """Render the report as JUnit XML (``color`` is ignored)."""
    root = to_element(report)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
