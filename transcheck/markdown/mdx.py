"""MDX and admonitions: what is structure and what is prose in Docusaurus, Starlight,
VitePress and Nextra pages.

:func:`scan` runs before the Markdown parser. In MDX files, ``import``/``export``
blocks (ESM, up to the next blank line), ``{...}`` expression lines and JSX component
tags (``<Tabs>``, ``<TabItem label="npm">``, ``<Aside type="tip" />``) are taken out
of the text (their lines stay, empty, so line numbers do not move) and recorded as
:class:`Component` items: structure, with their string props (``title="..."``,
``label='...'``) kept as prose. In Markdown and MDX alike, admonition fences
(``:::note``, ``:::tip[Title]``, ``::: warning Title``, Starlight asides) are taken
out (Docusaurus' ````mdx-code-block`` fences too: their content is MDX) and the lines between them are marked as inside a block of that kind, so the
parser can put the block's kind in each segment's container.
Code fences are left alone: a tag or ``:::`` inside a code block is code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import Inline, Segment
from . import admonitions
from .jsx import TAG_START_RE, dedent_fences, in_sentence, inline_jsx, tag_end

KIND_PROPS = ("type", "variant")
"""Props that say which kind of block a component is (``<Aside type="tip">``)."""

CODE_PROPS = frozenset(("classname", "class", "style", "id", "key", "href", "src", "to", "target",
                        "rel", "icon", "slug", "lang", "locale", "width", "height", "size", "color",
                        "kind", "sort", "category", "section", "synckey", "value", "defaultvalue"))
"""Props that hold class names, ids, URLs and settings (``className="!hidden dark:!block"``),
never text for readers."""

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MDX_FENCE_RE = re.compile(r"^\s*(`{3,}|~{3,})")
"""MDX has no indented code: a fence indented under a list item or in a component is a fence."""
_ESM_RE = re.compile(r"^(?:import|export)(?=[\s{*])")
_ADMON_OPEN_RE = re.compile(r"^\s{0,3}(:{3,})[ \t]*([A-Za-z][\w-]*)(?:\[(?P<t1>[^\]]*)\])?(?:\{[^}]*\})?[ \t]*(?P<t2>.*?)\s*$")
_ADMON_CLOSE_RE = re.compile(r"^\s{0,3}(:{3,})\s*$")
_TRAILING_CLOSE_RE = re.compile(r"</([A-Z][\w.]*)>\s*$")
_CLOSERS_RE = re.compile(r"^\s*[)}\]]+;?\s*$")
TAG_LINES = 400
"""Most lines one component tag's props may span (``<ThemeGrid themes={[`` … ``]} />``)."""
_HTML_TAG_RE = re.compile(r"\s*<[a-z][\w-]*(?:\s|$)")
"""A line opening a lowercase (HTML) tag whose attributes may go on over the next lines."""
LINK_PROPS = frozenset(("href", "link", "to"))
"""String props of a component that are links (``<LinkCard href="…">``)."""
_PROP_RE = re.compile(r"""([A-Za-z_][\w:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True)
class Component:
    """A JSX component tag: its name, 1-based line, string props, and whether it closes."""

    name: str
    line: int
    props: tuple[tuple[str, str], ...] = ()
    closing: bool = False

    @property
    def kind(self) -> str:
        """The name with its kind prop when it has one: ``Aside:tip``."""
        kind = next((v for k, v in self.props if k in KIND_PROPS), "")
        return f"{self.name}:{kind}" if kind else self.name

    @property
    def prose(self) -> str:
        """The translatable text of the tag: its string props other than kind props."""
        return "\n".join(v for k, v in self.props if k not in KIND_PROPS and _is_words(v)
                         and k.lower() not in CODE_PROPS and not _is_command(k, v))


def _is_words(value: str) -> bool:
    """True for prop values that read as text (``Quick start``, ``Yarn``), not ids or paths (``npm``)."""
    return bool(re.search(r"[^\W\d_]{2,}", value)) and not re.fullmatch(r"[a-z0-9_./#:@-]+", value)


_TOOLS = ("npm", "npx", "yarn", "pnpm", "pnpx", "bun", "bunx", "deno", "cargo", "pip", "pipx", "uv",
          "poetry", "go", "brew", "apt", "apt-get", "docker", "git", "curl", "wget", "composer", "gem",
          "dotnet")
_COMMAND_RE = re.compile(rf"^\s*\$?\s*(?:{'|'.join(re.escape(t) for t in _TOOLS)})\s+\S")


def _is_command(name: str, value: str) -> bool:
    """True for a prop that holds a shell command (``<CommandTabs npm="npm run tauri add
    store" cargo="cargo tauri add store">``): named after a package manager, or starting
    with one. Commands are code, not prose."""
    return name.lower() in _TOOLS or bool(_COMMAND_RE.match(value))


@dataclass
class Scan:
    """The Markdown left for the parser and the structure taken out of it."""

    text: str
    components: list[Component] = field(default_factory=list)
    """Opening and self-closing component tags (closing tags are not listed)."""
    containers: dict[int, tuple[str, ...]] = field(default_factory=dict)
    """1-based line -> the admonitions and components it sits in, outermost first."""
    titles: dict[int, str] = field(default_factory=dict)
    """1-based line of an admonition fence -> its title (prose)."""
    admonitions: dict[int, str] = field(default_factory=dict)
    """1-based line of an admonition's opening fence -> ``admonition:<kind>``."""
    opened_inline: set[int] = field(default_factory=set)
    """Lines where an admonition opens with its first words after the marker (Hugo alerts)."""
    esm_lines: list[int] = field(default_factory=list)


def _take_tags(lines: list[str], n: int, scan: Scan, stack: list[str]) -> int:
    """Take the component tags that open line ``n`` (0-based); returns the next line to read."""
    joined_from = n
    text = lines[n]
    while True:
        m = TAG_START_RE.match(text)
        if not m:
            break
        start = m.start() + text[m.start():].index("<")
        end = tag_end(text, start)
        if end < 0:  # props over the next lines (up to TAG_LINES): read them at once
            big = text + "".join("\n" + x for x in lines[joined_from + 1:n + TAG_LINES])
            end = tag_end(big, start)
            if end < 0:
                break
            stop = big.find("\n", end)
            stop = len(big) if stop < 0 else stop
            joined_from += big.count("\n", len(text), stop)
            text = big[:stop]
        tag = text[start:end]
        closing, name = m.group(1) == "/", m.group(2)
        line = n + 1 + text.count("\n", 0, start)
        if name != ">":
            props = tuple((k, a if a is not None else b) for k, a, b in _PROP_RE.findall(tag))
            self_closing = tag.rstrip(">").rstrip().endswith("/")
            if not closing:
                scan.components.append(Component(name, line, props))
                if not self_closing:
                    stack.append(f"<{Component(name, line, props).kind}>")
            elif stack and stack[-1].startswith(f"<{name}"):
                stack.pop()
        text = text[end:]
    last = text.split("\n")[-1]
    while (m := _TRAILING_CLOSE_RE.search(last)) and stack and stack[-1].startswith(f"<{m.group(1)}"):
        stack.pop()  # <Aside>text</Aside> on one line
        last = last[:m.start()]
    for k in range(n, joined_from + 1):  # the tag lines, emptied; text after the last tag kept
        lines[k] = ""
    lines[joined_from] = last if last.strip() else ""
    return joined_from + 1


def scan(text: str, mdx: bool = True) -> Scan:
    """Separate MDX structure and admonition fences from the Markdown in ``text``.

    ``mdx`` False (plain Markdown) handles admonitions only (``:::`` fences and the
    syntaxes of :mod:`.admonitions`).
    """
    lines = text.split("\n")
    if mdx:
        dedent_fences(lines)
    out = Scan("")
    stack: list[str] = []  # containers: "note" admonitions and "<Tabs>" components
    admon_depth: list[str] = []  # the fence (":::", "////") of each open admonition (on the stack too)
    ends: list[int] = []  # 0-based line after the body of each open GitHub alert / MkDocs admonition
    hugo_open: list[int] = []
    others = admonitions.might_hold(text)
    fence = ""
    transparent: list[str] = []  # open ```mdx-code-block fences
    n = 0
    prev_blank = True
    while n < len(lines):
        while ends and n >= ends[-1]:
            ends.pop()
            admonitions.pop_admonition(stack)
        line = lines[n]
        if stack:
            out.containers[n + 1] = tuple(stack)
        if fence:
            if line.strip().startswith(fence) and set(line.strip()) == {fence[0]}:
                fence = ""
            n += 1
            continue
        m = (_MDX_FENCE_RE if mdx else _FENCE_RE).match(line)
        if m and mdx and line.strip()[len(m.group(1)):].strip() == "mdx-code-block":
            transparent.append(m.group(1))  # Docusaurus: the fence's content is MDX
            lines[n] = ""
            n += 1
            continue
        if m and transparent and line.strip() == transparent[-1]:
            transparent.pop()
            lines[n] = ""
            n += 1
            continue
        if m:
            fence = m.group(1)
            n += 1
            continue
        close = _ADMON_CLOSE_RE.match(line) or (others and admonitions.BLOCKS_CLOSE_RE.match(line))
        if close and admon_depth and admon_depth[-1][0] == close.group(1)[0]:
            admonitions.pop_admonition(stack)
            admon_depth.pop()
            lines[n] = ""
            out.containers.pop(n + 1, None)
            n += 1
            continue
        opened = _ADMON_OPEN_RE.match(line)
        blocks = others and not opened and admonitions.BLOCKS_OPEN_RE.match(line)
        if (opened or blocks) and not close:
            if opened:
                title = opened["t1"] if opened["t1"] is not None else opened["t2"]
                kind, mark = opened.group(2), opened.group(1)
            else:
                title, kind, mark = blocks["title"] or "", blocks["kind"], blocks["fence"]
            admonitions.open_admonition(out, stack, n, admonitions.kind_of(kind), title)
            admon_depth.append(mark)
            lines[n] = ""
            n += 1
            continue
        if others and admonitions.take_other_syntax(lines, n, out, stack, ends, hugo_open):
            prev_blank = not lines[n].strip()
            n += 1
            continue
        if mdx and prev_blank and _ESM_RE.match(line):
            while n < len(lines) and lines[n].strip():
                out.esm_lines.append(n + 1)
                lines[n] = ""
                n += 1
            continue
        if mdx and _HTML_TAG_RE.match(line) and (span := _tag_lines(lines, n)) > 1:
            n += span  # <iframe / style={{ … }} / title="…" />: its props are the tag's, not expressions
            prev_blank = False
            continue
        if mdx and (line.lstrip().startswith("{") or _CLOSERS_RE.match(line)):
            lines[n] = ""  # an expression, {/* comment */} or render-prop line: code
        elif mdx and TAG_START_RE.match(line) and not inline_jsx(line) and not in_sentence(lines, n):
            n = _take_tags(lines, n, out, stack)
            prev_blank = not lines[n - 1].strip()
            continue
        prev_blank = not line.strip()
        n += 1
    out.text = "\n".join(lines)
    return out


def _tag_lines(lines: list[str], n: int, most: int = 50) -> int:
    """How many lines the tag opening on line ``n`` spans (1: it closes there, or not within ``most``)."""
    chunk = "\n".join(lines[n:n + most])
    end = tag_end(chunk, chunk.index("<"))
    return chunk.count("\n", 0, end) + 1 if end > 0 else 1


def is_mdx(path: str) -> bool:
    """True for files whose name says MDX."""
    return path.lower().endswith(".mdx")


def needs_scan(text: str, path: str) -> bool:
    """True when ``text`` may hold MDX structure or admonition fences."""
    return is_mdx(path) or ":::" in text or admonitions.might_hold(text)


def merge(found: Scan, segments: list[Segment]) -> tuple[Segment, ...]:
    """The parsed segments with admonition/component containers added, and one
    ``component`` segment per component tag and titled or untitled admonition, in line order.
    A component's ``href``/``link``/``to`` props are its links (a ``<LinkCard>``'s page).

    A component segment's ``info`` is its kind (``TabItem``, ``Aside:tip``,
    ``admonition:note``); its text is its translatable props or title (prose).
    """
    out = [replace(s, container=found.containers.get(s.line, ()) + s.container) for s in segments]
    for c in found.components:
        links = tuple(Inline("link", c.prose, c.line, v) for k, v in c.props if k.lower() in LINK_PROPS and v.strip())
        out.append(Segment(kind="component", index=0, line=c.line, end_line=c.line, text=c.prose,
                           prose=c.prose, info=c.kind, container=found.containers.get(c.line, ()),
                           inlines=links, line_starts=(0,)))
    for line, kind in found.admonitions.items():
        title = found.titles.get(line, "")
        where = found.containers.get(line, ())
        if line in found.opened_inline:
            where = where[:-1]  # the admonition itself, opened on this line
        out.append(Segment(kind="component", index=0, line=line, end_line=line, text=title, prose=title,
                           info=kind, container=where, line_starts=(0,)))
    out.sort(key=lambda s: (s.line, s.kind != "component"))
    return tuple(replace(s, index=i) for i, s in enumerate(out))
