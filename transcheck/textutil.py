"""Small text helpers shared by every stage (one implementation each)."""

from __future__ import annotations


def shorten(text: str, limit: int = 80, keep_lines: bool = False) -> str:
    """Collapse whitespace and cut ``text`` to ``limit`` characters with an ellipsis.

    With ``keep_lines``, text of several lines keeps its line breaks (only stripped).
    """
    text = text.strip() if keep_lines and "\n" in text.strip() else " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def percent(share: float) -> int:
    """A share in [0, 1] as a whole percentage that never rounds a partial share to 0 or 100."""
    pct = round(share * 100)
    return 1 if pct == 0 and share > 0 else 99 if pct == 100 and share < 1 else pct
