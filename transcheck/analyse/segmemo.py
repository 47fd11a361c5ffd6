"""Values derived from one segment, memoised by the segment's identity for one page.

Several facts and rules read the same derived value of a segment (its anchors for the
aligner and the search for moved blocks; its prose without language-switcher names for
``misfiled``, ``untranslated`` and ``mixed-language``). :func:`per_segment` computes
such a value once per segment object; :func:`forget_segments` empties every memo when a
new page is aligned, so they never hold more than about one page's segments (nor keep
old pages' documents alive). Keyed by identity, not by text: nothing is shared between
pages that happen to hold the same text.
"""

from __future__ import annotations

import functools
from typing import Callable, TypeVar

from ..model import Segment

T = TypeVar("T")

LIMIT = 200_000
"""A memo holding more entries than this is emptied (a page never gets near it)."""

_MEMOS: list[dict[int, tuple[Segment, object]]] = []


def per_segment(fn: Callable[[Segment], T]) -> Callable[[Segment], T]:
    """Decorator: memoise ``fn(seg)`` by the identity of ``seg`` until :func:`forget_segments`."""
    memo: dict[int, tuple[Segment, object]] = {}
    _MEMOS.append(memo)

    @functools.wraps(fn)
    def memoised(seg: Segment) -> T:
        hit = memo.get(id(seg))
        if hit is not None and hit[0] is seg:
            return hit[1]  # type: ignore[return-value]
        if len(memo) > LIMIT:
            memo.clear()
        value = fn(seg)
        memo[id(seg)] = (seg, value)
        return value

    return memoised


def forget_segments() -> None:
    """Empty every :func:`per_segment` memo (the aligner calls it at the start of each page)."""
    for memo in _MEMOS:
        memo.clear()
