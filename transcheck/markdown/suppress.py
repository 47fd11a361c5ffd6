"""Inline suppressions: HTML comments in the Markdown that silence rules.

* ``<!-- transcheck-disable RULE[, RULE…] -->`` … ``<!-- transcheck-enable RULE -->``:
  a range (to the end of the file when never re-enabled);
* ``<!-- transcheck-disable-next-line RULE -->``: the next block (up to a blank line,
  or a whole fenced code block);
* ``<!-- transcheck-disable-file RULE -->``: the whole file.

``RULE`` is a rule ID or a category; no name means every rule. Suppressions apply to
findings in the file that holds the comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DIRECTIVE_RE = re.compile(
    r"<!--[ \t]*transcheck-(disable-next-line|disable-file|disable|enable)\b([^>\n]{0,500}?)-->")
"""One directive; linear-time (bounded, no nested quantifiers)."""

_ONLY_DIRECTIVES_RE = re.compile(r"^(?:\s*<!--[ \t]*transcheck-[a-z-]+\b[^>\n]{0,500}?-->)+\s*$")

ALL = "*"


def is_directive_block(html: str) -> bool:
    """True if an HTML block holds nothing but transcheck directives (kept out of checks)."""
    return bool(_ONLY_DIRECTIVES_RE.match(html))


@dataclass
class Suppressions:
    """Which lines of one file are silenced for which rules."""

    file_wide: set[str] = field(default_factory=set)
    ranges: list[tuple[str, int, int]] = field(default_factory=list)
    """(rule or category or ``*``, first line, last line), 1-based and inclusive."""

    def covers(self, rule: str, category: str, line: int) -> bool:
        """True if a finding of ``rule``/``category`` starting at ``line`` is silenced."""
        names = {rule, category, ALL}
        if self.file_wide & names:
            return True
        return any(name in names and lo <= line <= hi for name, lo, hi in self.ranges)

    def __bool__(self) -> bool:
        return bool(self.file_wide or self.ranges)


def _names(arg: str) -> list[str]:
    names = [n for n in re.split(r"[\s,]+", arg.strip()) if n]
    return names or [ALL]


def _next_block(lines: list[str], after: int) -> tuple[int, int]:
    """1-based span of the block after line ``after``: to the next blank line, or to the
    closing fence when the block is a fenced code block."""
    first = after + 1
    while first <= len(lines) and not lines[first - 1].strip():
        first += 1
    last = first
    head = lines[first - 1].lstrip() if first <= len(lines) else ""
    fence = head[:3] if head[:3] in ("```", "~~~") else ""
    while last < len(lines):
        nxt = lines[last]
        if fence:
            last += 1
            if nxt.lstrip().startswith(fence):
                break
        elif nxt.strip():
            last += 1
        else:
            break
    return first, last


def parse_suppressions(text: str) -> Suppressions:
    """Read every directive in ``text`` (a whole file, ``\\n`` line endings)."""
    sup = Suppressions()
    if "transcheck-" not in text:
        return sup
    lines = text.split("\n")
    open_at: dict[str, int] = {}
    for no, line in enumerate(lines, start=1):
        if "transcheck-" not in line:
            continue
        for m in DIRECTIVE_RE.finditer(line):
            kind, names = m.group(1), _names(m.group(2))
            if kind == "disable-file":
                sup.file_wide.update(names)
            elif kind == "disable-next-line":
                first, last = _next_block(lines, no)
                for n in names:
                    sup.ranges.append((n, first, last))
            elif kind == "disable":
                for n in names:
                    open_at.setdefault(n, no)
            else:  # enable: no name (or *) closes every open range
                targets = sorted(open_at) if ALL in names else [n for n in names if n in open_at]
                for k in targets:
                    sup.ranges.append((k, open_at.pop(k), no))
    for n, start in open_at.items():
        sup.ranges.append((n, start, len(lines)))
    return sup
