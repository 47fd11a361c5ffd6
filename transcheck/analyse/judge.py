"""N-way judgement: which locales drifted from the value the others (or the reference) have."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Hashable, Mapping

from ..model import Verdict


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
        return _verdict(values, values[reference], "reference", first=reference)
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


def _verdict(values: Mapping[str, Hashable], expected: Hashable, basis: str, first: str | None = None) -> Verdict:
    """Deviants and supporters of ``expected`` in locale order (``first``, the reference, leads)."""
    dev = tuple(loc for loc in sorted(values) if values[loc] != expected)
    sup = tuple(loc for loc in sorted(values, key=lambda loc: (loc != first, loc)) if values[loc] == expected)
    return Verdict(expected, dev, sup, basis)
