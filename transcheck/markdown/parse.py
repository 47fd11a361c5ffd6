"""Parsing: one file's bytes into a :class:`~transcheck.model.Document` of segments.

markdown-it-py (CommonMark with tables) gives block tokens with ``map`` = ``[begin, end)`` 0-based line ranges; inline
children carry no map, so an inline item's line is its block's first line plus the
soft/hard breaks before it.

YAML (``---``) and TOML (``+++``) front matter is blanked out before parsing (its lines
stay, empty, so line numbers after it stay right) and kept out of the checks. HTML
blocks that hold only comments (translators keep the original there) are not segments.
Hugo shortcodes are blanked out of prose, and those holding code become code blocks
(:mod:`transcheck.markdown.shortcodes`).
Input is untrusted: reading accepts only regular files of bounded size, and problems
found while parsing (unclosed front matter, nesting too deep to parse) are collected,
with their line, for the caller to report.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import Document, Inline, Segment
from . import jsx, mdx
from .fences import fence_language
from .frontmatter import blank_front_matter
from .plainlists import numbered_paragraphs
from .shortcodes import blank_shortcodes, fence_code_shortcodes
from .suppress import is_directive_block

MAX_BYTES = 50 * 1024 * 1024
"""Files larger than this are reported, not parsed."""


class InputFileError(Exception):
    """A file that cannot be checked; the message says why (the caller adds the path)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


MAX_NESTING = 100
"""Block quotes and lists nested deeper than this are not parsed (reported instead)."""


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").enable("strikethrough")
    # link targets recur across the files of a site; their normalisation is a pure function
    for name in ("normalizeLink", "normalizeLinkText", "validateLink"):
        setattr(md, name, lru_cache(maxsize=16384)(getattr(md, name)))
    return md


_MD = _markdown()
_MD_MDX = _markdown().disable("code")
"""MDX has no indented code blocks: indentation inside JSX components is layout."""
_MD_MDX.block.ruler.at("html_block", jsx.html_block_rule, {"alt": ["paragraph", "reference", "blockquote"]})
_JSX_DOTTED_RE = re.compile(r"</?[A-Z]\w*(?:\.[A-Za-z_]\w*)+"
                            r"""(?:\s(?:[^<>{}"']|"[^"]*"|'[^']*'|\{[^{}]*\})*)?/?>""")


def _jsx_dotted(state, silent: bool) -> bool:
    """MDX: an inline JSX tag with a dotted name (``<Release.VersionDropdown />``), which
    CommonMark's inline HTML does not accept, is not words of the sentence (its own token,
    kept out of the prose; not compared as markup: such tags often start a line of their own)."""
    m = _JSX_DOTTED_RE.match(state.src, state.pos) if state.src[state.pos] == "<" else None
    if m and not silent:
        state.push("mdx_jsx_inline", "", 0).content = m.group()
    if m:
        state.pos = m.end()
    return bool(m)


_MD_MDX.inline.ruler.before("html_inline", "jsx_dotted", _jsx_dotted)
_NEWLINE_RE = re.compile("\n")
HEADING_ATTRS_RE = re.compile(r"\s*(?:%?\{\s*((?:[#.]|[\w-]+=)[^{}]*)\}%?|\[(#[^\s\[\]]+)\])\s*$")
"""A heading's trailing attribute block: ``{#id}``, ``{ #id .class }``, VitePress ``%{#id}%``,
Nextra ``[#id]``. Kept in its text (anchors resolve to it), blanked from its prose."""
_HTML_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


def is_comment_block(html: str) -> bool:
    """True if an HTML block holds only comments (``<!-- English original -->``): not content."""
    return not _HTML_COMMENT_RE.sub("", html).strip()


def decode(data: bytes) -> str:
    """Decode file bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM.

    Line endings are normalised to ``\\n`` (CRLF and lone CR), so line numbers match
    what editors show. Raises :class:`InputFileError` for empty, binary or non-UTF-8 input.
    """
    if not data.strip():
        raise InputFileError("empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputFileError(f"invalid UTF-16: {exc.reason} at byte {exc.start}") from None
    else:
        if b"\x00" in data[:8192]:
            raise InputFileError("binary file (contains NUL bytes), not Markdown")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise InputFileError(
                f"not valid UTF-8 ({exc.reason} at byte {exc.start}); save the file as UTF-8",
                line) from None
    if "\x00" in text:
        raise InputFileError("binary file (contains NUL characters), not Markdown")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_file(path: str) -> str:
    """Read and decode a Markdown file (see :func:`decode`).

    Only regular files are read: a FIFO, socket or device named ``*.md`` is refused
    without blocking on it (opened non-blocking, checked with ``fstat``).
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise InputFileError("is a folder, not a file") from None
    except PermissionError:
        raise InputFileError("permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputFileError("symbolic link loop") from None
        if exc.errno == errno.ENOENT and os.path.islink(path):
            raise InputFileError("broken symbolic link (its target does not exist)") from None
        raise InputFileError(f"cannot read: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputFileError("is a folder, not a file")
        if not stat.S_ISREG(mode):
            kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) \
                else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file"
            raise InputFileError(f"not a regular file ({kind}), not read")
        size = os.fstat(fd).st_size
        with os.fdopen(fd, "rb") as fh:
            fd = -1
            # read(MAX_BYTES + 1) up front would allocate 50 MB for every file
            data = fh.read(min(size, MAX_BYTES) + 1 if size else MAX_BYTES + 1)
    except OSError as exc:
        raise InputFileError(f"cannot read: {exc.strerror or exc}") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > MAX_BYTES:
        raise InputFileError(f"larger than {MAX_BYTES // (1024 * 1024)} MB, not checked")
    return decode(data)


def _nesting_problem(tokens: list[Token]) -> tuple[int, str] | None:
    """Where block nesting reached the parser's limit (content below it is dropped)."""
    last_line = 1
    for tok in tokens:
        if tok.map:
            last_line = tok.map[0] + 1
        if tok.level >= MAX_NESTING - 1:
            return (last_line, f"block quotes or lists nested more than {MAX_NESTING - 1} levels "
                               "deep; the content nested deeper is not checked")
    return None


@dataclass
class _InlineText:
    """Accumulates the plain text, prose and inline items of one inline token."""

    line: int
    text: list[str] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)
    inlines: list[Inline] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=lambda: [0])
    length: int = 0

    def add(self, s: str, prose: bool = True) -> None:
        """Append ``s`` to the text; in the prose, blank it out unless it is translatable.

        Blanking keeps ``prose`` exactly as long as ``text``, so an offset found in
        the prose is the same offset in the text (and ``Segment.line_of`` works on it).
        """
        self.text.append(s)
        self.length += len(s)
        self.prose.append(s if prose else " " * len(s) if "\n" not in s
                          else "".join(c if c == "\n" else " " for c in s))


_HTML_CODE = re.compile(r"<(/?)(code|kbd|samp|var|tt)\s*>", re.I)
"""Inline HTML elements whose text is not prose: ``<code>`` is a code span (``<code>string</code>``);
``<kbd>`` and the others are keys and interface labels, which a localized interface translates,
so they are left out of the prose and not compared. Not one with attributes: ant-design's
``<code src="./demo/basic.tsx">Basic</code>`` embeds a demo under a title its translations translate."""


def _inline(token: Token, first_line: int, acc: _InlineText | None = None) -> _InlineText:
    """Walk an inline token's children into text, prose and inline items. An inline HTML
    ``<code>`` element is a code span: its text is an inline item of kind ``code`` and not prose;
    the text of ``<kbd>``, ``<samp>``, ``<var>`` and ``<tt>`` is not prose either."""
    acc = acc or _InlineText(first_line)
    line = first_line
    open_marks: list[tuple[str, int, int, str]] = []  # kind, index in acc.text, line, target
    in_code, code_text, code_line, code_tag = 0, [], line, ""  # open <code>-like HTML elements, their text
    for child in token.children or ():
        t = child.type
        if t == "text":
            in_autolink = bool(open_marks) and open_marks[-1][0] == "autolink"
            acc.add(child.content, prose=not in_autolink and not in_code)
            if in_code:
                code_text.append(child.content)
        elif t == "code_inline":
            acc.inlines.append(Inline("code", child.content, line))
            acc.add(child.content, prose=False)
        elif t in ("softbreak", "hardbreak"):
            if in_code:
                code_text.append(" ")  # a code element's line break is a space, as a code span's
            acc.add("\n")
            line += 1
            acc.line_starts.append(acc.length)
        elif t == "link_open":
            kind = "autolink" if child.markup == "autolink" else "link"
            open_marks.append((kind, len(acc.text), line, str(child.attrs.get("href", ""))))
        elif t in ("strong_open", "em_open", "s_open"):
            kind = {"strong_open": "strong", "em_open": "em", "s_open": "strike"}[t]
            open_marks.append((kind, len(acc.text), line, ""))
        elif t in ("link_close", "strong_close", "em_close", "s_close") and open_marks:
            kind, start, start_line, target = open_marks.pop()
            inner = "".join(acc.text[start:])
            acc.inlines.append(Inline(kind, inner, start_line, target))
        elif t == "image":
            alt = child.content or "".join(c.content for c in child.children or ())
            acc.inlines.append(Inline("image", alt, line, str(child.attrs.get("src", ""))))
            acc.add(alt)
        elif t == "html_inline":
            acc.inlines.append(Inline("html", child.content, line))
            acc.add(child.content, prose=False)
            m = _HTML_CODE.match(child.content)
            if m and m[1] and in_code:
                in_code -= 1
                if not in_code and code_tag == "code" and "".join(code_text).strip():
                    acc.inlines.append(Inline("code", "".join(code_text).strip(), code_line))
            elif m and not m[1]:
                if not in_code:
                    code_text, code_line, code_tag = [], line, m[2].lower()
                in_code += 1
        else:
            acc.add(child.content, prose=False)
    return acc


def parse_markdown(text: str, page: str = "", locale: str = "", path: str = "",
                   problems: list[tuple[int, str]] | None = None) -> Document:
    """Parse Markdown ``text`` into a Document of leaf-block segments with line spans.

    Front matter is skipped. Problems that leave part of the file unchecked are
    appended to ``problems`` as ``(line, message)`` when a list is given.
    """
    env: dict = {}
    found: list[tuple[int, str]] = []
    if "\r" in text:  # as decode() does; markdown-it counts a lone CR as a line break too
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    body = fence_code_shortcodes(blank_front_matter(text, found))
    structure = mdx.scan(body, mdx=mdx.is_mdx(path)) if mdx.needs_scan(body, path) else None
    tokens = (_MD_MDX if mdx.is_mdx(path) else _MD).parse(structure.text if structure else body, env)
    nesting = _nesting_problem(tokens)
    if nesting:
        found.append(nesting)
    if problems is not None:
        problems.extend(found)
    segments: list[Segment] = []
    containers: list[str] = []
    list_depth = 0
    first_para_in_item: list[bool] = []
    i = 0
    n = len(tokens)

    def add(kind: str, tok_map, body: str, **kw) -> None:
        line, end = (tok_map[0] + 1, max(tok_map[0] + 1, tok_map[1])) if tok_map else (1, 1)
        segments.append(Segment(kind=kind, index=len(segments), line=line, end_line=end,
                                text=body, container=tuple(containers), **kw))

    while i < n:
        tok = tokens[i]
        t = tok.type
        if t in ("blockquote_open", "bullet_list_open", "ordered_list_open"):
            containers.append(t[:-5])
            if t != "blockquote_open":
                list_depth += 1
        elif t in ("blockquote_close", "bullet_list_close", "ordered_list_close"):
            if containers:
                containers.pop()
            if t != "blockquote_close":
                list_depth -= 1
        elif t == "list_item_open":
            first_para_in_item.append(True)
        elif t == "list_item_close":
            if first_para_in_item:
                first_para_in_item.pop()
        elif t in ("heading_open", "paragraph_open") and i + 1 < n and tokens[i + 1].type == "inline":
            inline_tok = tokens[i + 1]
            start = (tok.map or inline_tok.map or [0, 1])[0] + 1
            acc = _inline(inline_tok, start)
            if t == "heading_open":
                kind, level = "heading", int(tok.tag[1:])
                attrs = HEADING_ATTRS_RE.search("".join(acc.prose))
                if attrs:
                    acc.prose = ["".join(acc.prose)[:attrs.start()] + " " * (attrs.end() - attrs.start())]
            elif first_para_in_item and first_para_in_item[-1] and tok.hidden is not None \
                    and containers and containers[-1] in ("bullet_list", "ordered_list"):
                kind, level = "list_item", list_depth
                first_para_in_item[-1] = False
            else:
                kind, level = "paragraph", list_depth
                if first_para_in_item:
                    first_para_in_item[-1] = False
            add(kind, tok.map, "".join(acc.text), prose=blank_shortcodes("".join(acc.prose)), level=level,
                inlines=tuple(acc.inlines), line_starts=tuple(acc.line_starts))
            i += 3
            continue
        elif t == "tr_open":
            cells: list[str] = []
            acc = _InlineText((tok.map or [0])[0] + 1)
            j = i + 1
            while j < n and tokens[j].type != "tr_close":
                if tokens[j].type == "inline":
                    before = len(acc.text)
                    acc = _inline(tokens[j], acc.line, acc)
                    cells.append("".join(acc.text[before:]).strip())
                    acc.add(" | ", prose=False)
                j += 1
            add("table_row", tok.map, " | ".join(cells), prose=blank_shortcodes("".join(acc.prose)),
                inlines=tuple(acc.inlines), cells=tuple(cells), line_starts=(0,))
            i = j + 1
            continue
        elif t in ("fence", "code_block"):
            info = fence_language(tok.info)
            body = (tok.map[0] + 2) if (t == "fence" and tok.map) else 0
            starts = [0] + [m.end() for m in _NEWLINE_RE.finditer(tok.content, 0, max(0, len(tok.content) - 1))]
            add("code", tok.map, tok.content, info=info, level=list_depth, body_line=body,
                line_starts=tuple(starts))
        elif t == "html_block" and not is_directive_block(tok.content) and not is_comment_block(tok.content):
            add("html", tok.map, tok.content)
        i += 1
    segments = jsx.join_html(segments, structure.text) if structure and mdx.is_mdx(path) else segments
    segments = numbered_paragraphs(segments)
    return Document(page=page, locale=locale, path=path,
                    segments=mdx.merge(structure, segments) if structure else tuple(segments),
                    line_count=text.count("\n") + (0 if text.endswith("\n") else 1))
