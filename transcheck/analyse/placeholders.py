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

from . import textdiff

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


_STRING_RE = re.compile(r"""(["'`])((?:\\.|(?!\1)[^\\\n])*[^\W\d_](?:\\.|(?!\1)[^\\\n])*)\1""")


_ELEMENT_TEXT_RE = re.compile(r">([^<>\n]*[^\W\d_][^<>\n]*|[^<>{};()=]*[^\W\d_][^<>{};()=]*)<")
PROSE_INFOS = frozenset("md markdown mdx mdoc markdoc text txt plaintext plain".split())
"""Fence info strings of Markdown examples and plain text: translated with the page."""


def _mask_text_lines(lines: list[str]) -> list[str]:
    """Mask element text on lines of its own (``<button>`` / ``Create User`` / ``</button>``):
    a line of words between a line ending a tag and one starting a tag; ``{expressions}``
    in it are kept."""
    out = list(lines)
    full = [k for k, line in enumerate(lines) if line.strip()]
    for a, k, b in zip(full, full[1:], full[2:]):
        text = lines[k].strip()
        if lines[a].rstrip().endswith(">") and lines[b].lstrip().startswith(("<", "{")) \
                and not _CODE_CHARS_RE.search(_EXPR_RE.sub("", text)) and _LETTER_RE.search(_EXPR_RE.sub("", text)):
            out[k] = "".join(part if part.startswith("{") else (MARK if _LETTER_RE.search(part) else part)
                             for part in _EXPR_SPLIT_RE.split(lines[k]))
    return out


_CODE_CHARS_RE = re.compile(r"[;(){}=<>\[\]`]")
_EXPR_RE = re.compile(r"\{[^{}\n]*\}")
_EXPR_SPLIT_RE = re.compile(r"(\{[^{}\n]*\})")
_LETTER_RE = re.compile(r"[^\W\d_]")


def mask_strings(code: str) -> str:
    """``code`` with the text of one-line string literals and of elements masked, where it
    holds a letter (``'Sterne'``, ``<div>chargement...</div>``, element text on a line of
    its own), and without blank lines.

    Tutorials localize example values and UI text; code that differs only there is a
    weaker finding than a changed command.
    """
    code = _STRING_RE.sub(lambda m: m.group(1) + MARK + m.group(1), code)
    code = _ELEMENT_TEXT_RE.sub(">" + MARK + "<", code)
    return "\n".join(line for line in _mask_text_lines(code.split("\n")) if line.strip())


_NOT_TEXT_RE = re.compile(r"[;{}=<>|$\\]|^\s*[-+*#/]|\w\(|\w\.\w+\(")


@lru_cache(maxsize=4096)
def is_plain_text(code: str) -> bool:
    """True for an unlabelled code block that holds sentences, not code: every line has a
    letter and no code syntax (``;{}=<>|$``, calls, options, comments), and most lines have
    three words or letters outside ASCII (``This project sucks…`` / ``你：我的代码出错了。``):
    an example dialogue or message, translated with the page."""
    lines = [line for line in code.split("\n") if line.strip()]
    if not lines or any(_NOT_TEXT_RE.search(line) or not _LETTER_RE.search(line) for line in lines):
        return False
    wordy = sum(1 for line in lines if len(_WORDY_RE.findall(line)) >= 3 or not line.isascii())
    return wordy * 2 > len(lines)


_MD_MARK_RE = re.compile(r"^\s*(?:[-*+]|#{1,6}|\d+[.)])\s+")


def plain_text_changes(expected: str, actual: str) -> bool:
    """True when the lines two unlabelled code blocks do not share are sentences on both
    sides (:func:`is_plain_text`, list and heading marks aside): an issue template or
    message translated around the code lines it quotes, which stay compared."""
    a, b = expected.split("\n"), actual.split("\n")
    here, there = [], []
    for op, i1, i2, j1, j2 in textdiff.opcodes(a, b):
        if op != "equal":
            here += [_MD_MARK_RE.sub("", x) for x in a[i1:i2]]
            there += [_MD_MARK_RE.sub("", x) for x in b[j1:j2]]
    return all(is_plain_text("\n".join(side)) for side in (here, there))


_TOKEN_RE = re.compile(r"[^\W_][\w'’.-]*|\S")
_WORDY_RE = re.compile(r"[^\W\d_][\w'’.-]*|[.…!?¿¡？！。]")


def localized_text_only(expected: str, actual: str, codes: tuple[set[str], set[str]] = (set(), set())) -> bool:
    """True when two code texts differ only in natural-language words (``[plugin] Starting
    long process…`` and ``[plugin] 時間が掛かる処理を開始します…``: program output, text
    outside quotes) or in locale codes swapped with the page's locales (``en: 'New'`` and
    ``ja: '新規'``): a localized example. Every differing stretch must be words on both
    sides, with a letter outside ASCII or two words or more on each side (``my-reset`` and
    ``ma-reinitialisation`` are identifiers: see :func:`example_names_only`); ``codes`` are the locale
    codes expected on each side (lower-case).
    """
    a, b = _TOKEN_RE.findall(expected), _TOKEN_RE.findall(actual)
    found = False
    for op, i1, i2, j1, j2 in textdiff.opcodes(a, b):
        if op == "equal":
            continue
        here, there = a[i1:i2], b[j1:j2]
        if len(here) == len(there) == 1 and here[0].lower() in codes[0] and there[0].lower() in codes[1]:
            found = True
            continue
        words = here + there
        phrase = min(sum(1 for w in side if w[0].isalpha()) for side in (here, there)) >= 2
        if not all(_WORDY_RE.fullmatch(w) for w in words) or not (phrase or not all(w.isascii() for w in words)):
            return False
        found = True
    return found


_TRAILING_COMMA_RE = re.compile(r",[ \t]*(?=\n|$)|,(?=\s*[)\]}])")
_PUNCT_SPACE_RE = re.compile(r"\s*([=,;:()\[\]{}])\s*")


def layout_key(code: str, free_form: bool = True) -> str:
    """``code`` without what only lays it out: a trailing comma (at a line end or before a
    closing bracket) and, where spacing has no meaning (``free_form``, see
    :data:`FREE_FORM_INFOS`), all whitespace and the choice of ``"`` or ``'``; otherwise
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


_RUN_RE = re.compile(r"([^\W\d_]+(?:[_-][^\W\d_]+)*)")
_EXAMPLE_WORDS = frozenset("your my some something example foo bar baz".split())
"""Words English documentation names its example identifiers with (``your_enum_member``)."""


def example_names_only(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with example names translated: the same code around them, and
    each name that differs is a run of words one of which names an example in ``a`` and is
    gone from ``b`` (``@something`` / ``@algo``, ``your_enum_member.value`` /
    ``votre_membre_d_enum.value``; not ``my-tool`` / ``my-tol``, a typo)."""
    pa, pb = _RUN_RE.split(a), _RUN_RE.split(b)
    if len(pa) != len(pb) or pa[0::2] != pb[0::2]:
        return False
    words = lambda name: set(re.split(r"[_-]", name.lower()))  # noqa: E731
    changed = [(x, y) for x, y in zip(pa[1::2], pb[1::2]) if x != y]
    return bool(changed) and all((_EXAMPLE_WORDS & words(x)) - words(y) for x, y in changed)
