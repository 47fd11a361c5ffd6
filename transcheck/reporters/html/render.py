"""One self-contained HTML file for translators: every page side by side across locales.

For each page: its aligned segments in one column per locale (from ``Report.views``),
findings shown in the cell of their locale and line with expected vs actual (the
difference marked), a locales x segments parity heatmap when scores exist, and links
to the files (relative, ``#L<line>``). Filters by locale, category and severity run in
a small inline script; the same filters can be set from the URL fragment, e.g.
``report.html#locale=de,ru&severity=error&category=code-drift&only=1``.

Document text is untrusted: every text and attribute is escaped, hrefs are only
``http(s):`` or relative, no document text is ever placed inside ``<script>``, and a
Content-Security-Policy allows only the page's own inline style and script (by hash).
No external resources: it works from ``file://``.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import re
from html import escape as _escape
from itertools import groupby

from ..model import CATEGORIES, SEVERITIES, Finding, PageView, Report, ViewCell, ViewRow
from ._common import (page_files, plural, relative_uri, severity_counts, sorted_errors,
                      sorted_findings)

NAME = "html"
EXTENSION = "html"

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_UNSAFE_URL_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f\\]")
_DIFF_LIMIT = 4000


def esc(text: object) -> str:
    """Escape text for HTML content or a double-quoted attribute value."""
    return _escape(str(text), quote=True)


def safe_href(url: str) -> str | None:
    """Return ``url`` if it is ``http(s):`` or relative (not ``//host``), else ``None``.

    Whitespace, control characters and backslashes are refused outright, since
    browsers strip or reinterpret them (``java\\nscript:``).
    """
    if not url or _UNSAFE_URL_CHARS.search(url) or url.startswith("//"):
        return None
    m = _SCHEME.match(url)
    if m and m.group(1).lower() not in ("http", "https"):
        return None
    return url


def file_href(path: str, line: int | None = None) -> str:
    """Return a relative link to a file (percent-encoded), with ``#L<line>`` when given."""
    href = relative_uri(path)
    return f"{href}#L{line}" if line else href


def _heat(score: float) -> str:
    return f"h{max(0, min(10, round(score * 10)))}"


def _span(line: int, end: int) -> str:
    return f"{line}" if end == line else f"{line}–{end}"


def _visible_ws(text: str) -> str:
    return text.replace(" ", "␣").replace("\t", "⇥").replace("\n", "↵\n")


def diff_pair(expected: str, actual: str) -> tuple[str, str]:
    """Return escaped HTML of expected and actual with their differences marked."""
    if not expected or not actual or len(expected) + len(actual) > _DIFF_LIMIT:
        return esc(expected), esc(actual)
    sm = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    if sm.ratio() < 0.5:  # unrelated values: marking every character helps nobody
        return esc(expected), esc(actual)
    exp, act = [], []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        a, b = expected[i1:i2], actual[j1:j2]
        if op == "equal":
            exp.append(esc(a))
            act.append(esc(b))
            continue
        if a:
            exp.append(f'<span class="dm">{esc(_visible_ws(a) if not a.strip() else a)}</span>')
        if b:
            act.append(f'<span class="dx">{esc(_visible_ws(b) if not b.strip() else b)}</span>')
    return "".join(exp), "".join(act)


class _Ids:
    """Deterministic element ids for findings, in render order."""

    def __init__(self) -> None:
        self.ids: dict[int, str] = {}

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
    link = f'<a class="ln" href="{esc(file_href(f.file, f.line))}">L{_span(f.line, f.end_line)}</a>'
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
    head = [f'<a class="ln" href="{esc(file_href(file, cell.line))}" '
            f'title="{esc(file)}">L{_span(cell.line, cell.end_line)}</a>',
            f'<span class="kind">{esc(cell.kind)}</span>']
    if cell.score is not None:
        head.append(f'<span class="score {_heat(cell.score)}" title="parity">'
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
                cls = _heat(cell.score)
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
            f'<td><a class="ln" href="{esc(file_href(f.file, f.line))}">{esc(f.file)}:'
            f"{_span(f.line, f.end_line)}</a></td>"
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
        link = f'<a href="{esc(file_href(file))}">{esc(file)}</a>' if file else ""
        score = (f' <span class="score {_heat(par)}" title="parity">{par:.2f}</span>'
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


STYLE = """
:root{--bg:#f6f7f9;--fg:#1d232b;--mut:#5d6773;--line:#d9dee4;--card:#fff;
--err:#c62828;--errbg:#fdecea;--warn:#b26a00;--warnbg:#fff4e0;--info:#1565c0;--infobg:#e8f1fc}
*{box-sizing:border-box}[hidden]{display:none!important}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",
"Noto Sans CJK JP",sans-serif;color:var(--fg);background:var(--bg)}
header{position:sticky;top:0;z-index:5;background:#202a36;color:#fff;padding:.6rem 1.2rem;
box-shadow:0 2px 6px rgba(0,0,0,.25)}
header h1{font-size:1.15rem;margin:0 0 .2rem}header .totals{margin:0 0 .4rem;color:#cfd8e3}
#filters{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center}
#filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.1rem .5rem;
align-items:center}
#filters legend{float:left;font-weight:600;color:#9fb3c8;margin-right:.4rem;font-size:.8rem;
text-transform:uppercase;letter-spacing:.04em}
#filters label{white-space:nowrap;cursor:pointer}#shown{color:#9fb3c8;font-size:.85rem}
nav{padding:.5rem 1.2rem;background:#e9edf1;border-bottom:1px solid var(--line)}
nav a{margin-right:1rem}
main{padding:0 1.2rem 2rem}a{color:#0b5cad}
.page{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:1.2rem 0;
padding:.2rem 1rem 1rem}
.page h2{margin:.7rem 0 .1rem;font-size:1.25rem}.meta{color:var(--mut);margin:.1rem 0 .5rem}
.files{list-style:none;padding:0;margin:.3rem 0 .8rem;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem}
.files .n{color:var(--mut);font-size:.85em}
.scroll{overflow-x:auto}
table.align{border-collapse:separate;border-spacing:0;width:100%;table-layout:fixed}
table.align th{position:sticky;top:0;background:#eef1f4;text-align:left;padding:.35rem .5rem;
border-bottom:2px solid var(--line)}
table.align td{vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--line);
border-left:1px solid #eef0f2;overflow-wrap:anywhere}
th.idx,td.idx{width:3rem;color:var(--mut);text-align:right}
.ch{display:flex;gap:.45rem;align-items:center;font-size:.78rem;color:var(--mut);
margin-bottom:.15rem}
.kind{background:#eef1f4;border-radius:3px;padding:0 .3rem}
.txt{white-space:pre-wrap}pre.txt{margin:0;font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,
Consolas,monospace;background:#f3f5f7;padding:.35rem .45rem;border-radius:4px;white-space:pre-wrap}
td.missing{background:repeating-linear-gradient(135deg,#fafafa 0 8px,#f1f1f1 8px 16px)}
.none{color:var(--mut);font-style:italic}
td.cell.flag-error{background:var(--errbg);box-shadow:inset 3px 0 var(--err)}
td.cell.flag-warning{background:var(--warnbg);box-shadow:inset 3px 0 var(--warn)}
td.cell.flag-info{background:var(--infobg);box-shadow:inset 3px 0 var(--info)}
mark{background:none;color:inherit}mark.on{border-radius:2px;padding:0 1px}
mark.on.sev-error{background:#f8c6c2}mark.on.sev-warning{background:#ffe0a6}
mark.on.sev-info{background:#cfe2fb}
.finding{margin-top:.4rem;padding:.35rem .5rem;border-radius:5px;background:var(--card);
border:1px solid var(--line);border-left:4px solid var(--mut);font-size:.9em}
.finding.sev-error{border-left-color:var(--err)}.finding.sev-warning{border-left-color:var(--warn)}
.finding.sev-info{border-left-color:var(--info)}
tr.finding{border:0}
.fh{display:flex;flex-wrap:wrap;gap:.35rem;align-items:center}
.badge{font-size:.72rem;font-weight:700;text-transform:uppercase;border-radius:3px;
padding:0 .35rem;color:#fff;background:var(--mut)}
.badge.sev-error{background:var(--err)}.badge.sev-warning{background:var(--warn)}
.badge.sev-info{background:var(--info)}
.cat{color:var(--mut)}.rule{font-size:.85em}.basis{color:var(--mut);font-size:.85em}
.msg{margin:.15rem 0}
dl.ev{display:grid;grid-template-columns:auto 1fr;gap:.1rem .5rem;margin:.2rem 0 0}
dl.ev dt{color:var(--mut);font-size:.8em}dl.ev dd{margin:0}
code.exp,code.act{white-space:pre-wrap;font:12px/1.35 ui-monospace,Menlo,Consolas,monospace;
display:block;padding:.1rem .3rem;border-radius:3px}
code.exp{background:#e7f5e9}code.act{background:#fbe9e7}
.dm{background:#9be0a5;outline:1px solid #3f9f4f;border-radius:2px}
.dx{background:#f4a9a0;outline:1px solid #c62828;border-radius:2px}
.heatwrap{overflow-x:auto;margin:.3rem 0 .8rem}
table.heatmap{border-collapse:collapse}
table.heatmap caption{text-align:left;color:var(--mut);font-size:.8rem;padding-bottom:.2rem;
white-space:nowrap}
table.heatmap th{font-size:.8rem;text-align:right;padding-right:.4rem;font-weight:600}
table.heatmap td{padding:1px}
a.hm{display:block;width:13px;height:16px;border-radius:2px}
a.hm.flag{outline:2px solid #1d232b;outline-offset:-2px}
.hm-missing{border:1px dashed #9aa4ae}.hm-na{background:#e3e6ea}
.score{font-size:.75rem;border-radius:3px;padding:0 .3rem;color:#111}
.h0{background:hsl(0,75%,62%)}.h1{background:hsl(12,75%,62%)}.h2{background:hsl(24,78%,62%)}
.h3{background:hsl(36,80%,60%)}.h4{background:hsl(48,82%,58%)}.h5{background:hsl(60,70%,55%)}
.h6{background:hsl(72,60%,55%)}.h7{background:hsl(88,52%,55%)}.h8{background:hsl(104,48%,55%)}
.h9{background:hsl(120,45%,52%)}.h10{background:hsl(135,50%,45%)}
table.list{border-collapse:collapse;width:100%}
table.list th,table.list td{border-bottom:1px solid var(--line);padding:.3rem .45rem;
text-align:left;vertical-align:top}
.ok{color:#2e7d32;font-weight:600}
""" + "".join(f".cols-{n}{{min-width:{3 + 17 * n}rem}}" for n in range(1, 25)) + "\n"

SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var names = ["locale", "severity", "category"];
  function boxes(name) {
    return Array.prototype.slice.call(form.querySelectorAll("input[name='" + name + "']"));
  }
  function selected(name) {
    var out = {};
    boxes(name).forEach(function (b) { if (b.checked) { out[b.value] = true; } });
    return out;
  }
  function fromHash() {
    var h = location.hash.replace(/^#/, "");
    if (h.indexOf("=") < 0) { return; }
    h.split("&").forEach(function (part) {
      var kv = part.split("="), key = decodeURIComponent(kv[0] || "");
      var vals = decodeURIComponent(kv.slice(1).join("=")).split(",");
      if (names.indexOf(key) >= 0) {
        boxes(key).forEach(function (b) { b.checked = vals.indexOf(b.value) >= 0; });
      } else if (key === "only") {
        form.querySelector("input[name='only']").checked = vals[0] === "1";
      }
    });
  }
  function toHash() {
    var parts = [];
    names.forEach(function (n) {
      var all = boxes(n), on = all.filter(function (b) { return b.checked; });
      if (on.length !== all.length) {
        parts.push(n + "=" + encodeURIComponent(on.map(function (b) { return b.value; }).join(",")));
      }
    });
    if (form.querySelector("input[name='only']").checked) { parts.push("only=1"); }
    try { history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname); }
    catch (e) { /* some file:// contexts refuse; filters still apply */ }
  }
  var rank = { error: 0, warning: 1, info: 2 };
  function apply() {
    var loc = selected("locale"), sev = selected("severity"), cat = selected("category");
    var only = form.querySelector("input[name='only']").checked;
    var shown = 0, total = 0, visible = {};
    document.querySelectorAll(".finding").forEach(function (f) {
      var d = f.dataset, on = !!(loc[d.locale] && sev[d.severity] && cat[d.category]);
      f.hidden = !on; total += 1;
      if (on) { shown += 1; visible[f.id] = d.severity; }
    });
    document.querySelectorAll(".lc").forEach(function (el) { el.hidden = !loc[el.dataset.locale]; });
    document.querySelectorAll("mark[data-f]").forEach(function (m) {
      m.classList.toggle("on", !!visible[m.dataset.f]);
    });
    document.querySelectorAll("td.cell").forEach(function (td) {
      var worst = null;
      td.querySelectorAll(".finding").forEach(function (f) {
        var s = visible[f.id];
        if (s && (worst === null || rank[s] < rank[worst])) { worst = s; }
      });
      ["error", "warning", "info"].forEach(function (s) { td.classList.toggle("flag-" + s, worst === s); });
      td.dataset.flag = worst || "";
    });
    document.querySelectorAll("a.hm[data-row]").forEach(function (a) {
      var tr = document.getElementById(a.dataset.row);
      var td = tr && tr.querySelector("td.cell[data-locale='" + CSS.escape(a.dataset.locale) + "']");
      a.classList.toggle("flag", !!(td && td.dataset.flag));
    });
    document.querySelectorAll("tr.row").forEach(function (tr) {
      var hit = tr.querySelector("td.cell:not([hidden]) .finding:not([hidden])");
      tr.hidden = only && !hit;
    });
    document.getElementById("shown").textContent = shown + " of " + total + " findings shown";
    document.documentElement.setAttribute("data-filtered", "1");
  }
  form.addEventListener("change", function () { apply(); toHash(); });
  window.addEventListener("hashchange", function () { fromHash(); apply(); });
  fromHash();
  apply();
})();
"""


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


CSP = ("default-src 'none'; style-src " + _csp_hash(STYLE) + "; script-src " + _csp_hash(SCRIPT)
       + "; img-src 'none'; base-uri 'none'; form-action 'none'")
"""The page's Content-Security-Policy: only its own inline style and script, by hash."""


def _checkboxes(name: str, values: list[str]) -> str:
    return "".join(f'<label><input type="checkbox" name="{name}" value="{esc(v)}" checked> '
                   f"{esc(v)}</label>" for v in values)


def render(report: Report, color: bool = False) -> str:
    """Render the side-by-side translator report as one HTML document (``color`` ignored)."""
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
    ids = _Ids()
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
        f"<fieldset><legend>Severity</legend>{_checkboxes('severity', sevs)}</fieldset>",
        f"<fieldset><legend>Category</legend>{_checkboxes('category', cats)}</fieldset>",
        '<label><input type="checkbox" name="only"> only rows with findings</label>',
        f'<span id="shown">{len(findings)} findings</span>',
        "</form></header>",
    ]
    out.append("<nav>" + "".join(
        f'<a href="#p{n}">{esc(page)}</a>' for n, page in enumerate(files, 1)) + "</nav><main>")
    if not findings:
        out.append('<p class="ok">No findings.</p>')
    for n, page in enumerate(files, 1):
        out.append(_page(n, page, files[page], views.get(page), by_page.get(page, []),
                         report, ids))
    errors = sorted_errors(report)
    if errors:
        out.append('<section class="page"><h2>Input errors</h2><table class="list"><thead><tr>'
                   "<th>file</th><th>line</th><th>message</th></tr></thead><tbody>")
        for e in errors:
            out.append(f'<tr><td><a href="{esc(file_href(e.file, e.line))}">{esc(e.file)}</a></td>'
                       f"<td>{e.line or ''}</td><td>{esc(e.message)}</td></tr>")
        out.append("</tbody></table></section>")
    out.append(f"</main><script>{SCRIPT}</script></body></html>")
    return "\n".join(out) + "\n"
