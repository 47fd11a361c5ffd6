"""Site-wide patterns that look like a convention rather than drift, said as hints.

A component that every translation lacks on page after page (``<DontEditWarning />``,
which withastro/docs asks translators to remove from its generated pages) gives one
``structure`` finding per translated copy: hundreds on a big site. Whether translators
drop it on purpose is for the site to say (``source_only_components`` in the
configuration); the run only notices the pattern and says how to declare it. The hint
changes no finding, so a sharded run reports the same findings as a whole one.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from ..model import Finding
from ..rules.structure import lost_component

MIN_COPIES = 20
"""Translated copies that must lack the component for a hint."""
MIN_PAGES = 5
"""Pages those copies must span."""


class LostComponents:
    """Tallies ``structure`` findings of a component lost outright (none left in the copy)."""

    def __init__(self) -> None:
        self.copies: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.partial: set[str] = set()

    def add(self, findings: Iterable[Finding], shared: Iterable[str] = ()) -> None:
        """Count one page's findings; ``shared``: components two or more of its copies have."""
        self.partial.update(shared)  # a translation keeps it somewhere: not dropped on purpose
        for f in findings:
            lost = lost_component(f)
            if lost is None:
                continue
            name, left = lost
            if left == 0:
                self.copies[name].add((f.page, f.locale))
            else:
                self.partial.add(name)  # some copy keeps one: not dropped on purpose

    def hints(self) -> list[str]:
        """One line per component lost outright in many copies and kept in none of those."""
        out = []
        for name, copies in sorted(self.copies.items()):
            pages = {p for p, _ in copies}
            locales = {loc for _, loc in copies}
            if name in self.partial or len(copies) < MIN_COPIES or len(pages) < MIN_PAGES:
                continue
            out.append(f"<{name}> is missing from {len(copies)} translated copies ({len(pages)} pages, "
                       f"{len(locales)} locales); if translators leave it out on purpose, say so in "
                       f"transcheck.toml: source_only_components = [\"{name}\"]")
        return out
