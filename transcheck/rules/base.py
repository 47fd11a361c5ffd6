"""What every rule shares: the check context, judging who drifted, building findings.

A rule is a module in ``transcheck/rules/`` that defines

* ``ID``: stable kebab-case identifier (never reused), e.g. ``code-block``;
* ``CATEGORY``: one of :data:`transcheck.model.CATEGORIES`;
* ``SEVERITY``: default severity (``error``, ``warning`` or ``info``);
* a module docstring: first line is the summary, the rest is the documentation;
* ``EXAMPLES``: a tuple of :class:`~transcheck.model.Example` (at least one pass, one fail);
* ``check(page: AlignedPage, ctx: CheckContext) -> Iterator[Finding]``.

Rules yield structured evidence (``expected``/``actual``); reporters render it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from types import ModuleType
from typing import Callable, Hashable, Iterable, Mapping

from ..model import AlignedPage, AlignedRow, Finding, Location, Segment, SEVERITIES

DEFAULT_PLACEHOLDERS: tuple[str, ...] = (
    r"\{\{[^{}\n]+\}\}",          # {{path/to/file}}  (tldr pages, Jinja-style)
    r"<[^\s<>/=&|;()][^<>\n]*?>",  # <your-username>   (angle-bracket placeholders)
    r"\$\{[^{}\n]+\}",            # ${PROJECT_ID}
    r"\[\[[^\[\]\n]+\]\]",         # [[option]]
)
"""Default regular expressions for translatable placeholders inside code."""


@dataclass(frozen=True)
class Settings:
    """Knobs the rules read; filled from defaults, configuration files and the CLI."""

    reference: str | None = None
    placeholders: tuple[str, ...] = DEFAULT_PLACEHOLDERS
    thresholds: Mapping[str, float] = field(default_factory=dict)
    severity: Mapping[str, str] = field(default_factory=dict)
    """Severity overrides by rule ID or category (the rule ID wins)."""

    def threshold(self, name: str, default: float) -> float:
        """Return a named threshold, or ``default`` when not configured."""
        return float(self.thresholds.get(name, default))


@dataclass
class CheckContext:
    """Per-run state handed to every rule: settings and shared helpers.

    ``extras`` carries data produced by optional stages (language identification,
    embeddings) keyed by stage name, so that rules can use them when present.
    """

    settings: Settings = field(default_factory=Settings)
    extras: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
    """The outcome of judging one value across locales."""

    expected: Hashable | None
    deviants: tuple[str, ...]
    supporters: tuple[str, ...]
    basis: str
    """``reference``, ``evidence``, ``majority``, ``tie`` or ``agree``."""


def judge(
    values: Mapping[str, Hashable],
    reference: str | None = None,
    valid: Callable[[Hashable], bool] | None = None,
    prefer: Callable[[Hashable], object] | None = None,
) -> Verdict:
    """Decide which locales drifted from the expected value.

    With a reference locale, its value is expected. Otherwise evidence beats the
    majority: when ``valid`` says exactly one distinct value is valid and others are
    not, that value wins however few locales share it. Otherwise the most common
    value wins (basis ``majority``); with a tie at the top, every locale is a deviant
    from nothing (basis ``tie``, ``expected`` is ``None``), unless ``prefer`` ranks the
    tied values: then the highest-ranked one is expected (basis ``tie``).
    """
    locales = sorted(values)
    distinct = set(values.values())
    if len(distinct) <= 1:
        return Verdict(next(iter(distinct), None), (), tuple(locales), "agree")
    if reference is not None and reference in values:
        exp = values[reference]
        return _verdict(values, exp, "reference")
    if valid is not None:
        ok = sorted((v for v in distinct if valid(v)), key=repr)
        if len(ok) == 1 and len(ok) < len(distinct):
            return _verdict(values, ok[0], "evidence")
    counts = Counter(values.values()).most_common()
    top = counts[0][1]
    leaders = [v for v, c in counts if c == top]
    if len(leaders) == 1:
        return _verdict(values, leaders[0], "majority")
    if prefer is not None:
        return _verdict(values, max(leaders, key=prefer), "tie")
    return Verdict(None, tuple(locales), (), "tie")


@dataclass(frozen=True)
class CountDrift:
    """How one locale's multiset of items (code spans, links, numbers) differs."""

    missing: Counter
    extra: Counter
    basis: str
    supporters: tuple[str, ...]


def count_drift(values: Mapping[str, Counter], reference: str | None = None) -> dict[str, CountDrift]:
    """Compare multisets item by item across locales; return the locales that differ.

    Each item's expected count is judged on its own (so one locale losing a link and
    another gaining one are both found); a tie prefers the higher count, since losing
    an item is a more common mistake than everyone else adding the same one.
    """
    items = sorted({k for c in values.values() for k in c}, key=str)
    out: dict[str, CountDrift] = {}
    for item in items:
        counts = {loc: c[item] for loc, c in values.items()}
        v = judge(counts, reference, prefer=lambda n: n)
        for loc in v.deviants:
            diff = counts[loc] - v.expected  # type: ignore[operator]
            d = out.setdefault(loc, CountDrift(Counter(), Counter(), v.basis, v.supporters))
            (d.extra if diff > 0 else d.missing)[item] += abs(diff)
            if v.basis in ("majority", "tie") and d.basis not in ("majority", "tie"):
                out[loc] = CountDrift(d.missing, d.extra, v.basis, v.supporters)
    return out


def prose_count_drift(page: AlignedPage, extract: Callable[[str, Segment], Counter]):
    """For every aligned row of prose, compare a multiset extracted from each locale.

    Yields ``(row, segments by locale, values by locale, locale, CountDrift)`` for each
    locale whose multiset differs (see :func:`count_drift`); rows where fewer than two
    locales have prose, or where every locale agrees, yield nothing. ``extract`` gets
    the locale and its segment.
    """
    for row in page.rows:
        segs = {loc: s for loc, s in row.present().items() if s.is_prose}
        if len(segs) < 2:
            continue
        values = {loc: extract(loc, s) for loc, s in segs.items()}
        if len({tuple(sorted(c.items(), key=str)) for c in values.values()}) == 1:
            continue
        for loc, drift in sorted(count_drift(values, page.reference).items()):
            yield row, segs, values, loc, drift


def _verdict(values: Mapping[str, Hashable], expected: Hashable, basis: str) -> Verdict:
    dev = tuple(loc for loc in sorted(values) if values[loc] != expected)
    sup = tuple(loc for loc in sorted(values) if values[loc] == expected)
    return Verdict(expected, dev, sup, basis)


def lowered(severity: str, steps: int = 1) -> str:
    """Return ``severity`` made ``steps`` levels milder (never below info)."""
    return SEVERITIES[min(len(SEVERITIES) - 1, SEVERITIES.index(severity) + steps)]


def severity_for(default: str, basis: str) -> str:
    """Severity of a finding whose expected value was chosen on ``basis``.

    A majority or a tie is weaker evidence than a reference or a validity check,
    so it lowers the severity one level.
    """
    return lowered(default) if basis in ("majority", "tie") else default


def fingerprint(*parts: object) -> str:
    """A stable 16-hex-digit fingerprint of the given parts (no line numbers in them)."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:16]


def basis_note(verdict: Verdict) -> str:
    """A short phrase saying who supplied the expected value, for messages."""
    who = ", ".join(verdict.supporters)
    if verdict.basis == "reference":
        return f"reference {who.split(', ')[0] if who else ''}".strip()
    if verdict.basis == "evidence":
        return f"{who} (the only valid variant)" if who else "the only valid variant"
    if verdict.basis == "majority":
        return f"{who} (majority used)"
    return who


def related_locations(page: AlignedPage, row: AlignedRow, exclude: str) -> tuple[Location, ...]:
    """The same row's segment in every other locale, as related locations."""
    out = []
    for loc, seg in row.present().items():
        if loc != exclude:
            out.append(Location(loc, page.documents[loc].path, seg.line, seg.end_line))
    return tuple(out)


def make_finding(
    rule: ModuleType,
    page: AlignedPage,
    locale: str,
    segment: Segment | None,
    message: str,
    *,
    expected: str = "",
    actual: str = "",
    severity: str | None = None,
    basis: str = "",
    row: AlignedRow | None = None,
    key: Iterable[object] = (),
    line: int | None = None,
    end_line: int | None = None,
) -> Finding:
    """Build a :class:`Finding` for ``rule`` in ``locale`` at ``segment``.

    ``key`` adds stable, line-free parts to the fingerprint (e.g. the expected
    value), so a finding keeps its fingerprint when unrelated lines move.
    ``line``/``end_line`` override the segment's span (e.g. a sentence inside it).
    """
    doc = page.documents[locale]
    start = line if line is not None else (segment.line if segment else 1)
    end = end_line if end_line is not None else (segment.end_line if segment else start)
    anchor = (segment.kind if segment else "page",)
    return Finding(
        rule=rule.ID,
        category=rule.CATEGORY,
        severity=severity or rule.SEVERITY,
        page=page.page,
        locale=locale,
        file=doc.path,
        line=start,
        end_line=max(start, end),
        message=message,
        expected=expected,
        actual=actual,
        fingerprint=fingerprint(rule.ID, page.page, locale, *anchor, *key, expected, actual),
        related=related_locations(page, row, locale) if row is not None else (),
        basis=basis,
    )


def shorten(text: str, limit: int = 80) -> str:
    """Collapse whitespace and cut ``text`` to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
