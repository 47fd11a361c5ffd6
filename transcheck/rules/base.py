"""What every rule shares: the rule context, judging who drifted, building findings.

A rule is a module in ``transcheck/rules/`` that defines

* ``ID``: stable kebab-case identifier (never reused), e.g. ``code-block``;
* ``CATEGORY``: one of :data:`transcheck.model.CATEGORIES`;
* ``SEVERITY``: default severity (``error``, ``warning`` or ``info``);
* ``SCOPE``: ``"locales"`` (default: runs on pages with two locales or more) or ``"group"``
  (runs on every page group, even with one file: which locales exist, git history);
* ``FACTS``: the costly :class:`~transcheck.model.PageFacts` fields it reads (``misfiled``,
  ``copies``, ``moves``, ``missing_sentences``, ``extra_sentences``), so the analysis
  stage computes them only when a selected rule needs them;
* a module docstring: first line is the summary, the rest is the documentation;
* ``WHY``: why it matters to readers (one or two sentences);
* ``EXAMPLES``: a tuple of :class:`~transcheck.model.Example` (at least one pass, one fail);
* ``CONF``: its options, a tuple of :class:`~transcheck.model.Option` (name under
  ``[thresholds]``, default, meaning), read with :func:`option`; configuration
  rejects threshold names no rule declares;
* ``check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]``.

Rules read the page and ``ctx.facts`` and never write anything: their results do not
depend on the order they run in, and no rule imports another.
Rules yield structured evidence (``expected``/``actual``); reporters render it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from types import ModuleType
from typing import Callable, Iterable, Iterator, Mapping

from ..analyse.judge import CountDrift, count_drift, judge
from ..locales import base_language
from ..textutil import shorten
from ..model import (DEFAULT_PLACEHOLDERS, AlignedPage, AlignedRow, Finding, Location, Option, PageFacts,
                     PageGroup, Segment, SEVERITIES, Settings, Verdict)

__all__ = [
    "DEFAULT_PLACEHOLDERS", "CountDrift", "RuleContext", "Settings", "Verdict", "basis_note", "count_drift",
    "describe", "expected_path", "fingerprint", "locale_codes", "option", "Option", "judge", "lowered", "make_finding", "markup_counts",
    "markup_findings", "prose_count_drift", "related_locations",
    "severity_for", "shorten",
]


@dataclass(frozen=True)
class RuleContext:
    """What a rule gets besides the aligned page: the settings and the page's facts."""

    settings: Settings = field(default_factory=Settings)
    facts: PageFacts = field(default_factory=PageFacts)


def option(ctx: RuleContext, conf: Iterable[Option], name: str) -> float:
    """The value of a rule's option: configured under ``[thresholds]``, else the default in
    the rule's ``CONF`` (a name not in ``conf`` is a bug: KeyError)."""
    default = {o.name: o.default for o in conf}[name]
    return ctx.settings.threshold(name, default)


def _all_equal(counts: list) -> bool:
    """True when every multiset holds the same items (plain dict equality: a zero count is an item)."""
    first = counts[0]
    if all(isinstance(c, dict) for c in counts):
        return all(dict.__eq__(first, c) for c in counts[1:])
    return len({tuple(sorted(c.items(), key=str)) for c in counts}) == 1


def prose_count_drift(page: AlignedPage, extract: Callable[[str, Segment], object],
                      combine: Callable[[dict], dict[str, Counter]] | None = None):
    """For every aligned row of prose, compare a multiset extracted from each locale.

    Yields ``(row, segments by locale, values by locale, locale, CountDrift)`` for each
    locale whose multiset differs (see :func:`count_drift`); rows where fewer than two
    locales have prose, or where every locale agrees, yield nothing. ``extract`` gets
    the locale and its segment; ``combine``, when given, turns what ``extract`` gave for
    every locale of the row into the multisets to compare.
    """
    for row in page.rows:
        segs = {loc: s for loc, s in row.present().items() if s.is_prose}
        if len(segs) < 2:
            continue
        values = {loc: extract(loc, s) for loc, s in segs.items()}
        if combine is not None:
            values = combine(values)
        if _all_equal(list(values.values())):
            continue
        for loc, drift in sorted(count_drift(values, page.reference).items()):
            yield row, segs, values, loc, drift


def locale_codes(locales: Iterable[str]) -> set[str]:
    """The ways code writes these locales: ``pt-br``, ``pt`` (lower-case)."""
    return {c for loc in locales for c in (loc.lower(), base_language(loc).lower())}


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


def expected_path(group: PageGroup, locale: str) -> str:
    """Where a page group's copy in ``locale`` should be, derived from an existing copy's path."""
    sample = group.files[0]
    path = sample.display
    if sample.locale:
        for sep_l, sep_r in (("/", "/"), (".", "."), ("-", "."), ("_", "."), (".", "/")):
            token = f"{sep_l}{sample.locale}{sep_r}"
            if token in path:
                return path.replace(token, f"{sep_l}{locale}{sep_r}", 1)
    return f"{path} ({locale})"


def component_label(info: str) -> str:
    """``admonition:tip`` -> ``tip admonition``; ``Aside:tip`` -> ``<Aside tip>``."""
    if info.startswith("admonition:"):
        return f"{info.split(':', 1)[1]} admonition"
    name, _, kind = info.partition(":")
    return f"<{name} {kind}>" if kind else f"<{name}>"


def describe(seg: Segment) -> str:
    """A short human description of a block: kind and first words (a component without
    text by its name and kind: ``component <Alert Infos>``)."""
    kind = seg.kind.replace("_", " ")
    if not seg.text.strip() and seg.info:
        return f"{kind} {component_label(seg.info)}"
    return f"{kind} \"{shorten(seg.text, 60)}\""


_TAG_RE = re.compile(r"^<\s*/?\s*([A-Za-z][\w-]*)")


def markup_counts(seg: Segment, names: Mapping[str, str], html: bool = True) -> Counter:
    """How many of each markup a prose segment holds: the inline kinds in ``names``
    (``strong`` -> ``bold``) and, with ``html``, each opening HTML tag (``<kbd>``)."""
    out: Counter = Counter()
    if not seg.inlines:
        return out
    for i in seg.inlines:
        if i.kind in names:
            out[names[i.kind]] += 1
        elif i.kind == "html" and html:
            m = _TAG_RE.match(i.text)
            if m and not i.text.lstrip().startswith("</"):
                out[f"<{m.group(1).lower()}>"] += 1
    return out


def markup_findings(rule: ModuleType, page: AlignedPage, extract) -> Iterator[Finding]:
    """Findings of ``rule`` for every prose block whose multiset of markup (``extract``) differs."""
    for row, segs, _, loc, d in prose_count_drift(page, extract):
        seg = segs[loc]
        parts = [f"lost {n}× {k}" if n > 1 else f"lost {k}" for k, n in sorted(d.missing.items())]
        parts += [f"gained {n}× {k}" if n > 1 else f"gained {k}" for k, n in sorted(d.extra.items())]
        note = " (majority used)" if d.basis in ("majority", "tie") else ""
        msg = f"{', '.join(parts)}; compared with {', '.join(d.supporters)}{note}"
        yield make_finding(rule, page, loc, seg, msg,
                           expected=", ".join(sorted(d.missing.elements())) or "(none)",
                           actual=", ".join(sorted(d.extra.elements())) or "(none)",
                           severity=severity_for(rule.SEVERITY, d.basis), basis=d.basis, row=row,
                           key=tuple(parts))
