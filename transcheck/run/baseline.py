"""Baselines: adopt transcheck on a site with existing drift and gate only new drift.

``--write-baseline FILE`` records the fingerprints of today's findings; ``--baseline
FILE`` drops findings whose fingerprint is recorded there (as many times as recorded).
Fingerprints hold no line numbers, so unrelated edits do not revive old findings.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Callable, Iterable

from ..model import Finding
from ..markdown.parse import InputFileError, read_file

SCHEMA = "transcheck-baseline/1"


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names the file."""


def render_baseline(findings: Iterable[Finding]) -> str:
    """The baseline file's text for ``findings``: their fingerprints, sorted, as JSON."""
    entries = sorted(({"fingerprint": f.fingerprint, "rule": f.rule, "page": f.page, "locale": f.locale,
                       "message": f.message} for f in findings),
                     key=lambda e: (e["fingerprint"], e["page"], e["locale"], e["rule"], e["message"]))
    return json.dumps({"schema": SCHEMA, "findings": entries}, ensure_ascii=False, indent=2) + "\n"


def read_json(path: str, what: str) -> object:
    """Parse a JSON file given by the user, with the checks pages get.

    Only a regular file of at most the page size limit is read (a FIFO cannot block the
    run); JSON nested too deeply to parse is an error. Raises ``ValueError`` with a
    message that names ``path`` and says it is ``what``.
    """
    try:
        text = read_file(path)
    except InputFileError as exc:
        raise ValueError(f"{path}: cannot read {what}: {exc}") from None
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError(f"{path}: not a {what} (JSON nested too deeply)") from None
    except ValueError as exc:
        raise ValueError(f"{path}: not a {what} (invalid JSON: {exc})") from None


def load_baseline(path: str) -> Counter:
    """Read a baseline file: how many times each fingerprint is accepted."""
    try:
        data = read_json(path, "transcheck baseline")
    except ValueError as exc:
        raise BaselineError(str(exc)) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a transcheck baseline (expected schema {SCHEMA})")
    try:
        return Counter(str(e["fingerprint"]) for e in data["findings"])
    except (TypeError, KeyError):
        raise BaselineError(f"{path}: baseline entries need a 'fingerprint'") from None


def apply_baseline(findings: Iterable[Finding], accepted: Counter,
                   keep: Callable[[list[Finding]], None]) -> int:
    """Drop findings the baseline accepts (the first ones in the order given), hand the
    others to ``keep`` in batches (memory stays flat) and return how many were dropped."""
    left = Counter(accepted)
    kept: list[Finding] = []
    dropped = 0
    for f in findings:
        if left[f.fingerprint] > 0:
            left[f.fingerprint] -= 1
            dropped += 1
        else:
            kept.append(f)
            if len(kept) >= 512:
                keep(kept)
                kept = []
    keep(kept)
    return dropped
