"""Translatable parts of code: placeholders and comments.

Command-reference pages write ``cp {{path/to/file}}`` or ``docker push <your-name>/app``
and translators translate the placeholder (``{{путь/к/файлу}}``, ``<ihr-name>``);
tutorials translate the comments of a code block (``# build the image``). Neither is
drift. This module masks placeholders and separates comments from the code around
them, so that the rules compare only what must stay byte for byte the same: commands,
options and literals.

What stays literal although it looks like a placeholder:

* option alternatives ``{{[-a|--all]}}`` (the command-reference syntax for "short or
  long option": the options are code, not words);
* template and shortcode syntax ``{{ .Title }}``, ``{{< tab >}}``, ``{{% code %}}``;
* HTML elements ``<div class="x">``, ``</span>`` (an ASCII tag name that HTML knows, or
  any ASCII tag in a markup-language block such as ``html``, ``xml`` or ``vue``). A phrase
  that only starts with an element's name (``<address for your backend>``: words, no
  ``=``, not boolean attributes such as ``<script async defer>``) is a placeholder.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from markdown_it.common.html_blocks import block_names

MARK = "\u27e8placeholder\u27e9"
"""What a masked placeholder becomes."""

_ALTERNATIVES_RE = re.compile(r"\[?\s*-[^|\[\]{}]*(?:\|\s*-[^|\[\]{}]*)+\]?")
_TEMPLATE_START = (" ", "\t", "<", "%", ".", "- ")
_INLINE_ELEMENTS = frozenset(
    "a abbr b bdi bdo br button cite code data del dfn em i img input ins kbd label mark meter "
    "object output picture progress q s samp script select slot small source span strong style "
    "sub sup svg template textarea time u var video audio canvas wbr".split())
_HTML_ELEMENTS = frozenset(block_names) | _INLINE_ELEMENTS
_TAG_RE = re.compile(r"</?([A-Za-z][\w-]*)(\s[^<>]*)?/?>\Z")
_BOOLEAN_ATTRIBUTES = frozenset(
    "allowfullscreen async autofocus autoplay checked controls default defer disabled formnovalidate "
    "hidden inert ismap itemscope loop multiple muted nomodule novalidate open playsinline readonly "
    "required reversed selected".split())
_WORD_RE = re.compile(r"[^\W\d_]+")
_GENERIC_BEFORE = re.compile(r"[A-Za-z0-9_]")
MARKUP_INFOS = frozenset("html htm xml xhtml vue svelte astro jsx tsx svg mdx".split())
"""Fence info strings whose angle brackets are markup, never placeholders."""


@lru_cache(maxsize=64)
def compile_patterns(patterns: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    """Compile placeholder regular expressions once (cached by the tuple of sources)."""
    return tuple(re.compile(p) for p in patterns)


def is_literal(token: str, markup: bool = False) -> bool:
    """True if a matched ``token`` is code that only looks like a placeholder.

    ``markup``: the code is in a markup language, where ``<name>`` is an element.
    """
    if token.startswith("{{") and token.endswith("}}"):
        inner = token[2:-2]
        return inner.startswith(_TEMPLATE_START) or bool(_ALTERNATIVES_RE.fullmatch(inner.strip()))
    if token.startswith("<") and token.endswith(">"):
        m = _TAG_RE.match(token)
        if m and m.group(1).isascii():
            if markup:
                return True
            attrs = (m.group(2) or "").split()
            words = all(_WORD_RE.fullmatch(a) for a in attrs) and any(a.lower() not in _BOOLEAN_ATTRIBUTES
                                                                       for a in attrs)
            return m.group(1).lower() in _HTML_ELEMENTS and not words
    return False


def mask(code: str, patterns: Iterable[re.Pattern], info: str = "") -> str:
    """Replace every translatable placeholder in ``code`` by :data:`MARK`.

    ``patterns`` are compiled placeholder expressions (:func:`compile_patterns`);
    ``info`` is the code fence's info string (``html`` makes ASCII tags literal).
    Option alternatives are kept, with the spaces inside them removed.
    """
    markup = info.lower() in MARKUP_INFOS

    def sub(m: re.Match) -> str:
        tok = m.group()
        if tok.startswith("<") and m.start() and _GENERIC_BEFORE.match(m.string, m.start() - 1):
            return tok  # vector<int>, Map<K, V>: a generic type, not a placeholder
        if is_literal(tok, markup):
            return re.sub(r"\s+", "", tok) if _ALTERNATIVES_RE.fullmatch(tok[2:-2].strip()) else tok
        return MARK

    for rx in patterns:
        code = rx.sub(sub, code)
    return code


_TRAILING_COMMA_RE = re.compile(r",[ \t]*(?=\n|$)|,(?=\s*[)\]}])|;(?=\s*\})")
_PUNCT_SPACE_RE = re.compile(r"\s*([=,;:()\[\]{}])\s*")


def layout_key(code: str, free_form: bool = True) -> str:
    """``code`` without what only lays it out: a trailing comma (at a line end or before a
    closing bracket), a semicolon before a closing brace (``{ a: number; }``) and, where
    spacing has no meaning (``free_form``, see :data:`FREE_FORM_INFOS`), all whitespace and the choice of ``"`` or ``'``; otherwise
    the spacing around ``=``, ``,``, ``:``, ``;`` and brackets (``persistSize = false`` =
    ``persistSize=false``).

    Two blocks with the same key differ only in layout (a formatter's choice).
    """
    code = _TRAILING_COMMA_RE.sub("", code)
    if free_form:
        return "".join(code.replace('"', "'").split())
    return _PUNCT_SPACE_RE.sub(r"\1", " ".join(code.split()))


_HASH = frozenset("bash sh shell zsh fish powershell ps1 pwsh python py python3 yaml yml toml ini conf cfg "
                  "dockerfile docker ruby rb perl pl r makefile make cmake nix elixir ex exs tf hcl terraform "
                  "properties gitignore env dotenv nginx apache crystal julia coffee graphql gql".split())
_SLASH = frozenset("js javascript mjs cjs ts typescript jsx tsx c cpp c++ cc h hpp java kotlin kt go golang "
                   "rust rs swift cs csharp c# scala dart php jsonc json5 groovy gradle scss less sass proto "
                   "zig objc objective-c fsharp f# v".split())
_BLOCK_ONLY = frozenset({"css"})
FREE_FORM_INFOS = _SLASH | frozenset("css json jsonc html htm xml vue svelte astro svg".split())
"""Languages where indentation and spacing between tokens carry no meaning (not shell, Python, YAML)."""
_DASH = frozenset("sql mysql postgresql psql plsql lua haskell hs elm ada".split())
_HTML_COMMENTS = frozenset("xml xhtml svg md markdown".split())
_MIXED = frozenset("html htm vue svelte astro mdx".split())  # markup with script: <!-- -->, // and /* */
_PROMPT_INFOS = frozenset({"console", "shell-session", "shellsession", "terminal"})
_BLOCK_COMMENT_RE = re.compile(r"/\*.*?\*/", re.S)
_HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)


def _styles(info: str) -> tuple[tuple[str, ...], str]:
    """The line-comment starters and the block-comment kind (``c``, ``html``, ``both``, ``""``)."""
    info = info.lower()
    if info in _HASH:
        return ("#",), ("c" if info in ("php",) else "")
    if info in _SLASH:
        return (("//", "#") if info == "php" else ("//",)), "c"
    if info in _BLOCK_ONLY:
        return (), "c"
    if info in _DASH:
        return ("--",), "c"
    if info in _HTML_COMMENTS:
        return (), "html"
    if info in _MIXED:
        return ("//",), "both"
    if info in _PROMPT_INFOS:
        return ("#",), ""
    return ("#", "//"), ""


def _cut(line: str, starters: tuple[str, ...], prompt_hash: bool) -> tuple[str, str]:
    """Split a line into its code and its trailing comment (outside quotes)."""
    quote = ""
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if quote:
            if ch == "\\":
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif ch in "'\"`":
            quote = ch
        else:
            before_ok = i == 0 or line[i - 1].isspace()  # an ideographic space too
            for st in starters:
                if before_ok and line.startswith(st, i):
                    after = line[i + len(st):i + len(st) + 1]
                    if st == "#" and not (after in ("", " ", "\t") or not after.isascii()):
                        continue  # #include, #!shebang, #anchor
                    if st == "--" and after not in ("", " ", "\t"):
                        continue  # --option
                    if st == "#" and prompt_hash and not line[:i].strip():
                        continue  # a root prompt in a console transcript
                    return line[:i], line[i:]
        i += 1
    return line, ""


def split_comments(code: str, info: str = "") -> tuple[str, tuple[str, ...]]:
    """Separate the comments of a code block from its code: ``(code, comments)``.

    See :func:`code_lines` for what counts as a comment.
    """
    lines, comments = code_lines(code, info)
    return "\n".join(text for _, text in lines), comments


def code_lines(code: str, info: str = "") -> tuple[list[tuple[int, str]], tuple[str, ...]]:
    """Separate the comments of a code block from its code.

    Returns the lines of code with comments removed, as ``(0-based line in code, text)``
    (comment-only lines dropped, other lines right-stripped), and the comments. The comment syntax follows the fence's
    ``info`` (``#`` for shell, Python, YAML; ``//`` and ``/* */`` for C-like languages;
    ``<!-- -->`` for markup, with ``//`` and ``/* */`` too where it holds scripts (``vue``,
    ``html``); both ``#`` and ``//`` when unknown). A ``#`` counts only
    before a space or a non-ASCII letter (``#include`` and ``#!/bin/sh`` are code), and
    only after a space or at a line start (``http://x/#a`` is code).
    """
    starters, block = _styles(info)
    comments: list[str] = []

    def take(m: re.Match) -> str:
        comments.append(m.group())
        return "\n".join("\x00" for _ in range(m.group().count("\n") + 1))

    if block in ("c", "both"):
        code = _BLOCK_COMMENT_RE.sub(take, code)
    if block in ("html", "both"):
        code = _HTML_COMMENT_RE.sub(take, code)
    prompt_hash = info.lower() in _PROMPT_INFOS
    kept: list[tuple[int, str]] = []
    for k, raw in enumerate(code.split("\n")):
        line, comment = _cut(raw, starters, prompt_hash) if starters else (raw, "")
        if comment:
            comments.append(comment)
        line = line.replace("\x00", "").rstrip()
        if line or not (comment or "\x00" in raw):
            kept.append((k, line))
    while kept and not kept[-1][1]:
        kept.pop()
    return kept, tuple(c.strip() for c in comments)
