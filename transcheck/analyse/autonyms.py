"""Language switchers: lists of languages named in their own language.

The first lines of many translated READMEs list the translations by their own names
(``Čeština ∙ Deutsch ∙ Ελληνικά ∙ English``), usually as links. Those names are
neither mixed language nor untranslated text. Names are looked up in the CLDR data of
``langcodes``/``language-data`` (every language's name in every language), and locale
codes (``EN``, ``zh-CN``) count as names too.
"""

from __future__ import annotations

import re
from functools import lru_cache

import langcodes

from ..locales import normalize_locale
from ..model import Segment
from .segmemo import per_segment

_SEPARATORS = re.compile(r"[|∙·•\n]|\s[-–—/]\s")
_EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")
_PAREN = re.compile(r"\s*[(（]([^()（）]*)[)）]\s*")
MIN_ITEMS = 2
"""A switcher names at least this many languages."""
MIN_SHARE = 0.66
"""... and at least this share of its items are language names."""


@lru_cache(maxsize=4096)
def language_of_name(name: str) -> str | None:
    """The language a name or code stands for (``Deutsch`` -> ``de``, ``zh-CN``), else ``None``.

    Flags, emoji and punctuation around the name are ignored, and so is a region or
    script in brackets (``Português (Brasil)``, ``中文（简体）``).
    """
    name = _EDGES.sub("", name.strip())
    if not name or len(name) > 40:
        return None
    if len(name) <= 10 and " " not in name:
        code = normalize_locale(name)
        if code and (name.isupper() or "-" in name or "_" in name or name.islower() and len(name) <= 3):
            return code
    candidates = [name]
    m = _PAREN.search(name)
    if m:
        candidates += [_PAREN.sub(" ", name).strip(), m.group(1).strip()]
    for cand in candidates:
        if not cand:
            continue
        try:
            return str(langcodes.find(cand))
        except LookupError:
            continue
    return None


def switcher_items(seg: Segment) -> list[tuple[int, int]]:
    """The spans of ``seg.text`` that name languages, when ``seg`` is a language switcher.

    A switcher is a prose segment whose links (or, without links, whose items between
    separators such as ``|``, ``∙``, ``·``) are mostly language names: at least
    :data:`MIN_ITEMS` names making at least :data:`MIN_SHARE` of the items. Returns
    ``[]`` for any other segment.
    """
    if not seg.is_prose:
        return []
    links = [i for i in seg.inlines if i.kind == "link" and i.text.strip()]
    spans: list[tuple[int, int]] = []
    if len(links) >= MIN_ITEMS:
        items = [i.text for i in links]
        pos = 0
        for text in items:
            k = seg.text.find(text, pos)
            if k >= 0:
                spans.append((k, k + len(text)))
                pos = k + len(text)
    elif len(seg.text) <= 400 and _SEPARATORS.search(seg.text):
        pos = 0
        for piece in _SEPARATORS.split(seg.text):
            k = seg.text.find(piece, pos)
            if piece.strip() and k >= 0:
                spans.append((k, k + len(piece)))
                pos = k + len(piece)
    names = [(a, b) for a, b in spans if language_of_name(seg.text[a:b])]
    if len(names) >= MIN_ITEMS and len(names) >= MIN_SHARE * len(spans):
        return names
    return []


@per_segment
def without_autonyms(seg: Segment) -> str:
    """``seg.prose`` with the language names of a switcher blanked out (same length;
    memoised for the page: misfiled files, copies and mixed language all read it)."""
    prose = seg.prose
    for a, b in switcher_items(seg):
        prose = prose[:a] + " " * (b - a) + prose[b:]
    return prose
