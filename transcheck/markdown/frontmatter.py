"""Front matter: YAML (``---``) or TOML (``+++``) at the top of a file is metadata, not
Markdown; it is blanked out before parsing, keeping its lines so line numbers stay right."""

from __future__ import annotations

import re

_FM_OPEN = {"---": ("---", "..."), "+++": ("+++",)}
_FM_MAX_LINES = 1000
_FM_KEY_RE = re.compile(r"[ \t]*[\w.-]{1,100}[ \t]*[:=]")


def blank_front_matter(text: str, problems: list[tuple[int, str]] | None = None) -> str:
    """Replace YAML (``---``) or TOML (``+++``) front matter by empty lines.

    The line count does not change, so lines after it keep their numbers. Front matter
    that is opened on line 1 but never closed (within 1000 lines) is left as Markdown;
    when its next line looks like a ``key:`` or ``key =`` line it is reported in
    ``problems`` as ``(line, message)`` (otherwise ``---`` is a thematic break).
    """
    first, nl, rest = text.partition("\n")
    closers = _FM_OPEN.get(first.rstrip())
    if not closers or not nl:
        return text
    lines = rest.split("\n", _FM_MAX_LINES)
    for k, line in enumerate(lines[:_FM_MAX_LINES]):
        if line.rstrip() in closers:
            return "\n" * (k + 2) + "\n".join(lines[k + 1:])
    if problems is not None and _FM_KEY_RE.match(lines[0]):
        kind = "YAML" if first.startswith("-") else "TOML"
        problems.append((1, f"{kind} front matter opened on line 1 is never closed "
                            f"(no closing '{closers[0]}' line); checked as Markdown"))
    return text
