"""JSX syntax in MDX pages: where a tag ends, inline JSX in a sentence, code fences
indented inside elements, and HTML (JSX) elements as flow blocks: markdown-it's HTML block
ends at a blank line or at a line of text, while a JSX element spans blank lines and
holds Markdown."""

from __future__ import annotations

import re
from dataclasses import replace

from markdown_it.common.html_blocks import block_names
from markdown_it.rules_block import html_block

from ..model import Segment

TAG_START_RE = re.compile(r"\s*<(/?)([A-Z][\w.]*|>)")
"""A line opening with a component tag (``<Tabs>``, ``</Aside>``, ``<Release.X />``) or a fragment."""
_VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr"))
_LIST_RE = re.compile(r"^\s*(?:\d+[.)]|[-*+])\s")


def tag_end(text: str, start: int) -> int:
    """Index just after the ``>`` closing the tag that opens at ``start`` (-1: not closed)."""
    depth, quote, i = 0, "", start + 1
    while i < len(text):
        c = text[i]
        if quote:
            if c == quote:
                quote = ""
        elif c in "\"'`":
            quote = c
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == ">" and depth <= 0:
            return i + 1
        i += 1
    return -1


def inline_jsx(line: str) -> bool:
    """True when a line that starts with a component tag is prose with inline JSX: the
    element closes on the line and words follow it (``<Link href="/x">here</Link> for more``)."""
    m = TAG_START_RE.match(line)
    if not m or m.group(1) or m.group(2) == ">":
        return False
    start = line.index("<", m.start())
    end = tag_end(line, start)
    if end < 0:
        return False
    rest = line[end:].rstrip()
    closed = line[start:end].rstrip(">").rstrip().endswith("/") or f"</{m.group(2)}>" in rest
    return closed and bool(rest) and not rest.endswith(">")


def _is_text(line: str) -> bool:
    """True for a line of prose (not blank, not a tag, fence, expression or admonition)."""
    return bool(line.strip()) and not re.match(r"\s*(?:[<{:`~>|#]|\d+\.\s|[-*+]\s)", line)


def in_sentence(lines: list[str], n: int) -> bool:
    """True for a self-closing component alone on its line between lines of one sentence
    (``<Release.OperatingSystemDropdown />`` then ``用のNode.js®…``): inline JSX in prose."""
    m = TAG_START_RE.match(lines[n])
    if not m or m.group(1) or m.group(2) == ">":
        return False
    start = lines[n].index("<")
    end = tag_end(lines[n], start)
    if end < 0 or lines[n][end:].strip() or not lines[n][start:end - 1].rstrip().endswith("/"):
        return False
    return (n > 0 and _is_text(lines[n - 1])) or (n + 1 < len(lines) and _is_text(lines[n + 1]))


def dedent_fences(lines: list[str]) -> None:
    """MDX: a code fence indented inside a JSX element (``<div>`` then ```` ```js ```` four
    spaces in) is a fence; its lines move to the element's indentation. A fence under a
    list item stays."""
    orig, fence, cut = list(lines), "", 0
    for n, line in enumerate(orig):
        if fence:  # inside a fence: moved with its opening line, closed by a bare fence
            lines[n] = line[cut:] if not line[:cut].strip() else line.lstrip()
            if line.strip() and set(line.strip()) == {fence[0]} and len(line.strip()) >= len(fence):
                fence = ""
            continue
        m = re.match(r"^([ \t]*)(`{3,}|~{3,})", line)
        if not m:
            continue
        fence, cut = m.group(2), len(m.group(1))
        above = []  # the less indented lines above, up to the first one not indented at all
        for j in range(n - 1, -1, -1) if cut >= 4 else ():
            x = orig[j]
            if x.strip() and len(x) - len(x.lstrip()) < cut:
                above.append(x)
                if not x[0].isspace():
                    break
        if not above or any(_LIST_RE.match(x) for x in above) or not above[0].lstrip().startswith("<"):
            cut = 0
        else:
            cut -= len(above[0]) - len(above[0].lstrip())  # to the element's own indentation
            lines[n] = line[cut:]


def html_block_rule(state, start: int, end: int, silent: bool) -> bool:
    """markdown-it's HTML block rule, except for a line that starts with a component
    (``<Link href="/x">here</Link> for more``): in MDX that is inline JSX in prose, not an
    HTML block (``<link>`` is one to CommonMark); block-level components are gone by now.
    An HTML block ends before a line of text (or of inline JSX) that follows complete tags
    (``<section>`` then ``Read the changelog…``, ``</div>`` then a fence): that is Markdown."""
    pos = state.bMarks[start] + state.tShift[start]
    if state.src.startswith("<", pos) and state.src[pos + 1:pos + 2].isupper():
        return False
    if silent:
        return html_block(state, start, end, True) or _open_tag_lines(state, start, end, interrupt=True) > 0
    if not html_block(state, start, end, False):
        stop = _open_tag_lines(state, start, end)
        if not stop:
            return False
        token = state.push("html_block", "", 0)  # <img then its props on the next lines
        token.map = [start, stop]
        token.content = state.getLines(start, stop, state.blkIndent, True)
        state.line = stop
        return True
    token = state.tokens[-1]
    if re.match(r"<(?:!|\?|script|pre|style|textarea)", token.content.lstrip(), re.I):
        return True
    inside = _Open()
    for k in range(start + 1, token.map[1]):  # JSX: a line of text after complete tags is Markdown
        line = state.src[state.bMarks[k] + state.tShift[k]:state.eMarks[k]]
        if line and (not line.startswith("<") or inline_jsx(line)) \
                and not inside.continues(state.src, pos, state.bMarks[k]):
            token.map = [start, k]
            token.content = state.getLines(start, k, state.blkIndent, True)
            state.line = k
            break
    return True


def _open_tag_lines(state, start: int, end: int, interrupt: bool = False) -> int:
    """The line after a lowercase tag that opens ``start`` and ends its line, written as
    JSX (``style={{ display: 'inline' }}``) or over several lines (``<img`` / ``alt="…"`` /
    ``/>``), which CommonMark's HTML blocks do not take; 0 when there is none.

    The line may go on with whole elements (``<span>获取安全支持</span>``), not with words
    outside them (``<strong>Next.js</strong> を使用…``: prose with inline HTML); to
    ``interrupt`` a paragraph, only with tags (``<a href="…">New Built-In…</a>`` under a
    line of prose goes on the paragraph, as CommonMark reads it)."""
    pos = state.bMarks[start] + state.tShift[start]
    if not re.match(r"<[a-z][\w-]*(?:\s|/?>|$)", state.src[pos:state.eMarks[start]]):
        return 0
    for k in range(start, min(end, start + 50)):
        if k > start and state.isEmpty(k):
            return 0
        text = state.src[pos:state.eMarks[k]]
        if (stop := tag_end(text, 0)) >= 0:
            rest = text[stop:].strip()
            if not _TAGS_RE.sub("", rest).strip():
                return k + 1
            return k + 1 if not interrupt and rest.endswith(">") and not _words_outside(text) else 0
    return 0


def _words_outside(line: str) -> bool:
    """True when ``line`` (starting with a tag) has words outside its elements."""
    depth, i = 0, 0
    while i < len(line):
        p = line.find("<", i)
        if line[i:p if p >= 0 else len(line)].strip() and depth <= 0:
            return True
        if p < 0:
            return False
        m = _TAG_NAME_RE.match(line, p)
        end = tag_end(line, p) if m else -1
        if end < 0:
            i = p + 1
            continue
        if m.group(1):
            depth -= 1
        elif not line[p:end - 1].rstrip().endswith("/") and m.group(2) not in _VOID:  # <Link> is JSX
            depth += 1
        i = end
    return False


_TAG_NAME_RE = re.compile(r"<(/?)([A-Za-z][\w.-]*)")
_TAGS_RE = re.compile(r"</?[A-Za-z][^<>]*>")


class _Open:
    """The elements open in an HTML block read so far, read on where it stopped."""

    def __init__(self):
        self.at, self.names, self.read, self.read_at = -1, [], -1, -2

    def continues(self, src: str, start: int, stop: int) -> bool:
        """True when the HTML block ``src[start:stop]`` goes on at its next line: it ends
        inside a tag that has not closed (``<img`` then props) or inside an inline element
        (``<span>`` then its words on their own lines). Text after a block element
        (``<section>``) is Markdown."""
        if self.at == self.read_at and ">" not in src[self.read:stop]:
            return True  # the same tag, still not closed
        i = max(self.at, start)
        while (p := src.find("<", i, stop)) >= 0:
            m = _TAG_NAME_RE.match(src, p, stop)
            if not m:
                i = p + 1
                continue
            end = tag_end(src[p:min(stop, p + 20_000)], 0)
            if end < 0:
                self.at = self.read_at = p  # read this tag again once a ">" comes
                self.read = stop
                return True
            i = p + end
            name = m.group(2).lower()
            if m.group(1):
                while self.names and self.names.pop() != name:
                    pass
            elif not src[p:i - 1].rstrip().endswith("/") and name not in _VOID:
                self.names.append(name)
        self.at = i
        return bool(self.names) and self.names[-1] not in block_names


def join_html(segments: list[Segment], text: str) -> list[Segment]:
    """MDX: HTML blocks in the same container with only blank lines between them in
    ``text`` (the scanned text: components taken out are blank) as one block. A JSX element
    spans blank lines (``<table>`` … blank line … ``</table>``), so where translations put
    blank lines (or components) inside one element is layout, not structure."""
    lines = text.split("\n")
    out: list[Segment] = []
    for s in segments:
        last = out[-1] if out else None
        if last and last.kind == s.kind == "html" and last.container == s.container \
                and not any(x.strip() for x in lines[last.end_line:s.line - 1]):
            out[-1] = replace(last, end_line=s.end_line, text=last.text.rstrip("\n") + "\n" + s.text)
        else:
            out.append(replace(s, index=len(out)))
    return out
