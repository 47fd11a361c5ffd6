"""Git, batched and optional: changed files for pull-request mode, and file history.

Every git call here is one process for the whole tree (``git log --numstat`` once, one
``git cat-file --batch`` per worker for old file contents), never one per file, so it
scales to sites with thousands of pages. Outside a repository, or without git, the
history is ``None`` and the rules that need it stay silent; pull-request mode, which
cannot work without git, raises :class:`GitError` with a message for the user.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path


class GitError(Exception):
    """A git operation the user asked for failed; the message says why."""


def _git(cwd: str | Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run ``git -C cwd args`` and return the completed process (bytes output)."""
    if shutil.which("git") is None:
        raise GitError("git is not installed (needed for this option)")
    proc = subprocess.run(["git", "-C", str(cwd), "-c", "core.quotepath=off", *args],
                          capture_output=True, env={**os.environ, "LC_ALL": "C", "GIT_PAGER": "cat"})
    if check and proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(msg[-1] if msg else f"git {' '.join(args)} failed")
    return proc


def _folder(path: str | Path) -> Path:
    p = Path(path).resolve()
    return p if p.is_dir() else p.parent


def toplevel(path: str | Path) -> Path | None:
    """The root of the git work tree containing ``path``, or None (not a repository, no git)."""
    try:
        proc = _git(_folder(path), "rev-parse", "--show-toplevel", check=False)
    except GitError:
        return None
    if proc.returncode != 0:
        return None
    return Path(proc.stdout.decode("utf-8", "replace").strip()).resolve()


def _split_z(data: bytes) -> list[str]:
    return [p for p in data.decode("utf-8", "surrogateescape").split("\0") if p]


def changed_files(path: str | Path, ref: str) -> set[str]:
    """Absolute paths changed between ``ref`` and HEAD (``ref...HEAD``), plus uncommitted ones.

    Uncommitted means staged, unstaged and untracked (not ignored) files. Raises
    :class:`GitError` outside a repository or for an unknown ref.
    """
    top = toplevel(path)
    if top is None:
        if shutil.which("git") is None:
            raise GitError("git is not installed (needed for --changed-since)")
        raise GitError(f"{path} is not inside a git repository (needed for --changed-since)")
    if _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False).returncode != 0:
        raise GitError(f"unknown git revision '{ref}' in {top}")
    names: set[str] = set()
    try:
        names.update(_split_z(_git(top, "diff", "--name-only", "-z", "--no-renames", f"{ref}...HEAD").stdout))
    except GitError as exc:
        shallow = _git(top, "rev-parse", "--is-shallow-repository", check=False).stdout.strip() == b"true"
        if shallow or "no merge base" in str(exc):
            raise GitError(f"{exc} (a shallow clone lacks the history to compare with '{ref}': fetch it, "
                           "e.g. actions/checkout with 'fetch-depth: 0', or 'git fetch --unshallow')") from None
        raise
    names.update(_split_z(_git(top, "diff", "--name-only", "-z", "--no-renames", "HEAD").stdout))
    names.update(_split_z(_git(top, "ls-files", "--others", "--exclude-standard", "-z").stdout))
    return {str(top / n) for n in names}


@dataclass(frozen=True)
class Commit:
    """One commit: its id, commit time (seconds) and subject line."""

    sha: str
    time: int
    subject: str


@dataclass
class History:
    """The git history of the files of a tree, from one ``git log --numstat`` call.

    ``commits`` is newest first (topological order); ``files`` maps an absolute path to
    its changes as (commit index, lines added, lines deleted), newest first. ``dirty``
    holds files with uncommitted changes.
    """

    top: str
    commits: list[Commit] = field(default_factory=list)
    files: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)
    dirty: frozenset[str] = frozenset()

    def subset(self, paths) -> "History":
        """A smaller history holding only ``paths`` (and the commits they refer to)."""
        files = {p: self.files[p] for p in paths if p in self.files}
        return History(self.top, self.commits, files, frozenset(p for p in paths if p in self.dirty))

    def show(self, sha: str, path: str) -> str | None:
        """The text of ``path`` (absolute) at commit ``sha``, or None if it did not exist
        (or its name holds a line break, which ``git cat-file --batch`` cannot take)."""
        name = f"{sha}:{os.path.relpath(path, self.top)}"
        return None if "\n" in name or "\r" in name else _blob_reader(self.top).read(name)


FULL_HISTORY = ("fetch the whole history (git fetch --unshallow; in GitHub Actions, actions/checkout "
                "with fetch-depth: 0)")


def load_history(paths: list[str]) -> tuple[History | None, str]:
    """The history of every file under ``paths`` (one git call), and a warning.

    Without git, outside a repository or before the first commit there is no history and
    nothing to say (``(None, "")``). A history that exists but cannot be read whole (a
    shallow clone, missing objects) gives ``None`` and a one-line warning saying that the
    ``outdated`` rule is off and why.
    """
    if not paths:
        return None, ""
    top = toplevel(paths[0])
    if top is None:
        return None, ""
    rels = []
    for p in paths:
        real = Path(p).resolve()
        if real == top or top in real.parents:
            rels.append(os.path.relpath(real, top))
    if not rels:
        return None, ""
    try:
        if _git(top, "rev-parse", "--verify", "--quiet", "HEAD", check=False).returncode != 0:
            return None, ""  # no commit yet
        shallow = _git(top, "rev-parse", "--is-shallow-repository", check=False).stdout.strip()
        if shallow == b"true":
            return None, (f"git history of {top} is shallow (a shallow clone): the outdated rule is off "
                          f"because translations cannot be dated; {FULL_HISTORY}")
        out = _git(top, "log", "--topo-order", "--no-renames", "-z", "--format=%x1e%H%x1f%ct%x1f%s",
                   "--numstat", "--", *rels).stdout.decode("utf-8", "surrogateescape")
        status = _git(top, "status", "--porcelain", "-z", "--untracked-files=no", "--", *rels).stdout
    except GitError as exc:
        return None, (f"git history of {top} cannot be read ({exc}): the outdated rule is off; "
                      f"repair the repository or {FULL_HISTORY}")
    hist = History(str(top))
    # with -z: "\x1e<sha>\x1f<time>\x1f<subject>\0" then "\n<added>\t<deleted>\t<path>\0" per file,
    # paths as they are (no quoting, so quotes, tabs and newlines in names survive)
    for block in out.split("\x1e")[1:]:
        entries = block.split("\0")
        sha, ctime, subject = (entries[0].split("\x1f") + ["", ""])[:3]
        idx = len(hist.commits)
        subject = subject.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        hist.commits.append(Commit(sha, int(ctime) if ctime.isdigit() else 0, subject))
        for line in entries[1:]:
            parts = line.lstrip("\n").split("\t", 2)
            if len(parts) != 3:
                continue
            add, dele, name = parts
            path = str(top / name)
            hist.files.setdefault(path, []).append(
                (idx, int(add) if add.isdigit() else 0, int(dele) if dele.isdigit() else 0))
    dirty = set()
    for entry in _split_z(status):
        if len(entry) > 3 and entry[2] == " ":
            dirty.add(str(top / entry[3:]))
    hist.dirty = frozenset(dirty)
    return hist, ""


class _BlobReader:
    """One ``git cat-file --batch`` process per repository and process, fed object names."""

    def __init__(self, top: str):
        self.proc = subprocess.Popen(["git", "-C", top, "cat-file", "--batch"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def read(self, name: str) -> str | None:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(name.encode("utf-8", "surrogateescape") + b"\n")
        self.proc.stdin.flush()
        header = self.proc.stdout.readline().split()
        if len(header) < 3 or header[-1] == b"missing":
            return None
        size = int(header[2])
        data = self.proc.stdout.read(size)
        self.proc.stdout.read(1)  # the newline after the contents
        return data.decode("utf-8", "replace").replace("\r\n", "\n")


_READERS: dict[str, _BlobReader] = {}


def _blob_reader(top: str) -> _BlobReader:
    reader = _READERS.get(top)
    if reader is None or reader.proc.poll() is not None:
        reader = _READERS[top] = _BlobReader(top)
    return reader
