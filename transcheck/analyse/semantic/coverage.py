"""Whether a paragraph carries a sentence that none of its sentences matches.

A faithful translation often says two source sentences as one (Chinese, Japanese and
Korean translations do it constantly), or one sentence as two: then a source sentence
has no counterpart sentence, yet its meaning is there. :func:`carried` weighs the
evidence that does not depend on where the translation put its sentence boundaries:
the whole paragraph's meaning, its length in each script's own units, and its clauses.
"""

from __future__ import annotations

import math
import re
import statistics
from typing import TYPE_CHECKING

from .similarity import word_units

if TYPE_CHECKING:
    from .engine import PageSemantics

LEAVE_OUT_MISSING = 0.005
"""A sentence is carried only if leaving it out of the witnesses' paragraphs moves them
*away* from this paragraph by at least this much (median paragraph cosine; the
paragraph says it). On real sites a sentence said inside a longer CJK sentence gave
-0.006 to -0.032; sentences really missing +0.004 to +0.06 (one older Spanish paragraph
that says a related sentence: -0.065); the injected drops -0.022 to +0.08, the lab
page's real Japanese omission -0.003."""
CLAUSE_SURE = 0.7
"""... and either the paragraph's length in words (:func:`word_units`) is nearer to the
witnesses' with the sentence than without it, or a run of clauses of one of its
sentences (split at commas, semicolons, colons) matches the sentence at least this
well (median over the witnesses' copies). Said inside a longer Chinese sentence: 0.72
and 0.74 on real sites; the injected drops: at most 0.67, really missing on real sites:
at most 0.53."""

_CLAUSE_END = re.compile(r"(?<=[，、；：])|(?<=[,;:])\s+")


def leave_out_gain(sem: PageSemantics, sents: list[str], i: int, other: list[str]) -> float:
    """How much closer the paragraph ``sents`` without sentence ``i`` reads to the paragraph
    ``other`` than the whole of ``sents`` does (cosines of the joined sentences)."""
    rest, whole, there = " ".join(sents[:i] + sents[i + 1:]), " ".join(sents), " ".join(other)
    return sem.sentence_cosine(rest, there) - sem.sentence_cosine(whole, there)


def clause_spans(sents: list[str]) -> list[str]:
    """Every run of consecutive clauses of each sentence, shorter than the sentence."""
    out = []
    for s in sents:
        cuts = sorted({0, len(s)} | {m.end() for m in _CLAUSE_END.finditer(s)})
        for a in range(len(cuts) - 1):
            for b in range(a + 1, len(cuts)):
                if b - a < len(cuts) - 1 and s[cuts[a]:cuts[b]].strip():
                    out.append(s[cuts[a]:cuts[b]].strip())
    return out


def carried(sem: PageSemantics, here: list[str], x: str, copies: list[tuple[str, list[str], int]]) -> bool:
    """True when the paragraph ``here`` (locale ``x``, as sentences) carries the sentence
    that each witness ``(locale, sentences, index)`` in ``copies`` has and ``here`` has no
    sentence for: leaving it out of the witnesses moves them away from ``here``
    (:data:`LEAVE_OUT_MISSING`), and the length or a clause says it is there
    (:data:`CLAUSE_SURE`)."""
    if statistics.median(leave_out_gain(sem, s, i, here) for _, s, i in copies) > -LEAVE_OUT_MISSING:
        return False
    ratios, shares = [], []
    for loc, s, i in copies:
        whole = max(word_units(" ".join(s), loc), 1e-6)
        ratios.append(word_units(" ".join(here), x) / whole)
        shares.append(min(word_units(s[i], loc) / whole, 0.99))
    ratio, share = statistics.median(ratios), statistics.median(shares)
    if ratio > 0 and abs(math.log(ratio)) < abs(math.log(ratio / (1 - share))):
        return True
    spans = clause_spans(here)
    if not spans:
        return False
    sem.embed_sentences(spans)
    best = sem.sentence_matrix([s[i] for _, s, i in copies], spans).max(axis=1)
    return float(statistics.median(best.tolist())) >= CLAUSE_SURE
