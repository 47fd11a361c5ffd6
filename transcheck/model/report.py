"""What rules produce and reporters render: findings, rule descriptions, the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from .page import AlignedPage


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
class Option:
    """A rule's configurable threshold: its name under ``[thresholds]``, default and meaning."""

    name: str
    default: float
    doc: str


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
    options: tuple[Option, ...] = ()
    why: str = ""
    """Why it matters (the rule's ``WHY``)."""


@dataclass(frozen=True)
class InputError:
    """A file that could not be checked, and why. The run goes on without it."""

    file: str
    message: str
    line: int | None = None
    locale: str | None = None
    """The locale of ``file`` when the file belongs to a page (for the overview)."""


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
    site: Mapping[str, object] = field(default_factory=dict)
    """The site configs read, the layouts used and config warnings (JSON ``site``); empty
    when only the path rules were used."""
    lost: tuple[str, ...] = ()
    """Files of pages not checked because their worker process died (the run exits 3)."""
    warnings: tuple[str, ...] = ()
    """Things the run could not do and says so (e.g. git history unreadable: ``outdated`` off)."""
