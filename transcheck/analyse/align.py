"""N-way alignment of a page's segments across all its locales.

Every locale is aligned to one pivot locale (the reference when there is one,
otherwise the locale whose block structure is most typical) by global sequence
alignment (Needleman-Wunsch) over a segment similarity built from language-neutral
anchors: block kind, heading level, code, code spans, link targets, numbers and length.
A block that is missing, extra or moved in one locale therefore costs one gap, not a
shifted page. Blocks no pivot block matches become rows of their own, so a missing
paragraph is reported once and nothing after it drifts.

An optional ``extra_similarity(a, b) -> float | None`` (e.g. embeddings) is blended
into the anchor similarity when given, half and half: an unrelated block in the same
place (anchor similarity about 1, embedding 0) still pairs (it is a replaced block,
for ``semantic-drift``), while a dropped, added or swapped block is no longer matched
to its look-alike neighbour (see :mod:`transcheck.parity`).

Time stays bounded on huge pages: text similarity is computed in bounded time
(:mod:`transcheck.textdiff`), and past :data:`MAX_CELLS` the alignment is banded
around the diagonal instead of filling the whole matrix.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Sequence

from ..model import AlignedPage, AlignedRow, Document, Segment
from .banded import align_banded, needleman_wunsch
from .features import DocFeatures, ExtraMatrix, PairScorer, per_pair_extra
from .stretches import GAP, pair_in_order
from .segmemo import forget_segments
from .relocate import relocate


MAX_CELLS = 500_000
"""Largest alignment matrix filled completely; bigger ones are banded to about this size."""

PROSE_KINDS = ("heading", "paragraph", "list_item", "table_row")
"""Block kinds that carry translatable prose."""

SimilarityFn = Callable[[Segment, Segment], "float | None"]


def segment_similarity(a: Segment, b: Segment, pos_a: float = 0.0, pos_b: float = 0.0,
                       extra: SimilarityFn | None = None) -> float:
    """Similarity in [0, 1] of two segments from different locales of one page.

    ``pos_a``/``pos_b`` are relative positions (0..1) in their documents: a weak prior
    that keeps equal-looking blocks in order. The formula is in
    :meth:`transcheck.analyse.features.PairScorer.block`; the aligner scores whole
    blocks of pairs at once with it.
    """
    fa, fb = DocFeatures([a]), DocFeatures([b])
    fa.positions[0], fb.positions[0] = pos_a, pos_b
    matrix = per_pair_extra(extra) if extra is not None else None
    return float(PairScorer(fa, fb, matrix).block(0, 1, 0, 1)[0, 0])


def align_pair(a: Sequence[Segment], b: Sequence[Segment], extra: SimilarityFn | None = None,
               gap: float = GAP, max_cells: int = MAX_CELLS, features_a: DocFeatures | None = None,
               extra_matrix: ExtraMatrix | None = None,
               ratios: dict | None = None) -> list[tuple[int | None, int | None]]:
    """Globally align two segment sequences; return (index in a, index in b) pairs.

    ``None`` on one side marks a gap (a block the other side lacks). Ties break the
    same way every time (match, then gap in ``b``, then gap in ``a``). When the full
    matrix would exceed ``max_cells``, only a band around the diagonal is filled (wide
    enough to reach the corner), so time and memory stay linear in the page length.
    ``features_a`` are ``a``'s precomputed :class:`DocFeatures`; ``extra_matrix`` scores
    many pairs at once in place of ``extra``; ``ratios`` caches code/HTML text ratios
    (share one dict across the locales of a page). The path is that of
    :func:`needleman_wunsch` over :func:`segment_similarity`, vectorised
    (:func:`align_banded`), then stretches both sides hold in the same shape are
    paired in order (:func:`pair_in_order`), and sections ``b`` keeps at another place
    are paired where ``a`` has them (:func:`.relocate.relocate`: then the pairs are not
    all in ``a``'s order).
    """
    fa = features_a if features_a is not None else DocFeatures(a)
    if extra_matrix is None and extra is not None:
        extra_matrix = per_pair_extra(extra)
    fb = DocFeatures(b)
    scorer = PairScorer(fa, fb, extra_matrix, ratios)
    pairs = pair_in_order(align_banded(scorer, gap, max_cells), a, b, scorer.cell, gap)
    return relocate(pairs, fa, fb, scorer.cell, extra_matrix, ratios, gap)


def substitutions(pairs: list[tuple[int | None, int | None]], a: Sequence[Segment],
                  b: Sequence[Segment]) -> list[tuple[int | None, int | None]]:
    """Pair the blocks of a run of gaps that replace each other one for one.

    Between two matched blocks, a run with as many blocks only in ``a`` as only in ``b``,
    all prose of the same kinds in the same order, is one block *replaced* by another
    (a copy-paste slip, the wrong source paragraph): paired, it is one row whose meaning
    differs (``semantic-drift``), not a missing plus an extra block. Moves never form
    such a run (the moved block's gaps are not adjacent).
    """
    out: list[tuple[int | None, int | None]] = []
    k = 0
    while k < len(pairs):
        if pairs[k][0] is not None and pairs[k][1] is not None:
            out.append(pairs[k])
            k += 1
            continue
        end = k
        while end < len(pairs) and (pairs[end][0] is None or pairs[end][1] is None):
            end += 1
        only_a = [p[0] for p in pairs[k:end] if p[1] is None]
        only_b = [p[1] for p in pairs[k:end] if p[0] is None]
        if only_a and len(only_a) == len(only_b) and all(
                a[i].kind == b[j].kind and a[i].kind in PROSE_KINDS for i, j in zip(only_a, only_b)):
            out.extend(zip(only_a, only_b))
        else:
            out.extend(pairs[k:end])
        k = end
    return out


def choose_pivot(documents: dict[str, Document], reference: str | None = None,
                 prefer: frozenset[str] | None = None) -> str:
    """The locale others are aligned to: the reference, else the most typical structure.

    "Most typical" is the locale whose sequence of block kinds is shared by the most
    locales; ties go to the locale whose block count is closest to the median, then
    to the alphabetically first locale. With ``prefer`` (e.g. the locales the embedding
    model knows), the pivot is one of those when any is there.
    """
    if reference and reference in documents:
        return reference
    if prefer and prefer & set(documents):
        documents = {loc: d for loc, d in documents.items() if loc in prefer}
    shapes = {loc: tuple(s.kind for s in d.segments) for loc, d in documents.items()}
    freq = Counter(shapes.values())
    counts = sorted(len(d.segments) for d in documents.values())
    median = counts[len(counts) // 2]
    return min(sorted(documents), key=lambda loc: (-freq[shapes[loc]],
                                                   abs(len(documents[loc].segments) - median), loc))


def align_documents(documents: dict[str, Document], reference: str | None = None,
                    extra: SimilarityFn | None = None, prefer: frozenset[str] | None = None,
                    extra_matrix: ExtraMatrix | None = None) -> AlignedPage:
    """Align every locale of one page; return the rows of the aligned page.
    With ``extra`` or ``extra_matrix`` (embeddings, per pair or for many pairs at once),
    one-for-one replaced prose blocks are paired (:func:`substitutions`) and the pivot is
    taken from ``prefer`` when given.
    """
    locales = sorted(documents)
    page = next(iter(documents.values())).page if documents else ""
    if not documents:
        return AlignedPage(page, {}, (), reference)
    forget_segments()  # the last page's segments
    pivot = choose_pivot(documents, reference, prefer)
    pivot_segs = documents[pivot].segments
    pivot_feats = DocFeatures(pivot_segs)
    ratios: dict = {}
    n = len(pivot_segs)
    matched: dict[str, dict[int, Segment]] = {}
    inserted: dict[str, dict[int, list[Segment]]] = {}
    for loc in locales:
        if loc == pivot:
            continue
        pairs = align_pair(pivot_segs, documents[loc].segments, extra, features_a=pivot_feats,
                           extra_matrix=extra_matrix, ratios=ratios)
        if extra is not None or extra_matrix is not None:
            pairs = substitutions(pairs, pivot_segs, documents[loc].segments)
        matched[loc] = {}
        inserted[loc] = {}
        last = -1
        for pi, li in pairs:
            if pi is not None:
                last = pi
                if li is not None:
                    matched[loc][pi] = documents[loc].segments[li]
            elif li is not None:
                inserted[loc].setdefault(last, []).append(documents[loc].segments[li])
    rows: list[AlignedRow] = []

    def add_extra_rows(after: int) -> None:
        depth = max((len(inserted[loc].get(after, ())) for loc in inserted), default=0)
        for k in range(depth):
            cells: dict[str, Segment | None] = {loc: None for loc in locales}
            for loc in inserted:
                segs = inserted[loc].get(after, [])
                if k < len(segs):
                    cells[loc] = segs[k]
            rows.append(AlignedRow(len(rows), cells))

    add_extra_rows(-1)
    for pi in range(n):
        cells = {loc: matched[loc].get(pi) for loc in matched}
        cells[pivot] = pivot_segs[pi]
        rows.append(AlignedRow(len(rows), dict(sorted(cells.items()))))
        add_extra_rows(pi)
    return AlignedPage(page, dict(sorted(documents.items())), tuple(rows), reference)
