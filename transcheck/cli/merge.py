"""Merging shard reports: ``transcheck merge shard-*.json`` gives one report.

Shards are always written as JSON (schema ``transcheck/1``): each is read back into a
:class:`~transcheck.model.Report`, the reports are combined (their page groups are
disjoint, and site-wide errors come from shard 1 only), and any reporter renders the
result. So the merged JSON is byte-identical to an unsharded run (counts of suppressed
and baselined findings included), and a new output
format (SARIF, ...) works for merged reports as soon as its reporter exists. Another
input schema plugs in through :data:`READERS`.
"""

from __future__ import annotations

from typing import Callable

from .. import rules as rules_pkg
from ..model import SCHEMA, Finding, Report
from ..reporters.json_report import from_dict
from ..run.baseline import read_json


class MergeError(Exception):
    """The shard files cannot be merged; the message says why."""


def read_transcheck_json(data: dict) -> Report:
    """Turn a ``transcheck/1`` JSON object back into a :class:`Report` with every rule's description."""
    return from_dict(data, (rules_pkg.info(r) for r in rules_pkg.ALL + rules_pkg.PAGE_RULES))


READERS: dict[str, Callable[[dict], Report]] = {SCHEMA: read_transcheck_json}
"""Readers of shard reports, by their ``schema`` value."""


def merge_reports(reports: list[Report]) -> Report:
    """Combine shard reports into one, as if the run had not been sharded.

    Raises :class:`MergeError` when the shards come from different tool versions,
    a shard is given twice or missing, or two shards checked the same page.
    """
    if not reports:
        raise MergeError("no reports to merge")
    tools = [dict(r.tool) for r in reports]
    shards = [t.pop("shard", None) for t in tools]
    if any(t != tools[0] for t in tools):
        raise MergeError("the reports come from different transcheck versions")
    if any(s is not None for s in shards):
        counts = {s.split("/")[1] for s in shards if s}
        if None in shards or len(counts) != 1:
            raise MergeError("mixing shards of different splits (or unsharded reports)")
        n = int(counts.pop())
        got = sorted(int(s.split("/")[0]) for s in shards)
        if got != list(range(1, n + 1)):
            missing = sorted(set(range(1, n + 1)) - set(got))
            dup = sorted({i for i in got if got.count(i) > 1})
            what = (f"missing shard(s) {', '.join(f'{i}/{n}' for i in missing)}" if missing else "") + \
                   ("; " if missing and dup else "") + \
                   (f"shard(s) given twice: {', '.join(f'{i}/{n}' for i in dup)}" if dup else "")
            raise MergeError(what)
    seen: set[str] = set()
    for r in reports:
        for p in r.pages:
            if p.page in seen:
                raise MergeError(f"page '{p.page}' is in more than one report")
            seen.add(p.page)
    scores: dict = {}
    for r in reports:
        scores.update(r.segment_scores)
    return Report(
        findings=tuple(sorted((f for r in reports for f in r.findings), key=Finding.sort_key)),
        rules=reports[0].rules,
        pages=tuple(sorted((p for r in reports for p in r.pages), key=lambda p: p.page)),
        errors=tuple(sorted((e for r in reports for e in r.errors), key=lambda e: (e.file, e.line or 0, e.message))),
        tool=tools[0],
        segment_scores=dict(sorted(scores.items())),
        warnings=tuple(sorted({w for r in reports for w in r.warnings})),
        suppressed=sum(r.suppressed for r in reports),
        baselined=sum(r.baselined for r in reports),
        site=reports[0].site,  # discovery is site-wide: every shard has the same
    )


def merge_files(paths: list[str]) -> Report:
    """Read shard report files (JSON) and merge them (see :func:`merge_reports`)."""
    reports = []
    for path in paths:
        try:
            data = read_json(path, "JSON report")
        except ValueError as exc:
            raise MergeError(f"{exc}; write shards with --format json") from None
        reader = READERS.get(data.get("schema") if isinstance(data, dict) else None)
        if reader is None:
            raise MergeError(f"{path} is not a transcheck JSON report (schema {SCHEMA}); "
                             "write shards with --format json")
        try:
            reports.append(reader(data))
        except (KeyError, TypeError) as exc:
            raise MergeError(f"{path}: malformed report ({exc})") from None
    return merge_reports(reports)
