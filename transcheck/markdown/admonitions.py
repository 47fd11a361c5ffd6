"""Admonitions written in other syntaxes than ``:::``: GitHub alerts, Hugo alerts, MkDocs.

One rendered callout is written many ways, and a translation often keeps the older
syntax of the page: the reference may say ``> [!NOTE]`` (a GitHub/GFM alert, also
rendered by Hugo and VitePress) where the translation still has Hugo's
``{{% alert title="Nota" %}}…{{% /alert %}}`` (or ``{{< alert >}}``), Docusaurus'
``:::note``, MkDocs' ``!!! note`` (body indented) or pymdownx's ``/// note``. All of them
are an admonition block here, and kinds are compared by family
(:func:`transcheck.model.admonition_family`: ``note`` = note, info, tip…; ``warning`` =
important, warning, caution…; ``danger`` = danger, error…), so that the syntax and the
exact word chosen are not drift while a note that became a warning still is. A Hugo alert's kind
is unknown (:data:`ALERT`): on real sites its ``color="warning"`` stands for notes and
warnings alike.

The helpers here rewrite lines in place for :func:`transcheck.markdown.mdx.scan`
(:func:`take_other_syntax`),
keeping line numbers: markers are blanked, ``>`` prefixes and MkDocs indentation are
removed from the body, and the body's lines are marked as inside the admonition.
"""

from __future__ import annotations

import re

from ..model import ANY_ADMONITION

GFM_RE = re.compile(r"^(?P<indent>[ \t]*)>[ \t]?\[!(?P<kind>[A-Za-z]+)\][-+]?[ \t]*(?P<title>.*?)\s*$")
"""The first line of a GitHub alert: ``> [!NOTE]``, ``> [!TIP] Optional title``."""
_HUGO_OPEN_RE = re.compile(r"^[ \t]*\{\{([%<])\s*alert\b(?P<args>.*?)\s*[%>]\}\}")
_HUGO_CLOSE_RE = re.compile(r"\{\{[%<]\s*/alert\s*[%>]\}\}")
_HUGO_ARG_RE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
MKDOCS_RE = re.compile(r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)"
                       r"(?:[ \t]+[\w-]+)*(?:[ \t]+\"(?P<title>[^\"]*)\")?[ \t]*$")
"""An MkDocs / Python-Markdown admonition: ``!!! note "Title"``, ``??? tip``, body indented."""
BLOCKS_OPEN_RE = re.compile(r"^[ \t]{0,3}(?P<fence>/{3,})[ \t]*(?P<kind>[A-Za-z][\w-]*)"
                            r"(?:[ \t]*\|[ \t]*(?P<title>.*?))?\s*$")
"""A pymdownx block: ``/// note | Title`` … ``///``."""
BLOCKS_CLOSE_RE = re.compile(r"^[ \t]{0,3}(/{3,})\s*$")


ALERT = ANY_ADMONITION
"""A Hugo (docsy) alert: its ``color`` is presentation and its title free text, so its kind
is unknown; it stands for an admonition of any kind when compared."""


def kind_of(name: str) -> str:
    """``admonition:<name>``, lower-cased: the ``info`` of an admonition's component."""
    return f"admonition:{name.lower()}"


def might_hold(text: str) -> bool:
    """True when ``text`` may hold one of these admonition syntaxes (a cheap test)."""
    return "[!" in text or "alert" in text or "!!!" in text or "???" in text or "///" in text


def gfm_alert(lines: list[str], n: int) -> tuple[str, str, int, bool] | None:
    """A GitHub alert opening at line ``n`` (0-based): its kind, title, the line after
    its last ``>`` line and whether its first words are on the marker line, with the
    marker blanked and the ``>`` of the body removed. Words after the marker are a title
    when a body follows, else the body (``> [!NB] Skip this step.``).
    ``None`` when line ``n`` does not open one."""
    m = GFM_RE.match(lines[n])
    if not m:
        return None
    indent = m["indent"]
    quote = re.compile(rf"^{re.escape(indent)}>[ \t]?")
    k = n + 1
    while k < len(lines) and quote.match(lines[k]):
        lines[k] = indent + quote.sub("", lines[k], count=1)
        k += 1
    body = any(line.strip() for line in lines[n + 1:k])
    lines[n] = "" if body or not m["title"] else indent + m["title"]
    return kind_of(m["kind"]), m["title"] if body else "", k, bool(lines[n])


def hugo_alert_open(line: str) -> tuple[str, str, str] | None:
    """A Hugo alert shortcode opening ``line``: :data:`ALERT`, its title and the line
    without the shortcode (text after it is the admonition's first words)."""
    m = _HUGO_OPEN_RE.match(line)
    if not m:
        return None
    title = next((next(v for v in a.groups()[1:] if v is not None)
                  for a in _HUGO_ARG_RE.finditer(m["args"]) if a[1].lower() == "title"), "")
    indent = line[:len(line) - len(line.lstrip())]
    return ALERT, title, indent + line[m.end():].lstrip()


def hugo_alert_close(line: str) -> str | None:
    """``line`` with a closing ``{{% /alert %}}`` blanked, or ``None`` when it has none."""
    m = _HUGO_CLOSE_RE.search(line)
    return None if m is None else (line[:m.start()] + line[m.end():]).rstrip()


def mkdocs_admonition(lines: list[str], n: int) -> tuple[str, str, int, bool] | None:
    """An MkDocs admonition opening at line ``n``: its family, title and the line after
    its indented body, with the marker blanked and the body dedented by four columns."""
    m = MKDOCS_RE.match(lines[n])
    if not m:
        return None
    base = len(m["indent"].expandtabs(4))
    lines[n] = ""
    k = n + 1
    last = n
    while k < len(lines):
        text = lines[k].expandtabs(4)
        if text.strip():
            if len(text) - len(text.lstrip()) < base + 4:
                break
            lines[k] = text[:base] + text[base + 4:]
            last = k
        k += 1
    return kind_of(m["kind"]), m["title"] or "", last + 1, False


def pop_admonition(stack: list[str]) -> None:
    """Close the innermost admonition (and components left open inside it)."""
    while stack and not stack[-1].startswith("admonition:"):
        stack.pop()
    if stack:
        stack.pop()


def open_admonition(out, stack: list[str], n: int, kind: str, title: str) -> None:
    """Record in ``out`` (a :class:`~transcheck.markdown.mdx.Scan`) an admonition opening at
    0-based line ``n``, and push it on ``stack``."""
    if title.strip():
        out.titles[n + 1] = title.strip()
    out.admonitions[n + 1] = kind
    stack.append(kind)


def take_other_syntax(lines: list[str], n: int, out, stack: list[str], ends: list[int],
                      hugo_open: list[int]) -> bool:
    """Take a GitHub alert, MkDocs admonition or Hugo alert (opening or closing) at line
    ``n`` into ``out`` (a ``Scan``) and ``stack``; True when line ``n`` was one (it is then
    done with). ``ends``: where open GitHub/MkDocs bodies end; ``hugo_open``: open Hugo alerts."""
    line = lines[n]
    found = gfm_alert(lines, n) or mkdocs_admonition(lines, n)
    if found:
        open_admonition(out, stack, n, found[0], found[1])
        ends.append(found[2])
        if found[3]:
            out.containers[n + 1] = tuple(stack)
            out.opened_inline.add(n + 1)
        return True
    hugo = hugo_alert_open(line)
    if hugo:
        open_admonition(out, stack, n, hugo[0], hugo[1])
        hugo_open.append(len(stack))
        line = lines[n] = hugo[2]
        if line.strip():
            out.containers[n + 1] = tuple(stack)
            out.opened_inline.add(n + 1)
    closed = hugo_alert_close(line) if hugo_open else None
    if closed is not None:
        lines[n] = closed if closed.strip() else ""
        if not closed.strip():
            out.containers.pop(n + 1, None)
        hugo_open.pop()
        pop_admonition(stack)
        return True
    return hugo is not None
