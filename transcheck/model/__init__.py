"""The data model every stage speaks.

Data flows one way::

    discover -> parse -> align -> analyse -> rules -> report

* ``discover`` turns paths into :class:`PageGroup` objects (one page, many locales).
* ``parse`` turns each file into a :class:`Document` made of :class:`Segment` objects
  (headings, paragraphs, list items, table rows, code blocks, HTML blocks), each with
  its 1-based line span and its inline items (:class:`Inline`).
* ``align`` lines the segments of all locales of a page up into :class:`AlignedRow`
  objects, gathered in an :class:`AlignedPage`.
* ``analyse`` computes each page's :class:`PageFacts` once (languages, misfiled files,
  untranslated copies, moved blocks, semantics, git history).
* rules (``transcheck.rules``) read an aligned page and its facts (never write them) and
  yield :class:`Finding` objects.
* reporters (``transcheck.reporters``) render a :class:`Report`: findings, rule
  descriptions (:class:`RuleInfo`), page summaries and input errors.

The types live in :mod:`.page` (parsed and aligned pages), :mod:`.facts` (settings and
per-page facts) and :mod:`.report` (findings and the report); import them from here.

Everything here is frozen and ordered, so that the same input always gives the same
output, whatever the hash seed.
"""

from __future__ import annotations

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


from .facts import (DEFAULT_PLACEHOLDERS, BlockShare, Copy, Detection, Move, PageFacts,  # noqa: E402
                    SentenceGap, Settings, SiteAddress, Verdict)
from .page import (ANY_ADMONITION, AlignedPage, AlignedRow, Document, Inline, PageFile, PageGroup,  # noqa: E402
                   Segment, admonition_family, component_name, same_component)
from .report import (Example, Finding, InputError, Location, Option, PageSummary, PageView, Report,  # noqa: E402
                     RuleInfo, ViewCell, ViewRow)

__all__ = [
    "CATEGORIES", "DEFAULT_PLACEHOLDERS", "SCHEMA", "SEVERITIES", "AlignedPage", "AlignedRow",
    "BlockShare", "Copy",
    "Detection", "Document", "Example", "Finding", "Inline", "InputError", "Location", "Move", "Option",
    "PageFacts", "PageFile", "PageGroup", "PageSummary", "PageView", "Report", "RuleInfo", "Segment",
    "SentenceGap", "Settings", "SiteAddress", "Verdict", "ViewCell", "ViewRow", "severity_rank",
]
