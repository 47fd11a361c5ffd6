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
very segment, not a fixed cut-off. Needs three locales, or a reference and two
translations. Skipped with ``--no-semantic``.
"""

from __future__ import annotations

import sys
from typing import Iterator

from ..model import AlignedPage, Example, Finding
from ..analyse.semantic.similarity import weight
from .base import Option, RuleContext, make_finding, option, shorten

ID = "semantic-drift"
CATEGORY = "semantic-drift"
SEVERITY = "warning"
NEEDS_SEMANTIC = True
CONF = (
    Option("semantic_drift_ratio", 0.6, "a segment drifts when its agreement with the others is under "
           "this share of how well the others agree with each other"),
    Option("semantic_drift_margin", 0.25, "... and at least this far below it (cosine)"),
    Option("semantic_drift_agreement", 0.5, "the others must agree at least this much (median cosine)"),
)

MIN_WEIGHT = 15
"""Segments shorter than this (English-equivalent characters) are too short to judge."""

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


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding for each prose segment far less similar to the others than they are
    to each other."""
    sem = ctx.facts.semantics
    if sem is None:
        return
    rule = sys.modules[__name__]
    ratio = option(ctx, CONF, "semantic_drift_ratio")
    margin = option(ctx, CONF, "semantic_drift_margin")
    min_agree = option(ctx, CONF, "semantic_drift_agreement")
    for row in page.rows:
        for loc, seg in row.present().items():
            got = sem.agreement(row, loc)
            if got is None or weight(seg.prose, loc) < MIN_WEIGHT:
                continue
            own, others = got
            if others < min_agree or own >= ratio * others or others - own < margin:
                continue
            basis = "reference" if sem.reference in row.present() else "majority"
            who = f"the reference {sem.reference}" if basis == "reference" else "the other locales"
            present = row.present()
            sample_loc = sem.reference if basis == "reference" else next(l for l in present if l != loc)
            msg = (f"{seg.kind.replace('_', ' ')} means something else than in {who}: similarity "
                   f"{own:.2f}, while the others agree at {others:.2f}")
            yield make_finding(rule, page, loc, seg, msg,
                               expected=f"{sample_loc}: {shorten(present[sample_loc].text, 160)}",
                               actual=shorten(seg.text, 160), basis=basis, row=row,
                               key=(seg.kind, " ".join(seg.text.split())[:200]))
