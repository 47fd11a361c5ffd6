"""The HTML review site: an index page plus one page per document, for sites of any size.

``write_site(report, folder)`` writes ``folder/transcheck.html``, the index (the
per-locale overview with coverage, then a pages x locales table of finding counts,
each page linking to its own file), and ``folder/pages/<page>-<hash>.html``, one
self-contained review page per document (the side-by-side view of
:mod:`.document`, with its filters). Each file stays small: a
document whose review page would pass :data:`PAGE_BUDGET` bytes shows only the rows
with findings and their neighbours, and at most :data:`PAGE_FINDINGS` findings, and
says so at the top.

Every file carries the same Content-Security-Policy as the single-file report; the
index needs no script at all.
"""

from __future__ import annotations

import hashlib
import os
import re
from itertools import groupby

from ...model import Finding, PageView, Report
from .._common import (page_files, plural, relative_uri, severity_counts, sorted_errors,
                       sorted_findings)
from ...textutil import percent
from ..overview import locale_overview, site_reference
from .document import STYLE, _csp_hash, _place, render
from .escape import esc

INDEX = "transcheck.html"
"""File name of the index page inside the report folder (as ``--report`` names every format)."""

PAGES = "pages"
"""Folder, inside the report folder, of the per-document pages."""

PAGE_BUDGET = 300_000
"""Bytes a document's review page may take before it shows only rows with findings."""

PAGE_FINDINGS = 400
"""Findings shown on one document's page at most (the rest are counted)."""

_CONTEXT = 1
"""Rows kept on each side of a row with a finding when a page is trimmed."""

INDEX_STYLE = STYLE + """
table.overview,table.pages{border-collapse:collapse;margin:.4rem 0 1rem}
table.overview th,table.overview td,table.pages th,table.pages td{border-bottom:1px solid var(--line);
padding:.2rem .55rem;text-align:right;white-space:nowrap}
table.overview th:first-child,table.overview td:first-child,table.pages td:first-child,
table.pages th:first-child{text-align:left}
table.pages td.p{white-space:normal;overflow-wrap:anywhere;max-width:40rem}
td.e{background:var(--errbg);color:var(--err);font-weight:600}
td.w{background:var(--warnbg);color:var(--warn)}td.i{color:var(--info)}
td.no{color:#9aa4ae}td.ok{color:#2e7d32}
.bar{display:inline-block;height:.6rem;background:#2e7d32;border-radius:2px;vertical-align:middle}
.barbg{display:inline-block;width:6rem;height:.6rem;background:#e3e6ea;border-radius:2px;
vertical-align:middle;margin-right:.4rem}
""" + "".join(f".b{n}{{width:{n * 10}%}}" for n in range(11)) + "\n"

INDEX_CSP = ("default-src 'none'; style-src " + _csp_hash(INDEX_STYLE)
             + "; img-src 'none'; base-uri 'none'; form-action 'none'")
"""The index page's Content-Security-Policy: its own inline style only, no script."""


def page_file(page: str) -> str:
    """The file name of a document's review page: readable, unique and stable across runs."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", page).strip("-.")[:80] or "page"
    digest = hashlib.sha256(page.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"{slug}-{digest}.html"


def _trim(view: PageView, findings: list[Finding]) -> PageView:
    """Keep only the rows holding a finding, and their neighbours."""
    placed, _ = _place(view, findings)
    hit = {idx for idx, _ in placed}
    keep = [r for k, r in enumerate(view.rows)
            if any(view.rows[j].index in hit
                   for j in range(max(0, k - _CONTEXT), min(len(view.rows), k + _CONTEXT + 1)))]
    return PageView(view.page, tuple(keep))


def render_page(report: Report, page: str, view: PageView | None, findings: list[Finding],
                links: str = "") -> str:
    """Render one document's review page, trimmed to stay within :data:`PAGE_BUDGET`."""
    summary = tuple(p for p in report.pages if p.page == page)
    notes = []
    shown = findings
    if len(findings) > PAGE_FINDINGS:
        worst = sorted(findings, key=lambda f: (("error", "warning", "info").index(f.severity),
                                                f.sort_key()))[:PAGE_FINDINGS]
        shown = sorted(worst, key=Finding.sort_key)
        notes.append(f"{len(shown)} of {len(findings)} findings shown (the most severe); "
                     "the JSON report has them all.")

    def build(v: PageView | None) -> str:
        sub = Report(findings=tuple(shown), rules=report.rules, pages=summary, errors=(),
                     tool=report.tool, views=(v,) if v is not None else ())
        note = " ".join(esc(n) for n in notes)
        banner = f'<nav class="site">{links}</nav>' + (f'<p class="meta note">{note}</p>' if note else "")
        return render(sub, banner=banner, base="../")

    doc = build(view)
    if view is not None and len(doc.encode("utf-8")) > PAGE_BUDGET:
        trimmed = _trim(view, shown)
        notes.append(f"{len(trimmed.rows)} of {len(view.rows)} aligned rows shown (rows with "
                     "findings and their neighbours): the whole page is too large to show.")
        doc = build(trimmed)
    return doc


def _count_cell(findings: list[Finding], has_file: bool) -> str:
    if not has_file and not findings:
        return '<td class="no" title="no copy in this locale">–</td>'
    c = severity_counts(findings)
    total = sum(c.values())
    if not total:
        return '<td class="ok">0</td>'
    cls = "e" if c["error"] else "w" if c["warning"] else "i"
    title = f'{c["error"]} error(s), {c["warning"]} warning(s), {c["info"]} info'
    return f'<td class="{cls}" title="{title}">{total}</td>'


def render_index(report: Report, files: dict[str, str]) -> str:
    """Render the index page: overview per locale, then pages x locales with counts."""
    findings = sorted_findings(report)
    counts = severity_counts(findings)
    overview = locale_overview(report)
    locales = [o.locale for o in overview]
    ref = site_reference(report)
    by_page = {p: list(fs) for p, fs in groupby(findings, key=lambda f: f.page)}
    pf = page_files(report)
    version = report.tool.get("version", "")
    out = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(INDEX_CSP)}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>transcheck report</title>", f"<style>{INDEX_STYLE}</style></head><body>",
        "<header><h1>transcheck: translation consistency report</h1>",
        f'<p class="totals">{plural(counts["error"], "error")}, {plural(counts["warning"], "warning")}, '
        f'{counts["info"]} info in {plural(len(pf), "page")} '
        f"({plural(sum(len(v) for v in pf.values()), 'file')}); "
        f"{plural(len(report.errors), 'input error')}"
        + (f" · reference <b>{esc(ref)}</b>" if ref else "")
        + (f" · transcheck {esc(version)}" if version else "") + "</p></header><main>",
        '<section class="page"><h2>Locales</h2><table class="overview"><thead><tr><th>locale</th>'
        "<th>pages</th><th>coverage</th><th>errors</th><th>warnings</th><th>info</th>"
        "</tr></thead><tbody>",
    ]
    for o in overview:
        cov = ("reference" if o.reference else
               f'<span class="barbg"><span class="bar b{round(o.share * 10)}"></span></span>'
               f"{percent(o.share)} %")
        orph = (f" + {o.orphans} orphan" if o.orphans else "") + (
            f" + {o.unchecked} not checked" if o.unchecked else "")
        out.append(f'<tr><td><b>{esc(o.locale)}</b></td><td>{o.pages} of {o.of}{orph}</td>'
                   f'<td>{cov}</td><td>{o.counts["error"]}</td><td>{o.counts["warning"]}</td>'
                   f'<td>{o.counts["info"]}</td></tr>')
    out.append("</tbody></table></section>")
    out.append('<section class="page"><h2>Pages</h2><p class="meta">Findings per page and locale '
               "(– : no copy in that locale). Open a page for its segments side by side.</p>"
               '<div class="scroll"><table class="pages"><thead><tr><th>page</th><th>all</th>')
    out.extend(f"<th>{esc(loc)}</th>" for loc in locales)
    out.append("</tr></thead><tbody>")
    for page, target in files.items():
        fs = by_page.get(page, [])
        have = pf.get(page, {})
        link = f'<a href="{esc(relative_uri(target))}">{esc(page)}</a>'
        out.append(f'<tr><td class="p">{link}</td>{_count_cell(fs, True)}')
        for loc in locales:
            out.append(_count_cell([f for f in fs if f.locale == loc], loc in have))
        out.append("</tr>")
    out.append("</tbody></table></div></section>")
    errors = sorted_errors(report)
    if errors:
        out.append('<section class="page"><h2>Input errors</h2><table class="list"><tbody>')
        out.extend(f"<tr><td>{esc(e.file)}</td><td>{e.line or ''}</td><td>{esc(e.message)}"
                   "</td></tr>" for e in errors)
        out.append("</tbody></table></section>")
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"


def site_files(report: Report) -> dict[str, str]:
    """Every file of the site: relative path -> content (the index first, then pages)."""
    findings = sorted_findings(report)
    by_page = {p: list(fs) for p, fs in groupby(findings, key=lambda f: f.page)}
    views = {v.page: v for v in report.views}
    pages = sorted(set(page_files(report)) | set(views))
    targets = {p: f"{PAGES}/{page_file(p)}" for p in pages}
    out = {INDEX: render_index(report, targets)}
    for k, page in enumerate(pages):
        nav = ['<a href="../' + INDEX + '">↑ all pages</a>']
        if k > 0:
            nav.append(f'<a href="{esc(page_file(pages[k - 1]))}">← {esc(pages[k - 1])}</a>')
        if k + 1 < len(pages):
            nav.append(f'<a href="{esc(page_file(pages[k + 1]))}">{esc(pages[k + 1])} →</a>')
        out[targets[page]] = render_page(report, page, views.get(page), by_page.get(page, []),
                                         " ".join(nav))
    return out


def write_site(report: Report, folder: str) -> list[str]:
    """Write the review site into ``folder``; return the paths written (index first)."""
    written = []
    for rel, text in site_files(report).items():
        path = os.path.join(folder, *rel.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        written.append(path)
    return written
