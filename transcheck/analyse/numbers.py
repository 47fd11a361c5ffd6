"""Numbers in prose: finding them in every script and normalising their spelling.

Units are not part of a number, so ``8 MB``, ``8 Mo`` and ``8MB`` give the same
``8``; decimal commas (``3,8``) and thousands separators (``1 000``, ``1.000``,
``1,000``) are normalised, and so are the digits of other scripts (``۱۰``, ``١٠``,
``१०`` are 10). Numbers inside URLs are ignored (links are checked on their own). A
number glued to Chinese, Japanese or Korean text (``ポート8080で``, ``3个``, ``0개의``)
is found like any other.

In Japanese, Chinese and Korean a small number followed by a counter (``1 つ``,
``2つの``, ``1 개``, ``3个``) may stand for a word the other locales write in letters
("one of the advantages"), and the other way round a number word before a counter
(``三つ``, ``两个``, ``두 가지``; not "one", which mostly means "a") and an ordinal
(``第一步``) stand for the digits others write. Such a number
is *optional*: it counts when another locale has the same number, and is not extra
when none has (:func:`reconcile`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Mapping

from ..locales import base_language
from ..model import Segment

NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
"""A plain number (``3``, ``3.8``, ``1,000``): an alignment and identification anchor."""

NUMBER_TOKEN_RE = re.compile(r"(?<![\d_.])\d+(?:[.,\u00a0\u202f ]\d+)*")
"""A number as the ``number`` rule compares it: digit groups may be split by spaces or
no-break spaces (``1 000``); digits glued to letters (``python3``) or to CJK text
(``ポート8080で``) count, but not digits inside a Latin word (``i18n``, ``k8s``: a name) or an
HTML tag's name (``<h1>``)."""
_INSIDE_WORD_RE = re.compile(r"(?<=[A-Za-z])\d+(?=[A-Za-z])")
_TAG_DIGITS_RE = re.compile(r"(?<=<)(/?[A-Za-z]+)(\d+)(?=[\s/>])")  # <h1>: a name, not a number
_URL_RE = re.compile(r"(?<![A-Za-z0-9])(?:(?:https?|ftp)://|www\.)[!-~]+")
"""A URL, also glued to CJK text (``で http://127.0.0.1:8000を開きます`` has no space around it):
ASCII letters may not precede it, and it ends at the first non-ASCII character or space."""
_DIGIT_RE = re.compile(r"\d")
_SPACED_THOUSANDS_RE = re.compile(r"\d{1,3}(?: \d{3})+")
_CJK_COUNTERS = "つ個个人回本枚件台点行番目章節节项項種种匹頭头冊册通分秒時时日年月週周歳岁位次部段層层级級文字名개명번장가지줄단계월년일시분초주"
_CJK_COUNTER_RE = re.compile(rf"\s?[{_CJK_COUNTERS}]")
_HAN_DIGITS = "一二三四五六七八九"
_WORD_NUMBER_HINT_RE = re.compile(rf"[{_HAN_DIGITS}十两兩한두세네다여일아열]")
"""A character every counted match of :data:`_WORD_NUMBER_RE` holds (a digit or a Korean numeral's first)."""
_WORD_NUMBER_RE = re.compile(
    rf"(?<![{_HAN_DIGITS}十])(?P<han>[{_HAN_DIGITS}]?十?[{_HAN_DIGITS}]?)(?=[{_CJK_COUNTERS}])"
    rf"|(?<=第)(?P<ordinal>[{_HAN_DIGITS}]?十?[{_HAN_DIGITS}]?)"
    r"|(?<![가-힣])(?P<ko>한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)(?=\s?(?:가지|개|번|명|줄|단계|장|권|대))")
_KO_NATIVE = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10}
CJK_LANGUAGES = frozenset({"ja", "zh", "ko"})


@lru_cache(maxsize=8192)
def normalize_number(token: str) -> str:
    """Canonical form: ASCII digits (``۱۰`` is 10), thousands separators dropped, decimal comma as a point."""
    if not token.isascii():
        token = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in token)
    groups = re.split(r"[.,\u00a0\u202f ]", token)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3 \
            and (len(groups) > 2 or not re.search(r"[.,]", token) or groups[0] != "0"):
        # 1 000 / 1.000 / 1,000 -> 1000 (a three-digit tail reads as thousands)
        if re.search(r"[\u00a0\u202f ]", token) or len(groups) > 2 or len(groups[1]) == 3:
            return "".join(groups)
    return token.replace(",", ".").replace("\u00a0", "").replace("\u202f", "").replace(" ", "")


def find_numbers(text: str, cjk: bool = False) -> tuple[Counter, Counter]:
    """The numbers of ``text`` (not in URLs), normalised: ``(required, optional)``.

    ``cjk``: the text is Chinese, Japanese or Korean, where a number of one or two
    digits before a counter is optional (see the module docstring).
    """
    required: Counter = Counter()
    optional: Counter = Counter()
    digits = _DIGIT_RE.search(text) is not None
    if not digits and not cjk:
        return required, optional  # no digit, no number (most prose)
    if "://" in text or "www." in text:  # what every URL match holds
        text = _URL_RE.sub(" ", text)
    text = _INSIDE_WORD_RE.sub(lambda m: " " * len(m.group()), text)
    if "<" in text:
        text = _TAG_DIGITS_RE.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    for m in NUMBER_TOKEN_RE.finditer(text) if digits else ():
        token = m.group().strip()
        if " " in token and not _SPACED_THOUSANDS_RE.fullmatch(token):
            parts = token.split(" ")  # a space between unrelated numbers, not a thousands separator
        else:
            parts = [token]
        for k, part in enumerate(parts):
            last = k == len(parts) - 1
            counted = cjk and last and len(part) <= 2 and _CJK_COUNTER_RE.match(text, m.end())
            (optional if counted else required)[normalize_number(part)] += 1
    if cjk and _WORD_NUMBER_HINT_RE.search(text):  # else only empty matches, which count nothing
        for m in _WORD_NUMBER_RE.finditer(text.replace("两", "二").replace("兩", "二")):
            if m["ordinal"]:  # 第一步: step 1
                value = _han_value(m["ordinal"])
                if value:
                    optional[str(value)] += 1
                continue
            value = _KO_NATIVE[m["ko"]] if m["ko"] else _han_value(m["han"])
            if value > 1:  # 一个, 一种, 한 번 are mostly "a", "one kind of": not a count
                optional[str(value)] += 1
    return required, optional


def _han_value(word: str) -> int:
    """The value of a Chinese numeral from 1 to 99 (``三`` 3, ``十二`` 12, ``二十`` 20)."""
    if not word:
        return 0
    if "十" not in word:
        return _HAN_DIGITS.index(word) + 1 if len(word) == 1 else 0
    tens, _, ones = word.partition("十")
    return (_HAN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (_HAN_DIGITS.index(ones) + 1 if ones else 0)


@lru_cache(maxsize=16384)
def _numbers_of(text: str, cjk: bool) -> tuple[Counter, Counter]:
    """:func:`find_numbers`, memoised by text (the same code spans recur across locales;
    callers must not change the counters)."""
    return find_numbers(text, cjk)


def segment_numbers(seg: Segment, locale: str) -> tuple[Counter, Counter]:
    """The numbers of a prose segment (its words and code spans): ``(required, optional)``."""
    cjk = base_language(locale) in CJK_LANGUAGES
    required: Counter = Counter()
    optional: Counter = Counter()
    for text in [seg.prose] + [i.text for i in seg.inlines if i.kind == "code"]:
        if not cjk and _DIGIT_RE.search(text) is None:
            continue  # no digit: find_numbers would find nothing
        r, o = _numbers_of(text, cjk)
        required.update(r)  # counts are positive: update, not +=, which rescans the whole counter
        optional.update(o)
    return required, optional


def reconcile(found: Mapping[str, tuple[Counter, Counter]]) -> dict[str, Counter]:
    """Each locale's numbers, with its optional numbers counted where others need them.

    An optional number is counted (up to the most any other locale has of it) when
    another locale has it as a required number; otherwise it is left out.
    """
    out: dict[str, Counter] = {}
    for loc, (required, optional) in found.items():
        nums = Counter(required)
        for num, n in optional.items():
            others = max((r[num] for o, (r, _) in found.items() if o != loc), default=0)
            nums[num] += max(0, min(n, others - required[num]))
        out[loc] = +nums
    return out
