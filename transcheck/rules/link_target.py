"""Link and image targets that differ, are missing or extra.

Every locale of a segment must link to the same places. Targets are compared as
multisets, because word order legitimately moves links around a sentence. Targets
that differ only by localisation are the same target: a locale segment in the path
(``/docs/x/``, ``/ko/docs/x/``, ``/en-us/`` vs ``/de-de/``), a locale label on the host
(``en.wikipedia.org`` vs ``ru.wikipedia.org``, also with translated article names),
a locale suffix on a file (``README_ko.md``), a locale in the query (``?hl=de``), the
fragment (anchors follow translated headings; ``broken-anchor`` checks them), letter
case of scheme and host, a trailing slash. A relative link is resolved against the
page's path under its locale root first (``../docs/x`` in ``api/y.md`` is ``/docs/x``), and
a link to the site's own address from its config is its path. A link to an anchor of the page itself
written as its path (``/docs/x#a`` on page ``docs/x``) is the same as ``#a``. A link
only a translation adds, to a page of the same site (a glossary term the translator
linked), is info; so is a link repeated more or fewer times (a target that this locale,
or for an extra link the locales compared with, link elsewhere in the same section), and
a link to the same path on a host named for the locale's language (``vite-docs.ru`` for
``vite.dev`` on a Russian page).
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import Iterator
from urllib.parse import urlsplit

from ..analyse.links import link_key, localized_edition
from ..analyse.sitepaths import locale_root, resolve_row
from ..analyse.spills import joined
from ..model import AlignedPage, Example, Finding
from .base import RuleContext, count_drift, make_finding, prose_count_drift, severity_for, shorten

ID = "link-target"
CATEGORY = "link-drift"
SEVERITY = "error"
WHY = ("A link that points elsewhere, or is missing, in one locale takes its readers to the "
       "wrong page or to none.")
"""Why it matters (shown by ``transcheck explain``)."""

EXAMPLES = (
    Example("links move around the sentence", {
        "de": "Siehe [Docker Hub](https://hub.docker.com/) und [Doku](https://docs.docker.com/).\n",
        "ja": "[ドキュメント](https://docs.docker.com/) と [Docker Hub](https://hub.docker.com/) を参照。\n",
    }, fails=False),
    Example("localized URLs are the same target", {
        "de": "Siehe [Doku](https://example.com/de/guide/).\n",
        "fr": "Voir [doc](https://example.com/fr/guide/).\n",
    }, fails=False),
    Example("a link pointing elsewhere", {
        "de": "Mehr zum [Python-Image](https://hub.docker.com/_/python).\n",
        "fr": "Plus sur l'[image Python](https://hub.docker.com/_/python).\n",
        "pt": "Mais sobre a [imagem python](https://hub.docker.com/).\n",
    }, fails=True),
)

def _own_path(page: str) -> str:
    """The last two parts of a page's path without extension (``advanced/performance``)."""
    parts = page.replace("\\", "/").rsplit(".", 1)[0].split("/")
    if parts and parts[-1] in ("index", "_index", "README"):
        parts = parts[:-1]
    return "/".join(parts[-2:])


def _self_link(key: str, url: str, own: str) -> str:
    """``#`` for a link to an anchor of this very page written as a path
    (``/docs/advanced/performance#deduplication`` on that page), else ``key``."""
    if "#" in url and own and "/" in own and key.rstrip("/").endswith("/" + own):
        return "#"
    return key


def _same_site(url: str) -> bool:
    try:
        return not urlsplit(url.strip()).netloc
    except ValueError:
        return False


def _pick_extra(mine: list, extra: Counter, theirs: list[list], missing: Counter, key) -> list:
    """Which of this locale's links are the extra ones.

    When several links share a target, the extra one is the one standing where the
    others have the missing link (same position in the sentence's list of links).
    """
    wanted = [k for o in theirs[:1] for k, i in enumerate(o) if key(i.target) in missing]
    chosen = []
    key_of = key
    for key, count in sorted(extra.items()):
        cands = [(k, i) for k, i in enumerate(mine) if key_of(i.target) == key]
        cands.sort(key=lambda ki: (min((abs(ki[0] - w) for w in wanted), default=0), ki[0]))
        chosen.extend(i for _, i in sorted(cands[:count], key=lambda ki: ki[0]))
    return chosen


def _links(seg) -> list:
    return [i for i in seg.inlines if i.kind in ("link", "image", "autolink")]


def _expected(d, theirs: list[str], key, mine: list[str] = ()) -> list[str]:
    """The missing targets as the locales compared with write them (``theirs``: their links,
    the reference's or first supporter's first): for each missing key, that locale's link to
    it, then (when it is missing more than once) the other links to it (``tsconfig#strict``,
    ``tsconfig#noImplicitThis``), not one of them twice. Of several links to one page, those
    whose anchor this locale (``mine``: its links) has for that page come last: the one it
    lacks is ``frontmatter/#attrs``, not the ``frontmatter/#label`` it links too."""
    raws: dict[str, list[str]] = {}
    for t in theirs:
        raws.setdefault(key(t), []).append(t)
    held = {(key(t), _fragment(t)) for t in mine}
    out = []
    for k in sorted(d.missing):
        opts = list(dict.fromkeys(raws[k])) if k in raws else [k]
        opts.sort(key=lambda t: (k, _fragment(t)) in held and bool(_fragment(t)))
        out += [opts[j % len(opts)] for j in range(d.missing[k])]
    return out


def _fragment(url: str) -> str:
    """The anchor of ``url`` (after ``#``), lower-cased; empty when it has none."""
    return url.partition("#")[2].strip().lower()


def _sections(page: AlignedPage) -> dict[int, tuple]:
    """Row identity -> the other rows of the section that holds it (from a heading, or the
    first row, to the next heading), for every row of the page in one pass."""
    rows = page.rows
    heads = [any(s.kind == "heading" for s in r.present().values()) for r in rows]
    nxt, after = [len(rows)] * len(rows), len(rows)
    for k in range(len(rows) - 1, -1, -1):
        nxt[k] = after
        after = k if heads[k] else after
    out, start = {}, 0
    for at, row in enumerate(rows):
        start = at if heads[at] else start
        out[id(row)] = rows[start:at] + rows[at + 1:nxt[at]]
    return out


def _repeated(d, loc: str, here: dict, near: dict) -> bool:
    """True when the difference is only how often a link is repeated: a missing target is
    one those compared with link twice or more, with the same anchor, in the row and the
    rest of its section, and this locale links it there at least once; an extra one the
    other way round. ``here``/``near``: locale -> (key, resolved target) pairs of the row /
    the rest of its section."""
    if d.missing and d.extra:
        return False

    def again(lc: str, k: str) -> bool:  # every link of lc to k in the row is linked again
        around = Counter(u for _, u in [*here.get(lc, ()), *near.get(lc, ())])
        return all(around[t] >= 2 for key, t in here.get(lc, ()) if key == k)

    def linked(lc: str, k: str) -> bool:
        return any(key == k for key, _ in [*here.get(lc, ()), *near.get(lc, ())])

    if d.missing:
        return all(linked(loc, k) and any(again(o, k) for o in d.supporters) for k in d.missing)
    return all(again(loc, k) and any(linked(o, k) for o in d.supporters) for k in d.extra)


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per segment and locale whose link targets differ."""
    rule = sys.modules[__name__]
    langs = sorted(set(page.documents) | {lang for lang in ctx.facts.languages.values() if lang})
    own = _own_path(page.page)
    group = ctx.facts.group
    root = locale_root(page.page, [f.path for f in group.files]) if group is not None else None
    plain = lambda url: link_key(url, langs)  # noqa: E731
    raw = lambda loc, s: [i.target for i in _links(s)]  # noqa: E731
    address = ctx.facts.site_address
    sited = lambda values: resolve_row(values, page.page, root, plain, address)  # noqa: E731

    def keyed(values: dict) -> dict[str, list]:
        """locale -> (key, resolved target) of each of its links in one row."""
        where = sited(values)
        return {lc: [(_self_link(plain(where.get(t, t)), where.get(t, t), own), where.get(t, t)) for t in ts]
                for lc, ts in values.items()}

    def targets(values: dict) -> dict:
        return {lc: Counter(k for k, _ in ps) for lc, ps in keyed(values).items()}

    row_pairs: dict[int, dict] = {}  # row identity -> keyed(row): rows are read again for each finding
    sections: dict[int, tuple] = {}

    def pairs(rows) -> dict[str, list]:
        """locale -> (key, resolved target) of each of its links in ``rows``."""
        out: dict[str, list] = {}
        for r in rows:
            got = row_pairs.get(id(r))
            if got is None:
                got = row_pairs[id(r)] = keyed({lc: raw(lc, s) for lc, s in r.present().items() if s.is_prose})
            for lc, ps in got.items():
                out.setdefault(lc, []).extend(ps)
        return out

    for row, segs, _, loc, d in prose_count_drift(page, raw, targets):
        if joined(page, row, loc, d.supporters):
            continue  # the links are in the block next to it, joined into or split out of this one
        where = sited({lc: raw(lc, sg) for lc, sg in segs.items()})
        key = lambda url: _self_link(plain(where.get(url, url)), where.get(url, url), own)  # noqa: E731
        coarse = {lc: Counter(link_key(where.get(i.target, i.target), langs, coarse=True) for i in _links(sg))
                  for lc, sg in segs.items()}
        if loc not in count_drift(coarse, page.reference):
            continue  # the same once translated article names on localized hosts are allowed
        links = {lc: _links(sg) for lc, sg in segs.items()}
        seg = segs[loc]
        missing = _expected(d, [i.target for o in d.supporters for i in links[o]], key,
                            [i.target for i in links[loc]])
        extra_items = _pick_extra(links[loc], d.extra, [links[o] for o in d.supporters], d.missing, key)
        if missing and extra_items:
            texts = ", ".join(f"[{shorten(i.text, 30)}]({i.target})" for i in extra_items)
            msg = f"link {texts} points elsewhere: expected {', '.join(missing)}"
        elif missing:
            msg = f"missing link to {', '.join(missing)}"
        else:
            msg = "extra link " + ", ".join(f"[{shorten(i.text, 30)}]({i.target})" for i in extra_items)
        # a table's cells are data: a link in one more cell is a difference, not a repeat
        if seg.kind != "table_row" and not sections:
            sections.update(_sections(page))
        repeat = seg.kind != "table_row" and _repeated(d, loc, pairs([row]), pairs(sections[id(row)]))
        lang = [ctx.facts.languages.get(loc) or loc]
        edition = bool(missing and extra_items) and all(
            any(localized_edition(i.target, m, lang) for m in missing) for i in extra_items)
        if repeat:
            msg += " (linked elsewhere in the section: a repeated link)"
        elif edition:
            msg += " (the same page of the site's edition in this locale's language)"
        note = " (majority used)" if d.basis in ("majority", "tie") else ""
        msg += f"; compared with {', '.join(d.supporters)}{note}"
        line = extra_items[0].line if extra_items else seg.line
        added = repeat or edition or (not missing and loc != page.reference
                                      and all(_same_site(i.target) for i in extra_items))
        yield make_finding(rule, page, loc, seg, msg,
                           expected="\n".join(missing) or "(none)",
                           actual="\n".join(i.target for i in extra_items) or "(none)",
                           severity="info" if added else severity_for(SEVERITY, d.basis),
                           basis=d.basis, row=row,
                           key=(tuple(missing), tuple(i.target for i in extra_items)),
                           line=line, end_line=line)
