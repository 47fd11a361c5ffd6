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

from ..model import Finding, InputError, Location, Report, RuleInfo
from ._common import relative_uri, sorted_errors, sorted_findings

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


def unique_fingerprints(findings: list[Finding]) -> list[str]:
    """Fingerprints of findings in order; the n-th repeat of one in a file gets ``:n``.

    Two findings that share a line-free fingerprint (the same problem twice in a page)
    stay distinct alerts, and still keep their fingerprints when unrelated lines move.
    """
    seen: dict[tuple[str, str], int] = {}
    out = []
    for f in findings:
        fp = finding_fingerprint(f)
        n = seen[(f.file, fp)] = seen.get((f.file, fp), 0) + 1
        out.append(fp if n == 1 else f"{fp}:{n}")
    return out


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


def to_dict(report: Report) -> dict:
    """Return the SARIF log as a dict (deterministic order, no timestamps)."""
    findings = sorted_findings(report)
    rules = {r.id: r for r in report.rules}
    for f in findings:
        rules.setdefault(f.rule, _placeholder_rule(f))
    ordered = [rules[k] for k in sorted(rules)]
    index = {r.id: i for i, r in enumerate(ordered)}
    fingerprints = unique_fingerprints(findings)
    driver = {
        "name": report.tool.get("name", "transcheck"),
        "rules": [rule_descriptor(r) for r in ordered],
    }
    version = report.tool.get("version")
    if version:
        driver["version"] = version
        driver["semanticVersion"] = version
    run = {
        "tool": {"driver": driver},
        "invocations": [{
            "executionSuccessful": True,
            "toolExecutionNotifications": [notification(e) for e in sorted_errors(report)],
        }],
        "results": [result(f, index[f.rule], fp) for f, fp in zip(findings, fingerprints)],
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render(report: Report, color: bool = False) -> str:
    """Render the report as SARIF 2.1.0 JSON (``color`` is ignored)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"
