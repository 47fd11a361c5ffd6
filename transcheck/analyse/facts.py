"""The analysis step: compute a page's :class:`~transcheck.model.PageFacts` once, before the rules.

Cheap facts (languages, presence of blocks, the group, semantics, git history) are
always filled; costly ones only when a rule that will run names them in its ``FACTS``
(see :mod:`transcheck.rules.base`). Rules then only read the facts, so their results do
not depend on the order they run in.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterable

from ..model import AlignedPage, PageFacts, PageGroup, Settings, SiteAddress
from .language.pages import COPY_RATIO, MISFILED_SHARE, misfiled, page_languages, untranslated_copies
from .coverage import STUB_COVERAGE, STUB_MIN_BLOCKS, block_shares, stubs
from .moves import find_moves, presence
from .splits import split_blocks
from .semantic.sentences import embed_page_sentences, sentence_gaps

if TYPE_CHECKING:
    from ..run.gitutil import History
    from .semantic.engine import PageSemantics

COSTLY = ("misfiled", "copies", "moves", "missing_sentences", "extra_sentences")
"""Facts computed only on demand (names rules may list in ``FACTS``)."""


def page_facts(page: AlignedPage, settings: Settings, *, group: PageGroup | None = None,
               expected_locales: tuple[str, ...] = (), semantics: "PageSemantics | None" = None,
               history: "History | None" = None, wanted: Iterable[str] = COSTLY,
               site_reference: str | None = None, known: PageFacts | None = None,
               site_address: SiteAddress | None = None) -> PageFacts:
    """Analyse one aligned page: everything the rules read, computed once.

    ``wanted`` names the costly facts to compute (default: all of :data:`COSTLY`).
    ``known``: the facts of an earlier call for this page; its cheap facts are
    returned as they are and only the costly ones in ``wanted`` are computed.
    """
    wanted = set(wanted)
    unknown = wanted - set(COSTLY)
    if unknown:
        raise ValueError(f"unknown page facts: {', '.join(sorted(unknown))}")
    languages = known.languages if known is not None else page_languages(page)
    # a split or merged paragraph is not missing
    verdicts = known.presence if known is not None else split_blocks(page, presence(page))
    wrong = {}
    if wanted & {"misfiled", "copies"}:
        wrong = misfiled(page, group, settings.threshold("wrong_language_share", MISFILED_SHARE))
    copies = {}
    if "copies" in wanted:
        copies = untranslated_copies(page, languages, wrong,
                                     settings.threshold("untranslated_ratio", COPY_RATIO))
    if page.moves is not None:  # settled by the alignment step (moved blocks put back)
        moves = page.moves
    else:
        moves = find_moves(page, verdicts, semantics) if "moves" in wanted else ()
    missing = extra = ()
    if semantics is not None and wanted & {"missing_sentences", "extra_sentences"}:
        embed_page_sentences(semantics, page)
        if "missing_sentences" in wanted:
            missing = tuple(g for row in page.rows for g in sentence_gaps(semantics, page, row))
        if "extra_sentences" in wanted:
            extra = tuple(g for row in page.rows for g in sentence_gaps(semantics, page, row, extra=True))
    if known is not None:
        return replace(known, misfiled=wrong, copies=copies, moves=moves, missing_sentences=missing,
                       extra_sentences=extra)
    stub = stubs(page, block_shares(page, verdicts, moves),
                 settings.threshold("stub_coverage", STUB_COVERAGE),
                 settings.threshold("stub_min_blocks", STUB_MIN_BLOCKS))
    return PageFacts(group=group, expected_locales=tuple(expected_locales), languages=languages,
                     misfiled=wrong, copies=copies, presence=verdicts, moves=moves, semantics=semantics,
                     missing_sentences=missing, extra_sentences=extra, history=history,
                     site_reference=site_reference, stubs=stub,
                     site_address=site_address or SiteAddress())
