"""Settings and the per-page facts the analysis stage computes and rules read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping

from .page import PageGroup

if TYPE_CHECKING:  # types of per-page facts produced by later stages (no import at run time)
    from ..analyse.semantic.engine import PageSemantics
    from ..run.gitutil import History


DEFAULT_PLACEHOLDERS: tuple[str, ...] = (
    r"\{\{[^{}\n]+\}\}",          # {{path/to/file}}  (tldr pages, Jinja-style)
    r"<[^\s<>/=&|;()][^<>\n]*?>",  # <your-username>   (angle-bracket placeholders)
    r"\$\{[^{}\n]+\}",            # ${PROJECT_ID}
    r"\[\[[^\[\]\n]+\]\]",         # [[option]]
)
"""Default regular expressions for translatable placeholders inside code."""


@dataclass(frozen=True)
class Settings:
    """Knobs the analysis and the rules read; filled from defaults, configuration files and the CLI."""

    reference: str | None = None
    placeholders: tuple[str, ...] = DEFAULT_PLACEHOLDERS
    thresholds: Mapping[str, float] = field(default_factory=dict)
    severity: Mapping[str, str] = field(default_factory=dict)
    """Severity overrides by rule ID or category (the rule ID wins)."""
    source_only_components: tuple[str, ...] = ()
    """MDX component names that translations leave out on purpose (not reported as lost)."""

    def threshold(self, name: str, default: float) -> float:
        """Return a named threshold, or ``default`` when not configured."""
        return float(self.thresholds.get(name, default))


@dataclass(frozen=True)
class Detection:
    """A language guess: base code (``""`` when unknown) and confidence in [0, 1]."""

    lang: str
    confidence: float


@dataclass(frozen=True)
class Verdict:
    """The outcome of judging one value across locales (see :func:`transcheck.analyse.judge.judge`)."""

    expected: object | None
    deviants: tuple[str, ...]
    supporters: tuple[str, ...]
    basis: str
    """``reference``, ``evidence``, ``majority``, ``tie`` or ``agree``."""


@dataclass(frozen=True)
class Move:
    """A block one locale has at another place: missing at row ``missing_row``, standing at
    row ``extra_row`` instead."""

    locale: str
    missing_row: int
    extra_row: int


@dataclass(frozen=True)
class Copy:
    """A prose segment that copies another locale instead of translating it."""

    source: str
    """The locale whose text it copies (or whose language it is written in)."""
    basis: str
    """``reference`` (a copy of the reference), ``evidence`` (a copy of another locale and
    not in this locale's language) or ``language`` (in the reference's language)."""


@dataclass(frozen=True)
class BlockShare:
    """How much of a page's expected blocks one locale's copy holds."""

    expected: int
    """Rows where this locale should have a block (front matter not counted)."""
    missing: tuple[int, ...]
    """Indexes of those rows where it has none (moved blocks not counted), in page order."""

    @property
    def share(self) -> float:
        """Share of the expected blocks this copy has (1.0 when nothing is expected)."""
        return 1 - len(self.missing) / self.expected if self.expected else 1.0


@dataclass(frozen=True)
class SentenceGap:
    """A sentence the consensus has and one locale lacks (or the reverse)."""

    row: int
    locale: str
    """The locale that lacks (missing) or alone has (extra) the sentence."""
    sentence: str
    source: str
    """The locale whose copy of the sentence is quoted."""
    witnesses: tuple[str, ...]
    """Locales that agree (they have it, for missing; they lack it, for extra)."""
    coverage: float
    """Best cosine of the sentence to any sentence on the other side (low: absent)."""
    agreement: float
    """Median cosine among the witnesses' copies of the sentence (missing), or of this
    locale's paragraph to the witnesses' (extra)."""
    length_ratio: float
    """Median length of this locale's paragraph vs the witnesses', corrected for
    language expansion (1.0 = as long as expected)."""


@dataclass(frozen=True)
class SiteAddress:
    """Where a site's pages are served, from its config: what its links resolve against."""

    urls: tuple[str, ...] = ()
    """The site's own addresses (``https://hexo.io``): links to them are links into the site."""
    folders: bool | None = None
    """True when pages are served as folders (``/docs/x/``: Hugo, Starlight, MkDocs), False
    as files (``/docs/x``, ``/docs/x.html``: Docusaurus, VitePress, Nextra, Rspress), None
    when unknown."""


@dataclass(frozen=True)
class PageFacts:
    """What the analysis stage learnt about one page, computed once; rules only read it.

    Costly facts (``misfiled``, ``copies``, ``moves``, the sentence gaps) are computed only
    when a selected rule names them in its ``FACTS``; otherwise they are empty.
    """

    group: PageGroup | None = None
    """The page group (its files and how their locales were learnt)."""
    expected_locales: tuple[str, ...] = ()
    """Every locale of the site: the locales this page should exist in."""
    languages: Mapping[str, str] = field(default_factory=dict)
    """locale -> base language its copy should be written in (``""``: unknown language)."""
    misfiled: Mapping[str, Detection] = field(default_factory=dict)
    """locale -> the language its whole file is written in instead (wrong language)."""
    copies: Mapping[tuple[int, str], Copy] = field(default_factory=dict)
    """(row index, locale) -> the untranslated copy in that cell (misfiled locales left out)."""
    presence: Mapping[int, Verdict] = field(default_factory=dict)
    """row index -> verdict on presence (``expected`` True/False), for rows some locales lack."""
    moves: tuple[Move, ...] = ()
    """Blocks that a locale has at another place (found once per page)."""
    semantics: "PageSemantics | None" = None
    """Embeddings and parity scores of the page; ``None`` when the semantic stage is off."""
    missing_sentences: tuple[SentenceGap, ...] = ()
    extra_sentences: tuple[SentenceGap, ...] = ()
    history: "History | None" = None
    """Git history of the checked files (for ``outdated``); ``None`` when not loaded."""
    site_reference: str | None = None
    """The locale every page of the site should exist in (``--reference`` or the unmarked
    source's locale), or ``None`` when the site is judged N-way."""
    stubs: Mapping[str, BlockShare] = field(default_factory=dict)
    """locale -> its share of the page, for copies that hold only a fraction of it (stubs)."""
    site_address: SiteAddress = field(default_factory=lambda: SiteAddress())
    """Where the site's pages are served, from its config (for relative links)."""
