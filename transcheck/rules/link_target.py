"""Link and image targets that differ, are missing or extra.

Every locale of a segment must link to the same places. Targets are compared as
multisets, because word order legitimately moves links around a sentence. Targets
that differ only by localisation are the same target: a locale segment in the path
(``/docs/x/``, ``/ko/docs/x/``, ``/en-us/`` vs ``/de-de/``), a locale label on the host
(``en.wikipedia.org`` vs ``ru.wikipedia.org``, also with translated article names),
a locale suffix on a file (``README_ko.md``), a locale in the query (``?hl=de``), the
fragment (anchors follow translated headings; ``broken-anchor`` checks them), letter
case of scheme and host, a trailing slash. A link to an anchor of the page itself
written as its path (``/docs/x#a`` on page ``docs/x``) is the same as ``#a``. A link
only a translation adds, to a page of the same site (a glossary term the translator
linked), is info.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import Iterator
from urllib.parse import urlsplit

from ..analyse.links import link_key
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


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per segment and locale whose link targets differ."""
    rule = sys.modules[__name__]
    langs = sorted(set(page.documents) | {lang for lang in ctx.facts.languages.values() if lang})
    own = _own_path(page.page)
    key = lambda url: _self_link(link_key(url, langs), url, own)  # noqa: E731
    targets = lambda loc, s: Counter(key(i.target) for i in _links(s))  # noqa: E731
    coarse = lambda s: Counter(link_key(i.target, langs, coarse=True) for i in _links(s))  # noqa: E731
    for row, segs, _, loc, d in prose_count_drift(page, targets):
        if loc not in count_drift({lc: coarse(sg) for lc, sg in segs.items()}, page.reference):
            continue  # the same once translated article names on localized hosts are allowed
        links = {lc: _links(sg) for lc, sg in segs.items()}
        seg = segs[loc]
        ref_raw = {key(i.target): i.target for o in d.supporters for i in links[o]}
        missing = [ref_raw.get(k, k) for k in sorted(d.missing.elements())]
        extra_items = _pick_extra(links[loc], d.extra, [links[o] for o in d.supporters], d.missing, key)
        if missing and extra_items:
            texts = ", ".join(f"[{shorten(i.text, 30)}]({i.target})" for i in extra_items)
            msg = f"link {texts} points elsewhere: expected {', '.join(missing)}"
        elif missing:
            msg = f"missing link to {', '.join(missing)}"
        else:
            msg = "extra link " + ", ".join(f"[{shorten(i.text, 30)}]({i.target})" for i in extra_items)
        note = " (majority used)" if d.basis in ("majority", "tie") else ""
        msg += f"; compared with {', '.join(d.supporters)}{note}"
        line = extra_items[0].line if extra_items else seg.line
        added = not missing and loc != page.reference and all(_same_site(i.target) for i in extra_items)
        yield make_finding(rule, page, loc, seg, msg,
                           expected="\n".join(missing) or "(none)",
                           actual="\n".join(i.target for i in extra_items) or "(none)",
                           severity="info" if added else severity_for(SEVERITY, d.basis),
                           basis=d.basis, row=row,
                           key=(tuple(missing), tuple(i.target for i in extra_items)),
                           line=line, end_line=line)
