"""Paragraphs a locale splits in two or merges into one: neither missing nor extra.

Translators often cut a long paragraph in two (a blank line before its last sentence) or
join two short ones (a testimonial written as one paragraph). The aligner pairs one of
the parts with the whole and leaves the other part alone, which would read as a missing
or an extra block although nothing is lost. The alone part is recognised by length and
anchors, language-neutrally: next to it, in the same container, is its locale's block
paired with the whole; that block alone is clearly shorter than the whole should be in
this locale, both parts together fit it, and every code span and link of the alone part
is in the whole (or, where a link was localized, the parts hold as many as the whole). "Should be" uses the page's own length ratio between the two locales
(the median over the prose blocks they pair).

A pair whose code spans and links differ by exactly those of the block next to it that one
side lacks or has alone (:mod:`.spills`) is one block joined or split: that block is neither.

The same text in another shape is neither either: next to the blocks a locale lacks, its
extra blocks hold the same code spans (at least one) in paragraphs where the others have
list items, or the other way round (a step written as a numbered item where the others
have a paragraph; lines joined by ``\\`` breaks written as list items), and fit their length.
"""

from __future__ import annotations

from dataclasses import replace
from statistics import median

from collections import Counter

from ..model import AlignedPage, Segment, Verdict
from .features import anchors, prose_length
from .spills import spill

SHORT = 0.75
"""The paired part alone is at most this share of the whole's expected length."""
FIT = (0.75, 1.35)
"""Both parts together are within this share of the whole's expected length."""


def _ratio(page: AlignedPage, loc: str, other: str) -> float:
    """Median length of ``loc``'s prose over ``other``'s, over the paragraphs they pair (1 when few)."""
    pairs = [prose_length(r.cells[loc].prose) / prose_length(r.cells[other].prose) for r in page.rows
             if r.cells.get(loc) is not None and r.cells.get(other) is not None
             and r.cells[loc].kind == r.cells[other].kind == "paragraph"]
    return median(pairs) if len(pairs) >= 3 else 1.0


def joins(whole: Segment, kept: Segment, alone: list[Segment], ratio: float) -> bool:
    """True when ``kept`` and the ``alone`` blocks (paragraphs of one locale, in one
    container) together are the paragraph ``whole`` of another locale; ``ratio`` is
    whole-locale length per part-locale length."""
    if not whole.kind == kept.kind == "paragraph" \
            or any(s is None or s.kind != "paragraph" or s.container != kept.container for s in alone):
        return False
    expected = prose_length(whole.prose) / ratio
    before = prose_length(kept.prose) / expected
    after = (prose_length(kept.prose) + sum(prose_length(s.prose) for s in alone)) / expected
    if before > SHORT or not FIT[0] <= after <= FIT[1]:
        return False
    have, parts = anchors(whole), [anchors(s) for s in [kept, *alone]]
    return all(all(set(p[t]) <= set(have[t]) for p in parts[1:])
               or sum(sum(p[t].values()) for p in parts) == sum(have[t].values()) for t in (0, 1))


def _run(verdicts: dict[int, Verdict], loc: str, at: int, expected: object, rows: int) -> list[int]:
    """The rows next to row ``at``, on both sides without a gap, where ``loc`` deviates the same way."""
    out = []
    for step in (-1, 1):
        k = at + step
        while 0 <= k < rows and k in verdicts and verdicts[k].expected == expected and loc in verdicts[k].deviants:
            out.append(k)
            k += step
    return sorted(out)


def split_blocks(page: AlignedPage, verdicts: dict[int, Verdict]) -> dict[int, Verdict]:
    """``verdicts`` (from :func:`.moves.presence`) without the locales whose blocks at some
    rows are the other parts of a split or merged paragraph (see the module docstring)."""
    ratios: dict[tuple[str, str], float] = {}

    def ratio(loc: str, other: str) -> float:
        if (loc, other) not in ratios:
            ratios[loc, other] = _ratio(page, loc, other)
        return ratios[loc, other]

    parts: set[tuple[int, str]] = set()
    for index, v in sorted(verdicts.items()):
        if not v.supporters:
            continue
        witness = page.reference if page.reference in v.supporters else min(v.supporters)
        for loc in v.deviants:
            if (index, loc) in parts:
                continue
            for nb in (index - 1, index + 1):
                if not 0 <= nb < len(page.rows) or nb in verdicts and loc in verdicts[nb].deviants:
                    continue
                mine, theirs = page.rows[nb].cells.get(loc), page.rows[nb].cells.get(witness)
                if mine is None or theirs is None:
                    continue
                run = _run(verdicts, loc, nb, v.expected, len(page.rows))
                if v.expected is False:  # loc holds extra parts: are they the rest of `theirs`?
                    split = joins(theirs, mine, [page.rows[k].cells[loc] for k in run], ratio(witness, loc))
                else:  # loc lacks blocks: does its neighbour hold them merged in?
                    split = joins(mine, theirs, [page.rows[k].cells[witness] for k in run], ratio(loc, witness))
                if split:
                    parts.update((k, loc) for k in run)
                    break
    parts |= _reshaped(page, verdicts, ratio) | _spilled(page, verdicts)
    out = dict(verdicts)
    for index, v in verdicts.items():
        keep = tuple(loc for loc in v.deviants if (index, loc) not in parts)
        if len(keep) < len(v.deviants):
            out[index] = replace(v, deviants=keep)
    return out


_PROSE = ("paragraph", "list_item")


def _spilled(page: AlignedPage, verdicts: dict[int, Verdict]) -> set[tuple[int, str]]:
    """``(row, locale)`` of the blocks a locale lacks, or alone has, next to a pair whose code
    spans and links they make equal (:func:`.spills.spill`): joined into or split out of it."""
    out: set[tuple[int, str]] = set()
    for index, v in sorted(verdicts.items()):
        witness = page.reference if page.reference in v.supporters else min(v.supporters, default=None)
        for loc in v.deviants:
            if (index, loc) in out:
                continue
            for at in (index - 1, index + 1):
                if witness is not None and 0 <= at < len(page.rows):
                    found = spill(page, at, loc, witness)
                    if index in found:
                        out.update((k, loc) for k in found)
                        break
    return out


def same_text_other_shape(theirs: list[Segment], mine: list[Segment], ratio: float) -> bool:
    """True when the blocks ``mine`` hold the text of the blocks ``theirs`` of another
    locale in another shape: paragraphs and list items only, not the same kinds on both
    sides, the same code spans (at least one) and, at the page's length ``ratio`` (theirs
    per mine), a length that fits."""
    if any(s is None or s.kind not in _PROSE for s in [*theirs, *mine]) \
            or {s.kind for s in theirs} == {s.kind for s in mine}:
        return False
    spans = [sum((Counter(anchors(s)[0]) for s in side), Counter()) for side in (theirs, mine)]
    expected = sum(prose_length(s.prose) for s in theirs) / ratio
    return bool(spans[0]) and spans[0] == spans[1] and expected > 0 \
        and FIT[0] <= sum(prose_length(s.prose) for s in mine) / expected <= FIT[1]


def _reshaped(page: AlignedPage, verdicts: dict[int, Verdict], ratio) -> set[tuple[int, str]]:
    """``(row, locale)`` of the extra blocks of a locale and the missing blocks next to them
    that are the same text in another shape (:func:`same_text_other_shape`)."""
    out: set[tuple[int, str]] = set()
    rows = len(page.rows)
    for index, v in sorted(verdicts.items()):
        if v.expected is not False:
            continue
        for loc in v.deviants:
            if (index, loc) in out:
                continue
            extra = sorted([index, *_run(verdicts, loc, index, False, rows)])
            for side in (extra[0] - 1, extra[-1] + 1):
                if side not in verdicts or verdicts[side].expected is not True or loc not in verdicts[side].deviants:
                    continue
                run = sorted([side, *_run(verdicts, loc, side, True, rows)])
                holders = verdicts[side].supporters
                witness = page.reference if page.reference in holders else min(holders, default=None)
                # the missing block next to the extra ones, or the whole run of missing blocks
                found = next((m for m in ([side], run) if witness is not None and same_text_other_shape(
                    [page.rows[k].cells.get(witness) for k in m], [page.rows[k].cells[loc] for k in extra],
                    ratio(witness, loc))), None)
                if found:
                    out.update((k, loc) for k in extra + found)
                    break
    return out
