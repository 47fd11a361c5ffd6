"""A block whose code spans and links a translation moved into, or out to, the block next to it.

Translators join an intro line with the first item of the list after it (pinia's "By
default `@pinia/nuxt` exposes a few auto imports:" and "- `usePinia()`, which is similar
to `getActivePinia()`…" as one paragraph), continue a list item with the paragraph after
it (no blank line between them), or write a paragraph's inline names as a list after it.
The aligner pairs the two blocks that stand for each other and leaves the neighbour alone:
the pair then differs by the neighbour's code spans, and the neighbour reads as missing or
extra, three findings for one change of shape. :func:`spill` recognises it
language-neutrally: the code spans and link targets of one locale's block are exactly those
of the other locale's block plus those of the neighbour (or the run of neighbours) the
first locale lacks, or has alone, at least one code span among them.
"""

from __future__ import annotations

from collections import Counter

from ..model import AlignedPage, Segment
from .features import anchors

_PROSE = ("paragraph", "list_item")


def _marks(segs: list[Segment]) -> tuple[Counter, Counter]:
    """The code spans and the link targets of ``segs`` together, as multisets."""
    spans, links = Counter(), Counter()
    for s in segs:
        got = anchors(s)
        spans.update(got[0])
        links.update(got[1])
    return spans, links


def _beside(page: AlignedPage, at: int, step: int, alone: str, other: str) -> list[Segment]:
    """The blocks of ``other`` in the rows next to row ``at`` (going by ``step``) where
    ``alone`` has none and ``other`` has a prose block: the run of blocks one side lacks."""
    out = []
    k = at + step
    while 0 <= k < len(page.rows):
        cells = page.rows[k].cells
        seg = cells.get(other)
        if cells.get(alone) is not None or seg is None or seg.kind not in _PROSE:
            break
        out.append(seg)
        k += step
    return out


def spill(page: AlignedPage, at: int, loc: str, witness: str) -> list[int]:
    """The rows next to row ``at`` whose blocks, joined to the pair of ``loc`` and ``witness``
    at ``at``, make both sides hold the same code spans and links (see the module
    docstring); empty when there are none. Those rows' blocks are parts of the pair's."""
    cells = page.rows[at].cells
    mine, theirs = cells.get(loc), cells.get(witness)
    if mine is None or theirs is None or mine.kind not in _PROSE or theirs.kind not in _PROSE:
        return []
    have, want = _marks([mine]), _marks([theirs])
    if have == want:
        return []
    for step in (1, -1):
        for alone, other, short, long in ((loc, witness, want, have), (witness, loc, have, want)):
            run = _beside(page, at, step, alone, other)
            for n in range(1, len(run) + 1):
                spans, links = _marks(run[:n])
                if spans and short[0] + spans == long[0] and short[1] + links == long[1]:
                    return [at + step * (k + 1) for k in range(n)]
    return []


def joined(page: AlignedPage, row, loc: str, supporters) -> bool:
    """True when ``loc``'s block in ``row`` differs from the first of ``supporters`` (the
    reference first) only by the blocks next to it (:func:`spill`)."""
    witness = page.reference if page.reference in supporters else next(iter(supporters), None)
    return witness is not None and bool(spill(page, row.index, loc, witness))
