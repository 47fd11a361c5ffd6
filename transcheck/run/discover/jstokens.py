"""Tokens of JavaScript/TypeScript source, enough to read literal values from configs.

Comments and whitespace are dropped; strings are unquoted; a template literal is a
string unless it interpolates (``${...}``), then :data:`UNKNOWN`; a regular expression
literal is :data:`UNKNOWN`. Characters no config value needs are skipped.
"""

from __future__ import annotations

import re
from typing import Any


class _Unknown:
    """A value that is not a literal (code, expression, reference to elsewhere)."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()
"""The value of anything that is not a literal."""


_TOKEN_RE = re.compile(r"""
    (?P<ws>\s+|//[^\n]*|/\*.*?(?:\*/|\Z))
  | (?P<str>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')
  | (?P<num>\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?)
  | (?P<name>[A-Za-z_$][\w$]*)
  | (?P<tpl>`)
  | (?P<punct>\.\.\.|=>|\?\.|[{}\[\](),:;=.?!<>+\-*/%&|^~@#])
""", re.VERBOSE | re.DOTALL)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "b": "\b", "f": "\f", "v": "\v"}
_REGEX_BEFORE = set("(,=:[!&|?{};") | {"return", "=>", None}


def _unquote(s: str) -> str:
    body = s[1:-1]
    if "\\" not in body:
        return body
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            n = body[i + 1]
            if n == "u" and re.match(r"[0-9a-fA-F]{4}", body[i + 2:i + 6]):
                out.append(chr(int(body[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append(_ESCAPES.get(n, n))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _template(src: str, i: int) -> tuple[str | None, int]:
    """A template literal from just after its backtick: (text or None if it interpolates, end)."""
    out, depth, plain = [], 0, True
    while i < len(src):
        c = src[i]
        if depth == 0:
            if c == "\\":
                out.append(src[i:i + 2])
                i += 2
                continue
            if c == "`":
                return ("".join(out) if plain else None), i + 1
            if src.startswith("${", i):
                plain, depth = False, 1
                i += 2
                continue
            out.append(c)
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        i += 1
    return None, i


def tokenize(src: str) -> list[tuple[str, Any]]:
    """Tokens of JS/TS source as (kind, value); kinds: str, num, name, punct."""
    tokens: list[tuple[str, Any]] = []
    i, n = 0, len(src)
    while i < n:
        prev = tokens[-1][1] if tokens else None
        if src[i] == "/" and not src.startswith(("//", "/*"), i) and (prev in _REGEX_BEFORE):
            m = re.compile(r"/(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n\[])+/[a-z]*").match(src, i)
            if m:
                tokens.append(("str", UNKNOWN))
                i = m.end()
                continue
        m = _TOKEN_RE.match(src, i)
        if not m:
            i += 1  # a character no config needs (unicode identifiers, stray bytes)
            continue
        kind = m.lastgroup
        if kind == "ws":
            pass
        elif kind == "str":
            tokens.append(("str", _unquote(m.group())))
        elif kind == "num":
            text = m.group().replace("_", "")
            tokens.append(("num", float(text) if "." in text or "e" in text.lower() else int(text)))
        elif kind == "tpl":
            text, end = _template(src, m.end())
            tokens.append(("str", UNKNOWN if text is None else text))
            i = end
            continue
        else:
            tokens.append((kind, m.group()))
        i = m.end()
    return tokens
