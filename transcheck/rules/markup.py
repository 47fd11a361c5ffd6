"""Emphasis, strong text, strikethrough and inline HTML that one locale lost or gained.

Formatting carries meaning in documentation (a bold warning, a ``<kbd>`` key, a
``<br>``). Each aligned prose block must keep the same number of each kind of
markup; its position in the sentence may move.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from typing import Iterator

from ..model import AlignedPage, Example, Finding
from .base import RuleContext, make_finding, prose_count_drift, severity_for

ID = "markup"
CATEGORY = "markup-drift"
SEVERITY = "warning"

EXAMPLES = (
    Example("bold moves with the words", {
        "de": "**Hinweis**: Ihr Image ist in der Liste.\n",
        "fr": "**Remarque** que votre image est dans la liste.\n",
    }, fails=False),
    Example("a lost bold", {
        "de": "**Hinweis**: Ihr Image ist in der Liste.\n",
        "fr": "Remarque : votre image est dans la liste.\n",
        "pt": "**Observe** que sua imagem está na lista.\n",
    }, fails=True),
)

_NAMES = {"strong": "bold", "em": "italic", "strike": "strikethrough"}
_TAG_RE = re.compile(r"^<\s*/?\s*([A-Za-z][\w-]*)")


def _markup(seg) -> Counter:
    out: Counter = Counter()
    for i in seg.inlines:
        if i.kind in _NAMES:
            out[_NAMES[i.kind]] += 1
        elif i.kind == "html":
            m = _TAG_RE.match(i.text)
            if m and not i.text.lstrip().startswith("</"):
                out[f"<{m.group(1).lower()}>"] += 1
    return out


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per prose block and locale whose markup counts differ."""
    rule = sys.modules[__name__]
    for row, segs, _, loc, d in prose_count_drift(page, lambda loc, s: _markup(s)):
        seg = segs[loc]
        parts = [f"lost {n}× {k}" if n > 1 else f"lost {k}" for k, n in sorted(d.missing.items())]
        parts += [f"gained {n}× {k}" if n > 1 else f"gained {k}" for k, n in sorted(d.extra.items())]
        note = " (majority used)" if d.basis in ("majority", "tie") else ""
        msg = f"{', '.join(parts)}; compared with {', '.join(d.supporters)}{note}"
        yield make_finding(rule, page, loc, seg, msg,
                           expected=", ".join(sorted(d.missing.elements())) or "(none)",
                           actual=", ".join(sorted(d.extra.elements())) or "(none)",
                           severity=severity_for(SEVERITY, d.basis), basis=d.basis, row=row,
                           key=tuple(parts))
