"""JSON: one object on stdout, schema ``transcheck/1`` (documented in the README)."""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Iterable

from ..model import SCHEMA, Finding, InputError, Location, PageSummary, Report, RuleInfo
from .overview import coverage_dict

NAME = "json"
EXTENSION = "json"


_FINDING_FIELDS = tuple(fld.name for fld in fields(Finding))
_LOCATION_FIELDS = tuple(fld.name for fld in fields(Location))


def finding_dict(f: Finding) -> dict:
    """Return the JSON object of one finding (its fields in order; ``related`` as a list of objects)."""
    d = {name: getattr(f, name) for name in _FINDING_FIELDS}
    d["related"] = [{name: getattr(r, name) for name in _LOCATION_FIELDS} for r in f.related]
    return d


def to_dict(report: Report) -> dict:
    """Return the whole report as a JSON-ready dict with a stable key order."""
    findings = sorted(report.findings, key=Finding.sort_key)
    counts: dict[str, int] = {"error": 0, "warning": 0, "info": 0}
    by_locale: dict[str, dict[str, int]] = {}
    by_category: dict[str, int] = {}
    for f in findings:
        counts[f.severity] += 1
        by_locale.setdefault(f.locale, {"error": 0, "warning": 0, "info": 0})[f.severity] += 1
        by_category[f.category] = by_category.get(f.category, 0) + 1
    pages = []
    for p in sorted(report.pages, key=lambda p: p.page):
        entry = {
            "page": p.page,
            "files": dict(sorted(p.files.items())),
            "reference": p.reference,
            "segments": p.segments,
        }
        if p.parity:
            entry["parity"] = {k: round(v, 4) for k, v in sorted(p.parity.items())}
        pages.append(entry)
    out = {
        "schema": SCHEMA,
        "tool": dict(report.tool),
        "pages": pages,
        "findings": [finding_dict(f) for f in findings],
        "summary": {
            "pages": len(report.pages),
            "files": sum(len(p.files) for p in report.pages),
            "findings": len(findings),
            "by_severity": counts,
            "by_locale": dict(sorted(by_locale.items())),
            "by_category": dict(sorted(by_category.items())),
            "errors": len(report.errors),
            "suppressed": report.suppressed,
            "baselined": report.baselined,
            "coverage": coverage_dict(report),
        },
        "warnings": list(report.warnings),
        "errors": [
            {"file": e.file, "line": e.line, "message": e.message}
            for e in sorted(report.errors, key=lambda e: (e.file, e.line or 0, e.message))
        ],
    }
    if report.site:
        out["site"] = report.site
    if report.segment_scores:
        out["segments"] = report.segment_scores
    return out


def render(report: Report, color: bool = False) -> str:
    """Render the report as deterministic, indented JSON (ends with a newline)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _finding(d: dict) -> Finding:
    related = tuple(Location(**r) for r in d.get("related", ()))
    fields = {k: v for k, v in d.items() if k in Finding.__dataclass_fields__ and k != "related"}
    return Finding(**fields, related=related)


def from_dict(data: dict, rules: Iterable[RuleInfo] = ()) -> Report:
    """Turn a ``transcheck/1`` JSON object back into a :class:`Report` (the inverse of
    :func:`to_dict`: rendering the result gives the same JSON, byte for byte). The JSON
    holds no rule descriptions: ``rules`` supplies them (for SARIF and HTML)."""
    pages = tuple(PageSummary(p["page"], dict(p["files"]), p.get("reference"), p.get("segments", 0),
                              dict(p.get("parity", {}))) for p in data.get("pages", ()))
    errors = tuple(InputError(e["file"], e["message"], e.get("line")) for e in data.get("errors", ()))
    summary = data.get("summary", {})
    return Report(findings=tuple(_finding(f) for f in data.get("findings", ())),
                  rules=tuple(rules),
                  pages=pages, errors=errors, tool=dict(data.get("tool", {})),
                  segment_scores=dict(data.get("segments", {})),
                  suppressed=int(summary.get("suppressed", 0)), baselined=int(summary.get("baselined", 0)),
                  warnings=tuple(data.get("warnings", ())), site=dict(data.get("site", {})))
