"""The layout families: how a file's path says which page it is and in which locale.

Each family is one function that, given a file's path parts below the common root,
returns ``(locale, page parts, how)`` or ``None`` when the path is not of its family:

* :func:`locale_folder`: ``ROOT/<locale>/path/page.md`` (Hugo, MkDocs, Docusaurus ``i18n``);
* :func:`sibling_tree`: ``DIR.<locale>/…`` next to an unmarked ``DIR/…``;
* :func:`suffix`: ``page.<locale>.md``, ``page-<locale>.md``, ``README_<locale>.md``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable

from ...locales import normalize_locale
from .files import listdir

_SUFFIX_RE = re.compile(r"^(?P<stem>.+?)(?P<sep>[._-])(?P<loc>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4}){0,2})$")

Normalizer = Callable[[str], "str | None"]
Placement = "tuple[str, list[str], str] | None"


def with_aliases(aliases: dict[str, str]):
    """A locale normaliser that knows the configured aliases first."""
    def norm(code: str) -> str | None:
        return aliases.get(code) or normalize_locale(code)
    return norm


def split_suffix(name: str, normalize: Normalizer = normalize_locale) -> tuple[str, str, str, str] | None:
    """Split ``page.de.md`` into (stem ``page``, separator, locale ``de``, ext ``.md``)."""
    base, ext = os.path.splitext(name)
    m = _SUFFIX_RE.match(base)
    if not m:
        return None
    loc = normalize(m["loc"])
    if loc is None:
        return None
    return m["stem"], m["sep"], loc, ext


def locale_folder(parts: list[str], common: Path, sibling_locales: dict[Path, set[str]],
                  norm: Normalizer):
    """A folder named by a locale code, with at least one sibling folder also named by one."""
    for i, part in enumerate(parts[:-1]):
        parent = common.joinpath(*parts[:i])
        if norm(part) and len(sibling_locales.get(parent, ())) >= 2:
            return norm(part), parts[:i] + parts[i + 1:], "path"
    return None


def sibling_tree(parts: list[str], common: Path, src: str, norm: Normalizer):
    """``DIR.<locale>/`` next to ``DIR/``: the marked tree's locale, or the unmarked source tree."""
    for i, part in enumerate(parts[:-1]):
        split = split_suffix(part + ".x", norm)
        if split and split[1] == "." and (common.joinpath(*parts[:i], split[0])).is_dir():
            return split[2], parts[:i] + [split[0]] + parts[i + 1:], "path"
        marked = [n for n in listdir(common.joinpath(*parts[:i])) if n.startswith(part + ".")
                  and split_suffix(n + ".x", norm)
                  and (common.joinpath(*parts[:i], n)).is_dir()]
        if marked:
            return src, parts, "source"
    return None


def suffix(parts: list[str], siblings: set[str], src: str, norm: Normalizer):
    """``page.<locale>.md`` (always), ``page-<locale>.md``/``page_<locale>.md`` (when a
    sibling shares the stem), and the unmarked source copy next to marked ones."""
    split = split_suffix(parts[-1], norm)
    if split:
        stem, sep, loc, ext = split
        has_sibling = (stem + ext) in siblings or any(
            n != parts[-1] and (split_suffix(n, norm) or ("",))[0] == stem for n in siblings)
        if sep == "." or has_sibling:
            return loc, parts[:-1] + [stem + ext], "path"
    stem, ext = os.path.splitext(parts[-1])
    if any((split_suffix(n, norm) or ("",))[0] == stem for n in siblings if n != parts[-1]):
        return src, parts, "source"
    return None
