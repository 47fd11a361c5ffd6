"""One self-contained HTML file for translators: every page side by side across locales.

For each page: its aligned segments in one column per locale (from ``Report.views``),
findings shown in the cell of their locale and line with expected vs actual (the
difference marked), a locales x segments parity heatmap when scores exist, and links
to the files (relative, ``#L<line>``). Filters by locale, category and severity run in
a small inline script; the same filters can be set from the URL fragment, e.g.
``report.html#locale=de,ru&severity=error&category=code-drift&only=1``. Info findings
are in the file but filtered out until their box is ticked (``#severity=error,warning,info``).

Document text is untrusted: every text and attribute is escaped, hrefs are only
``http(s):`` or relative, no document text is ever placed inside ``<script>``, and a
Content-Security-Policy allows only the page's own inline style and script (by hash).
No external resources: it works from ``file://``.
"""

from __future__ import annotations

import base64
import hashlib
from importlib import resources
from itertools import groupby

from ...model import CATEGORIES, SEVERITIES, Finding, PageView, Report, ViewCell, ViewRow
from .._common import page_files, plural, severity_counts, sorted_errors, sorted_findings
from .escape import diff_pair, esc, file_href, heat, span_text

NAME = "html"
EXTENSION = "html"


def _asset(name: str) -> str:
    """The text of a file shipped beside this module (CSS, JS), as package data."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


class _Ids:
    """Deterministic element ids for findings, in render order, and file links.

    ``base`` is put before relative file paths, for pages written in a sub-folder.
    """

    def __init__(self, base: str = "") -> None:
        self.ids: dict[int, str] = {}
        self.base = base

    def href(self, path: str, line: int | None = None) -> str:
        """A link to ``path`` (and line) from the page being rendered."""
        relative = path and not path.startswith(("/", "\\")) and path[1:3] not in (":/", ":\\")
        return file_href(self.base + path if relative else path, line)

    def of(self, f: Finding) -> str:
        key = id(f)
        if key not in self.ids:
            self.ids[key] = f"f{len(self.ids) + 1}"
        return self.ids[key]


def _finding_attrs(f: Finding) -> str:
    return (f'data-locale="{esc(f.locale)}" data-category="{esc(f.category)}" '
            f'data-severity="{esc(f.severity)}"')


def _evidence(f: Finding) -> str:
    if not (f.expected or f.actual):
        return ""
    exp, act = diff_pair(f.expected, f.actual)
    out = ['<dl class="ev">']
    if f.expected:
        out.append(f'<dt>expected</dt><dd><code class="exp">{exp}</code></dd>')
    if f.actual:
        out.append(f'<dt>actual</dt><dd><code class="act">{act}</code></dd>')
    out.append("</dl>")
    return "".join(out)


def _finding_card(f: Finding, ids: _Ids) -> str:
    link = f'<a class="ln" href="{esc(ids.href(f.file, f.line))}">L{span_text(f.line, f.end_line)}</a>'
    basis = f' <span class="basis">by {esc(f.basis)}</span>' if f.basis else ""
    return (
        f'<div class="finding sev-{esc(f.severity)}" id="{ids.of(f)}" {_finding_attrs(f)}>'
        f'<div class="fh"><span class="badge sev-{esc(f.severity)}">{esc(f.severity)}</span> '
        f'<span class="cat">{esc(f.category)}</span> <code class="rule">{esc(f.rule)}</code> '
        f"{link}{basis}</div>"
        f'<div class="msg">{esc(f.message)}</div>{_evidence(f)}</div>'
    )


def _marked_text(text: str, findings: list[Finding], ids: _Ids) -> str:
    """Escape a cell's text, wrapping the first occurrence of each actual in ``<mark>``."""
    spans: list[tuple[int, int, Finding]] = []
    for f in findings:
        needle = f.actual.strip()
        if needle and len(needle) <= len(text):
            pos = text.find(needle)
            if pos >= 0:
                spans.append((pos, pos + len(needle), f))
    spans.sort(key=lambda s: (s[0], -s[1]))
    out, at = [], 0
    for start, end, f in spans:
        if start < at:
            continue
        out.append(esc(text[at:start]))
        out.append(f'<mark class="on sev-{esc(f.severity)}" data-f="{ids.of(f)}">'
                   f"{esc(text[start:end])}</mark>")
        at = end
    out.append(esc(text[at:]))
    return "".join(out)


def _place(view: PageView, findings: list[Finding]) -> tuple[dict, list[Finding]]:
    """Map findings to (row index, locale) cells by line; return the rest unplaced."""
    placed: dict[tuple[int, str], list[Finding]] = {}
    rest = []
    for f in findings:
        for row in view.rows:
            cell = row.cells.get(f.locale)
            if cell is not None and cell.line <= f.line <= max(cell.line, cell.end_line):
                placed.setdefault((row.index, f.locale), []).append(f)
                break
        else:
            rest.append(f)
    return placed, rest


def _cell(page_no: int, row: ViewRow, locale: str, cell: ViewCell | None, file: str,
          findings: list[Finding], ids: _Ids) -> str:
    loc = esc(locale)
    if cell is None:
        return (f'<td class="lc cell missing" data-locale="{loc}">'
                f'<span class="none">missing in {loc}</span>'
                + "".join(_finding_card(f, ids) for f in findings) + "</td>")
    head = [f'<a class="ln" href="{esc(ids.href(file, cell.line))}" '
            f'title="{esc(file)}">L{span_text(cell.line, cell.end_line)}</a>',
            f'<span class="kind">{esc(cell.kind)}</span>']
    if cell.score is not None:
        head.append(f'<span class="score {heat(cell.score)}" title="parity">'
                    f"{cell.score:.2f}</span>")
    body = _marked_text(cell.text, findings, ids)
    text = (f'<pre class="txt code">{body}</pre>' if cell.kind in ("code", "html", "front_matter")
            else f'<div class="txt">{body}</div>')
    cards = "".join(_finding_card(f, ids) for f in findings)
    return (f'<td class="lc cell" data-locale="{loc}"><div class="ch">{" ".join(head)}</div>'
            f"{text}{cards}</td>")


def _heatmap(page_no: int, view: PageView, locales: list[str],
             placed: dict[tuple[int, str], list[Finding]]) -> str:
    if not any(c is not None and c.score is not None
               for r in view.rows for c in r.cells.values()):
        return ""
    out = ['<div class="heatwrap"><table class="heatmap"><caption>Parity per segment '
           '(locales × segments; red is low, green is high, hollow is missing)</caption>',
           '<tbody>']
    for locale in locales:
        loc = esc(locale)
        out.append(f'<tr class="lc" data-locale="{loc}"><th scope="row">{loc}</th>')
        for row in view.rows:
            cell = row.cells.get(locale)
            anchor = f"#p{page_no}-r{row.index}"
            flag = " flag" if (row.index, locale) in placed else ""
            if cell is None:
                cls, title = "hm-missing", f"{locale} · segment {row.index} · missing"
            elif cell.score is None:
                cls, title = "hm-na", f"{locale} · segment {row.index} · not scored"
            else:
                cls = heat(cell.score)
                title = f"{locale} · segment {row.index} · parity {cell.score:.2f}"
            out.append(f'<td><a class="hm {cls}{flag}" href="{anchor}" data-row="p{page_no}-r'
                       f'{row.index}" data-locale="{loc}" title="{esc(title)}"></a></td>')
        out.append("</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _findings_table(findings: list[Finding], ids: _Ids, title: str) -> str:
    if not findings:
        return ""
    rows = []
    for f in findings:
        exp, act = diff_pair(f.expected, f.actual)
        rows.append(
            f'<tr class="finding sev-{esc(f.severity)}" id="{ids.of(f)}" {_finding_attrs(f)}>'
            f'<td><span class="badge sev-{esc(f.severity)}">{esc(f.severity)}</span></td>'
            f"<td>{esc(f.locale)}</td>"
            f'<td><a class="ln" href="{esc(ids.href(f.file, f.line))}">{esc(f.file)}:'
            f"{span_text(f.line, f.end_line)}</a></td>"
            f'<td><span class="cat">{esc(f.category)}</span><br><code class="rule">'
            f"{esc(f.rule)}</code></td>"
            f"<td>{esc(f.message)}</td>"
            f'<td><code class="exp">{exp}</code></td><td><code class="act">{act}</code></td>'
            "</tr>")
    return (f'<h3>{esc(title)}</h3><div class="scroll"><table class="list"><thead><tr>'
            "<th>severity</th><th>locale</th><th>where</th><th>rule</th><th>message</th>"
            "<th>expected</th><th>actual</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></div>")


def _page(page_no: int, page: str, files: dict[str, str], view: PageView | None,
          findings: list[Finding], report: Report, ids: _Ids) -> str:
    summary = next((p for p in report.pages if p.page == page), None)
    locales = sorted(set(files) | {loc for r in (view.rows if view else ())
                                   for loc in r.cells})
    counts = severity_counts(findings)
    out = [f'<section class="page" id="p{page_no}"><h2>{esc(page)}</h2>',
           f'<p class="meta">{plural(counts["error"], "error")}, '
           f'{plural(counts["warning"], "warning")}, {counts["info"]} info'
           + (f" · reference <b>{esc(summary.reference)}</b>" if summary and summary.reference
              else "")
           + (f" · {plural(summary.segments, 'segment')}" if summary else "") + "</p>"]
    out.append('<ul class="files">')
    for loc in locales:
        file = files.get(loc, "")
        par = summary.parity.get(loc) if summary else None
        mine = sum(1 for f in findings if f.locale == loc)
        link = f'<a href="{esc(ids.href(file))}">{esc(file)}</a>' if file else ""
        score = (f' <span class="score {heat(par)}" title="parity">{par:.2f}</span>'
                 if par is not None else "")
        out.append(f'<li class="lc" data-locale="{esc(loc)}"><b>{esc(loc)}</b> {link}{score}'
                   f' <span class="n">{plural(mine, "finding")}</span></li>')
    out.append("</ul>")
    rest = findings
    if view is not None and view.rows:
        placed, rest = _place(view, findings)
        out.append(_heatmap(page_no, view, locales, placed))
        out.append(f'<div class="scroll"><table class="align cols-{min(len(locales), 24)}">'
                   '<thead><tr><th class="idx">#</th>')
        for loc in locales:
            out.append(f'<th class="lc" data-locale="{esc(loc)}" scope="col">{esc(loc)}</th>')
        out.append("</tr></thead><tbody>")
        for row in view.rows:
            out.append(f'<tr class="row" id="p{page_no}-r{row.index}"><td class="idx">'
                       f'<a href="#p{page_no}-r{row.index}">{row.index}</a></td>')
            for loc in locales:
                out.append(_cell(page_no, row, loc, row.cells.get(loc), files.get(loc, ""),
                                 placed.get((row.index, loc), []), ids))
            out.append("</tr>")
        out.append("</tbody></table></div>")
    title = "Findings" if view is None or not view.rows else "Findings outside the aligned segments"
    out.append(_findings_table(rest, ids, title))
    out.append("</section>")
    return "".join(out)


STYLE = _asset("style.css") + "".join(f".cols-{n}{{min-width:{3 + 17 * n}rem}}" for n in range(1, 25)) + "\n"
"""The page's style sheet (``style.css``, package data) plus one width class per column count."""

SCRIPT = _asset("script.js")
"""The page's filter script (``script.js``, package data)."""


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


CSP = ("default-src 'none'; style-src " + _csp_hash(STYLE) + "; script-src " + _csp_hash(SCRIPT)
       + "; img-src 'none'; base-uri 'none'; form-action 'none'")
"""The page's Content-Security-Policy: only its own inline style and script, by hash."""


def _checkboxes(name: str, values: list[str], off: tuple[str, ...] = ()) -> str:
    return "".join(f'<label><input type="checkbox" name="{name}" value="{esc(v)}"'
                   f'{"" if v in off else " checked"}> {esc(v)}</label>' for v in values)


SINGLE_BUDGET = 4_000_000
"""Characters of page sections one file holds; past them the rest is left to ``--report DIR``."""


def render(report: Report, color: bool = False, *, banner: str = "", base: str = "",
           budget: int = SINGLE_BUDGET) -> str:
    """Render the side-by-side translator report as one HTML document (``color`` ignored).

    Pages are rendered in order until ``budget`` characters; the pages after that are
    counted in a note that points to ``--report DIR`` (the review site: an index and one
    file per document). ``banner`` (trusted HTML) goes above the page list and ``base``
    before relative file links (for pages written in a sub-folder).
    """
    findings = sorted_findings(report)
    files = page_files(report)
    views = {v.page: v for v in report.views}
    for page in views:
        files.setdefault(page, {})
    files = dict(sorted(files.items()))
    locales = sorted({loc for fs in files.values() for loc in fs}
                     | {f.locale for f in findings}
                     | {loc for v in report.views for r in v.rows for loc in r.cells})
    cats = [c for c in CATEGORIES if any(f.category == c for f in findings)]
    cats += sorted({f.category for f in findings} - set(CATEGORIES))
    sevs = list(SEVERITIES) + sorted({f.severity for f in findings} - set(SEVERITIES))
    counts = severity_counts(findings)
    by_page = {p: list(fs) for p, fs in groupby(findings, key=lambda f: f.page)}
    ids = _Ids(base)
    version = report.tool.get("version", "")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>transcheck report</title>",
        f"<style>{STYLE}</style></head><body>",
        "<header><h1>transcheck: translation consistency report</h1>",
        f'<p class="totals">{plural(counts["error"], "error")}, '
        f'{plural(counts["warning"], "warning")}, {counts["info"]} info in '
        f"{plural(len(files), 'page')} ({plural(sum(len(v) for v in files.values()), 'file')})"
        f"; {plural(len(report.errors), 'input error')}"
        + (f" · transcheck {esc(version)}" if version else "") + "</p>",
        '<form id="filters">',
        f"<fieldset><legend>Locale</legend>{_checkboxes('locale', locales)}</fieldset>",
        f"<fieldset><legend>Severity</legend>{_checkboxes('severity', sevs, off=('info',))}</fieldset>",
        f"<fieldset><legend>Category</legend>{_checkboxes('category', cats)}</fieldset>",
        '<label><input type="checkbox" name="only"> only rows with findings</label>',
        f'<span id="shown">{len(findings)} findings</span>',
        "</form></header>",
    ]
    sections: list[str] = []
    size = 0
    for n, page in enumerate(files, 1):
        if size > budget:
            break
        sections.append(_page(n, page, files[page], views.get(page), by_page.get(page, []), report, ids))
        size += len(sections[-1])
    out.append(banner + "<nav>" + "".join(f'<a href="#p{n}">{esc(page)}</a>'
                                          for n, page in enumerate(list(files)[:len(sections)], 1))
               + "</nav><main>")
    if not findings:
        out.append('<p class="ok">No findings.</p>')
    out.extend(sections)
    left = list(files)[len(sections):]
    if left:
        out.append(f'<section class="page"><h2>{plural(len(left), "more page")} not shown</h2><p>This '
                   f"single file stops after {len(sections)} of {len(files)} pages "
                   f"({sum(len(by_page.get(p, [])) for p in left)} of their findings not shown). Write the "
                   "review site instead: <code>transcheck … --report DIR</code> gives an index and one "
                   "page per document.</p></section>")
    errors = sorted_errors(report)
    if errors:
        out.append('<section class="page"><h2>Input errors</h2><table class="list"><thead><tr>'
                   "<th>file</th><th>line</th><th>message</th></tr></thead><tbody>")
        for e in errors:
            out.append(f'<tr><td><a href="{esc(ids.href(e.file, e.line))}">{esc(e.file)}</a></td>'
                       f"<td>{e.line or ''}</td><td>{esc(e.message)}</td></tr>")
        out.append("</tbody></table></section>")
    out.append(f"</main><script>{SCRIPT}</script></body></html>")
    return "\n".join(out) + "\n"
