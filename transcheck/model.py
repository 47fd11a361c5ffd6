"""The data model every stage speaks.

Data flows one way::

    discover -> parse -> align -> check -> report

* ``discover`` turns paths into :class:`PageGroup` objects (one page, many locales).
* ``parse`` turns each file into a :class:`Document` made of :class:`Segment` objects
  (headings, paragraphs, list items, table rows, code blocks, HTML blocks), each with
  its 1-based line span and its inline items (:class:`Inline`).
* ``align`` lines the segments of all locales of a page up into :class:`AlignedRow`
  objects, gathered in an :class:`AlignedPage`.
* rules (``transcheck.rules``) read aligned pages and yield :class:`Finding` objects.
* reporters (``transcheck.reporters``) render a :class:`Report`: findings, rule
  descriptions (:class:`RuleInfo`), page summaries and input errors.

Everything here is frozen and ordered, so that the same input always gives the same
output, whatever the hash seed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Mapping

Severity = Literal["error", "warning", "info"]

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
"""Severities, most severe first."""

CATEGORIES: tuple[str, ...] = (
    "code-drift",
    "inline-code-drift",
    "link-drift",
    "number-drift",
    "structure-drift",
    "markup-drift",
    "missing-content",
    "extra-content",
    "mixed-language",
    "untranslated",
    "semantic-drift",
    "outdated",
)
"""Every finding belongs to exactly one of these categories."""

SCHEMA = "transcheck/1"
"""Identifier of the JSON output schema (see README, "JSON output")."""


def severity_rank(severity: str) -> int:
    """Return 0 for error, 1 for warning, 2 for info (lower is more severe)."""
    return SEVERITIES.index(severity)


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
    out by spaces, so that offsets in ``prose`` and ``text`` are the same.
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
        return self.kind in ("heading", "paragraph", "list_item", "table_row")

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
    detected_language: str = ""
    """Language identified from the text (filled by the language stage), or empty."""


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
        """Return the locales that have a segment here, with their segments."""
        return {loc: seg for loc, seg in sorted(self.cells.items()) if seg is not None}


@dataclass(frozen=True)
class AlignedPage:
    """A page whose locales have been aligned segment by segment."""

    page: str
    documents: Mapping[str, Document]
    rows: tuple[AlignedRow, ...]
    reference: str | None = None
    """The locale every other is judged against, or ``None`` to judge N-way."""

    @property
    def locales(self) -> tuple[str, ...]:
        """The locales of this page, sorted."""
        return tuple(sorted(self.documents))


@dataclass(frozen=True)
class Location:
    """A place in a file: used for related locations (the same segment elsewhere)."""

    locale: str
    file: str
    line: int
    end_line: int


@dataclass(frozen=True)
class Finding:
    """One problem, in one locale, at one place, that a user can act on."""

    rule: str
    category: str
    severity: str
    page: str
    locale: str
    file: str
    line: int
    end_line: int
    message: str
    expected: str = ""
    actual: str = ""
    fingerprint: str = ""
    related: tuple[Location, ...] = ()
    basis: str = ""
    """How the expected value was chosen: ``reference``, ``evidence``, ``majority``
    or empty where it does not apply."""

    def sort_key(self) -> tuple:
        """Key that orders findings deterministically (page, locale, line, rule, ...)."""
        return (self.page, self.locale, self.line, self.end_line, self.rule, self.message,
                self.expected, self.actual)


@dataclass(frozen=True)
class Example:
    """A documented pass or fail case of a rule: Markdown per locale."""

    title: str
    pages: Mapping[str, str]
    fails: bool


@dataclass(frozen=True)
class RuleInfo:
    """What a rule is: its stable ID, category, default severity and documentation."""

    id: str
    name: str
    category: str
    severity: str
    summary: str
    doc: str
    examples: tuple[Example, ...] = ()


@dataclass(frozen=True)
class InputError:
    """A file that could not be checked, and why. The run goes on without it."""

    file: str
    message: str
    line: int | None = None


@dataclass(frozen=True)
class PageSummary:
    """What was checked for one page."""

    page: str
    files: Mapping[str, str]
    """locale -> file path shown to users."""
    reference: str | None
    segments: int
    parity: Mapping[str, float] = field(default_factory=dict)
    """locale -> semantic parity score in [0, 1], when scored."""


@dataclass(frozen=True)
class ViewCell:
    """One locale's segment in a row of a :class:`PageView` (for side-by-side reports)."""

    line: int
    end_line: int
    kind: str
    text: str
    score: float | None = None
    """Semantic parity of this segment against the others in [0, 1], when scored."""


@dataclass(frozen=True)
class ViewRow:
    """One aligned position of a page: locale -> cell, or ``None`` where it is missing."""

    index: int
    cells: Mapping[str, ViewCell | None]


@dataclass(frozen=True)
class PageView:
    """The aligned segments of one page, in order, as reporters show them side by side."""

    page: str
    rows: tuple[ViewRow, ...]

    @classmethod
    def from_aligned(
        cls,
        page: AlignedPage,
        scores: Mapping[tuple[int, str], float] | None = None,
    ) -> "PageView":
        """Build the view of an aligned page; ``scores`` maps (row index, locale) to parity."""
        scores = scores or {}
        rows = []
        for row in page.rows:
            cells: dict[str, ViewCell | None] = {}
            for loc in sorted(row.cells):
                seg = row.cells[loc]
                cells[loc] = None if seg is None else ViewCell(
                    seg.line, seg.end_line, seg.kind, seg.text, scores.get((row.index, loc)))
            rows.append(ViewRow(row.index, cells))
        return cls(page.page, tuple(rows))


@dataclass(frozen=True)
class Report:
    """Everything a reporter needs: nothing here refers back to checks."""

    findings: tuple[Finding, ...]
    rules: tuple[RuleInfo, ...]
    pages: tuple[PageSummary, ...]
    errors: tuple[InputError, ...]
    tool: Mapping[str, str]
    segment_scores: Mapping[str, object] = field(default_factory=dict)
    """Per page, the parity of each aligned prose row (JSON ``segments``; see the README)."""
    suppressed: int = 0
    """Findings silenced by inline ``transcheck-disable`` comments."""
    baselined: int = 0
    """Findings dropped because the baseline accepts them."""
    views: tuple[PageView, ...] = ()
    """Aligned segments per page, for side-by-side reports (HTML); optional."""
    embedding_stats: Mapping[str, int] = field(default_factory=dict)
    """Semantic stage counters (``hits``, ``misses``, ``model_loaded``); not rendered."""
