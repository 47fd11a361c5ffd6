"""A segment whose meaning differs from the same segment in the other locales.

Every aligned prose segment is embedded with a multilingual sentence encoder (see
``--model``). A locale's segment drifts when its agreement with the others is far
below how well the others agree with each other on the same segment: its
leave-one-out mean cosine (or its cosine to the reference) is under
``semantic_drift_ratio`` (default 0.6) times the others' median pairwise cosine (or
the other translations' median cosine to the reference), and at least
``semantic_drift_margin`` (default 0.25) below it, while the others agree (median at
least ``semantic_drift_agreement``, default 0.5). A paragraph replaced by another, the
wrong paragraph pasted, or a heavy mistranslation is found; a faithful translation in
a distant language is not, because the yardstick is the others' own agreement on that
very segment, not a fixed cut-off. A paragraph pasted from elsewhere on the same page
shares the page's topic, so it can keep more similarity: under
``semantic_drift_elsewhere_ratio`` (0.8) of the others' agreement, it drifts when it
matches another row of the page clearly better (by 0.15) than its own, and the finding
names that block. A segment must also score at least 0.15 under the median of its own
locale's other segments (a copy the model embeds less well overall is not drifting),
and must not stand out from its similarity to the page's other rows: a faithful
translation is closer to its own row than to the rest of the page even when the model
embeds its language poorly (short Traditional Chinese sentences score 0.33-0.5 against
English where the other translations score 0.8, yet 2-7 standard deviations above
their similarity to the other rows), while a paragraph that says something else is not.
The few Traditional Chinese sentences the model scores about 0.25 against English stand
out against the Simplified Chinese page instead: the test is also made against a sibling
locale of the same language whose own segment stands out. Pages of 3-4 other rows need a
larger deviation.
A segment that reads like a block up to two rows away, whose own segment in this
locale does not read like its row either, is aligned one row off (a block added or
dropped nearby, for the structural rules), not drifting. A paragraph that is only an
image showing the same image as the reference's is a figure: its alt text is not judged.
Segments under about five words, and segments aligned across block kinds, are not
judged; nor are locales whose language the model does not know. Needs three locales,
or a reference and two translations. Skipped with ``--no-semantic``.
"""

from __future__ import annotations

import math
import statistics
import sys
from typing import Iterator

import numpy as np

from ..model import AlignedPage, Example, Finding
from ..analyse.semantic.similarity import row_consensus, weight
from ..locales import base_language
from .base import Option, RuleContext, make_finding, option, shorten

ID = "semantic-drift"
CATEGORY = "semantic-drift"
SEVERITY = "warning"
WHY = ("A paragraph that means something else than in the other locales (a wrong paste, a "
       "mistranslation) is invisible to structural checks.")
"""Why it matters (shown by ``transcheck explain``)."""
NEEDS_SEMANTIC = True
CONF = (
    Option("semantic_drift_ratio", 0.6, "a segment drifts when its agreement with the others is under "
           "this share of how well the others agree with each other"),
    Option("semantic_drift_margin", 0.25, "... and at least this far below it (cosine)"),
    Option("semantic_drift_agreement", 0.5, "the others must agree at least this much (median cosine)"),
    Option("semantic_drift_elsewhere_ratio", 0.8, "a segment under this share of the others' agreement "
           "also drifts when it matches another row of the page clearly better than its own"),
)

BELOW_TYPICAL = 0.15
"""A drifted segment also scores at least this much under its locale's median segment
score on the page (on a real site, faithful Traditional Chinese pages score 0.4-0.5
against English on every segment, while other translations score 0.8)."""

ELSEWHERE_MARGIN = 0.15
"""How much better another row must match (consensus cosine) to count as the source of
a pasted segment; also the least gap to the others' agreement for any finding."""

MIN_WEIGHT = 30
"""Segments shorter than this (English-equivalent characters, about five words) are too
short to judge: short headings are translated idiomatically and their embeddings are noisy
(on a real 16-locale glossary, headings such as «Quelle en est l'utilité» scored 0.6 of
the others' agreement)."""

STANDS_OUT = 1.6
"""A segment whose similarity to its own row is this many standard deviations above its
similarity to the page's other rows is a translation of that row, however low the cosine:
on real faithful translations (bench/semantic_real.py: 3,077 segments of 30 characters
or more) every segment stood at least 1.76 above; injected paragraphs of another section
or place (bench/semantic_faults.py, 80 variants) at most 1.50."""

SD_FLOOR = 0.05
"""Least standard deviation of the other rows' similarities (a page of near-identical rows)."""

MIN_ROWS = 5
"""With fewer other rows than this, a segment must stand out by more (x sqrt(MIN_ROWS / rows)):
the spread of a handful of similarities is a rough estimate..."""

FEW_ROWS = 3
"""... and with fewer than this, the page is too small to tell how a segment relates to it."""

SHIFT = 2
"""How far (rows) a block may be from the row the aligner gave it and count as shifted."""

EXAMPLES = (
    Example("faithful translations", {
        "de": "Die Katze schläft den ganzen Nachmittag auf dem warmen Sofa im Wohnzimmer.\n",
        "fr": "Le chat dort tout l'après-midi sur le canapé chaud du salon.\n",
        "pt": "O gato dorme a tarde inteira no sofá quente da sala.\n",
    }, fails=False),
    Example("a paragraph replaced by an unrelated one", {
        "de": "Die Katze schläft den ganzen Nachmittag auf dem warmen Sofa im Wohnzimmer.\n",
        "fr": "Le chat dort tout l'après-midi sur le canapé chaud du salon.\n",
        "pt": "O relatório trimestral de impostos deve ser entregue na sexta-feira.\n",
    }, fails=True),
)


def _typical(sem, row: int, locale: str) -> float:
    """The locale's median segment score on the rest of the page: its own yardstick
    (1.0 when it has no other scored segment). A whole copy scoring lower than the
    others (a language the model embeds less well, such as Traditional Chinese against
    English) is not drift; one segment far under the rest of its copy is."""
    rest = [v for (r, loc), v in sem.scores.items() if loc == locale and r != row]
    return statistics.median(rest) if rest else 1.0


def _standing(sem, page: AlignedPage, row, v, locale: str, column: str | None) -> np.ndarray:
    """``v``'s similarity to each other row of the page: to ``column``'s segment there, or
    (``column`` None) the consensus over the other locales' segments (rows with two)."""
    vectors = sem.page_vectors(page)
    cos = vectors.cosines(v, without=locale)
    others = np.array([other.index != row.index for other in page.rows], dtype=bool)
    if column is not None:
        sims = cos[:, vectors.locales[column]]
        return sims[others & ~np.isnan(sims)]
    sims, count = row_consensus(cos)
    return sims[others & (count >= 2)]


def _z_above(own: float, sims: np.ndarray) -> bool:
    """True when ``own`` is :data:`STANDS_OUT` standard deviations above ``sims`` (more on a
    page of fewer than :data:`MIN_ROWS` other rows, none under :data:`FEW_ROWS`)."""
    if len(sims) < FEW_ROWS:
        return False
    need = STANDS_OUT * math.sqrt(MIN_ROWS / min(len(sims), MIN_ROWS))
    return (own - float(sims.mean())) / max(float(sims.std()), SD_FLOOR) >= need


def _siblings(sem, page: AlignedPage, row, locale: str, ref: str | None) -> list[str]:
    """Other locales of ``locale``'s language (zh and zh-Hant, pt and pt-BR) whose segment of
    this row is a translation of it: it stands out of the page itself."""
    out = []
    for lc, seg in sorted(row.present().items()):
        u, score = sem.vector(seg), sem.scores.get((row.index, lc))
        if lc != locale and base_language(lc) == base_language(locale) and u is not None \
                and score is not None and _z_above(score, _standing(sem, page, row, u, lc, ref)):
            out.append(lc)
    return out


def stands_out(sem, page: AlignedPage, row, locale: str, own: float) -> bool:
    """True when the locale's segment of ``row`` is clearly closer to its own row (``own``)
    than to the page's other rows: :data:`STANDS_OUT` standard deviations above its mean
    similarity to them (cosine to the reference's segment, or without a reference the
    consensus over the other locales, as ``own`` is measured); or so against a sibling
    locale of the same language (Traditional against Simplified Chinese), which the model
    embeds alike where it embeds one of them poorly against the reference's language."""
    v = sem.vector(row.cells.get(locale))
    if v is None:
        return False
    ref = sem.reference if sem.reference in sem.raw.get(row.index, {}) else None
    if _z_above(own, _standing(sem, page, row, v, locale, ref)):
        return True
    for lc in _siblings(sem, page, row, locale, ref):
        if _z_above(float(v @ sem.vector(row.cells[lc])), _standing(sem, page, row, v, locale, lc)):
            return True
    return False


def _shifted(sem, row, locale: str, own: float, best: tuple[int, float] | None) -> bool:
    """True when the segment reads like a block up to :data:`SHIFT` rows away whose own
    segment in this locale does not (it scores under the locale's typical score there, or
    is missing): the locale's blocks are aligned one row off here (a block added or
    dropped nearby, which the structural rules report), not a change of meaning. A
    paragraph pasted twice keeps its original in place, so it is still reported."""
    if best is None or abs(best[0] - row.index) > SHIFT or best[1] < own + ELSEWHERE_MARGIN:
        return False
    there = sem.scores.get((best[0], locale))
    return there is None or there < _typical(sem, best[0], locale) - BELOW_TYPICAL


def _same_figure(seg, other) -> bool:
    """True when ``seg`` is only images (its text is their alt text) whose sources ``other``
    shows too: a figure, whose alt text is a caption, not a paragraph to judge (a faithful
    Russian alt text scored 0.47 where untranslated copies raised the others' agreement)."""
    images = seg.inlines_of("image")
    text = seg.text
    for image in images:
        text = text.replace(image.text, " ", 1)
    shown = {i.target for i in other.inlines_of("image")}
    return bool(images) and not text.strip() and all(i.target in shown for i in images)


def _sample(sem, present: dict, loc: str) -> str:
    """The locale whose text to quote as expected: the reference, else the one closest
    to the others (among the locales the model scored)."""
    if sem.reference in present and sem.vector(present[sem.reference]) is not None:
        return sem.reference
    scored = [lc for lc in present if lc != loc and sem.vector(present[lc]) is not None]
    return max(scored, key=lambda lc: (sum(sem.cosine(present[lc], present[o]) or 0.0
                                           for o in scored if o != lc), lc))


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding for each prose segment far less similar to the others than they are
    to each other, or that reads like another row of the page."""
    sem = ctx.facts.semantics
    if sem is None:
        return
    rule = sys.modules[__name__]
    ratio = option(ctx, CONF, "semantic_drift_ratio")
    margin = option(ctx, CONF, "semantic_drift_margin")
    min_agree = option(ctx, CONF, "semantic_drift_agreement")
    moved_ratio = option(ctx, CONF, "semantic_drift_elsewhere_ratio")
    for row in page.rows:
        present = row.present()
        for loc, seg in present.items():
            got = sem.agreement(row, loc)
            if got is None or weight(seg.prose, loc) < MIN_WEIGHT:
                continue
            if sum(s.kind == seg.kind for s in present.values()) * 2 <= len(present):
                continue  # aligned across block kinds: structure drift, not meaning
            own, others = got
            if others < min_agree or others - own < ELSEWHERE_MARGIN:
                continue
            if own > _typical(sem, row.index, loc) - BELOW_TYPICAL or stands_out(sem, page, row, loc, own):
                continue
            elsewhere = None
            sample_loc = _sample(sem, present, loc)
            if _same_figure(seg, present[sample_loc]):
                continue
            if own >= ratio * others or others - own < margin:
                best = sem.best_elsewhere(page, row, loc) if own < moved_ratio * others else None
                if best is None or best[1] < own + ELSEWHERE_MARGIN:
                    continue
                elsewhere = best
            if _shifted(sem, row, loc, own, elsewhere or sem.best_elsewhere(page, row, loc)):
                continue
            basis = "reference" if sample_loc == sem.reference else "majority"
            who = f"the reference {sem.reference}" if basis == "reference" else "the other locales"
            msg = (f"{seg.kind.replace('_', ' ')} means something else than in {who}: similarity "
                   f"{own:.2f}, while the others agree at {others:.2f}")
            if elsewhere is not None:
                there = page.rows[elsewhere[0]].present()
                lc = sample_loc if sample_loc in there else min(there)
                msg += (f"; it reads like the block at {lc} line {there[lc].line} "
                        f"({elsewhere[1]:.2f}): pasted from another place?")
            yield make_finding(rule, page, loc, seg, msg,
                               expected=f"{sample_loc}: {shorten(present[sample_loc].text, 160)}",
                               actual=shorten(seg.text, 160), basis=basis, row=row,
                               key=(seg.kind, " ".join(seg.text.split())[:200]))
