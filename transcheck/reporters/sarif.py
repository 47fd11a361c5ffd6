"""SARIF 2.1.0 for GitHub code scanning: one run, rules, results, input errors.

Each finding becomes a result at its file and lines (``uriBaseId`` ``%SRCROOT%``),
with the same segment in the other locales as ``relatedLocations`` and a
``partialFingerprints["transcheck/v1"]`` that carries no line numbers, so GitHub keeps
tracking an alert when unrelated lines move. Input errors are tool execution
notifications of the single invocation.
"""

from __future__ import annotations

import hashlib
import json
from typing import Iterator

from ..model import Finding, InputError, Location, Report, RuleInfo
from ._common import in_order, relative_uri, sorted_errors

NAME = "sarif"
EXTENSION = "sarif"

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "transcheck/v1"
SRCROOT = "%SRCROOT%"

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
"""transcheck severity -> SARIF level."""


def level(severity: str) -> str:
    """Return the SARIF level of a transcheck severity (info becomes ``note``)."""
    return LEVELS.get(severity, "warning")


def artifact_location(path: str) -> dict:
    """Return a SARIF artifactLocation: relative to ``%SRCROOT%``, or a file URI."""
    if path.startswith("/"):
        return {"uri": "file://" + relative_uri(path)}
    return {"uri": relative_uri(path), "uriBaseId": SRCROOT}


def physical_location(path: str, line: int | None, end_line: int | None = None) -> dict:
    """Return a SARIF physicalLocation for ``path`` and a 1-based line span."""
    loc: dict = {"artifactLocation": artifact_location(path)}
    if line is not None and line >= 1:
        loc["region"] = {"startLine": line, "endLine": max(line, end_line or line)}
    return loc


def rule_descriptor(rule: RuleInfo) -> dict:
    """Return the SARIF reportingDescriptor of a rule."""
    doc = rule.doc.strip() or rule.summary
    first_paragraph = doc.split("\n\n", 1)[0].strip()
    return {
        "id": rule.id,
        "name": rule.name or rule.id,
        "shortDescription": {"text": rule.summary or rule.id},
        "fullDescription": {"text": first_paragraph or rule.summary or rule.id},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": level(rule.severity)},
        "properties": {"category": rule.category, "tags": ["translation", rule.category]},
    }


def _placeholder_rule(finding: Finding) -> RuleInfo:
    return RuleInfo(finding.rule, finding.rule, finding.category, finding.severity,
                    f"{finding.category} ({finding.rule})", "")


def result_message(f: Finding) -> str:
    """Return the result message: the finding's message with expected and actual."""
    parts = [f.message]
    if f.expected:
        parts.append(f"expected: {f.expected}")
    if f.actual:
        parts.append(f"actual: {f.actual}")
    return "\n".join(parts)


def finding_fingerprint(f: Finding) -> str:
    """Return the finding's line-free fingerprint (derived when the rule left it empty)."""
    if f.fingerprint:
        return f.fingerprint
    parts = (f.rule, f.page, f.locale, f.expected, f.actual, f.message)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _related(index: int, loc: Location) -> dict:
    return {
        "id": index,
        "physicalLocation": physical_location(loc.file, loc.line, loc.end_line),
        "message": {"text": f"the same segment in {loc.locale}"},
    }


def result(f: Finding, rule_index: int, fingerprint: str | None = None) -> dict:
    """Return the SARIF result of one finding (``fingerprint`` overrides the derived one)."""
    out = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": {"text": result_message(f)},
        "locations": [{"physicalLocation": physical_location(f.file, f.line, f.end_line)}],
    }
    related = sorted(f.related, key=lambda r: (r.locale, r.file, r.line, r.end_line))
    if related:
        out["relatedLocations"] = [_related(i, r) for i, r in enumerate(related, 1)]
    out["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint or finding_fingerprint(f)}
    props = {"category": f.category, "locale": f.locale, "page": f.page,
             "expected": f.expected, "actual": f.actual}
    if f.basis:
        props["basis"] = f.basis
    out["properties"] = props
    return out


def notification(e: InputError) -> dict:
    """Return the toolExecutionNotification of an input error."""
    return {
        "level": "error",
        "message": {"text": e.message},
        "locations": [{"physicalLocation": physical_location(e.file, e.line)}],
        "descriptor": {"id": "input-error"},
    }


def _driver_and_index(report: Report) -> tuple[dict, dict[str, int]]:
    """The tool driver (rules sorted by ID, placeholders for unknown ones) and rule indices."""
    rules = {r.id: r for r in report.rules}
    for f in in_order(report):
        if f.rule not in rules:
            rules[f.rule] = _placeholder_rule(f)
    ordered = [rules[k] for k in sorted(rules)]
    index = {r.id: i for i, r in enumerate(ordered)}
    driver = {
        "name": report.tool.get("name", "transcheck"),
        "rules": [rule_descriptor(r) for r in ordered],
    }
    version = report.tool.get("version")
    if version:
        driver["version"] = version
        driver["semanticVersion"] = version
    return driver, index


def _log(report: Report, driver: dict, results: list) -> dict:
    run = {
        "tool": {"driver": driver},
        "invocations": [{
            "executionSuccessful": True,
            "toolExecutionNotifications": [notification(e) for e in sorted_errors(report)],
        }],
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _results(report: Report, index: dict[str, int]) -> Iterator[dict]:
    """Each finding's result, with its fingerprint; the n-th repeat of one in a file gets ``:n``.

    Two findings that share a line-free fingerprint (the same problem twice in a page)
    stay distinct alerts, and still keep their fingerprints when unrelated lines move.
    The repeat counts are kept per file and dropped once the findings have moved past
    the file's page (a file belongs to one page), so memory stays flat in findings.
    """
    files_of = {p.page: set(p.files.values()) for p in report.pages}
    seen: dict[str, dict[str, int]] = {}
    page = None
    for f in in_order(report):
        if f.page != page:
            for file in files_of.get(page, ()):
                seen.pop(file, None)
            page = f.page
        fp = finding_fingerprint(f)
        counts = seen.setdefault(f.file, {})
        n = counts[fp] = counts.get(fp, 0) + 1
        yield result(f, index[f.rule], fp if n == 1 else f"{fp}:{n}")


def to_dict(report: Report) -> dict:
    """Return the SARIF log as a dict (deterministic order, no timestamps)."""
    driver, index = _driver_and_index(report)
    return _log(report, driver, list(_results(report, index)))


_MARK = "\x00results"


def chunks(report: Report, color: bool = False) -> Iterator[str]:
    """The SARIF log in pieces, one result at a time (joined: :func:`render`'s text).

    The log around the results is rendered once with a marker in place of the results;
    each result is rendered alone and indented to its place, so memory holds one result.
    """
    driver, index = _driver_and_index(report)
    whole = json.dumps(_log(report, driver, [_MARK]), ensure_ascii=False, indent=2)
    marker = '[\n        "\\u0000results"\n      ]'
    head, tail = whole.rsplit(marker, 1)  # the last: nothing after the results is a list of strings
    first = True
    for res in _results(report, index):
        text = json.dumps(res, ensure_ascii=False, indent=2)
        yield (head + "[\n" if first else ",\n") + "\n".join("        " + line for line in text.split("\n"))
        first = False
    yield (head + "[]" if first else "\n      ]") + tail + "\n"


def render(report: Report, color: bool = False) -> str:
    """Render the report as SARIF 2.1.0 JSON (``color`` is ignored)."""
    return "".join(chunks(report))
