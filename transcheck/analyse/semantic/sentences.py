"""Sentences: splitting prose into sentences, and the sentences one locale lacks or alone has.

:func:`sentence_gaps` is the analysis behind the ``missing-sentence`` and
``extra-sentence`` rules; the page analysis (:mod:`transcheck.analyse.facts`) runs it
once per page and stores the gaps in :class:`~transcheck.model.PageFacts`.
"""

from __future__ import annotations

import math
import re
import statistics
from typing import TYPE_CHECKING

import numpy as np

from ...model import AlignedPage, AlignedRow, SentenceGap
from .coverage import carried, leave_out_gain
from .similarity import align_by_similarity, normalised_length_ratio, text_length, weight

if TYPE_CHECKING:
    from .engine import PageSemantics


_ABBREV = frozenset("""z b d h u a ca bzw usw etc e g i vs cf ex nr dr mr mrs ms st p s
v vgl ggf evtl inkl exkl max min approx env resp cad env mme""".split())
_END = re.compile(r"[.!?…]+[\"'»”’)\]]*\s+|[。！？]+[」』）)]*\s*")


def _normalised(text: str, prose: str | None) -> tuple[str, list[bool]]:
    """``text`` with whitespace collapsed, and for each of its characters whether it starts
    a code span (``prose``, the same text with code spans blanked, marks them; offsets of
    ``text`` and ``prose`` are the same in paragraphs and list items)."""
    code = prose is not None and len(prose) == len(text)
    out, starts, prev_code = [], [], False
    for i, ch in enumerate(text):
        in_code = code and prose[i].isspace() and not ch.isspace()
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                starts.append(False)
        else:
            out.append(ch)
            starts.append(in_code and not prev_code)
        prev_code = in_code
    while out and out[-1] == " ":
        out.pop()
        starts.pop()
    return "".join(out), starts


def split_sentences(text: str, prose: str | None = None) -> list[str]:
    """Split prose into sentences: after ``. ! ?`` and a space (not after abbreviations
    such as ``z. B.``/``e.g.``/``ca.`` nor before a lowercase letter or digit, unless that
    starts a code span: pass the segment's ``prose`` to know them), and after ``。！？``
    (CJK, no space needed). Whitespace is collapsed."""
    text, code_start = _normalised(text, prose)
    out, start = [], 0
    for m in _END.finditer(text):
        end = m.end()
        if end >= len(text):
            break
        nxt, punct = text[end], m.group()[0]
        if punct in ".!?…":
            if (nxt.islower() or nxt.isdigit()) and not code_start[end]:
                continue
            prev = re.search(r"(\w+)$", text[start:m.start()])
            word = prev.group(1).lower() if prev else ""
            if punct == "." and (word in _ABBREV or (len(word) == 1 and word.isalpha())):
                continue
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = end
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


GAP_PENALTY = 0.3
"""Sentence alignment gap cost: sentences pair when their cosine exceeds 0.4."""
SURE = 0.75
"""An unaligned sentence whose best cosine to a sentence of the other paragraph reaches
this has a counterpart there (reworded or split), whatever else that sentence matches."""
TAKEN = 0.15
"""Below :data:`SURE`, a sentence still counts as having a counterpart unless its best
match there is aligned to another sentence that matches it this much better. Sentences
of one paragraph share a topic (their cosines reach 0.5-0.6), so no fixed cut-off
separates a dropped sentence from a reworded one; being outbid by the true pair does."""
MERGE_GAIN = 0.03
"""Appending a sentence to its aligned neighbour raises that pair's cosine by this much:
the other locale merged the two sentences (nothing missing)..."""
MERGE_GAIN_SHORT = 0.1
"""... or by this much when the paragraph is short for its language (length ratio
under :data:`SHORT`): a shorter paragraph needs clearer evidence of a merge."""
SHORT = 0.9
MERGE_SPAN = 2
"""The merge test is also made with the sentence that outbid it for its best match, up to
this many sentences away (with those between): a Chinese or Japanese translation often
says two or three sentences as one..."""
MERGE_GAIN_SPAN = 0.06
"""... and joining them must raise that pair's cosine by this much. On real sites it rose
by 0.06-0.2 where the sentence was there and fell (by 0.02-0.3) for every sentence really
missing; on the injected drops one witness of four reached 0.085, outvoted by the others."""
COUNTERPART = 0.5
"""Minimum cosine for two witnesses' sentences to count as the same sentence."""
MIN_WEIGHT = 12
"""Sentences shorter than this (English-equivalent characters) are not reported."""
LEAVE_OUT = 0.005
"""An extra sentence must be one the others' paragraphs do not carry: without it, this
locale's paragraph reads closer to theirs (paragraph cosine up by at least this, median
over the locales that lack it). A clause the translation split off a source sentence, or
a reworded one, does not (real sites: -0.05 to 0.001); an added sentence does (0.01-0.04
on the injected faults, 0.01-0.11 on real additions)."""
NEARBY = 2
"""A sentence missing from a paragraph but found in this locale's blocks up to this many
rows before or after it was moved by a paragraph split, not dropped (real translations
often cut one long source paragraph into two or three)."""


def _unmatched(sem: PageSemantics, a: list[str], b: list[str],
               gain: float = MERGE_GAIN) -> dict[int, tuple[float, int | None]]:
    """Sentences of ``a`` with no counterpart in ``b``: index -> (best cosine, neighbour in b).

    A sentence has none when the sentence alignment leaves it unpaired, its best match
    in ``b`` is under :data:`SURE` and taken by a clearly better partner (:data:`TAKEN`),
    and appending it to an aligned neighbour does not raise that pair's cosine by
    ``gain``, nor joining it to that partner (:data:`MERGE_SPAN`) by :data:`MERGE_GAIN_SPAN`.
    """
    sim = sem.sentence_matrix(a, b)
    pairs = align_by_similarity(sim, GAP_PENALTY)
    match = {i: j for i, j in pairs if i is not None and j is not None}
    owner = {j: i for i, j in match.items()}
    out: dict[int, tuple[float, int | None]] = {}
    lone = []
    for i, j in pairs:
        if i is None or j is not None:
            continue
        k = int(np.argmax(sim[i])) if sim.shape[1] else -1
        best = float(sim[i, k]) if k >= 0 else 0.0
        if best >= SURE or (k >= 0 and (k not in owner or sim[owner[k], k] < best + TAKEN)):
            continue
        lone.append((i, best, k))
    # the merged texts the loop below may compare, embedded in one call
    sem.embed_sentences((a[n] + " " + a[i]) if n < i else (a[i] + " " + a[n])
                        for i, _, _ in lone for n in (i - 1, i + 1) if n in match)
    for i, best, k in lone:  # k: the sentence of b that its best match is
        neigh, merged = None, False
        for n in (i - 1, i + 1):  # the counterpart in b of a neighbouring sentence: merged there?
            if n in match:
                neigh = match[n]
                joined = (a[n] + " " + a[i]) if n < i else (a[i] + " " + a[n])
                if sem.sentence_cosine(joined, b[neigh]) >= sim[n, neigh] + gain:
                    merged = True
                    break
        o = owner.get(k)
        if not merged and o is not None and abs(o - i) <= MERGE_SPAN:
            # the sentence that outbid it, with the sentences between: one sentence of b?
            merged = sem.sentence_cosine(" ".join(a[min(i, o):max(i, o) + 1]), b[k]) >= sim[o, k] + MERGE_GAIN_SPAN
        if not merged:
            out[i] = (best, neigh)
    return out


def _split_row(sem: PageSemantics, row: AlignedRow) -> tuple[dict, dict[str, list[str]]]:
    """A row's embedded paragraphs and list items by locale, and their sentences (empty
    when fewer than two locales have one or every locale has as many sentences)."""
    cells = {loc: seg for loc, seg in row.present().items()
             if seg.kind in ("paragraph", "list_item") and sem.vector(seg) is not None}
    if len(cells) < 2:
        return cells, {}
    sents = {loc: split_sentences(seg.text, seg.prose) for loc, seg in cells.items()}
    return cells, sents if len({len(s) for s in sents.values()}) > 1 else {}


def embed_page_sentences(sem: PageSemantics, page: AlignedPage) -> None:
    """Embed, in one batched call, the sentences :func:`sentence_gaps` compares on a page:
    those of the rows whose locales do not all have as many sentences (no other row's)."""
    sem.embed_sentences(t for row in page.rows for s in _split_row(sem, row)[1].values() for t in s)


def sentence_gaps(sem: PageSemantics, page: AlignedPage, row: AlignedRow,
                  extra: bool = False) -> list[SentenceGap]:
    """Sentences one locale lacks (``extra=False``) or alone has (``extra=True``) in a row.

    Each paragraph is split into sentences and aligned (by sentence embeddings) to the
    same paragraph of every other locale. A sentence is missing in locale X when it
    has no counterpart in X (:func:`_unmatched`) for the reference (when there is one)
    or for a strict majority (at least two) of the other locales, whose copies of it
    agree (:data:`COUNTERPART`). The length ratio (corrected for language expansion)
    vetoes a gap when it contradicts it: X over 1.25 for a missing sentence; for an
    extra one, X not longer than expected, or (under 1.1) not closer to the expected
    length without the sentence, or (above) left under 0.8 without it. An extra sentence
    must also leave X's paragraph closer to the others' without it (:data:`LEAVE_OUT`).
    Rows where every locale has as many sentences are skipped.
    """
    cells, sents = _split_row(sem, row)
    if not sents:
        return []
    sem.embed_sentences(t for s in sents.values() for t in s)
    ref = page.reference if page.reference in cells else None
    out: list[SentenceGap] = []
    for x in sorted(cells):
        if x == ref:
            continue
        witnesses = sorted(w for w in cells if w != x)
        if ref is None and len(witnesses) < 2:
            continue
        ratios = [normalised_length_ratio(cells[w].prose, w, cells[x].prose, x) for w in witnesses]
        ratio = statistics.median(ratios)
        if extra:
            out.extend(_extra_in(sem, row, x, witnesses, sents, ref, ratio))
        else:
            out.extend(g for g in _missing_in(sem, row, x, witnesses, sents, ref, ratio)
                       if not _nearby(sem, page, row, x, g))
    return out


def _nearby(sem: PageSemantics, page: AlignedPage, row: AlignedRow, x: str, gap: SentenceGap) -> bool:
    """True when ``gap``'s sentence has a counterpart in a block of ``x`` that the others
    lack (no reference block; without a reference, at most one other locale's), within
    :data:`NEARBY` rows of ``row``, as close as the witnesses' copies are to each other
    less :data:`TAKEN` (or at least :data:`SURE`): the paragraph was split there."""
    near = []
    for i in range(max(0, row.index - NEARBY), min(len(page.rows), row.index + NEARBY + 1)):
        cells = page.rows[i].present()
        alone = page.reference not in cells if page.reference else len(cells) <= 2
        if i != row.index and x in cells and alone:
            near.append(cells[x])
    texts = [t for seg in near if seg is not None and sem.vector(seg) is not None
             for t in split_sentences(seg.text, seg.prose)]
    if not texts:
        return False
    sem.embed_sentences(texts + [gap.sentence])
    best = float(sem.sentence_matrix([gap.sentence], texts).max())
    return best >= min(SURE, gap.agreement - TAKEN)


def _needed(witnesses: list[str], ref: str | None) -> int:
    return 1 if ref is not None else max(2, len(witnesses) // 2 + 1)


def _missing_in(sem, row, x, witnesses, sents, ref, ratio) -> list[SentenceGap]:
    if ratio > 1.25 or not sents[x]:
        return []
    cells = row.present()
    gaps = {w: _unmatched(sem, sents[w], sents[x], MERGE_GAIN if normalised_length_ratio(
        cells[w].prose, w, cells[x].prose, x) >= SHORT else MERGE_GAIN_SHORT) for w in witnesses}
    order = ([ref] if ref else []) + [w for w in witnesses if w != ref]
    used: set[tuple[str, int]] = set()
    found = []
    for w in order:
        for i in sorted(gaps[w]):
            if (w, i) in used or weight(sents[w][i], w) < MIN_WEIGHT:
                continue
            support, agree, copies = [w], [], [(w, i)]
            for z in witnesses:
                if z == w:
                    continue
                sim = sem.sentence_matrix([sents[w][i]], sents[z])[0]
                k = int(np.argmax(sim))
                if sim[k] >= COUNTERPART and k in gaps[z] and (z, k) not in used:
                    support.append(z)
                    agree.append(float(sim[k]))
                    copies.append((z, k))
            if ref is not None and ref not in support:
                continue
            if len(support) < _needed(witnesses, ref):
                continue
            if carried(sem, sents[x], x, [(z, sents[z], k) for z, k in copies]):
                continue  # said inside another sentence here (two sentences as one)
            used.update(copies)
            found.append(SentenceGap(row.index, x, sents[w][i], w, tuple(sorted(support)),
                                     round(max(gaps[w][i][0], 0.0), 4),
                                     round(statistics.median(agree), 4) if agree else 1.0,
                                     round(ratio, 4)))
    return found


def _extra_in(sem, row, x, witnesses, sents, ref, ratio) -> list[SentenceGap]:
    if ratio < 1.0:
        return []
    gaps = {w: _unmatched(sem, sents[x], sents[w]) for w in witnesses}
    found = []
    for i, s in enumerate(sents[x]):
        if weight(s, x) < MIN_WEIGHT:
            continue
        lacking = [w for w in witnesses if i in gaps[w]]
        if ref is not None and ref not in lacking:
            continue
        if len(lacking) < _needed(witnesses, ref):
            continue
        # without this sentence the paragraph must fit the expected length
        share = text_length(s) / max(text_length(" ".join(sents[x])), 1)
        without = ratio * (1 - share)
        if without < 0.8 or (ratio < 1.1 and abs(math.log(max(without, 1e-6))) >= abs(math.log(ratio))):
            continue
        if statistics.median(leave_out_gain(sem, sents[x], i, sents[w]) for w in lacking) < LEAVE_OUT:
            continue
        cov = max(gaps[w][i][0] for w in lacking)
        found.append(SentenceGap(row.index, x, s, x, tuple(lacking), round(max(cov, 0.0), 4),
                                 1.0, round(ratio, 4)))
    return found
