"""Link and image targets that differ, are missing or extra.

Every locale of a segment must link to the same places. Targets are compared as
multisets, because word order legitimately moves links around a sentence. Targets
that differ only by the locale code in their path or query (``/de/docs`` vs
``/fr/docs``, ``?hl=de``), by letter case of scheme and host, or by a trailing slash
are the same target.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from typing import Iterator
from urllib.parse import urlsplit, urlunsplit

from ..locales import normalize_locale
from ..model import AlignedPage, Example, Finding
from .base import RuleContext, make_finding, prose_count_drift, severity_for, shorten

ID = "link-target"
CATEGORY = "link-drift"
SEVERITY = "error"

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

_QUERY_LOCALE = re.compile(r"(^|&)(hl|lang|locale|language)=[^&]*")


def normalize_target(url: str) -> str:
    """A comparison key for a link target: locale-neutral, case- and slash-insensitive."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    segs = [("{locale}" if normalize_locale(s) and len(s) <= 10 and s.lower() not in ("_", "") else s)
            for s in parts.path.split("/")]
    path = "/".join(segs).rstrip("/")
    query = _QUERY_LOCALE.sub(r"\1\2={locale}", parts.query)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, parts.fragment))


def _pick_extra(mine: list, extra: Counter, theirs: list[list], missing: Counter) -> list:
    """Which of this locale's links are the extra ones.

    When several links share a target, the extra one is the one standing where the
    others have the missing link (same position in the sentence's list of links).
    """
    wanted = [k for o in theirs[:1] for k, i in enumerate(o) if normalize_target(i.target) in missing]
    chosen = []
    for key, count in sorted(extra.items()):
        cands = [(k, i) for k, i in enumerate(mine) if normalize_target(i.target) == key]
        cands.sort(key=lambda ki: (min((abs(ki[0] - w) for w in wanted), default=0), ki[0]))
        chosen.extend(i for _, i in sorted(cands[:count], key=lambda ki: ki[0]))
    return chosen


def _links(seg) -> list:
    return [i for i in seg.inlines if i.kind in ("link", "image", "autolink")]


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per segment and locale whose link targets differ."""
    rule = sys.modules[__name__]
    targets = lambda loc, s: Counter(normalize_target(i.target) for i in _links(s))  # noqa: E731
    for row, segs, _, loc, d in prose_count_drift(page, targets):
        links = {lc: _links(sg) for lc, sg in segs.items()}
        seg = segs[loc]
        ref_raw = {normalize_target(i.target): i.target for o in d.supporters for i in links[o]}
        missing = [ref_raw.get(k, k) for k in sorted(d.missing.elements())]
        extra_items = _pick_extra(links[loc], d.extra, [links[o] for o in d.supporters], d.missing)
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
        yield make_finding(rule, page, loc, seg, msg,
                           expected="\n".join(missing) or "(none)",
                           actual="\n".join(i.target for i in extra_items) or "(none)",
                           severity=severity_for(SEVERITY, d.basis), basis=d.basis, row=row,
                           key=(tuple(missing), tuple(i.target for i in extra_items)),
                           line=line, end_line=line)
