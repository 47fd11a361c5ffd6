"""What a translation keeps verbatim of a sentence: evidence that does not depend on the model.

A sentence embedding cannot always tell a Chinese, Japanese or Korean sentence that says
two source sentences as one from a paragraph that lost one of them. A translation keeps
some things as they are, though: code spans, link targets, numbers, and names that the
other translations keep too. When a missing sentence holds such tokens that no other
sentence of its paragraph holds, and none of them is in this locale's paragraph, the
sentence is not there in any wording (:func:`kept_tokens`, :func:`absent_from`).
"""

from __future__ import annotations

import re
from typing import Sequence

from ...model import Segment
from ..numbers import NUMBER_TOKEN_RE

_LATIN = re.compile(r"(?<![\w.])[A-Za-z][\w.+#-]*[\w+#]")
_NAME = re.compile(r"[A-Z\d._+#]")
"""A word a translation keeps as it is: one with a capital, a digit or code punctuation
(``Node.js``, ``JSON``, ``v1``), not a plain lowercase word (a cognate: fr «triage»)."""


def _has_word(word: str, text: str) -> bool:
    """True when ``word`` stands in ``text`` as a whole word (not inside a longer one)."""
    return re.search(rf"(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])", text) is not None


def _tail(target: str) -> str:
    """The part of a link target a localised copy keeps: its fragment or last path segment."""
    target = target.strip()
    if "#" in target:
        return "#" + target.rsplit("#", 1)[1]
    parts = [p for p in re.split(r"[/?]", target) if p]
    return parts[-1] if parts else target


def kept_tokens(sentence: str, source: Segment, copies: Sequence[Segment]) -> list[str]:
    """Tokens of ``sentence`` (a sentence of ``source``) that a translation keeps verbatim and
    no other sentence of ``source`` holds: its code spans, link targets (as ``link:`` +
    their :func:`_tail`), numbers, and Latin-script words that a strict majority (at least
    two) of ``copies`` (other translations of the paragraph) keep as they are (names and
    identifiers: see :data:`_NAME`)."""
    text = " ".join(source.text.split())
    at = text.find(sentence)
    rest = text[:at] + " " + text[at + len(sentence):] if at >= 0 else text.replace(sentence, " ")
    out: list[str] = []
    for item in source.inlines_of("code", "link"):
        label = " ".join(item.text.split())
        if not label or label not in sentence or label in rest:
            continue
        if item.kind == "code":
            out.append(label)
        elif item.target:
            out.append("link:" + _tail(item.target))
    out += [m.group() for m in NUMBER_TOKEN_RE.finditer(sentence) if m.group() not in rest]
    if len(copies) >= 2:
        lower = rest.lower()
        for word in sorted(set(_LATIN.findall(sentence))):
            plain = not _NAME.search(word[1:]) and not word.isupper()
            if plain or word in out or _has_word(word.lower(), lower):
                continue
            keep = sum(_has_word(word, seg.text) for seg in copies)
            if keep * 2 > len(copies):
                out.append(word)
    return list(dict.fromkeys(out))


def absent_from(tokens: Sequence[str], here: Segment) -> bool:
    """True when ``tokens`` (from :func:`kept_tokens`) is not empty and none of them is in
    the segment ``here``: neither in its text nor, for a link, among its link targets."""
    if not tokens:
        return False
    tails = {_tail(i.target) for i in here.inlines_of("link", "image", "autolink") if i.target}
    for token in tokens:
        if token.startswith("link:"):
            if token[5:] in tails:
                return False
        elif token in here.text:
            return False
    return True
