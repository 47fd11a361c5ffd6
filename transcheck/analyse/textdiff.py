"""Bounded-time text comparison for untrusted input.

:class:`difflib.SequenceMatcher` is quadratic in the worst case, and a translation can
hold a 100,000-character code block. These helpers give the same answers as difflib
for inputs up to ``limit`` items, and beyond that trim the common prefix and suffix
(exact, linear) and compare only what is left, falling back to a line-level estimate
when even that is large.
"""

from __future__ import annotations

import importlib
import os
from collections import Counter
from functools import lru_cache
from typing import Sequence

LIMIT = 4000
"""Items (characters, tokens) compared exactly with difflib; beyond, trimmed or estimated."""

CORE_ENV = "TRANSCHECK_DIFFLIB"
"""Environment variable naming the matcher core (``cydifflib`` or ``difflib``)."""


def matcher_core() -> str:
    """The module whose ``SequenceMatcher`` compares texts: ``cydifflib`` (difflib's
    algorithm compiled, the same blocks and ratios, many times faster) when installed,
    else ``difflib``; :data:`CORE_ENV` can force one."""
    forced = os.environ.get(CORE_ENV, "").strip()
    if forced in ("difflib", "cydifflib"):
        return forced
    try:
        import cydifflib  # noqa: F401
    except ImportError:
        return "difflib"
    return "cydifflib"


SequenceMatcher = importlib.import_module(matcher_core()).SequenceMatcher
"""difflib's ``SequenceMatcher`` from :func:`matcher_core` (chosen once, at import)."""


def common_prefix(a: Sequence, b: Sequence) -> int:
    """Length of the common prefix of two sequences (binary search over slices: fast in C)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def common_suffix(a: Sequence, b: Sequence, skip: int = 0) -> int:
    """Length of the common suffix of two sequences, not overlapping the first ``skip`` items."""
    limit = min(len(a), len(b)) - skip
    lo, hi = 0, max(0, limit)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:len(a) - lo] == b[len(b) - mid:len(b) - lo]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def opcodes(a: Sequence, b: Sequence, limit: int = LIMIT) -> list[tuple[str, int, int, int, int]]:
    """:meth:`difflib.SequenceMatcher.get_opcodes` of ``a`` and ``b`` (``autojunk`` off), in bounded time.

    Exact when ``len(a) + len(b) <= limit`` or when what differs (after trimming the common
    prefix and suffix) is that small; otherwise the differing middle is one ``replace``.
    """
    if len(a) + len(b) <= limit:
        return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    p = common_prefix(a, b)
    s = common_suffix(a, b, p)
    ma, mb = a[p:len(a) - s], b[p:len(b) - s]
    ops: list[tuple[str, int, int, int, int]] = [("equal", 0, p, 0, p)] if p else []
    if len(ma) + len(mb) <= limit:
        inner = SequenceMatcher(None, ma, mb, autojunk=False).get_opcodes() if ma or mb else []
    else:
        inner = [("replace", 0, len(ma), 0, len(mb))]
    ops += [(op, i1 + p, i2 + p, j1 + p, j2 + p) for op, i1, i2, j1, j2 in inner]
    if s:
        ops.append(("equal", len(a) - s, len(a), len(b) - s, len(b)))
    return ops


@lru_cache(maxsize=4096)
def _lines(text: str) -> Counter:
    return Counter(text.split("\n"))


def ratio(a: str, b: str, limit: int = LIMIT) -> float:
    """Similarity in [0, 1] like :meth:`difflib.SequenceMatcher.ratio`, in bounded time.

    Exact up to ``limit`` characters (or differing middles that small); beyond that the
    middle's matches are estimated from the lines the two texts share.
    """
    if a == b:
        return 1.0
    total = len(a) + len(b)
    if total <= limit:
        return SequenceMatcher(None, a, b, autojunk=False).ratio()
    p = common_prefix(a, b)
    s = common_suffix(a, b, p)
    ma, mb = a[p:len(a) - s], b[p:len(b) - s]
    if len(ma) + len(mb) <= limit:
        matched = sum(blk.size for blk in SequenceMatcher(None, ma, mb, autojunk=False)
                      .get_matching_blocks())
    else:
        common = _lines(ma) & _lines(mb)
        matched = min(min(len(ma), len(mb)), sum((len(line) + 1) * n for line, n in common.items()))
    return 2.0 * (p + s + matched) / total


def differing_parts(a: str, b: str, context: int = 16, limit: int = 60) -> tuple[str, str]:
    """Short excerpts of ``a`` and ``b`` that show where they differ, for messages.

    The common prefix and suffix are cut to ``context`` characters (marked ``…``) and the
    differing middle to ``limit``, so a difference after the first 50 characters is
    always visible: ``…container-name nginx:1.25`` vs ``…container-name nginx:1.26``.
    Strings of at most ``limit`` characters are returned whole.
    """
    if len(a) <= limit and len(b) <= limit:
        return a, b
    p = common_prefix(a, b)
    s = common_suffix(a, b, p)

    def cut(x: str) -> str:
        mid = x[p:len(x) - s]
        if len(mid) > limit:
            mid = mid[:limit - 1] + "…"
        head = ("…" + x[p - context:p]) if p > context else x[:p]
        tail = (x[len(x) - s:len(x) - s + context] + "…") if s > context else x[len(x) - s:]
        return head + mid + tail

    return cut(a), cut(b)
