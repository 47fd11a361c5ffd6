"""Pages as parsed and aligned: files, segments with their lines, aligned rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping


ANY_ADMONITION = "admonition:alert"
"""The ``info`` of an admonition whose kind the syntax does not say (a Hugo alert): it
matches an admonition of any kind (:func:`same_component`)."""


_FAMILIES = {
    "note": ("note", "info", "tip", "hint", "success", "check", "done", "seealso", "abstract",
             "summary", "tldr", "todo", "primary", "secondary", "light", "dark", "nb"),
    "warning": ("important", "warning", "warn", "caution", "attention"),
    "danger": ("danger", "error", "failure", "fail", "bug", "missing"),
}
_FAMILY_OF = {k: fam for fam, kinds in _FAMILIES.items() for k in kinds}


def admonition_family(info: str) -> str:
    """The comparable kind of a component: for an admonition its family
    (``admonition:tip`` -> ``admonition:note``, ``admonition:caution`` ->
    ``admonition:warning``, ``admonition:error`` -> ``admonition:danger``; other kinds such
    as ``details`` kept), any other component kind unchanged."""
    head, sep, kind = info.partition(":")
    if head != "admonition" or not sep:
        return info
    return f"admonition:{_FAMILY_OF.get(kind, kind)}"


def component_name(info: str) -> str:
    """The name of a component kind (``Alert:info`` -> ``Alert``; ``admonition:tip`` -> ``admonition``)."""
    return info.partition(":")[0]


def same_component(a: str, b: str) -> bool:
    """True when two component kinds (``info``) are the same: equal, admonitions of one
    family, or two admonitions one of which is of unknown kind (:data:`ANY_ADMONITION`)."""
    if admonition_family(a) == admonition_family(b):
        return True
    return ANY_ADMONITION in (a, b) and a.startswith("admonition:") and b.startswith("admonition:")


@dataclass(frozen=True)
class Inline:
    """An inline item inside a prose segment.

    ``kind`` is one of ``code``, ``link``, ``image``, ``autolink``, ``html``,
    ``strong``, ``em``, ``strike``. ``text`` is the code span content, the link or
    image text, or the raw inline HTML; ``target`` is the URL of links and images.
    ``line`` is 1-based, in the file.
    """

    kind: str
    text: str
    line: int
    target: str = ""


@dataclass(frozen=True)
class Segment:
    """One aligned unit of a page: a leaf block with its 1-based line span.

    ``kind`` is ``heading``, ``paragraph``, ``list_item``, ``table_row``, ``code``,
    ``html`` or ``front_matter``. ``container`` names the blocks it sits in, outermost
    first (``blockquote``, ``bullet_list``, ``ordered_list``, ``table``).
    ``text`` is the plain text of prose (inline markup removed, code spans kept as their
    content) or the literal content of a code or HTML block. ``prose`` holds only the
    translatable words: ``text`` with code spans, autolinked URLs and inline HTML blanked
    out by spaces, so that offsets in ``prose`` and ``text`` are the same, except in table
    rows: there ``text`` joins the stripped cells with `` | `` while ``prose`` runs the
    cells' words together unstripped, so offsets differ.
    ``level`` is the heading level or the list nesting depth. ``info`` is a code fence's
    info string (``bash``); ``cells`` holds the cell texts of a table row.
    """

    kind: str
    index: int
    line: int
    end_line: int
    text: str
    prose: str = ""
    level: int = 0
    container: tuple[str, ...] = ()
    info: str = ""
    inlines: tuple[Inline, ...] = ()
    cells: tuple[str, ...] = ()
    line_starts: tuple[int, ...] = ()
    """The offset in ``text`` where each source line starts (``body_line``, +1, ...)."""
    body_line: int = 0
    """1-based line where ``text`` starts (after a code fence's opening line); 0: ``line``."""

    def line_of(self, offset: int) -> int:
        """Return the 1-based file line of a character offset into ``text``."""
        first = self.body_line or self.line
        line = first
        for i, start in enumerate(self.line_starts):
            if start <= offset:
                line = first + i
        return min(line, self.end_line)

    @property
    def is_prose(self) -> bool:
        """True for segments whose words are meant to be translated."""
        return self.kind in ("heading", "paragraph", "list_item", "table_row", "component")

    def inlines_of(self, *kinds: str) -> tuple[Inline, ...]:
        """Return this segment's inline items of the given kinds, in order."""
        return tuple(i for i in self.inlines if i.kind in kinds)


@dataclass(frozen=True)
class Document:
    """One localized copy of a page, parsed."""

    page: str
    locale: str
    path: str
    """The file's path as shown to users (relative to the checked root when possible)."""
    segments: tuple[Segment, ...]
    line_count: int = 0


@dataclass(frozen=True)
class PageFile:
    """A file found by discovery: which page it is, in which locale."""

    page: str
    locale: str
    path: str
    """Absolute or user-given path used to read the file."""
    display: str
    """Path shown to users."""
    locale_source: str = "path"
    """How the locale was learnt: ``path`` (a marker in the path), ``source`` (the
    unmarked source tree or file), ``content`` (identified from the text)."""


@dataclass(frozen=True)
class PageGroup:
    """One page in all the locales it was found in."""

    page: str
    files: tuple[PageFile, ...]
    source_locale: str | None = None
    """The locale of the unmarked source copy, when the layout has one."""

    @property
    def locales(self) -> tuple[str, ...]:
        """The locales of this page, sorted."""
        return tuple(sorted(f.locale for f in self.files))


@dataclass(frozen=True)
class AlignedRow:
    """One position of a page, across every locale: the segment each locale has there.

    ``cells`` maps every locale of the page to its segment, or ``None`` where that
    locale has nothing at this position (missing in that locale).
    """

    index: int
    cells: Mapping[str, Segment | None]

    def present(self) -> dict[str, Segment]:
        """Return the locales that have a segment here, with their segments (a new dict each
        call, copied from one worked out on first use: ``cells`` is not changed once made)."""
        found = self.__dict__.get("_present")
        if found is None:
            found = {loc: seg for loc, seg in sorted(self.cells.items()) if seg is not None}
            object.__setattr__(self, "_present", found)
        return dict(found)


@dataclass(frozen=True)
class AlignedPage:
    """A page whose locales have been aligned segment by segment."""

    page: str
    documents: Mapping[str, Document]
    rows: tuple[AlignedRow, ...]
    reference: str | None = None
    """The locale every other is judged against, or ``None`` to judge N-way."""
    moves: tuple | None = None
    """Moved blocks already put back in the row where the others have them
    (:func:`transcheck.analyse.moves.settle_moves`); ``None``: not looked for yet."""

    @property
    def locales(self) -> tuple[str, ...]:
        """The locales of this page, sorted."""
        return tuple(sorted(self.documents))
