"""How much of a page each locale's copy holds: stubs and stale copies, runs of missing blocks.

A translated file that holds only front matter, or an old version covering a quarter of
today's source, would otherwise give one ``missing-block`` per absent block. These
helpers measure each copy's share of the page's expected blocks (a page fact, read by
``stub-page`` and ``missing-block``) and format the line ranges their messages quote.
"""

from __future__ import annotations

from ..model import AlignedPage, AlignedRow, BlockShare, Move, Verdict

STUB_COVERAGE = 0.5
"""A copy holding less than this share of the page's expected blocks is a stub."""
STUB_MIN_BLOCKS = 4.0
"""Pages with fewer expected blocks than this have no stubs (too small to tell)."""


def block_shares(page: AlignedPage, verdicts: dict[int, Verdict],
                 moves: tuple[Move, ...] = ()) -> dict[str, BlockShare]:
    """Per locale, the rows it should have a block in and the ones where it has none.

    A row is expected where every locale has it, or where the presence verdict says so
    (the reference has it; N-way, most locales). Front matter rows and blocks reported
    as moved are not counted.
    """
    moved = {(m.locale, m.missing_row) for m in moves}
    expected = dict.fromkeys(page.documents, 0)
    missing: dict[str, list[int]] = {loc: [] for loc in page.documents}
    for row in page.rows:
        if all(seg is None or seg.kind == "front_matter" for seg in row.cells.values()):
            continue
        verdict = verdicts.get(row.index)
        if verdict is not None and verdict.expected is not True:
            continue
        for loc, seg in row.cells.items():
            expected[loc] += 1
            if seg is None and (loc, row.index) not in moved:
                missing[loc].append(row.index)
    return {loc: BlockShare(expected[loc], tuple(missing[loc])) for loc in sorted(page.documents)}


def stubs(page: AlignedPage, shares: dict[str, BlockShare], cut: float = STUB_COVERAGE,
          least: float = STUB_MIN_BLOCKS) -> dict[str, BlockShare]:
    """The copies (never the reference) holding less than ``cut`` of at least ``least`` blocks."""
    return {loc: s for loc, s in shares.items()
            if loc != page.reference and s.expected >= least and s.share < cut}


def witness(page: AlignedPage, rows: list[AlignedRow]) -> str:
    """The locale quoted for missing rows: the reference, else the first locale having them all."""
    if page.reference is not None and all(row.cells.get(page.reference) is not None for row in rows):
        return page.reference
    holders = [set(row.present()) for row in rows]
    common = set.intersection(*holders) if holders else set()
    return min(common) if common else min(holders[0]) if holders and holders[0] else ""


def line_ranges(spans: list[tuple[int, int]], limit: int = 4) -> str:
    """``[(3, 5), (7, 9), (14, 14)]`` -> ``"3-9, 14"``: spans one blank line apart merged."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 2:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts = [f"{a}" if a == b else f"{a}-{b}" for a, b in merged]
    return ", ".join(parts[:limit]) + (f", … (+{len(parts) - limit} more)" if len(parts) > limit else "")

