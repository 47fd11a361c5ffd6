"""The per-locale overview that text, HTML and JSON reports open with.

For each locale: its findings by severity, and its coverage, how many of the site's
pages it has. Coverage is computed from the checked pages (``Report.pages``), so a
merged shard report gives the same overview as an unsharded run.

* With a reference locale (``--reference``, or the unmarked source of the layout), the
  site's pages are the reference's pages: a locale covers the ones it has a copy of.
  A page that some translations have and the reference does not is an *orphan*,
  counted apart (and reported once by the ``orphan-page`` rule).
* Without one (N-way), every page counts, and a locale covers the ones it has.

A file that could not be read or parsed is not a copy the locale has: it is counted as
``unchecked`` (its input error says why), so a locale whose only files failed still has
its line, with 0 pages.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Mapping

from ..model import SEVERITIES, Report
from ..textutil import percent


@dataclass(frozen=True)
class LocaleOverview:
    """One locale's line of the overview."""

    locale: str
    counts: dict[str, int] = field(default_factory=dict)
    """Findings by severity (every severity present, most severe first)."""
    pages: int = 0
    """Site pages (reference pages, or all pages N-way) this locale has a copy of."""
    of: int = 0
    """Site pages it could have."""
    orphans: int = 0
    """Pages this locale has that the reference lacks."""
    unchecked: int = 0
    """Files of this locale dropped with an input error (unreadable, unparsable)."""
    reference: bool = False
    """True for the reference locale itself."""

    @property
    def share(self) -> float:
        """Coverage in [0, 1] (1.0 for a site with no pages)."""
        return self.pages / self.of if self.of else 1.0

    @property
    def total(self) -> int:
        """All findings of this locale."""
        return sum(self.counts.values())


def site_reference(report: Report) -> str | None:
    """The reference locale of the site: the one every judged page names, else ``None``.

    Pages without their reference copy (orphans) name none; a site whose pages name
    different references (mixed layouts) has no single one.
    """
    refs = {p.reference for p in report.pages if p.reference}
    return refs.pop() if len(refs) == 1 else None


def orphan_pages(report: Report) -> list[str]:
    """Pages that some translations have and the site's reference locale does not."""
    ref = site_reference(report)
    if ref is None:
        return []
    return sorted(p.page for p in report.pages if ref not in p.files)


def locale_overview(report: Report, counts: Mapping[str, Mapping[str, int]] | None = None) -> list[LocaleOverview]:
    """One :class:`LocaleOverview` per locale (of the pages and the findings), sorted.

    The reference locale, when there is one, comes first. ``counts`` (locale ->
    severity -> findings) saves a pass over the findings when the caller has them.
    """
    ref = site_reference(report)
    if counts is None:
        counts = {}
        for f in report.findings:
            counts.setdefault(f.locale, Counter())[f.severity] += 1
    have: Counter = Counter()
    orphans: Counter = Counter()
    base = 0
    checked = {path for p in report.pages for path in p.files.values()}
    unchecked = Counter(loc for loc, path in {(e.locale, e.file) for e in report.errors if e.locale}
                        if path not in checked)
    for p in report.pages:
        if ref is not None and ref not in p.files:
            orphans.update(list(p.files))
            continue
        base += 1
        have.update(list(p.files))
    locales = sorted(set(have) | set(orphans) | set(counts) | set(unchecked), key=lambda loc: (loc != ref, loc))
    out = []
    for loc in locales:
        c = counts.get(loc, {})
        out.append(LocaleOverview(
            locale=loc, counts={s: c.get(s, 0) for s in SEVERITIES},
            pages=have.get(loc, 0), of=base, orphans=orphans.get(loc, 0), unchecked=unchecked.get(loc, 0),
            reference=loc == ref))
    return out


def coverage_dict(report: Report, counts: Mapping[str, Mapping[str, int]] | None = None) -> dict[str, dict]:
    """The JSON ``summary.coverage`` object: locale -> pages, of, share, orphans, and
    ``unchecked`` when files of it were dropped (``counts``: as for :func:`locale_overview`)."""
    return {o.locale: {"pages": o.pages, "of": o.of, "share": round(o.share, 4),
                       "orphans": o.orphans, **({"unchecked": o.unchecked} if o.unchecked else {})}
            for o in sorted(locale_overview(report, counts), key=lambda o: o.locale)}


def overview_lines(report: Report) -> list[str]:
    """The overview as plain text lines: one per locale, then the orphan pages, if any."""
    rows = locale_overview(report)
    if not rows:
        return []
    ref = site_reference(report)
    files = sum(len(p.files) for p in report.pages)
    head = (f"{len(report.pages)} page(s), {files} file(s), {len(rows)} locale(s)"
            + (f", reference {ref}" if ref else ", no reference (locales judged against each other; "
                               "--reference LOCALE judges them against one)"))
    width = max(6, max(len(o.locale) for o in rows))
    of = max((o.of for o in rows), default=0)
    pw = max(5, len(f"{of}/{of}"))
    out = [head, f"  {'locale':<{width}}  {'pages':>{pw}}  {'cover':>5}  {'errors':>6}  {'warnings':>8}  {'info':>5}"]
    for o in rows:
        cover = "ref" if o.reference else f"{percent(o.share)}%"
        orph = (f"  + {o.orphans} orphan page(s)" if o.orphans else "") + (
            f"  + {o.unchecked} file(s) not checked (input errors)" if o.unchecked else "")
        out.append(f"  {o.locale:<{width}}  {f'{o.pages}/{o.of}':>{pw}}  {cover:>5}  {o.counts['error']:>6}  "
                   f"{o.counts['warning']:>8}  {o.counts['info']:>5}{orph}")
    orphans = orphan_pages(report)
    if orphans:
        shown = ", ".join(orphans[:5]) + (f", … (+{len(orphans) - 5})" if len(orphans) > 5 else "")
        out.append(f"  orphan pages (in translations, not in {ref}): {shown}")
    return out
