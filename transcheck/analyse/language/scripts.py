"""Unicode scripts of letters, Chinese-vs-Japanese evidence, and masking technical tokens."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from ...locales import base_language
from .data import LANG_SCRIPTS, SCRIPT_PREFIXES, ZH_PUNCT, ZH_WEAK

@lru_cache(maxsize=8192)
def script_of(ch: str) -> str:
    """Unicode script of one character: ``Latin``, ``Han``, ... or ``Common``.

    Only letters, ideographic iteration marks and the marks of a script (Devanagari vowel
    signs ``ि े ं``, which make up a third of a Hindi word's characters) get a script; digits,
    punctuation, spaces, symbols and combining accents are ``Common``.
    """
    cat = unicodedata.category(ch)
    if not cat.startswith(("L", "M")):
        return "Common"
    name = unicodedata.name(ch, "")
    for prefix, script in SCRIPT_PREFIXES:
        if name.startswith(prefix):
            return script
    if cat.startswith("M"):  # a combining accent of no one script (COMBINING ACUTE ACCENT)
        return "Common"
    if ch in "々〆〇":
        return "Han"
    return "Other"


@lru_cache(maxsize=8192)
def script_counts(text: str) -> dict[str, int]:
    """Letters per script in ``text`` (``Common`` excluded), sorted by script name
    (memoised by text: callers must not change the dict)."""
    counts: dict[str, int] = {}
    for ch, n in Counter(text).items():  # each distinct character once
        s = script_of(ch)
        if s != "Common":
            counts[s] = counts.get(s, 0) + n
    return dict(sorted(counts.items()))


_LETTER_FAMILY: dict[str, str] = {}
"""Character -> :func:`family` of its :func:`script_of` (``Common`` kept as is)."""


def letter_families(chars) -> dict[str, str]:
    """The :func:`family` of the script of each character in ``chars`` (``Common`` for
    non-letters), from a memo of every character met (plain dict lookups: the language
    checks ask about the characters of every sentence)."""
    memo = _LETTER_FAMILY
    new = [ch for ch in chars if ch not in memo]
    if new:
        if len(memo) + len(new) > 65536:
            memo.clear()
            new = list(dict.fromkeys(chars))
        for ch in new:
            s = script_of(ch)
            memo[ch] = s if s == "Common" else family(s)
    return memo


def language_scripts(lang: str) -> frozenset[str]:
    """The scripts a language is normally written in (Latin when not listed)."""
    return LANG_SCRIPTS.get(base_language(lang), frozenset({"Latin"}))


def family(script: str) -> str:
    """Group scripts written together: Japanese kana and Han form ``CJK``."""
    if script in ("Han", "Hiragana", "Katakana", "Bopomofo"):
        return "CJK"
    return script


# --------------------------------------------------------------------- Chinese vs Japanese

@lru_cache(maxsize=8192)
def _simplified_only(ch: str) -> bool:
    """True for Han characters of Chinese (GB2312/Big5) absent from JIS X 0208."""
    try:
        ch.encode("shift_jis")
        return False
    except UnicodeEncodeError:
        pass
    for codec in ("gb2312", "big5"):
        try:
            ch.encode(codec)
            return True
        except UnicodeEncodeError:
            continue
    return False



def _zh_class(ch: str) -> int:
    """What a character tells :func:`chinese_score`: 1 Han of Chinese only, 2 Han weakly
    Chinese, 3 other Han, 4 kana, 5 Chinese punctuation, 0 nothing."""
    s = script_of(ch)
    if s == "Han":
        return 1 if _simplified_only(ch) else 2 if ch in ZH_WEAK else 3
    if s in ("Hiragana", "Katakana"):
        return 4
    return 5 if ch in ZH_PUNCT else 0


_ZH_CLASS: dict[str, int] = {}


@lru_cache(maxsize=16384)
def chinese_score(text: str) -> tuple[int, int, int]:
    """(Han count, kana count, Chinese evidence score) of a text (each distinct character
    classified once, from a memo; memoised by text: the same runs recur across checks)."""
    by_class = [0] * 6
    memo = _ZH_CLASS
    for ch, n in Counter(text).items():
        c = memo.get(ch)
        if c is None:
            if len(memo) > 65536:
                memo.clear()
            c = memo[ch] = _zh_class(ch)
        by_class[c] += n
    han = by_class[1] + by_class[2] + by_class[3]
    return han, by_class[4], 2 * by_class[1] + by_class[2] + by_class[5]


# ------------------------------------------------------------------------- masking

_TECH_RE = re.compile(
    r"https?://\S+|www\.\S+"                          # URLs
    r"|[\w.+-]+@[\w-]+\.[\w.-]+"                      # e-mail addresses
    r"|\S*\w[._/\\:@=$%#~]\w\S*"                       # app.py, a/b, python:3.8, x=y
    r"|[/~$-]+\w\S*"                                   # /app.py, -t, --flag, $HOME
    r"|\w*\d\w*"                                       # words with digits
    r"|\b[A-Za-z]*[a-z][A-Z]\w*"                       # CamelCase: BusyBox, iOS
    r"|\b[A-Z]{2,}s?\b"                                # CMD, RUN, URLs
    r"|\b\w+_\w+\b"                                    # snake_case
)


# A match of _TECH_RE never spans whitespace and its ``\b`` sees a space as it sees
# the ends of a string, so each run of non-space characters can be masked on its own;
# a run with none of the characters below (digits, ``_``, the separators of the
# patterns, ASCII capitals) holds no match and stays as it is.
_SUSPECT_RUN_RE = re.compile(r"(?<!\S)[^\s\d_./\\:@=$%#~+\-A-Z]*+[\d_./\\:@=$%#~+\-A-Z]\S*")


def _blank(m: re.Match) -> str:
    """Spaces as long as the match."""
    return " " * len(m.group())


@lru_cache(maxsize=65536)
def _mask_run(run: str) -> str:
    """:func:`mask_technical` of one run of non-space characters (words recur, on any site)."""
    return _TECH_RE.sub(_blank, run)


@lru_cache(maxsize=8192)
def mask_technical(text: str) -> str:
    """Blank out technical tokens (URLs, file names, identifiers, commands, CamelCase,
    ALL-CAPS, words with digits), keeping every offset in place (memoised by text: the
    language checks of one page mask the same prose several times)."""
    return _SUSPECT_RUN_RE.sub(lambda m: _mask_run(m.group()), text)


_WORD_RE = re.compile(r"[^\W\d_]{2,}")

WIDE_FAMILIES = ("CJK", "Hangul", "Thai")
"""Scripts whose letters count one word per two (no spaces between words)."""
_MAYBE_WIDE_RE = re.compile(r"[^\x00-\u0dff]")
"""A character past U+0DFF: every letter of :data:`WIDE_FAMILIES` is (Thai starts at U+0E00)."""


def natural_words(text: str) -> list[str]:
    """Words of two letters or more left once technical tokens are masked."""
    return _WORD_RE.findall(mask_technical(text))


@lru_cache(maxsize=16384)
def has_translatable_text(text: str, min_words: int = 4, min_letters: int = 20) -> bool:
    """True when ``text`` has enough natural words to need translating.

    Identifiers, commands, file names and product-name labels such as
    ``FROM python:3.8-alpine`` do not count. CJK letters count one word per two.
    """
    masked = mask_technical(text)
    words = _WORD_RE.findall(masked)
    if len(words) >= min_words and sum(map(len, words)) >= min_letters:
        return True  # the wide letters counted below only add to both
    cjk = 0
    if _MAYBE_WIDE_RE.search(masked):  # else no letter of these scripts: skip counting
        counts = Counter(masked)
        fams = letter_families(counts)
        cjk = sum(n for ch, n in counts.items() if fams[ch] in WIDE_FAMILIES)
    n_words = len(words) + cjk // 2
    letters = sum(len(w) for w in words) + 2 * cjk
    return n_words >= min_words and letters >= min_letters
