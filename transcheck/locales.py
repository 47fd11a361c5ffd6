"""Locale codes as real documentation sites write them: ``de``, ``pt-BR``, ``pt_BR``,
``zh-Hans``, ``zh_TW``, ``sr-Latn-RS``.

A code is accepted only if its language part is a known ISO 639 code, so that a file
name that merely ends in a word (``docker-compose.md``) is not taken for a locale.
"""

from __future__ import annotations

import re
from functools import lru_cache

ISO_639_1 = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs
    cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he
    hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr
    ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng
    nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk
    sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz
    ve vi vo wa wo xh yi yo za zh zu""".split()
)
"""Two-letter ISO 639-1 language codes."""

ISO_639_3_COMMON = frozenset("fil yue cmn haw ast ckb ceb hmn kab nds sah tzm zgh".split())
"""Three-letter codes that documentation sites use where no two-letter code exists."""

_LOCALE_RE = re.compile(
    r"^(?P<lang>[A-Za-z]{2,3})"
    r"(?:[-_](?P<script>[A-Za-z]{4}))?"
    r"(?:[-_](?P<region>[A-Za-z]{2}|\d{3}))?$"
)


def normalize_locale(code: str) -> str | None:
    """Return the canonical BCP 47 form of ``code`` (``pt_br`` -> ``pt-BR``), or None.

    None means "not a locale code": the language part is not a known ISO 639 code,
    or the shape is wrong.
    """
    m = _LOCALE_RE.match(code)
    if not m:
        return None
    lang = m["lang"].lower()
    if lang not in ISO_639_1 and lang not in ISO_639_3_COMMON:
        return None
    parts = [lang]
    if m["script"]:
        parts.append(m["script"].title())
    if m["region"]:
        parts.append(m["region"].upper())
    return "-".join(parts)


LANGUAGE_ALIASES = {"iw": "he", "in": "id", "ji": "yi", "nb": "no", "nn": "no"}
"""Old or variant language codes mapped to the code the language detector uses."""


@lru_cache(maxsize=4096)
def base_language(locale: str) -> str:
    """The language part of a locale: ``pt-BR`` -> ``pt``, ``zh_Hant`` -> ``zh``, ``iw`` -> ``he``."""
    code = re.split(r"[-_@.]", (locale or "").strip(), maxsplit=1)[0].lower()
    return LANGUAGE_ALIASES.get(code, code)
