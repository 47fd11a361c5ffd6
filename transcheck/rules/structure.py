"""Block structure that differs: heading levels, block kinds, lists, quotes, tables.

The aligned blocks of a segment position must have the same shape in every locale:
a heading stays a heading of the same level, a list item stays in the same kind of
list at the same depth, a block quote stays quoted, a table row keeps its number of
cells, an admonition (``:::tip``) or MDX component (``<Tabs>``, ``<Aside type="tip">``)
keeps its kind, and one that the reference (or most locales) has is not lost, unless the
configuration names it in ``source_only_components`` (translators leave it out on purpose).
Wording is free; shape is not. A code block or a paragraph indented into a list item or
out of it (the same block, nested otherwise: a list indented by two spaces leaves the
paragraph under it outside the item) is info: translators re-indent, and the block
itself is compared by its own rules.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import Iterator

from ..model import (ANY_ADMONITION, AlignedPage, admonition_family, component_name, Example, Finding,
                     Segment, same_component)
from .base import RuleContext, component_label, judge, make_finding, severity_for, shorten

ID = "structure"
CATEGORY = "structure-drift"
SEVERITY = "warning"
WHY = ("Headings and list nesting carry the page's outline and anchors; a changed level "
       "breaks the table of contents and links to sections.")
"""Why it matters (shown by ``transcheck explain``)."""

EXAMPLES = (
    Example("same shape, other words", {
        "de": "## Installation\n\n- eins\n- zwei\n",
        "fr": "## Installation\n\n- un\n- deux\n",
    }, fails=False),
    Example("a heading level changed", {
        "de": "# Titel\n\n## Schritt eins\n\nText.\n",
        "fr": "# Titre\n\n### Première étape\n\nTexte.\n",
        "pt": "# Título\n\n## Primeiro passo\n\nTexto.\n",
    }, fails=True),
)


def _where(seg: Segment) -> str:
    """`` in bullet list > tip admonition``: the containers of a block, readable."""
    if not seg.container:
        return ""
    return " in " + " > ".join(component_label(c.strip("<>")) if c.startswith(("<", "admonition:"))
                               else c.replace("_", " ") for c in seg.container)


def _inside(seg: Segment) -> str:
    """The containers of a block, comparable: the kind of an admonition or component around
    it (``<Alert:info>``) is checked once, on the component itself, not on every block inside it."""
    return "/".join("admonition" if c.startswith("admonition:") else
                    "<" + component_name(c.strip("<>")) + ">" if c.startswith("<") else c for c in seg.container)


def _changed_kinds(page: AlignedPage) -> Counter:
    """How often each locale has, in a row, a component of another kind than the others'
    same component there, by (locale, the others' kind): reported on that row as a changed
    kind (``<Alert Infos>`` where the others have ``<Alert info>``), not again as lost."""
    out: Counter = Counter()
    for row in page.rows:
        segs = {loc: s for loc, s in row.present().items() if s.kind == "component"}
        for loc, s in segs.items():
            out.update({(loc, admonition_family(o.info)) for lc, o in segs.items() if lc != loc
                        and component_name(o.info) == component_name(s.info) and not same_component(o.info, s.info)})
    return out


def _shape(seg: Segment) -> tuple[str, str]:
    """A short comparable description of a block's shape, and its readable form."""
    if seg.kind == "component":
        return f"component:{admonition_family(seg.info)}|{_inside(seg)}", component_label(seg.info) + _where(seg)
    if seg.kind == "heading":
        return f"h{seg.level}", f"level-{seg.level} heading"
    if seg.kind == "table_row":
        return f"row{len(seg.cells)}", f"table row with {len(seg.cells)} cells"
    where = _where(seg)
    kind = seg.kind.replace("_", " ")
    depth = f" (depth {seg.level})" if seg.kind == "list_item" and seg.level > 1 else ""
    return f"{seg.kind}|{_inside(seg)}|{seg.level if seg.kind == 'list_item' else 0}", \
        f"{kind}{depth}{where}"


_LISTS = ("bullet_list", "ordered_list")


def _list_nesting_only(seg: Segment, other: Segment) -> bool:
    """True when two code blocks, or two paragraphs, differ only in the lists around them."""
    outside = lambda s: tuple(c for c in s.container if c not in _LISTS)  # noqa: E731
    return seg.kind == other.kind and seg.kind in ("code", "paragraph") and outside(seg) == outside(other)


def _lost_components(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """MDX components and admonitions of a kind that a locale has fewer of than the
    reference (or most locales): counted per kind, so a misaligned row cannot hide or fake
    one; the finding points at the first aligned row of that kind the locale lacks."""
    rule = sys.modules[__name__]
    counts = {loc: Counter(s.info for s in doc.segments if s.kind == "component")
              for loc, doc in page.documents.items()}
    collapse = any(c[ANY_ADMONITION] for c in counts.values())  # a Hugo alert: admonitions counted, not kinds

    def key(info: str) -> str:
        return ANY_ADMONITION if collapse and info.startswith("admonition:") else admonition_family(info)
    counts = {loc: Counter(key(k) for k in c.elements()) for loc, c in counts.items()}
    changed = _changed_kinds(page)
    source_only = set(ctx.settings.source_only_components)
    for kind in sorted(set().union(*counts.values())):
        if component_name(kind) in source_only:
            continue  # translations leave it out on purpose (source_only_components)
        verdict = judge({loc: c[kind] for loc, c in counts.items()}, page.reference)
        if verdict.expected is None:
            continue
        for loc in verdict.deviants:
            lost = verdict.expected - counts[loc][kind] - changed[(loc, kind)]
            if lost <= 0:
                continue
            line, last_end, sample = 1, 0, None
            for row in page.rows:
                mine = row.cells.get(loc)
                if mine is not None:
                    last_end = mine.end_line
                elif any(s.kind == "component" and key(s.info) == kind for s in row.present().values()):
                    holders = row.present()
                    sample = holders.get(page.reference) or next(iter(holders.values()))
                    line = min(last_end + 1, page.documents[loc].line_count or 1)
                    break
            readable = component_label(kind)
            own = component_label(sample.info) if sample is not None and sample.kind == "component" else readable
            said = f'{own} "{shorten(sample.text, 60)}"' if sample is not None and sample.text else own
            said = f"{lost}× {readable}, first {said}" if lost > 1 else said
            note = " (majority used)" if verdict.basis in ("majority", "tie") else ""
            where = ", ".join(f"{lc} {counts[lc][kind]}" for lc in verdict.supporters)
            yield make_finding(rule, page, loc, None,
                               f"lost {said}; {loc} has {counts[loc][kind]}, {where}{note}",
                               expected=f"{verdict.expected}× {readable}", actual=f"{counts[loc][kind]}× {readable}",
                               severity=severity_for(SEVERITY, verdict.basis), basis=verdict.basis,
                               key=("lost", kind), line=line, end_line=line)


def lost_component(f: Finding) -> tuple[str, int] | None:
    """The MDX component a ``lost`` finding of this rule names, and how many of it the locale
    has left (``("DontEditWarning", 0)``); ``None`` for any other finding (admonitions too)."""
    if f.rule != ID or not f.message.startswith("lost <") or "× <" not in f.expected:
        return None
    return f.expected.split("× <", 1)[1].split(">", 1)[0].split(" ", 1)[0], int(f.actual.split("×", 1)[0])


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per block whose shape differs from the expected shape, and one
    per MDX component or admonition a locale lost."""
    rule = sys.modules[__name__]
    yield from _lost_components(page, ctx)
    for row in page.rows:
        segs = row.present()
        if len(segs) < 2:
            continue
        shapes = {loc: _shape(s) for loc, s in segs.items()}
        if any(s.kind == "component" and s.info.startswith("admonition:") and s.info != ANY_ADMONITION
               for s in segs.values()):  # an admonition of unknown kind matches any kind
            shapes = {loc: sh for loc, sh in shapes.items() if segs[loc].info != ANY_ADMONITION}
            if len(shapes) < 2:
                continue
        verdict = judge({loc: s[0] for loc, s in shapes.items()}, page.reference)
        if verdict.expected is None:
            continue
        readable = next(s[1] for s in shapes.values() if s[0] == verdict.expected)
        for loc in verdict.deviants:
            seg = segs[loc]
            note = " (majority used)" if verdict.basis in ("majority", "tie") else ""
            msg = (f"{shapes[loc][1]} where {', '.join(verdict.supporters)}{note} have a {readable}")
            nesting = _list_nesting_only(seg, segs[verdict.supporters[0]])
            if nesting:
                msg += f" (the same {'code block' if seg.kind == 'code' else 'paragraph'}, indented into or out of a list item)"
            yield make_finding(rule, page, loc, seg, msg, expected=readable, actual=shapes[loc][1],
                               severity="info" if nesting else severity_for(SEVERITY, verdict.basis),
                               basis=verdict.basis,
                               row=row, key=(readable, shapes[loc][1]))
