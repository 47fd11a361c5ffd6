"""A link to an anchor of its own file that no heading or anchor of that file defines.

Anchors follow headings, and headings get translated: ``[Basics](#basics)`` in a
page whose heading now reads ``## Основы`` leads nowhere. Each ``#anchor`` link is
resolved against the file's own headings (GitHub, Hugo, Docusaurus, Starlight,
VitePress and MkDocs slugs, non-Latin scripts and percent-encoding included), its
explicit ``{#id}`` attributes and its HTML ``id``/``name`` attributes; anchors are
never compared between locales. When the anchor names a heading in another locale,
the message says which heading of this file it should point to.

A file that pulls in content from elsewhere (Hugo shortcodes, MDX imports and
components, MkDocs snippets) may get headings from there, and a file in an
``_includes``/``partials`` folder links to the headings of the page including it, so
an anchor there is reported only when it resolves in another locale and not in this one.
"""

from __future__ import annotations

import re
import sys
from typing import Iterator

from ..analyse.links import document_anchors, fragment_of, heading_slugs, resolves
from ..model import AlignedPage, Document, Example, Finding, Segment
from .base import RuleContext, make_finding

ID = "broken-anchor"
CATEGORY = "link-drift"
SEVERITY = "warning"
WHY = ("A link to a section that no longer exists scrolls nowhere: the reader of this locale "
       "lands at the top of the page, without the section the link promised.")
"""Why it matters (shown by ``transcheck explain``)."""

EXAMPLES = (
    Example("anchors follow the translated headings", {
        "de": "Siehe [Grundlagen](#grundlagen).\n\n## Grundlagen\n\nText.\n",
        "ru": "См. [Основы](#основы).\n\n## Основы\n\nТекст.\n",
    }, fails=False),
    Example("the heading was translated, the anchor was not", {
        "de": "Siehe [Grundlagen](#grundlagen).\n\n## Grundlagen\n\nText.\n",
        "ru": "См. [Основы](#grundlagen).\n\n## Основы\n\nТекст.\n",
    }, fails=True),
)

_INCLUDES = re.compile(r"\{\{[<%]|^import\s|^<[A-Z]|--8<--|<!--\s*@include|\{%\s*include", re.M)


_PARTIAL_DIRS = re.compile(r"(?:^|/)_?(?:includes?|partials?|snippets?|fragments?)/", re.I)


def _includes(doc: Document) -> bool:
    """True if ``doc`` includes content from elsewhere, or is itself a piece included elsewhere."""
    if _PARTIAL_DIRS.search(doc.path.replace("\\", "/")):
        return True
    return any(_INCLUDES.search(s.text) for s in doc.segments if s.kind in ("paragraph", "html", "list_item"))


def _heading_of(doc: Document, anchor: str) -> Segment | None:
    """The heading of ``doc`` that ``anchor`` names, if any."""
    for seg in doc.segments:
        if seg.kind == "heading":
            explicit, slugs = heading_slugs(seg.text)
            if resolves(anchor, frozenset(x.lower() for x in slugs | ({explicit} if explicit else set()))):
                return seg
    return None


def _suggest(page: AlignedPage, locale: str, anchor: str, others: list[str]) -> str:
    """This file's own anchor for the heading that ``anchor`` names in another locale."""
    for other in others:
        target = _heading_of(page.documents[other], anchor)
        if target is None:
            continue
        for row in page.rows:
            if row.cells.get(other) is target:
                mine = row.cells.get(locale)
                if mine is not None and mine.kind == "heading":
                    explicit, slugs = heading_slugs(mine.text)
                    return f"#{explicit or min(slugs, key=lambda s: (len(s), s))}" if (explicit or slugs) else ""
    return ""


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per link to an anchor its own file does not define."""
    rule = sys.modules[__name__]
    anchors = {loc: document_anchors(doc) for loc, doc in page.documents.items()}
    for loc, doc in sorted(page.documents.items()):
        has_includes = None
        for seg in doc.segments:
            for item in seg.inlines:
                frag = fragment_of(item.target) if item.kind == "link" else None
                if frag is None or resolves(frag, anchors[loc]):
                    continue
                others = [o for o in sorted(anchors) if o != loc and resolves(frag, anchors[o])]
                if not others:
                    if has_includes is None:
                        has_includes = _includes(doc)
                    if has_includes:
                        continue
                msg = f"link [{item.text.strip()}](#{frag}): no heading or anchor of this file is #{frag}"
                hint = _suggest(page, loc, frag, others) if others else ""
                if others:
                    msg += f"; it is a heading in {', '.join(others)}" + (f" (here: {hint})" if hint else "")
                yield make_finding(rule, page, loc, seg, msg, expected=hint or "an anchor this file defines",
                                   actual=f"#{frag}",
                                   basis="evidence", key=(frag,), line=item.line, end_line=item.line)
