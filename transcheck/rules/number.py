"""Numbers and versions that differ between locales.

Numbers in prose and code spans (sizes, versions, counts, ports) must survive
translation. Units are not compared, so ``8 MB``, ``8 Mo`` and ``8MB`` are the same
number; decimal commas (``3,8``) and thousands separators (``1 000``, ``1.000``,
``1,000``) are normalised. Numbers inside URLs are ignored (links are checked on
their own). Numbers glued to Chinese, Japanese or Korean text (``ポート8080で``) are
found. In those languages a small number before a counter (``1 つ``, ``2つの``,
``1 개``, ``3个``) may be a word the others write in letters, and a number word before a
counter (``三つ``, ``두 가지``) the digits they write: such a number counts where another
locale has it, and is not extra where none has.

A small count (0 to 10) in the prose of one side only, not a changed value, is info: the
other side mostly writes it as a word (``zwei`` for ``2``, "a single command" for
``1コマンド``, "twice" for ``两次``). Not a number after a name inside a sentence or glued
to letters (``in Vue 2``, ``v2``: a version), nor one in a code span.

Any other single value on one side only (``missing number 2.0.0``, ``extra number 50``) is
info as well: on real sites it was mostly the same value written another way (``< 2`` for
``< 2.0.0``, a date in the locale's format, ``第二列`` for "second column") or a number in an
example the translation added. So is a version written shorter (``2`` for ``2.0.0``). A
changed value (``13 instead of 14``), two or more values on one side (a stale sentence:
``missing number 26, 27``), a version after a name (``Vue 2``) and a number in a code
span stay warnings, unless the span only one side has quotes the page's own code example
(`` `2rem` `` where the example sets ``size="2rem"``). A value said more or fewer times, present
on both sides (en "from Pydantic v1 to Pydantic v2 … the migration to v2", ja naming v2 once),
is info.
"""

from __future__ import annotations

import re
import sys
from typing import Iterable, Iterator

from ..analyse.numbers import NUMBER_TOKEN_RE, reconcile, segment_numbers
from ..model import AlignedPage, Example, Finding
from .base import RuleContext, make_finding, prose_count_drift, severity_for

ID = "number"
CATEGORY = "number-drift"
SEVERITY = "warning"
WHY = ("Versions, ports, sizes and counts must not change in translation; a different number "
       "in one locale is a wrong instruction.")
"""Why it matters (shown by ``transcheck explain``)."""

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

_SMALL = frozenset(str(i) for i in range(11))
_GLUED_RE = re.compile(r"[A-Za-z]\Z")  # v2, python3
_NAME_RE = re.compile(r"(\S*)\s+[A-Z][A-Za-z0-9.+-]*[ \u00a0]?\Z")  # Vue 2, Node.js 20, macOS 13; not `Cloudに1`


def _version_key(number: str) -> str:
    """A version without its trailing zero parts (``2.0.0`` and ``2`` are one value)."""
    return re.sub(r"(?:\.0+)+\Z", "", number) if "." in number else number


def _after_name(before: str) -> bool:
    """True when a number that follows ``before`` is glued to letters or follows a capitalised
    word inside a sentence (``v2``, ``in Vue 2``), not a sentence's first word (``These 2``)."""
    if _GLUED_RE.search(before):
        return True
    m = _NAME_RE.search(before)
    return bool(m) and bool(m.group(1)) and not m.group(1).endswith((".", "!", "?", ":", "。", "！", "？", "："))


def _before(num: str, texts: list[str]) -> list[str]:
    """The 40 characters before each place ``texts`` hold ``num`` as a number."""
    return [t[max(0, m.start() - 40):m.start()] for t in texts for m in NUMBER_TOKEN_RE.finditer(t)
            if m.group() == num]


def _version_or_code(num: str, segs: list) -> bool:
    """True when ``num`` follows a name in the prose of ``segs`` (``Vue 2``) or is in a code span."""
    return any(map(_after_name, _before(num, [g.prose for g in segs]))) \
        or any(num in i.text for g in segs for i in g.inlines if i.kind == "code")


def _quotes_example(num: str, seg, page: AlignedPage, supporters: list[str]) -> bool:
    """True when every code span of ``seg`` holding ``num`` is more than the number and is
    written in a code block of a supporter's page (`` `2rem` `` where the example says
    ``size="2rem"``): a translation quoting the page's own example."""
    spans = [i.text.strip() for i in seg.inlines if i.kind == "code" and num in i.text]
    code = [g.text for o in supporters for g in page.documents[o].segments if g.kind == "code"]
    return bool(spans) and all(t != num and any(re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", c) for c in code)
                               for t in spans)


def small_counts(numbers: Iterable[str], texts: list[str]) -> bool:
    """True when every number is a small integer (0 to 10) that ``texts`` (prose) hold
    as a count, never right after a name (``Vue 2``, ``v2``)."""
    for num in set(numbers):
        if num not in _SMALL or not (before := _before(num, texts)) or any(map(_after_name, before)):
            return False
    return True


def check(page: AlignedPage, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per segment and locale whose numbers differ."""
    rule = sys.modules[__name__]
    for row, segs, values, loc, d in prose_count_drift(page, lambda loc, s: segment_numbers(s, loc), reconcile):
        seg = segs[loc]
        missing = sorted(d.missing.elements())
        extra = sorted(d.extra.elements())
        shorter = bool(missing and extra) and sorted(map(_version_key, missing)) == sorted(map(_version_key, extra))
        if missing and extra:
            msg = f"number {', '.join(extra)} instead of {', '.join(missing)}" \
                + (" (the same version written shorter?)" if shorter else "")
        elif missing:
            msg = f"missing number {', '.join(missing)}"
        else:
            msg = f"extra number {', '.join(extra)}"
        one_side = extra or missing if not (missing and extra) else []
        holders = [seg] if extra else [segs[o] for o in d.supporters]  # where the unpaired values stand
        small = bool(one_side) and small_counts(one_side, [g.prose for g in holders])
        single = len(set(one_side)) == 1 and (not _version_or_code(one_side[0], holders) or bool(extra) and _quotes_example(
            extra[0], seg, page, d.supporters))
        # every value is on both sides, only said more or fewer times ("from v1 to v2 … migration to v2")
        repeated = bool(one_side) and all(values[loc][k] for k in d.missing) \
            and all(values[o][k] for k in d.extra for o in d.supporters)
        if repeated:
            msg += " (each value is on both sides, repeated more or fewer times)"
        elif small:
            msg += " (a small count: written as a word on the other side?)"
        elif single:
            msg += " (one value on one side only: written another way?)"
        note = " (majority used)" if d.basis in ("majority", "tie") else ""
        msg += f"; compared with {', '.join(d.supporters)}{note}"
        line = seg.line
        probe = (extra or missing)[0]
        pos = seg.text.find(probe)
        if pos >= 0:
            line = seg.line_of(pos)
        yield make_finding(rule, page, loc, seg, msg, expected=", ".join(missing) or "(none)",
                           actual=", ".join(extra) or "(none)",
                           severity="info" if small or single or shorter or repeated
                           else severity_for(SEVERITY, d.basis),
                           basis=d.basis, row=row,
                           key=(tuple(missing), tuple(extra)), line=line, end_line=line)
