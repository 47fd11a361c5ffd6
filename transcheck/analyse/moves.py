"""Blocks some locales lack, and blocks a locale has at another place (moved).

Both are page facts (see :class:`~transcheck.model.PageFacts`): ``missing-block``,
``extra-block`` and ``moved-block`` read them, so a move is found once per page and
reported once, by ``moved-block``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from ..model import AlignedPage, AlignedRow, Move, Segment, Verdict
from .features import best_similarity
from .judge import judge
from .semantic.similarity import consensus

if TYPE_CHECKING:
    from .semantic.engine import PageSemantics

MOVE_SIMILARITY = 0.8
"""Anchor similarity from which a block with code, links or images counts as the missing one."""
MOVE_COSINE = 0.7
"""Embedding consensus (mean cosine to the closer half of the holders) from which a prose
block counts as the missing one."""


def presence(page: AlignedPage) -> dict[int, Verdict]:
    """Row index -> verdict on presence (``expected`` True: most have it) for rows some locales lack."""
    out: dict[int, Verdict] = {}
    for row in page.rows:
        present = {loc: seg is not None for loc, seg in row.cells.items()}
        if all(present.values()):
            continue
        out[row.index] = judge(present, page.reference, prefer=lambda v: v)
    return out


def _anchored(seg: Segment) -> bool:
    return seg.kind == "code" or any(i.kind in ("code", "link", "image", "autolink") for i in seg.inlines)


def find_moves(page: AlignedPage, verdicts: dict[int, Verdict],
               sem: "PageSemantics | None" = None) -> tuple[Move, ...]:
    """The blocks a locale lacks at one row and has at another row instead.

    ``verdicts`` comes from :func:`presence`; ``sem`` (optional) lets unanchored prose
    blocks match by meaning.
    """
    missing: dict[str, list[int]] = {}
    extra: dict[str, list[int]] = {}
    for index, v in verdicts.items():
        target = missing if v.expected is True else extra
        for loc in v.deviants:
            target.setdefault(loc, []).append(index)
    moves = []
    ratios: dict = {}
    for loc in sorted(set(missing) & set(extra)):
        used: set[int] = set()
        # the best anchor similarity of each anchored extra block to each missing row's
        # holders, for all pairs at once (the greedy pairing below reads it)
        anchored = [ei for ei in extra[loc] if page.rows[ei].cells[loc] is not None
                    and _anchored(page.rows[ei].cells[loc])]
        column = {ei: k for k, ei in enumerate(anchored)}
        groups = [list(page.rows[mi].present().values()) for mi in missing[loc]]
        best = best_similarity([page.rows[ei].cells[loc] for ei in anchored], groups, ratios)
        near = _near_moves(page, loc, missing[loc], extra[loc], sem) if sem is not None else None
        for gi, mi in enumerate(missing[loc]):
            for ek, ei in enumerate(extra[loc]):
                seg = page.rows[ei].cells[loc]
                if ei in used or seg is None:
                    continue
                moved = ei in column and bool(best[column[ei], gi] >= MOVE_SIMILARITY)
                if not moved and near is not None and near[gi, ek]:
                    holders = page.rows[mi].present()
                    cos = [c for c in (sem.cosine(seg, other) for other in holders.values()) if c is not None]
                    moved = bool(cos) and consensus(cos) >= MOVE_COSINE
                if moved:
                    moves.append(Move(loc, mi, ei))
                    used.add(ei)
                    break
    return tuple(moves)


_SLACK = 1e-3
"""How far under :data:`MOVE_COSINE` an estimate may be and the pair still be checked
exactly (float32 products in another order differ by about 1e-6)."""


def _near_moves(page: AlignedPage, loc: str, missing: list[int], extra: list[int],
                sem: "PageSemantics") -> np.ndarray:
    """(missing row, extra row) pairs of ``loc`` whose embedding consensus may reach
    :data:`MOVE_COSINE`, estimated for all pairs with one matrix product per missing row.

    The exact test (one cosine at a time, as before) then runs only on these pairs, so
    the answer is the same; the all-pairs cost that was cubic in Python becomes numpy.
    """
    out = np.zeros((len(missing), len(extra)), dtype=bool)
    vecs = [sem.vector(page.rows[ei].cells[loc]) for ei in extra]
    cols = [k for k, v in enumerate(vecs) if v is not None]
    if not cols:
        return out
    mat = np.stack([vecs[k] for k in cols]).astype(np.float64)
    for gi, mi in enumerate(missing):
        held = [v for v in (sem.vector(seg) for seg in page.rows[mi].present().values()) if v is not None]
        if not held:
            continue
        cos = np.sort(np.clip(mat @ np.stack(held).astype(np.float64).T, -1.0, 1.0), axis=1)[:, ::-1]
        top = cos[:, : (cos.shape[1] + 1) // 2].mean(axis=1)  # consensus() of each extra row
        out[gi, cols] = top >= MOVE_COSINE - _SLACK
    return out


def settle_moves(page: AlignedPage, sem: "PageSemantics | None" = None) -> AlignedPage:
    """Find the moved blocks and put each back in the row where the others have it.

    Every later comparison then sees the moved block next to its translations, so a
    move in one locale changes no vote in any row (it is not missing there, and the
    other locales are not outvoted). Rows left empty are dropped. The moves, re-indexed
    to the settled rows (``missing_row`` = ``extra_row`` = the row that now holds the
    block), are kept in :attr:`AlignedPage.moves` for ``moved-block``.
    """
    moves = find_moves(page, presence(page), sem)
    if not moves:
        return replace(page, moves=())
    cells = [dict(r.cells) for r in page.rows]
    for m in moves:
        cells[m.missing_row][m.locale] = cells[m.extra_row][m.locale]
        cells[m.extra_row][m.locale] = None
    keep = [i for i, c in enumerate(cells) if any(v is not None for v in c.values())]
    new = {old: k for k, old in enumerate(keep)}
    rows = tuple(AlignedRow(k, cells[old]) for k, old in enumerate(keep))
    settled = tuple(Move(m.locale, new[m.missing_row], new[m.missing_row]) for m in moves)
    return replace(page, rows=rows, moves=settled)
