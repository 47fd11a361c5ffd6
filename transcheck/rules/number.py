"""Numbers and versions that differ between locales.

Numbers in prose and code spans (sizes, versions, counts, ports) must survive
translation. Units are not compared, so ``8 MB``, ``8 Mo`` and ``8MB`` are the same
number; decimal commas (``3,8``) and thousands separators (``1 000``, ``1.000``,
``1,000``) are normalised. Numbers inside URLs are ignored (links are checked on
their own). In Japanese, Chinese and Korean a small number followed by a counter
(``1 つ``, ``1 行``, ``2 個``) is a word the others write in letters, so it is not a
number the others must carry.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from typing import Iterator

from ..analyse.numbers import NUMBER_TOKEN_RE
from ..locales import base_language
from ..model import AlignedPage, Example, Finding, Segment
from .base import RuleContext, make_finding, prose_count_drift, severity_for

ID = "number"
CATEGORY = "number-drift"
SEVERITY = "warning"

EXAMPLES = (
    Example("units differ, numbers agree", {
        "de": "Das Image ist ca. 8 MB groß.\n",
        "fr": "L'image fait environ 8 Mo.\n",
        "ja": "イメージのサイズは約 8MB です。\n",
    }, fails=False),
    Example("a Japanese counter is not a number", {
        "de": "Einer der Vorteile ist die Geschwindigkeit.\n",
        "ja": "利点の 1 つは速度です。\n",
    }, fails=False),
    Example("a changed size", {
        "de": "Eine Installation hat ca. 130 MB.\n",
        "fr": "Une installation fait environ 130 Mo.\n",
        "pt": "Uma instalação tem cerca de 180 MB.\n",
    }, fails=True),
)

_URL_RE = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+")
_CJK_COUNTERS = "つ個人回本枚件台点行番目章節項種匹頭冊通分秒時日年月週歳位次部段層文字名개명번장가지줄단계"
_CJK_COUNTER_RE = re.compile(rf"\s?[{_CJK_COUNTERS}]")


def normalize_number(token: str) -> str:
    """Canonical form: thousands separators dropped, decimal comma as a point."""
    groups = re.split(r"[.,\u00a0\u202f ]", token)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3 \
            and (len(groups) > 2 or not re.search(r"[.,]", token) or groups[0] != "0"):
        # 1 000 / 1.000 / 1,000 -> 1000 (a three-digit tail reads as thousands)
        if re.search(r"[\u00a0\u202f ]", token) or len(groups) > 2 or len(groups[1]) == 3:
            return "".join(groups)
    return token.replace(",", ".").replace("\u00a0", "").replace("\u202f", "").replace(" ", "")


def numbers(seg: Segment, locale: str) -> Counter:
    """The numbers of a prose segment (words and code spans, not URLs), normalised."""
    cjk = base_language(locale) in ("ja", "zh", "ko")
    texts = [seg.prose] + [i.text for i in seg.inlines if i.kind == "code"]
    out: Counter = Counter()
    for text in texts:
        text = _URL_RE.sub(" ", text)
        for m in NUMBER_TOKEN_RE.finditer(text):
            token = m.group().strip()
            if " " in token and not re.fullmatch(r"\d{1,3}(?: \d{3})+", token):
                # a space between unrelated numbers, not a thousands separator
                parts = token.split(" ")
            else:
                parts = [token]
            for k, part in enumerate(parts):
                last = k == len(parts) - 1
                if cjk and last and len(part) <= 2 and _CJK_COUNTER_RE.match(text, m.end()):
                    continue
                out[normalize_number(part)] += 1
    return out


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per segment and locale whose numbers differ."""
    rule = sys.modules[__name__]
    for row, segs, _, loc, d in prose_count_drift(page, lambda loc, s: numbers(s, loc)):
        seg = segs[loc]
        missing = sorted(d.missing.elements())
        extra = sorted(d.extra.elements())
        if missing and extra:
            msg = f"number {', '.join(extra)} instead of {', '.join(missing)}"
        elif missing:
            msg = f"missing number {', '.join(missing)}"
        else:
            msg = f"extra number {', '.join(extra)}"
        note = " (majority used)" if d.basis in ("majority", "tie") else ""
        msg += f"; compared with {', '.join(d.supporters)}{note}"
        line = seg.line
        probe = (extra or missing)[0]
        pos = seg.text.find(probe)
        if pos >= 0:
            line = seg.line_of(pos)
        yield make_finding(rule, page, loc, seg, msg, expected=", ".join(missing) or "(none)",
                           actual=", ".join(extra) or "(none)",
                           severity=severity_for(SEVERITY, d.basis), basis=d.basis, row=row,
                           key=(tuple(missing), tuple(extra)), line=line, end_line=line)
