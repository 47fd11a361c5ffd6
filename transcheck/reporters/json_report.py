"""JSON: one object on stdout, schema ``transcheck/1`` (documented in the README)."""

from __future__ import annotations

import json
from dataclasses import fields
from json.encoder import encode_basestring
from typing import Iterable, Iterator

from ..model import SCHEMA, Finding, InputError, Location, PageSummary, Report, RuleInfo
from ._common import in_order
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


def _encode_finding(f: Finding) -> str:
    """One finding as ``json.dumps(finding_dict(f), indent=2)`` prints it inside the
    ``findings`` list (4 more spaces on every line), the same bytes, but built with the
    C string encoder instead of the pure-Python indenting encoder."""
    parts = []
    for name in _FINDING_FIELDS:
        value = getattr(f, name)
        if name == "related":
            if not value:
                parts.append('      "related": []')
                continue
            items = []
            for r in value:
                cells = []
                for key in _LOCATION_FIELDS:
                    text = _scalar(getattr(r, key))
                    if text is None:
                        return _slow_finding(f)
                    cells.append(f'          "{key}": {text}')
                items.append("        {\n" + ",\n".join(cells) + "\n        }")
            parts.append('      "related": [\n' + ",\n".join(items) + "\n      ]")
            continue
        text = _scalar(value)
        if text is None:
            return _slow_finding(f)
        parts.append(f'      "{name}": {text}')
    return "    {\n" + ",\n".join(parts) + "\n    }"


def _scalar(value) -> str | None:
    """JSON for a string or an int (as ``json.dumps`` writes it); None for anything else."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    return None


def _slow_finding(f: Finding) -> str:
    text = json.dumps(finding_dict(f), ensure_ascii=False, indent=2)
    return "\n".join("    " + line for line in text.split("\n"))


def _head(report: Report) -> dict:
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
    return {"schema": SCHEMA, "tool": dict(report.tool), "pages": pages}


class _Counts:
    """The summary's counts of findings, gathered as the findings go by."""

    def __init__(self) -> None:
        self.total = 0
        self.by_severity: dict[str, int] = {"error": 0, "warning": 0, "info": 0}
        self.by_locale: dict[str, dict[str, int]] = {}
        self.by_category: dict[str, int] = {}

    def add(self, f: Finding) -> None:
        """Count one finding."""
        self.total += 1
        self.by_severity[f.severity] += 1
        self.by_locale.setdefault(f.locale, {"error": 0, "warning": 0, "info": 0})[f.severity] += 1
        self.by_category[f.category] = self.by_category.get(f.category, 0) + 1


def _tail(report: Report, seen: _Counts) -> dict:
    """Everything after ``findings`` (``seen``: the findings counted on their way out)."""
    counts, by_locale, by_category, total = seen.by_severity, seen.by_locale, seen.by_category, seen.total
    out = {
        "summary": {
            "pages": len(report.pages),
            "files": sum(len(p.files) for p in report.pages),
            "findings": total,
            "by_severity": counts,
            "by_locale": dict(sorted(by_locale.items())),
            "by_category": dict(sorted(by_category.items())),
            "errors": len(report.errors),
            "suppressed": report.suppressed,
            "baselined": report.baselined,
            "coverage": coverage_dict(report, by_locale),
        },
        "warnings": list(report.warnings),
        "errors": [
            {"file": e.file, "line": e.line, "message": e.message, **({"locale": e.locale} if e.locale else {})}
            for e in sorted(report.errors, key=lambda e: (e.file, e.line or 0, e.message))
        ],
    }
    if report.site:
        out["site"] = report.site
    if report.segment_scores:
        out["segments"] = report.segment_scores
    return out


def to_dict(report: Report) -> dict:
    """Return the whole report as a JSON-ready dict with a stable key order."""
    seen = _Counts()
    out = _head(report)
    out["findings"] = []
    for f in in_order(report):
        seen.add(f)
        out["findings"].append(finding_dict(f))
    out.update(_tail(report, seen))
    return out


def chunks(report: Report, color: bool = False) -> Iterator[str]:
    """The JSON document in pieces, findings streamed from the report one by one.

    Joined, the pieces are ``json.dumps(to_dict(report), ensure_ascii=False, indent=2)``
    plus a newline, byte for byte, but no piece holds more than one finding, so a
    report written piece by piece needs memory for one finding, not for all of them.
    """
    yield json.dumps(_head(report), ensure_ascii=False, indent=2)[:-2] + ',\n  "findings": ['
    sep = "\n"
    seen = _Counts()
    for f in in_order(report):
        seen.add(f)
        yield sep + _encode_finding(f)
        sep = ",\n"
    yield "]," if sep == "\n" else "\n  ],"
    yield json.dumps(_tail(report, seen), ensure_ascii=False, indent=2)[1:] + "\n"


def render(report: Report, color: bool = False) -> str:
    """Render the report as deterministic, indented JSON (ends with a newline)."""
    return "".join(chunks(report))


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
    errors = tuple(InputError(e["file"], e["message"], e.get("line"), e.get("locale"))
                   for e in data.get("errors", ()))
    summary = data.get("summary", {})
    return Report(findings=tuple(_finding(f) for f in data.get("findings", ())),
                  rules=tuple(rules),
                  pages=pages, errors=errors, tool=dict(data.get("tool", {})),
                  segment_scores=dict(data.get("segments", {})),
                  suppressed=int(summary.get("suppressed", 0)), baselined=int(summary.get("baselined", 0)),
                  warnings=tuple(data.get("warnings", ())), site=dict(data.get("site", {})))
