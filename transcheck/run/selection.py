"""Choosing which page groups a run checks: shards (``--shard i/n``) and changed files.

Selection happens after discovery, which only reads file names, so every locale of the
site stays known (a page missing from a locale is still reported) while only the
chosen groups are parsed, aligned and checked.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys

from ..model import PageGroup
from ..rules.base import expected_path


class SelectionError(Exception):
    """A selection option the user gave is invalid; the message says why."""


_SHARD_RE = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def parse_shard(value: str) -> tuple[int, int]:
    """Parse ``i/n`` (1 <= i <= n) into ``(i, n)``; raise :class:`SelectionError` otherwise."""
    m = _SHARD_RE.match(value or "")
    if not m:
        raise SelectionError(f"'{value}' is not a shard: write i/n, e.g. 1/4 (shards are numbered from 1)")
    i, n = int(m[1]), int(m[2])
    if n < 1 or not 1 <= i <= n:
        raise SelectionError(f"shard {i}/{n} is out of range: i must be between 1 and n (n >= 1)")
    return i, n


def shard_of(page: str, count: int) -> int:
    """The 1-based shard of a page id: a stable hash (SHA-256), the same on every machine."""
    digest = hashlib.sha256(page.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def in_shard(groups: list[PageGroup], shard: tuple[int, int] | None) -> list[PageGroup]:
    """The groups of shard ``(i, n)`` (all of them when ``shard`` is None)."""
    if shard is None or shard[1] == 1:
        return list(groups)
    return [g for g in groups if shard_of(g.page, shard[1]) == shard[0]]


def read_file_list(source: str, stdin=None) -> set[str]:
    """Absolute paths listed in a file (one per line; ``-`` reads stdin), relative to the cwd.

    Blank lines and lines starting with ``#`` are skipped.
    """
    try:
        if source == "-":
            text = (stdin or sys.stdin).read()
        else:
            with open(source, encoding="utf-8") as fh:
                text = fh.read()
    except OSError as exc:
        raise SelectionError(f"cannot read file list {source}: {exc.strerror or exc}") from None
    out = set()
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(os.path.realpath(line))
    return out


def touched(groups: list[PageGroup], changed: set[str], locales: tuple[str, ...]) -> list[PageGroup]:
    """The groups a change touched: one of their files changed, or a copy was deleted.

    ``changed`` holds absolute paths. A deleted copy no longer exists on disk, so a group
    is also chosen when the path where one of its ``locales`` copies would be changed.
    """
    real = {os.path.realpath(p) for p in changed}
    out = []
    for g in groups:
        paths = {os.path.realpath(f.path) for f in g.files}
        if paths & real:
            out.append(g)
            continue
        have = set(g.locales)
        guesses = {os.path.realpath(expected_path(g, loc)) for loc in locales if loc and loc not in have}
        if guesses & real:
            out.append(g)
    return out
