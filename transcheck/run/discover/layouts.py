"""The layout families: how a file's path says which page it is and in which locale.

Each family is one function that, given a file's path parts below the common root,
returns ``(locale, page parts, how)`` or ``None`` when the path is not of its family:

* :func:`locale_folder`: ``ROOT/<locale>/path/page.md`` (Hugo, MkDocs, Nextra);
* :func:`root_source`: ``P/page.md`` when ``P``'s locale folders hold copies of ``P``'s
  files (VitePress, Starlight): the source, at the root;
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
                  norm: Normalizer, alone: frozenset = frozenset()):
    """A folder named by a locale code, with at least one sibling folder also named by one,
    or named (by name or absolute path) in ``alone``: declared by the site, or mirroring its parent."""
    for i, part in enumerate(parts[:-1]):
        parent = common.joinpath(*parts[:i])
        if norm(part) and (len(sibling_locales.get(parent, ())) >= 2 or part in alone or parent / part in alone):
            return norm(part), parts[:i] + parts[i + 1:], "path"
    return None


def root_layouts(files: set[Path], common: Path, sibling_locales: dict[Path, set[str]],
                 alone: frozenset, norm: Normalizer) -> tuple[set[Path], set[Path]]:
    """Folders ``P`` whose locale subfolders hold copies of ``P``'s own files (``docs/fr/a.md``
    beside ``docs/a.md``), and the lone locale folders among them (one locale, no sibling)."""
    roots: set[Path] = set()
    lone: set[Path] = set()
    for f in files:
        for folder in f.parents:
            if folder == common or common not in folder.parents:
                break
            names = sibling_locales.get(folder.parent, ())
            if folder.name in names and norm(folder.name) and \
                    folder.parent.joinpath(f.relative_to(folder)) in files:
                roots.add(folder.parent)
                if len(names) == 1 and folder.name not in alone:
                    lone.add(folder)
    return roots, lone


def root_source(real: Path, parts: list[str], roots: set[Path], src: str):
    """A file of a folder found by :func:`root_layouts`, outside its locale folders: the source."""
    if any(folder in roots for folder in real.parents):
        return src, parts, "source"
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
