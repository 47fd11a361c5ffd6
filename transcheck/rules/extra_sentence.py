"""A sentence this locale's paragraph has and the other locales do not.

The reverse of ``missing-sentence``: a translator's addition, a sentence pasted
twice, a leftover from an older version. A sentence is extra here when it has no
counterpart (no aligned sentence, best similarity under 0.45, not merged into a
neighbour) in the reference, or without a reference in a strict majority (at least
two) of the other locales, and the paragraph is longer than expected for its
language in a way that dropping the sentence would explain (length ratio corrected
for language expansion). Without the sentence the paragraph must also read closer to
the others' (paragraph cosine): a clause the translation made into a sentence of its
own («For example:» said again after a full stop) carries the others' meaning, so
dropping it reads further from them. Skipped with ``--no-semantic``.
"""

from __future__ import annotations

import sys
from typing import Iterator

from ..model import AlignedPage, Example, Finding
from .base import RuleContext, make_finding, shorten

ID = "extra-sentence"
CATEGORY = "extra-content"
SEVERITY = "info"
WHY = ("A sentence the other locales lack is an addition nobody reviewed against the source: "
       "a stale instruction or a translator's note that now reads as documentation.")
"""Why it matters (shown by ``transcheck explain``)."""
FACTS = ("extra_sentences",)
NEEDS_SEMANTIC = True

EXAMPLES = (
    Example("same sentences", {
        "de": "Das Image ist klein. Es lädt schnell herunter.\n",
        "fr": "L'image est petite. Elle se télécharge vite.\n",
        "pt": "A imagem é pequena. Ela baixa rapidamente.\n",
    }, fails=False),
    Example("a sentence added", {
        "de": "Das Image ist klein. Es lädt schnell herunter.\n",
        "fr": "L'image est petite. Elle se télécharge vite.\n",
        "pt": "A imagem é pequena. O autor desta página mora em Lisboa com dois gatos. "
              "Ela baixa rapidamente.\n",
    }, fails=True),
)


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding for each sentence only this locale's paragraph has."""
    rule = sys.modules[__name__]
    for gap in ctx.facts.extra_sentences:
        row = page.rows[gap.row]
        seg = row.cells[gap.locale]
        basis = "reference" if page.reference in gap.witnesses else "majority"
        msg = (f"sentence not in {', '.join(gap.witnesses)}: «{shorten(gap.sentence, 70)}»; "
               f"best match there {gap.coverage:.2f}; length ratio {gap.length_ratio:.2f}")
        yield make_finding(rule, page, gap.locale, seg, msg, expected="(none)",
                           actual=gap.sentence, basis=basis, row=row, key=(gap.sentence[:200],))
