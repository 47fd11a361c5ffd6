"""Small text helpers shared by every stage (one implementation each)."""

from __future__ import annotations


def shorten(text: str, limit: int = 80, keep_lines: bool = False) -> str:
    """Collapse whitespace and cut ``text`` to ``limit`` characters with an ellipsis.

    With ``keep_lines``, text of several lines keeps its line breaks (only stripped).
    """
    text = text.strip() if keep_lines and "\n" in text.strip() else " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
