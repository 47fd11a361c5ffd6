"""Discovery: turn the paths a user gives into page groups (one page, many locales).

Layouts understood (locale codes as :mod:`transcheck.locales` accepts them):

* ``ROOT/<locale>/path/page.md`` (Hugo, MkDocs, Docusaurus ``i18n``): a folder named
  by a locale code, with at least one sibling folder also named by a locale code;
* ``page.<locale>.md``, ``page-<locale>.md``, ``page_<locale>.md`` next to each other
  (``README.md`` with ``README-<locale>.md`` is the same case); the ``-``/``_`` forms
  count only when a sibling shares the stem, so ``docker-compose.md`` stays a page;
* sibling trees ``DIR.<locale>/…`` next to an unmarked ``DIR/…``.

Unmarked copies that have marked siblings are the *source* locale. Files with no
locale marker and no marked sibling are returned as unlabelled; the language stage
identifies and groups them by content.
"""

from __future__ import annotations

import fnmatch
import errno
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ...locales import normalize_locale
from ...model import InputError, PageFile, PageGroup

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mdx")
TEXT_SUFFIXES = (".txt",)
"""Read as Markdown only under a given folder that holds no Markdown file at all."""
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv"})
SOURCE = ""
"""Locale placeholder of unmarked source copies until their language is known."""

_SUFFIX_RE = re.compile(r"^(?P<stem>.+?)(?P<sep>[._-])(?P<loc>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4}){0,2})$")


@dataclass
class Discovery:
    """What discovery found: page groups, unlabelled files and input errors."""

    groups: list[PageGroup] = field(default_factory=list)
    unlabelled: list[PageFile] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    locales: tuple[str, ...] = ()
    """Every locale seen, sorted (the locales a page is expected in)."""


def printable(name: str) -> str:
    """``name`` safe to print and to encode as UTF-8: undecodable bytes of a file name
    (kept by Python as surrogates) are shown as ``\\xNN``, control characters escaped."""
    if name.isprintable():
        return name
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "backslashreplace")
    text = raw.decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def display_path(path: Path) -> str:
    """The path as users should see it: relative to the working directory if inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        rel = str(path)
    if rel.startswith(".."):
        rel = str(path)
    return printable(rel.replace(os.sep, "/"))


def _resolve(path: Path) -> Path | None:
    """``path`` with symbolic links resolved, or None for a symbolic link loop."""
    try:
        real = path.resolve()
        os.stat(path)  # Python 3.13 resolves loops without raising
    except OSError as exc:
        return None if exc.errno == errno.ELOOP else real
    except RuntimeError:  # a symbolic link loop, before Python 3.13
        return None
    return real


def _why_missing(root: Path) -> str:
    """Why a path given by the user cannot be walked."""
    try:
        os.stat(root)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if root.is_symlink():
            return "broken symbolic link (its target does not exist)"
        if exc.errno not in (errno.ENOENT, errno.ENOTDIR):
            return f"cannot read: {exc.strerror or exc}"
    return "no such file or folder"


def walk_markdown(roots: list[Path], errors: list[InputError]) -> list[Path]:
    """Every Markdown file under ``roots`` (files given directly are kept), sorted.

    Hidden folders and vendored trees are skipped; symbolic links to folders are not
    followed (no loops); folders that cannot be read are reported in ``errors``. A
    given folder with no Markdown file at all contributes its ``.txt`` files instead.
    Anything given directly that is not a folder (a file, FIFO, broken link) is kept,
    for reading to accept or report.
    """
    found: set[Path] = set()
    for root in roots:
        if root.is_file():
            found.add(root)
            continue
        if not root.exists():
            errors.append(InputError(display_path(root), _why_missing(root)))
            continue
        if not root.is_dir():
            found.add(root)
            continue

        def onerror(exc: OSError) -> None:
            errors.append(InputError(display_path(Path(exc.filename or root)),
                                     f"cannot read folder: {exc.strerror or exc}"))

        here: set[Path] = set()
        text_files: set[Path] = set()
        for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS)
            for name in filenames:
                if name.startswith("."):
                    continue
                if name.lower().endswith(MARKDOWN_SUFFIXES):
                    here.add(Path(dirpath) / name)
                elif name.lower().endswith(TEXT_SUFFIXES):
                    text_files.add(Path(dirpath) / name)
        # a folder with no Markdown at all: its plain-text files are read as Markdown
        found |= here or text_files
    return sorted(found, key=lambda p: str(p))


def filter_globs(files: list[Path], include: tuple[str, ...], exclude: tuple[str, ...],
                 base: str | Path | None = None) -> list[Path]:
    """Keep files matching any ``include`` glob (all when empty) and no ``exclude`` glob."""
    if not include and not exclude:
        return files
    root = Path(base or os.getcwd()).resolve()
    kept = []
    for f in files:
        real = _resolve(f)
        if real is None:
            kept.append(f)  # a link loop: discovery reports it
            continue
        rel = (real.relative_to(root) if root in real.parents else real).as_posix()
        if include and not any(fnmatch.fnmatchcase(rel, g) for g in include):
            continue
        if any(fnmatch.fnmatchcase(rel, g) for g in exclude):
            continue
        kept.append(f)
    return kept


def _with_aliases(aliases: dict[str, str]):
    """A locale normaliser that knows the configured aliases first."""
    def norm(code: str) -> str | None:
        return aliases.get(code) or normalize_locale(code)
    return norm


def _split_suffix(name: str, normalize=normalize_locale) -> tuple[str, str, str, str] | None:
    """Split ``page.de.md`` into (stem ``page``, separator, locale ``de``, ext ``.md``)."""
    base, ext = os.path.splitext(name)
    m = _SUFFIX_RE.match(base)
    if not m:
        return None
    loc = normalize(m["loc"])
    if loc is None:
        return None
    return m["stem"], m["sep"], loc, ext


def _listdir(folder: Path) -> list[str]:
    """The names in ``folder``, sorted; empty when it is not a readable folder."""
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return []


def discover(paths: list[str | Path], source_locale: str | None = None,
             aliases: dict[str, str] | None = None, include: tuple[str, ...] = (),
             exclude: tuple[str, ...] = (), base: str | Path | None = None) -> Discovery:
    """Find Markdown files under ``paths`` and group them into pages by locale.

    ``source_locale`` names the locale of unmarked source copies; when None they get
    the placeholder :data:`SOURCE` and the language stage identifies them.
    ``aliases`` maps folder or suffix names to locales (``jp`` -> ``ja``).
    ``include``/``exclude`` are glob patterns matched against paths relative to
    ``base`` (default: the working directory).
    """
    result = Discovery()
    roots = [Path(p) for p in paths]
    normalize_locale = _with_aliases(aliases or {})
    files = []
    resolved: dict[Path, Path] = {}
    for f in filter_globs(walk_markdown(roots, result.errors), include, exclude, base):
        real = _resolve(f)
        if real is None:
            result.errors.append(InputError(display_path(f), "symbolic link loop"))
            continue
        files.append(f)
        resolved[f] = real
    if not files:
        if not result.errors:
            result.errors.append(InputError(", ".join(str(p) for p in paths) or ".",
                                            "no Markdown files found (looked for *.md, *.markdown, *.mdx)"))
        return result
    bases = [r if r.is_dir() else r.parent for r in roots if r.exists()]
    try:
        common = Path(os.path.commonpath([str(b.resolve()) for b in bases]))
    except ValueError:
        common = Path("/")
    src = source_locale or SOURCE

    # Which folder names are locale folders: a locale-named folder with a locale-named sibling.
    sibling_locales: dict[Path, set[str]] = defaultdict(set)
    dirs = {resolved[f].parent for f in files}
    all_dirs = set()
    for d in dirs:
        cur = d
        while cur != common and common in cur.parents:
            all_dirs.add(cur)
            cur = cur.parent
    for d in all_dirs:
        loc = normalize_locale(d.name)
        if loc:
            sibling_locales[d.parent].add(d.name)
    names_in: dict[Path, set[str]] = defaultdict(set)
    for f in files:
        names_in[resolved[f].parent].add(f.name)

    placed: dict[tuple[str, str], PageFile] = {}
    sources: set[str] = set()
    for f in files:
        real = resolved[f]
        rel = real.relative_to(common) if common in real.parents else Path(real.name)
        parts = list(rel.parts)
        locale = None
        how = "path"
        # 1. a locale folder (ROOT/<locale>/...)
        for i, part in enumerate(parts[:-1]):
            parent = common.joinpath(*parts[:i])
            if normalize_locale(part) and len(sibling_locales.get(parent, ())) >= 2:
                locale = normalize_locale(part)
                parts = parts[:i] + parts[i + 1:]
                break
        # 2. sibling trees DIR.<locale>/ next to DIR/
        if locale is None:
            for i, part in enumerate(parts[:-1]):
                split = _split_suffix(part + ".x", normalize_locale)
                if split and split[1] == "." and (common.joinpath(*parts[:i], split[0])).is_dir():
                    locale = split[2]
                    parts[i] = split[0]
                    break
                marked = [n for n in _listdir(common.joinpath(*parts[:i])) if n.startswith(part + ".")
                          and _split_suffix(n + ".x", normalize_locale)
                          and (common.joinpath(*parts[:i], n)).is_dir()]
                if marked:
                    locale, how = src, "source"
                    break
        # 3. page.<locale>.md, page-<locale>.md, README_<locale>.md
        if locale is None:
            split = _split_suffix(parts[-1], normalize_locale)
            siblings = names_in[real.parent]
            if split:
                stem, sep, loc, ext = split
                has_sibling = (stem + ext) in siblings or any(
                    n != parts[-1] and (_split_suffix(n, normalize_locale) or ("",))[0] == stem for n in siblings)
                if sep == "." or has_sibling:
                    locale = loc
                    parts[-1] = stem + ext
            if locale is None:
                stem, ext = os.path.splitext(parts[-1])
                if any((_split_suffix(n, normalize_locale) or ("",))[0] == stem for n in siblings if n != parts[-1]):
                    locale, how = src, "source"
        page = printable("/".join(parts))
        if locale is None:
            result.unlabelled.append(PageFile(page, "", str(f), display_path(f), "content"))
            continue
        if how == "source":
            sources.add(page)
        key = (page, locale)
        if key in placed:
            result.errors.append(InputError(
                display_path(f),
                f"another file is already the '{locale or 'source'}' copy of page '{page}': "
                f"{placed[key].display}; this one is not checked"))
            continue
        placed[key] = PageFile(page, locale, str(f), display_path(f), how)

    by_page: dict[str, list[PageFile]] = defaultdict(list)
    for (page, _), pf in placed.items():
        by_page[page].append(pf)
    for page in sorted(by_page):
        pfs = tuple(sorted(by_page[page], key=lambda p: p.locale))
        has_source = any(p.locale_source == "source" for p in pfs)
        result.groups.append(PageGroup(page, pfs, src if has_source else None))
    result.locales = tuple(sorted({pf.locale for pf in placed.values()}))
    return result
