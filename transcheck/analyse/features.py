"""Per-segment features computed once, and the anchor similarity of many pairs at once.

The aligner compares every block of one locale with the blocks of another near the
diagonal: on a long page in many locales that is millions of pairs, and scoring them
one pair at a time in Python dominated the run. Here each document's features are
gathered once into arrays (:class:`DocFeatures`) and a whole block of the similarity
matrix is computed with numpy (:meth:`PairScorer.block`), with the float64 operations
of the former per-pair function in the same order, so every cell has the same value
bit for bit and alignments (and reports) do not change.

The similarity of two blocks: a kind score (1 for the same kind, 0.7 for headings of
different levels, a small value for kinds that can stand for one another) and an
anchor score (weighted multiset Jaccard of code spans, link targets and numbers, the
prose-length ratio and, for table rows, the cell count), blended 35/65; code and HTML
blocks compare their text instead (bounded difflib, :func:`.textdiff.ratio`, computed
once per pair of texts and shared by every locale of the page; two unlabelled blocks of
sentences, :func:`.localized.is_plain_text`, and two Markdown or text examples (``md``,
``text``: translated with the page) by their line counts), MDX components and
admonitions their name (``info``) and links (two cards to other pages: 0.3). A kind mismatch
damps the score, a distance between relative positions lowers it a little, and an
optional extra similarity (embeddings) is averaged in.

Anchor overlaps are computed sparsely, through an inverted index from each anchor to
the segments holding it, so the cost follows the anchors two documents share, not
the product of their lengths.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Callable, Iterable, Sequence

import numpy as np

from ..model import Segment, component_name, same_component
from .links import heading_key, link_key
from .numbers import NUMBER_RE
from .localized import PROSE_INFOS, is_plain_text
from .segmemo import per_segment
from .textdiff import ratio as text_ratio

KEY_WEIGHT = 1.0
"""Weight of a table row's key (first cell) in the anchor score, where both locales use that key."""
HEADING_KEY_WEIGHT = 2.0
"""Weight of a heading's key (its explicit id, else its slug) where both locales use that key,
or where the translation names its headings by the reference's slugs (two such ids or more)."""

WEIGHTS = (1.0, 1.2, 0.6)
"""Weights of the code-span, link-target and number overlaps in the anchor score."""

COMPATIBLE = {frozenset({"paragraph", "list_item"}): 0.5, frozenset({"paragraph", "heading"}): 0.3,
              frozenset({"list_item", "heading"}): 0.2, frozenset({"paragraph", "table_row"}): 0.2,
              frozenset({"code", "html"}): 0.2}
"""Kind score of two different block kinds that can stand for one another."""

KINDS = ("heading", "paragraph", "list_item", "table_row", "code", "html", "front_matter", "component")
_KIND_ID = {k: i for i, k in enumerate(KINDS)}
_HEADING, _CODE, _HTML, _COMPONENT = (_KIND_ID[k] for k in ("heading", "code", "html", "component"))


def kind_id(kind: str) -> int:
    """A small integer for a block kind (unknown kinds get ids past :data:`KINDS`)."""
    if kind not in _KIND_ID:
        _KIND_ID[kind] = len(_KIND_ID)
    return _KIND_ID[kind]


@lru_cache(maxsize=64)
def _kind_table(size: int) -> np.ndarray:  # read-only; ids only grow, so a size fixes the table
    names = sorted(_KIND_ID, key=_KIND_ID.get)
    tab = np.zeros((size, size))
    for a, na in enumerate(names[:size]):
        for b, nb in enumerate(names[:size]):
            tab[a, b] = 1.0 if a == b else COMPATIBLE.get(frozenset((na, nb)), 0.0)
    tab.setflags(write=False)
    return tab


@per_segment
def anchors(seg: Segment) -> tuple[dict, dict, dict]:
    """(code spans, link targets, numbers) of a segment, as anchor -> count dicts.

    Memoised by segment identity for the page (:mod:`.segmemo`): a segment is read by
    the aligner and by the search for moved blocks, against every locale.
    """
    return (_counts(i.text for i in seg.inlines if i.kind == "code"),
            _counts(link_key(i.target) for i in seg.inlines if i.kind in ("link", "image", "autolink")),
            _counts(NUMBER_RE.findall(seg.text)))


def _counts(items: Iterable) -> dict:
    """``dict(Counter(items))`` (same counts, same order), without a Counter per call."""
    out: dict = {}
    for x in items:
        out[x] = out.get(x, 0) + 1
    return out


def _key_id(seg: Segment) -> int:
    """A nonzero checksum of a table row's first cell (2 characters or more) or of a heading's
    :func:`.links.heading_key` (negative for an explicit id), else 0 (a CRC collision can only
    make two keys look alike, as a rare coincidence would)."""
    if seg.kind == "heading":
        key, explicit = heading_key(seg.text)
        return (-1 if explicit else 1) * (zlib.crc32(("#" + key).encode("utf-8")) + 1) if key else 0
    key = seg.cells[0].strip() if seg.kind == "table_row" and len(seg.cells) > 1 else ""
    return zlib.crc32(key.encode("utf-8")) + 1 if len(key) >= 2 else 0


_WIDE_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@lru_cache(maxsize=65536)
def prose_length(prose: str) -> int:
    """Length of ``prose`` in Latin-letter equivalents (spaces aside): a Han, kana or
    Hangul character counts 3, since a sentence in Chinese, Japanese or Korean has about
    a third of the characters of the same sentence in English (``设计时应尽量保持浅平宽的
    信息架构层级`` / ``Keep the information architecture hierarchy shallow…``)."""
    wide = 0 if prose.isascii() else len(_WIDE_RE.findall(prose))
    return max(len(prose) - prose.count(" ") + 2 * wide, 1)


class DocFeatures:
    """What the similarity needs from one document's segments, as arrays.

    ``kind``/``level``/``prose_len``/``ncells``/``keys`` (a row's or heading's key checksum): one per segment;
    ``anchors[t]``: per segment, a dict of anchor -> count for anchor type ``t``, with
    ``totals[t]`` the counts' sums and ``index[t]`` anchor -> [(segment, count)].
    """

    def __init__(self, segments: Sequence[Segment], at_zero: bool = False):
        self.segments = list(segments)
        n = len(self.segments)
        cols = np.array([(kind_id(s.kind), s.level, prose_length(s.prose), len(s.cells), _key_id(s))
                         for s in self.segments], dtype=np.int64).reshape(n, 5)  # one pass over the segments
        self.kind, self.level, self.prose_len, self.ncells, self.keys = (cols[:, c].copy() for c in range(5))
        keys, heading = self.keys.tolist(), _HEADING
        self.key_set = {abs(k) for k in keys if k}  # the keys used (absolute values)
        twice: dict[int, int] = {}
        for k, kind in zip(keys, self.kind.tolist()):
            if k and kind == heading:
                twice[abs(k)] = twice.get(abs(k), 0) + 1
        self.repeated_keys = {k for k, c in twice.items() if c > 1}
        """Heading keys two headings of the document share (``### Head`` and ``#### `Head```): no anchor."""
        per_seg = [anchors(s) for s in self.segments]
        self.anchors = [[a[t] for a in per_seg] for t in range(3)]
        self.totals = [np.fromiter((sum(d.values()) for d in self.anchors[t]), dtype=np.int64, count=n)
                       for t in range(3)]
        self.index: list[dict[str, list[tuple[int, int]]]] = []
        for t in range(3):
            idx: dict[str, list[tuple[int, int]]] = {}
            for i, d in enumerate(self.anchors[t]):
                for k, v in d.items():
                    idx.setdefault(k, []).append((i, v))
            self.index.append(idx)
        self.positions = np.zeros(n) if at_zero else np.arange(n) / max(n - 1, 1)
        """Relative position of each segment in its document (all 0 with ``at_zero``)."""

    def __len__(self) -> int:
        return len(self.segments)


ExtraMatrix = Callable[[Sequence[Segment], Sequence[Segment]], np.ndarray]
"""``(segments a, segments b) -> len(a) x len(b)`` array of extra similarities, NaN for none."""


KEEP_CELLS = 4_000_000
"""Most cells a :class:`PairScorer` keeps for :meth:`PairScorer.cell` (32 MB of scores)."""


class PairScorer:
    """Scores blocks of the similarity matrix of two documents (see the module docstring).

    ``ratios`` caches code/HTML text ratios by text pair; pass one dict to every scorer
    of a page so a pair of code blocks is compared once for all locales.
    """

    def __init__(self, a: DocFeatures, b: DocFeatures, extra: ExtraMatrix | None = None,
                 ratios: dict | None = None):
        self.a, self.b, self.extra = a, b, extra
        self.ratios = ratios if ratios is not None else {}
        self.shared_keys: np.ndarray | None = None
        size = max(len(_KIND_ID), 1)
        self._kinds = _kind_table(size)
        self._kept: list[tuple[int, int, int, int, np.ndarray]] = []
        """Blocks of :meth:`kept_block`, in row order: (i0, i1, j0, j1, scores)."""
        self._kept_cells = 0

    def _share_keys(self) -> None:
        """The keys both documents use, and whether one names its headings by the other's
        slugs (``by_ids``: two explicit heading ids or more that are keys of the other)."""
        a, b = self.a, self.b
        shared = (a.key_set & b.key_set) - a.repeated_keys - b.repeated_keys
        self.shared_keys = np.array(sorted(shared), dtype=np.int64)
        self.by_ids = sum(1 for f in (a, b) for k in f.keys.tolist() if k < 0 and -k in shared) >= 2

    def _inter(self, t: int, i0: int, i1: int, j0: int, j1: int) -> np.ndarray:
        """Multiset intersection sizes of anchor type ``t`` for the block."""
        out = np.zeros((i1 - i0, j1 - j0), dtype=np.int64)
        idx_b = self.b.index[t]
        if not idx_b:
            return out
        for i in range(i0, i1):
            for key, c in self.a.anchors[t][i].items():
                entries = idx_b.get(key)
                if not entries:
                    continue
                # entries are in segment order: only those in [j0, j1)
                k = bisect_left(entries, (j0, -1))
                while k < len(entries) and entries[k][0] < j1:
                    j, d = entries[k]
                    out[i - i0, j - j0] += c if c < d else d
                    k += 1
        return out

    def block(self, i0: int, i1: int, j0: int, j1: int) -> np.ndarray:
        """Similarities of segments ``a[i0:i1]`` x ``b[j0:j1]`` (float64; see the module docstring)."""
        a, b = self.a, self.b
        ka = a.kind[i0:i1, None]
        kb = b.kind[None, j0:j1]
        same = ka == kb
        ks = self._kinds[ka, kb]
        heading_lv = same & (ka == _HEADING) & (a.level[i0:i1, None] != b.level[None, j0:j1])
        ks = np.where(heading_lv, 0.7, ks)
        shape = ks.shape
        num = np.zeros(shape)
        den = np.zeros(shape)
        for t, w in enumerate(WEIGHTS):
            sa = a.totals[t][i0:i1, None]
            sb = b.totals[t][None, j0:j1]
            mask = (sa > 0) | (sb > 0)
            if not mask.any():
                continue
            inter = self._inter(t, i0, i1, j0, j1)
            union = sa + sb - inter
            both = (sa > 0) & (sb > 0)
            with np.errstate(divide="ignore", invalid="ignore"):
                jac = np.where(both, inter / np.where(union > 0, union, 1), 0.0)
            np.add(num, jac * w, out=num, where=mask)  # in place: the same sums where mask holds
            np.add(den, w, out=den, where=mask)
        la = a.prose_len[i0:i1, None]
        lb = b.prose_len[None, j0:j1]
        rat = np.minimum(la, lb) / np.maximum(la, lb)
        num = num + np.minimum(1.0, rat * 1.6) * 0.5
        den = den + 0.5
        ca = a.ncells[i0:i1, None]
        cb = b.ncells[None, j0:j1]
        cells = (ca > 0) | (cb > 0)
        np.add(num, np.where(ca == cb, 1.0, 0.3) * 0.8, out=num, where=cells)
        np.add(den, 0.8, out=den, where=cells)
        if self.shared_keys is None:
            self._share_keys()
        if len(self.shared_keys):  # key cells both locales use are anchors; translated ones say nothing
            ka_ = np.abs(a.keys[i0:i1, None])
            kb_ = np.abs(b.keys[None, j0:j1])
            held = np.isin(ka_, self.shared_keys) | np.isin(kb_, self.shared_keys)
            if self.by_ids:  # a heading id unlike the reference heading's slug: another heading
                held |= (ka_ != 0) & (kb_ != 0) & ((a.keys[i0:i1, None] < 0) | (b.keys[None, j0:j1] < 0))
            w = np.where(ka == _HEADING, HEADING_KEY_WEIGHT, KEY_WEIGHT)
            np.add(num, w, out=num, where=held & (ka_ == kb_))
            np.add(den, w, out=den, where=held)
        score = 0.35 * ks + 0.65 * (num / den)
        for kid, base, share in ((_CODE, 0.3, 0.7), (_HTML, 0.4, 0.6)):
            where = same & (ka == kid)
            if where.any():
                for ii, jj in zip(*np.nonzero(where)):
                    sa, sb = a.segments[i0 + ii], b.segments[j0 + jj]
                    r = self.text_ratio(sa.text, sb.text)
                    if kid == _CODE and r < 0.6 and (sa.info.lower() in PROSE_INFOS and sa.info == sb.info or (
                            not sa.info and not sb.info and is_plain_text(sa.text) and is_plain_text(sb.text))):
                        r = max(r, 0.8 * min(sa.text.count("\n") + 1, sb.text.count("\n") + 1)
                                / max(sa.text.count("\n") + 1, sb.text.count("\n") + 1))
                    score[ii, jj] = base + share * r
        where = same & (ka == _COMPONENT)
        for ii, jj in zip(*np.nonzero(where)):  # components: the same kind; the same name, another kind;
            ia, ib, la, lb = a.segments[i0 + ii].info, b.segments[j0 + jj].info, a.anchors[1][i0 + ii], b.anchors[1][j0 + jj]
            score[ii, jj] = 0.3 if la and lb and not la.keys() & lb.keys() else 0.9 if same_component(ia, ib) else (
                0.7 if component_name(ia) == component_name(ib) else 0.3)  # links to other pages: another card
        score = np.where(same, score, score * (0.4 + 0.6 * ks))
        pa = a.positions[i0:i1, None]
        pb = b.positions[None, j0:j1]
        score = score * (1.0 - 0.35 * np.minimum(1.0, np.abs(pa - pb) * 2.5))
        if self.extra is not None:
            e = self.extra(a.segments[i0:i1], b.segments[j0:j1])
            score = np.where(np.isnan(e), score, 0.5 * score + 0.5 * e)
        return np.maximum(0.0, np.minimum(1.0, score))

    def kept_block(self, i0: int, i1: int, j0: int, j1: int) -> np.ndarray:
        """:meth:`block`, kept for :meth:`cell` (blocks asked for in row order, rows not overlapping)."""
        out = self.block(i0, i1, j0, j1)
        self._kept_cells += out.size
        if self._kept_cells <= KEEP_CELLS:
            self._kept.append((i0, i1, j0, j1, out))
        return out

    def cell(self, i: int, j: int) -> float:
        """Similarity of ``a[i]`` and ``b[j]``: read from a kept block that holds it (every
        cell is computed on its own, so it is the same value), else a block of one cell."""
        k = bisect_right(self._kept, i, key=lambda kb: kb[0]) - 1
        if k >= 0:
            i0, i1, j0, j1, scores = self._kept[k]
            if i < i1 and j0 <= j < j1:
                return float(scores[i - i0, j - j0])
        return float(self.block(i, i + 1, j, j + 1)[0, 0])

    def text_ratio(self, x: str, y: str) -> float:
        """Bounded difflib ratio of two code/HTML texts, cached by text pair."""
        key = (x, y)
        r = self.ratios.get(key)
        if r is None:
            r = self.ratios[key] = text_ratio(x, y)
        return r


def best_similarity(segments: Sequence[Segment], groups: Sequence[Sequence[Segment]],
                    ratios: dict | None = None) -> np.ndarray:
    """``len(segments) x len(groups)``: the best similarity (positions ignored) of each
    segment to any segment of each group (-1 for an empty group), as ``max(segment_similarity(...))``."""
    out = np.full((len(segments), len(groups)), -1.0)
    flat = [s for g in groups for s in g]
    if not segments or not flat:
        return out
    scorer = PairScorer(DocFeatures(segments, at_zero=True), DocFeatures(flat, at_zero=True), ratios=ratios)
    sim = scorer.block(0, len(segments), 0, len(flat))
    start = 0
    for gi, g in enumerate(groups):
        if g:
            out[:, gi] = sim[:, start:start + len(g)].max(axis=1)
        start += len(g)
    return out


def per_pair_extra(fn: Callable[[Segment, Segment], "float | None"]) -> ExtraMatrix:
    """Wrap a per-pair ``extra(a, b) -> float | None`` as an :data:`ExtraMatrix`."""
    if hasattr(fn, "matrix"):
        return fn.matrix  # type: ignore[attr-defined]

    def matrix(sa: Sequence[Segment], sb: Sequence[Segment]) -> np.ndarray:
        out = np.full((len(sa), len(sb)), np.nan)
        for i, x in enumerate(sa):
            for j, y in enumerate(sb):
                v = fn(x, y)
                if v is not None:
                    out[i, j] = v
        return out

    return matrix
