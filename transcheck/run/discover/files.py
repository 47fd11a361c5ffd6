"""Finding the Markdown files under the paths a user gives, and how to show their paths."""

from __future__ import annotations

import errno
import fnmatch
import os
from pathlib import Path

from ...model import InputError

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mdx")
TEXT_SUFFIXES = (".txt",)
"""Read as Markdown only under a given folder that holds no Markdown file at all."""
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv"})


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


def resolve(path: Path) -> Path | None:
    """``path`` with symbolic links resolved, or None for a symbolic link loop."""
    try:
        real = path.resolve()
        os.stat(path)  # Python 3.13 resolves loops without raising
    except OSError as exc:
        return None if exc.errno == errno.ELOOP else real
    except RuntimeError:  # a symbolic link loop, before Python 3.13
        return None
    return real


EXTERNAL_LINK = ("symbolic link to a file outside the checked paths; not read "
                 "(--follow-external-symlinks reads it)")
HIDDEN_LINK = "symbolic link into a hidden or skipped folder; not read"


def link_refusal(path: Path, real: Path, roots: list[Path]) -> str | None:
    """Why the file symbolic link ``path`` (resolving to ``real``) must not be read, or None.

    A link found while walking a given folder may only lead to a file under one of the
    given ``roots`` (resolved), and not into a folder that discovery skips (``.git``,
    hidden folders): otherwise a pull request could make the report show any file the
    CI runner can read. Paths given directly, and files that are not links, are fine.
    """
    if not path.is_symlink() or path in roots or not real.exists():
        return None  # a broken link is reported when it is read
    for root in roots:
        top = resolve(root)
        if top is None or not top.is_dir():
            continue
        if top in real.parents:
            inner = real.relative_to(top).parts[:-1]
            return HIDDEN_LINK if any(p.startswith(".") or p in SKIP_DIRS for p in inner) else None
    return EXTERNAL_LINK


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
        real = resolve(f)
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


def listdir(folder: Path) -> list[str]:
    """The names in ``folder``, sorted; empty when it is not a readable folder."""
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return []
