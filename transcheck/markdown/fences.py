"""The language of a code fence from its info string."""

from __future__ import annotations

import re

_LANG_ATTR_RE = re.compile(r"""\blang=["']?([\w+#.-]+)""")
_META_RE = re.compile(r"[{:\[(]")


def fence_language(info: str) -> str:
    """The language a fence's info string names: its first word without line-highlight or
    title syntax (``js{4}``, ``ts:line-numbers``, ``js [config.js]`` are ``js``), and for an
    Expressive Code ``diff lang="js"`` the language of the code (``js``)."""
    words = info.strip().split()
    if not words:
        return ""
    lang = _META_RE.split(words[0], 1)[0] or words[0]
    if lang == "diff":
        m = _LANG_ATTR_RE.search(info)
        if m:
            return m.group(1)
    return lang
