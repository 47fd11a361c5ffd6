"""Escaping and small HTML pieces of the review page: text, safe links, marked differences."""

from __future__ import annotations

import difflib
import re
from html import escape as _escape

from .._common import relative_uri

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_UNSAFE_URL_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f\\]")
_DIFF_LIMIT = 4000


def esc(text: object) -> str:
    """Escape text for HTML content or a double-quoted attribute value."""
    return _escape(str(text), quote=True)


def safe_href(url: str) -> str | None:
    """Return ``url`` if it is ``http(s):`` or relative (not ``//host``), else ``None``.

    Whitespace, control characters and backslashes are refused outright, since
    browsers strip or reinterpret them (``java\\nscript:``).
    """
    if not url or _UNSAFE_URL_CHARS.search(url) or url.startswith("//"):
        return None
    m = _SCHEME.match(url)
    if m and m.group(1).lower() not in ("http", "https"):
        return None
    return url


def file_href(path: str, line: int | None = None) -> str:
    """Return a relative link to a file (percent-encoded), with ``#L<line>`` when given."""
    href = relative_uri(path)
    return f"{href}#L{line}" if line else href


def heat(score: float) -> str:
    return f"h{max(0, min(10, round(score * 10)))}"


def span_text(line: int, end: int) -> str:
    return f"{line}" if end == line else f"{line}–{end}"


def _visible_ws(text: str) -> str:
    return text.replace(" ", "␣").replace("\t", "⇥").replace("\n", "↵\n")


def diff_pair(expected: str, actual: str) -> tuple[str, str]:
    """Return escaped HTML of expected and actual with their differences marked."""
    if not expected or not actual or len(expected) + len(actual) > _DIFF_LIMIT:
        return esc(expected), esc(actual)
    sm = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    if sm.ratio() < 0.5:  # unrelated values: marking every character helps nobody
        return esc(expected), esc(actual)
    exp, act = [], []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        a, b = expected[i1:i2], actual[j1:j2]
        if op == "equal":
            exp.append(esc(a))
            act.append(esc(b))
            continue
        if a:
            exp.append(f'<span class="dm">{esc(_visible_ws(a) if not a.strip() else a)}</span>')
        if b:
            act.append(f'<span class="dx">{esc(_visible_ws(b) if not b.strip() else b)}</span>')
    return "".join(exp), "".join(act)
