"""A sentence the other locales have in a paragraph and this locale dropped.

Partial omission: the paragraph is there, but a sentence or clause of it is not.
Paragraphs are split into sentences, embedded, and aligned sentence by sentence to
the same paragraph in every other locale. A sentence is missing here when it has no
counterpart in this paragraph (no aligned sentence; its best match here under 0.75 and
taken by a sentence that matches it at least 0.15 better; not merged into a neighbouring
sentence, nor said inside the translated sentence of a sentence up to two away, as
Chinese and Japanese translations often do) in the
reference, or without a reference in a strict majority (at least two) of the other
locales, whose copies of it agree with each other, and the paragraph does not carry it
as a whole (leaving it out of the others reads further from this paragraph, and this
paragraph's length in words, or one of its clauses, says it is there). A paragraph much longer than expected for its language (length ratio
over 1.25, corrected for language expansion) is not reported: it was reworded, not
cut. The finding quotes the sentence, the locales that have it, its best similarity
here and the length ratio. Skipped with ``--no-semantic``.

Severity is calibrated on hand-checked real sites: against a reference, a sentence
"missing" from a Chinese, Japanese or Korean paragraph was real about half the time
(those translations routinely say two source sentences as one, which the sentence
embeddings do not always see), so such a finding is ``info``, unless what a translation
keeps verbatim says the sentence is not there: the sentence alone (in its paragraph)
holds code spans, link targets, numbers or names the other translations keep, and this
paragraph has none of them (10 real of 10 such findings on eight real sites). Every
other finding, and every finding on pages without a reference, is a ``warning``.
"""

from __future__ import annotations

import sys
from typing import Iterator

from ..analyse.semantic.anchors import absent_from, kept_tokens
from ..locales import base_language
from ..model import AlignedPage, Example, Finding
from .base import RuleContext, make_finding, shorten

ID = "missing-sentence"
CATEGORY = "missing-content"
SEVERITY = "warning"
WHY = ("A sentence dropped inside a paragraph is the hardest omission to see in review: the "
       "paragraph is there, one step or caveat is not.")
"""Why it matters (shown by ``transcheck explain``)."""
FACTS = ("missing_sentences",)
MERGING = frozenset({"zh", "ja", "ko"})
"""Languages whose translations often say two source sentences as one: against a
reference, their missing sentences are ``info`` (real in 20 of 49 on eight real sites)
unless the sentence's kept tokens are all absent (:mod:`transcheck.analyse.semantic.anchors`)."""
NEEDS_SEMANTIC = True

EXAMPLES = (
    Example("every sentence translated", {
        "de": "Das Image ist klein. Es lädt schnell herunter. Außerdem ist es sicherer.\n",
        "fr": "L'image est petite. Elle se télécharge vite. De plus, elle est plus sûre.\n",
        "pt": "A imagem é pequena. Ela baixa rapidamente. Além disso, é mais segura.\n",
    }, fails=False),
    Example("the last sentence dropped", {
        "de": "Das Image ist klein. Es lädt schnell herunter. Außerdem ist es sicherer.\n",
        "fr": "L'image est petite. Elle se télécharge vite. De plus, elle est plus sûre.\n",
        "pt": "A imagem é pequena. Ela baixa rapidamente.\n",
    }, fails=True),
)


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding for each sentence the consensus has and this locale's paragraph lacks."""
    rule = sys.modules[__name__]
    for gap in ctx.facts.missing_sentences:
        row = page.rows[gap.row]
        seg = row.cells[gap.locale]
        others = [w for w in gap.witnesses if w != gap.source]
        also = f"; also in {', '.join(others)}" if others else ""
        basis = "reference" if page.reference in gap.witnesses else "majority"
        merged = basis == "reference" and base_language(gap.locale) in MERGING
        kept = kept_tokens(gap.sentence, row.cells[gap.source],
                           [row.cells[w] for w in others if row.cells.get(w)]) if merged else []
        if kept and absent_from(kept, seg):
            merged = False
        msg = (f"sentence missing from this {seg.kind.replace('_', ' ')}: "
               f"«{shorten(gap.sentence, 70)}» ({gap.source}{also}); best match here "
               f"{gap.coverage:.2f} vs {gap.agreement:.2f} among the others; "
               f"length ratio {gap.length_ratio:.2f}")
        if merged:
            msg += f"; info: {gap.locale} translations often say two sentences as one"
        elif kept:
            msg += f"; not here in any wording: {', '.join(kept[:4])} absent"
        yield make_finding(rule, page, gap.locale, seg, msg, severity="info" if merged else SEVERITY,
                           expected=f"{gap.source}: {gap.sentence}", actual="(none)",
                           basis=basis, row=row, key=(gap.source, gap.sentence[:200]))
