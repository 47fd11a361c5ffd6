"""Time every regular expression transcheck applies to document text on adversarial input.

    python bench/regex_budget.py [--size N]

Each pattern is run the way the code runs it (``finditer``, ``sub`` or ``match``) on
inputs built to trigger backtracking: long runs of digits and separators, ``<<<<``,
``{{{{``, ``[[[[``, ``${``, dashes and dots, prompts without an end, and 100,000-character
lines. For each pattern it prints the worst input, its time at N characters, and the
growth factor from N/10 to N (about 10 means linear; about 100 would mean quadratic).
A row is flagged SLOW when the worst time exceeds 0.5 s or the growth exceeds 30.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from transcheck import locales  # noqa: E402
from transcheck.analyse import align, shell  # noqa: E402
from transcheck.markdown import parse  # noqa: E402
from transcheck.run import discover  # noqa: E402
from transcheck.analyse import links, localized, numbers, placeholders  # noqa: E402
from transcheck.rules import base  # noqa: E402


def _finditer(rx: re.Pattern) -> Callable[[str], object]:
    return lambda s: sum(1 for _ in rx.finditer(s))


def _sub(rx: re.Pattern) -> Callable[[str], object]:
    return lambda s: rx.sub("x", s)


def _match(rx: re.Pattern) -> Callable[[str], object]:
    return lambda s: rx.match(s)


PATTERNS: list[tuple[str, Callable[[str], object]]] = [
    *[(f"rules/base.py DEFAULT_PLACEHOLDERS[{k}] {p}", _sub(re.compile(p)))
      for k, p in enumerate(base.DEFAULT_PLACEHOLDERS)],
    ("analyse/numbers.py NUMBER_TOKEN_RE", _finditer(numbers.NUMBER_TOKEN_RE)),
    ("analyse/numbers.py _URL_RE", _sub(numbers._URL_RE)),
    ("analyse/numbers.py _CJK_COUNTER_RE (at every offset)",
     lambda s: sum(1 for k in range(0, len(s), 97) if numbers._CJK_COUNTER_RE.match(s, k))),
    ("analyse/numbers.py _WORD_NUMBER_RE", _finditer(numbers._WORD_NUMBER_RE)),
    ("analyse/numbers.py normalize_number (split/search/fullmatch)", lambda s: numbers.normalize_number(s)),
    ("analyse/links.py _QUERY_LOCALE", _sub(links._QUERY_LOCALE)),
    ("analyse/links.py link_key", lambda s: links.link_key(s)),
    ("analyse/placeholders.py split_comments", lambda s: placeholders.split_comments(s, "bash")),
    ("analyse/localized.py mask_strings", lambda s: localized.mask_strings(s)),
    ("rules/base.py _TAG_RE", _match(base._TAG_RE)),
    ("shell.py _PROMPT_RE", _sub(shell._PROMPT_RE)),
    ("shell.py _IMAGE_RE (no length guard)", _match(shell._IMAGE_RE)),
    ("shell.py is_image_reference", lambda s: shell.is_image_reference(s)),
    ("shell.py problems (tokenize + grammar)", lambda s: shell.problems("docker build -t " + s + " .")),
    ("align.py _NUM_RE", _finditer(align._NUM_RE)),
    ("discover.py _SUFFIX_RE", _match(discover._SUFFIX_RE)),
    ("locales.py _LOCALE_RE", _match(locales._LOCALE_RE)),
    ("parse.py _FM_KEY_RE", _match(parse._FM_KEY_RE)),
]


def adversarial(n: int) -> dict[str, str]:
    """Inputs of about ``n`` characters built to make backtracking regexes explode."""
    def rep(unit: str, tail: str = "") -> str:
        return unit * max(1, n // len(unit)) + tail
    return {
        "digits": rep("1"), "digits!": rep("1", "!"), "1.": rep("1."), "1,": rep("1,"), "1 ": rep("1 "),
        "1\u00a0": rep("1\u00a0"), "1 1.1,": rep("1 1.1,"), "a1": rep("a1"), "<": rep("<"), "<a": rep("<a"),
        "< a": rep("<a "), "{": rep("{"), "{{a": rep("{{a"), "${": rep("${"), "${a": rep("${a"),
        "[[": rep("[["), "[[a": rep("[[a"), "a-": rep("a-", "!"), "a.": rep("a.", "!"), "a__": rep("a__", "!"),
        "a": rep("a", "!"), "a/": rep("a/", "!"), "PS ": "PS " + rep("a"), "$ ": rep("$ "), "spaces": rep(" ", "x"),
        "tabs": rep("\t"), "word:": rep("a", ":"), "http://": "http://" + rep("a"), "lang=": rep("&lang=x"),
        "x-": rep("x-"), "-": rep("-"), "_": rep("_"), ".": rep("."), "'\"": rep("'\""),
    }


def measure(fn: Callable[[str], object], text: str) -> float:
    """Seconds one call of ``fn(text)`` takes (best of 2)."""
    best = float("inf")
    for _ in range(2):
        t = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> int:
    """Print the table; exit 1 if any pattern is flagged SLOW."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=100_000, help="input length (default 100000)")
    args = ap.parse_args()
    big, small = adversarial(args.size), adversarial(args.size // 10)
    slow = 0
    print(f"{'pattern':62} {'worst input':>12} {'time':>9} {'growth':>7}")
    for name, fn in PATTERNS:
        times = {key: measure(fn, text) for key, text in big.items()}
        worst = max(times, key=times.get)
        growth = times[worst] / max(measure(fn, small[worst]), 1e-6)
        flag = "SLOW" if times[worst] > 0.5 or (growth > 30 and times[worst] > 0.01) else ""
        slow += bool(flag)
        print(f"{name[:62]:62} {worst!r:>12} {times[worst] * 1000:7.1f}ms {growth:6.1f}x {flag}".rstrip())
    print(f"regex budget: {len(PATTERNS)} patterns x {len(big)} inputs of {args.size} characters, "
          f"{slow} slow")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
