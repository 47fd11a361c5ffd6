"""Baselines: adopt transcheck on a site with existing drift and gate only new drift.

``--write-baseline FILE`` records the fingerprints of today's findings; ``--baseline
FILE`` drops findings whose fingerprint is recorded there (as many times as recorded).
Fingerprints hold no line numbers, so unrelated edits do not revive old findings.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Iterable

from ..model import Finding

SCHEMA = "transcheck-baseline/1"


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names the file."""


def write_baseline(findings: Iterable[Finding], path: str) -> None:
    """Write the fingerprints of ``findings`` to ``path`` (sorted, deterministic JSON)."""
    entries = sorted(({"fingerprint": f.fingerprint, "rule": f.rule, "page": f.page, "locale": f.locale,
                       "message": f.message} for f in findings),
                     key=lambda e: (e["fingerprint"], e["page"], e["locale"], e["rule"], e["message"]))
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        json.dump({"schema": SCHEMA, "findings": entries}, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def load_baseline(path: str) -> Counter:
    """Read a baseline file: how many times each fingerprint is accepted."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: not a transcheck baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a transcheck baseline (expected schema {SCHEMA})")
    try:
        return Counter(str(e["fingerprint"]) for e in data["findings"])
    except (TypeError, KeyError):
        raise BaselineError(f"{path}: baseline entries need a 'fingerprint'") from None


def apply_baseline(findings: Iterable[Finding], accepted: Counter) -> tuple[list[Finding], int]:
    """Drop findings the baseline accepts; return (the new findings, how many were dropped)."""
    left = Counter(accepted)
    kept: list[Finding] = []
    dropped = 0
    for f in findings:
        if left[f.fingerprint] > 0:
            left[f.fingerprint] -= 1
            dropped += 1
        else:
            kept.append(f)
    return kept, dropped
