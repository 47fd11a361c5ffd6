"""A block that stands at another place in this locale than in the others.

Alignment sees a moved block as a gap where the others have it and an extra block
somewhere else. When the extra block is the missing one (same code, or the same code
spans, links and numbers; or, with the semantic stage on, prose whose embedding
matches the missing block's in the other locales: cosine at least 0.7), it is
reported once, as moved, instead of as missing plus extra. So two paragraphs swapped
in one locale are one moved paragraph, even without code, links or numbers.
"""

from __future__ import annotations

import sys
from typing import Iterator

from ..analyse.align import segment_similarity
from ..model import AlignedPage, Example, Finding, Segment
from .base import CheckContext, judge, make_finding, shorten

ID = "moved-block"
CATEGORY = "structure-drift"
SEVERITY = "warning"

EXAMPLES = (  # structural examples: also found without embeddings
    Example("same order", {
        "de": "Text `a`.\n\n```\nls\n```\n\nEnde `b`.\n",
        "fr": "Texte `a`.\n\n```\nls\n```\n\nFin `b`.\n",
    }, fails=False),
    Example("a code block moved to the end", {
        "de": "Text `a`.\n\n```\nls -la\n```\n\nMehr `b`.\n\nEnde `c`.\n",
        "fr": "Texte `a`.\n\n```\nls -la\n```\n\nPlus `b`.\n\nFin `c`.\n",
        "pt": "Texto `a`.\n\nMais `b`.\n\nFim `c`.\n\n```\nls -la\n```\n",
    }, fails=True),
)

MOVE_SIMILARITY = 0.8
MOVE_COSINE = 0.7
"""Embedding cosine from which an unanchored prose block counts as the missing one."""


def _anchored(seg: Segment) -> bool:
    return seg.kind == "code" or any(i.kind in ("code", "link", "image", "autolink") for i in seg.inlines)


def find_moves(page: AlignedPage, sem=None) -> list[tuple[str, int, int]]:
    """(locale, row where the block is missing, row where it stands instead) for moved blocks.

    ``sem`` (:class:`~transcheck.parity.PageSemantics`, optional) lets unanchored prose
    blocks match by meaning.
    """
    missing: dict[str, list[int]] = {}
    extra: dict[str, list[int]] = {}
    for row in page.rows:
        present = {loc: seg is not None for loc, seg in row.cells.items()}
        if all(present.values()):
            continue
        v = judge(present, page.reference, prefer=lambda x: x)
        target = missing if v.expected is True else extra
        for loc in v.deviants:
            target.setdefault(loc, []).append(row.index)
    moves = []
    for loc in sorted(set(missing) & set(extra)):
        used: set[int] = set()
        for mi in missing[loc]:
            holders = page.rows[mi].present()
            for ei in extra[loc]:
                seg = page.rows[ei].cells[loc]
                if ei in used or seg is None:
                    continue
                if _anchored(seg):
                    moved = max(segment_similarity(seg, other) for other in holders.values()) >= MOVE_SIMILARITY
                elif sem is not None:
                    cos = [c for c in (sem.cosine(seg, other) for other in holders.values()) if c is not None]
                    moved = bool(cos) and min(cos) >= MOVE_COSINE
                else:
                    moved = False
                if moved:
                    moves.append((loc, mi, ei))
                    used.add(ei)
                    break
    return moves


def check(page: AlignedPage, ctx: CheckContext) -> Iterator[Finding]:
    """Yield one finding per block that one locale has at another place."""
    rule = sys.modules[__name__]
    for loc, mi, ei in find_moves(page, ctx.extras.get("page_semantics")):
        seg = page.rows[ei].cells[loc]
        assert seg is not None
        holders = page.rows[mi].present()
        where = ", ".join(f"{lc} line {s.line}" for lc, s in holders.items())
        before = next((r.cells.get(loc) for r in reversed(page.rows[:mi]) if r.cells.get(loc)), None)
        after_txt = f"after line {before.end_line}" if before else "at the top"
        msg = (f"{seg.kind.replace('_', ' ')} \"{shorten(seg.text, 50)}\" moved: the others "
               f"({where}) have it {after_txt} of this file")
        yield make_finding(rule, page, loc, seg, msg, expected=f"{after_txt}", actual=f"line {seg.line}",
                           severity=SEVERITY, basis="majority" if not page.reference else "reference",
                           row=page.rows[mi], key=(seg.kind, seg.text.strip()[:200]))
