"""The language of a whole document, and whether a file is written in another language
than its locale's (function words first, one langdetect call per script for the rest)."""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from .data import Detection
from .detect import detect, stopword_counts
from .scripts import family, script_counts


@lru_cache(maxsize=16384)
def _function_word_language(text: str) -> Detection | None:
    """A cheap verdict for a paragraph whose function words clearly name one language.

    Used for whole documents, where most paragraphs are plainly in one language: at
    least four function words of one language and more than twice as many as of any
    other decide without langdetect. ``None`` when that is not clear.
    """
    n_words, counts = stopword_counts(text)
    if n_words < 8:
        return None
    votes = sorted(((n, lang) for lang, n in counts.items()), key=lambda v: (-v[0], v[1]))
    (best, lang), (second, _) = votes[0], votes[1]
    if best >= 4 and best > 2 * second:
        return Detection(lang, 0.9)
    return None


# ------------------------------------------------------------------------ documents

POOL_CHARS = 3000
"""How much pooled text of one script a document-level langdetect call reads."""


def document_language(texts: Sequence[str]) -> Detection:
    """Language of a whole document: the language of most characters among its texts.

    Confidence is the share of detected letters in that language, so a few foreign
    paragraphs do not change the answer.
    """
    letters: dict[str, float] = {}
    total = 0.0
    pooled: dict[str, list[str]] = {}
    pooled_letters: dict[str, int] = {}
    for t in texts:
        counts = script_counts(t)
        n = sum(counts.values())
        if not n:
            continue
        total += n
        det = _function_word_language(t)
        if det is None:
            fam = family(max(counts, key=lambda k: (counts[k], k)))
            if fam in ("Latin", "Cyrillic"):
                # alphabetic text no function word decided: one langdetect call per
                # script for the whole document instead of one per paragraph
                pooled.setdefault(fam, []).append(t)
                pooled_letters[fam] = pooled_letters.get(fam, 0) + n
                continue
            det = detect(t)
        if det.lang and det.confidence > 0:
            letters[det.lang] = letters.get(det.lang, 0.0) + n
    for fam, parts in sorted(pooled.items()):
        det = detect(" ".join(parts)[:POOL_CHARS])
        if det.lang and det.confidence > 0:
            letters[det.lang] = letters.get(det.lang, 0.0) + pooled_letters[fam]
    if not letters:
        return Detection("", 0.0)
    lang = min(letters, key=lambda k: (-letters[k], k))
    return Detection(lang, round(letters[lang] / total, 3))


def foreign_document(texts: Sequence[str], expected: str, min_share: float) -> Detection | None:
    """:func:`document_language` of ``texts`` when it names another language than ``expected``
    with a confidence of at least ``min_share``, else None. Identification stops as soon as
    the letters already found in ``expected`` leave too few for any other language to reach
    ``min_share`` (the same verdict, without identifying the rest of the document)."""
    letters = [sum(script_counts(t).values()) for t in texts]
    total, known = sum(letters), 0
    later: list[tuple[str, int]] = []

    def settled() -> bool:  # another language's share, rounded as the confidence is, is below min_share
        return not total or round((total - known) / total, 3) < min_share

    for t, n in zip(texts, letters):
        if settled():  # known only grows: settled now, settled at the end
            return None
        det = _function_word_language(t) if n else None
        if det is not None:
            known += n if det.lang == expected else 0
        elif n:
            counts = script_counts(t)
            if family(max(counts, key=lambda k: (counts[k], k))) not in ("Latin", "Cyrillic"):
                later.append((t, n))  # detected one by one by document_language (Latin, Cyrillic: pooled)

    for t, n in later:
        if settled():
            return None
        det = detect(t)
        known += n if det.lang == expected and det.confidence > 0 else 0
    if settled():
        return None
    det = document_language(texts)
    return det if det.lang and det.lang != expected and det.confidence >= min_share else None
