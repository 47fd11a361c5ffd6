"""Numbered lists written without Markdown list syntax.

Chinese and Japanese pages often number items as ``1.全局导航`` or ``1）忽略首页`` with
no space after the marker: CommonMark reads paragraphs there, while the other locales
have an ordered list. Two or more consecutive paragraphs numbered 1, 2, 3… that way are
list items (marker dropped from their text), so they align and compare as the list.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Segment

_MARKER_RE = re.compile(r"(\d{1,2})[.．)）、](?=[^\s\x00-\x7f])")


def numbered_paragraphs(segments: list[Segment]) -> list[Segment]:
    """``segments`` with each run of two or more paragraphs numbered from 1 (``1.全局导航``,
    ``2.返回类导航``…) turned into ordered-list items one level deeper."""
    out = list(segments)
    k = 0
    while k < len(out):
        run = k
        while run < len(out) and out[run].kind == "paragraph" and out[run].container == out[k].container \
                and (m := _MARKER_RE.match(out[run].text)) and int(m.group(1)) == run - k + 1:
            run += 1
        if run - k < 2:
            k += 1
            continue
        for i in range(k, run):
            s = out[i]
            cut = _MARKER_RE.match(s.text).end()
            starts = (0,) + tuple(max(0, x - cut) for x in s.line_starts[1:])
            out[i] = replace(s, kind="list_item", level=s.level + 1, container=s.container + ("ordered_list",),
                             text=s.text[cut:], prose=s.prose[cut:] if s.prose.startswith(s.text[:cut]) else s.prose,
                             line_starts=starts)
        k = run
    return out
