"""JSON: one object on stdout, schema ``transcheck/1`` (documented in the README)."""

from __future__ import annotations

import json
from dataclasses import asdict

from .overview import coverage_dict
from ..model import SCHEMA, Finding, Report

NAME = "json"
EXTENSION = "json"


def finding_dict(f: Finding) -> dict:
    """Return the JSON object of one finding."""
    d = asdict(f)
    d["related"] = [asdict(r) for r in f.related]
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
