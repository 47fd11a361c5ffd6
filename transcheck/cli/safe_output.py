"""Output a CI runner can trust: inert text, whole report files, clear write errors.

transcheck runs on contributors' pull requests, so everything it prints or writes may
carry text chosen by an attacker. Three guarantees hold for every format:

* **No workflow command.** The GitHub Actions runner reads every line of a step's
  stdout and stderr; a line whose text, leading whitespace trimmed, starts with ``::``
  is a command (``::add-mask::``, ``::stop-commands::``, ``::error ...::``), and so is
  ``##[name]`` *anywhere* in a line (the runner's legacy syntax). :func:`inert` rewrites
  both with an escape native to the format (``\\x3a`` in text, ``&#58;`` in XML, HTML and
  Markdown, ``\\u003a`` in JSON), so the report still reads the same in its own viewer.
  The ``github`` format keeps its own annotation lines: its reporter escapes line breaks
  in all data, so only transcheck's commands start a line with ``::`` there.
* **No half-written report.** :func:`write_atomic` writes a temporary file in the
  destination's folder and renames it over the destination with :func:`os.replace`; a
  kill, Ctrl-C or full disk leaves the previous report untouched and no temporary file.
  Destinations that are not regular files (``/dev/stdout``, a FIFO) are written directly.
* **No traceback for a broken stdout.** :func:`write_stdout` turns a full disk, a closed
  pipe or a closed stdout into :class:`OutputError` with one line for the user.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
from typing import Iterable, Iterator

__all__ = ["OutputError", "inert", "inert_chunks", "is_inert", "write_atomic", "write_stdout", "silence_stdout",
           "reserve_std_streams", "same_file", "STRIP"]


class OutputError(Exception):
    """A report or stdout could not be written; the message says where and why."""


STRIP = ("\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
         "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u180e\u200b\u200c\u200d\u2060\ufeff")
"""Characters the runner may trim before it looks for ``::`` (a superset: Unicode
whitespace plus the zero-width characters, so an escape is never missed)."""

_LINE = re.compile(r"[^\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]*(?:\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]|$)")
"""One line with its break; every break Python or the runner knows (a superset)."""

ESCAPES: dict[str, tuple[str, str]] = {
    "text": ("\\x3a", "\\x5b"),
    "github": ("\\x3a", "\\x5b"),
    "markdown": ("&#58;", "&#91;"),
    "junit": ("&#58;", "&#91;"),
    "html": ("&#58;", "&#91;"),
    "json": ("\\u003a", "\\u005b"),
    "sarif": ("\\u003a", "\\u005b"),
}
"""Format -> how it writes ``:`` and ``[`` without the character itself. Entities and
JSON escapes only occur where the reporters put document text (XML/HTML text and
attributes, JSON strings), as a line can only start with ``::`` or hold ``##[`` there."""

_LEGACY = "##["


def inert(text: str, fmt: str = "text") -> str:
    """Return ``text`` with no line a GitHub Actions runner would run as a command.

    A line whose trimmed text starts with ``::`` gets its first ``:`` escaped; every
    ``##[`` becomes ``##`` plus an escaped ``[``. In the ``github`` format, lines that
    start with ``::`` in column 0 are transcheck's own annotations and are kept.
    Text that needs no change is returned unchanged (the same object).
    """
    if "::" not in text and _LEGACY not in text:
        return text
    colon, bracket = ESCAPES.get(fmt, ESCAPES["text"])
    out: list[str] = []
    for m in _LINE.finditer(text):
        line = m.group(0)
        if not line:
            continue
        own = fmt == "github" and line.startswith("::")
        if not own:
            body = line.lstrip(STRIP)
            if body.startswith("::"):
                cut = len(line) - len(body)
                line = line[:cut] + colon + line[cut + 1:]
        if _LEGACY in line and not own:
            line = line.replace(_LEGACY, "##" + bracket)
        out.append(line)
    return "".join(out)


def inert_chunks(chunks: Iterable[str], fmt: str = "text", size: int = 1 << 16) -> Iterator[str]:
    """:func:`inert` over text that comes in pieces: the same result as ``inert`` of the
    whole, since pieces are joined and cut after a line break (about ``size`` characters
    each) before each is made inert."""
    buf: list[str] = []
    held = 0
    for chunk in chunks:
        buf.append(chunk)
        held += len(chunk)
        if held >= size:
            text = "".join(buf)
            cut = text.rfind("\n") + 1
            if cut:
                yield inert(text[:cut], fmt)
                text = text[cut:]
            buf, held = [text], len(text)
    text = "".join(buf)
    if text:
        yield inert(text, fmt)


def is_inert(text: str, fmt: str = "text") -> bool:
    """True when no line of ``text`` is a workflow command (``github``: only its own)."""
    return inert(text, fmt) == text


# -- files -------------------------------------------------------------------------------


def _special(path: str) -> bool:
    """True for an existing destination that is not a regular file (device, FIFO, socket)."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _mode_for(path: str) -> int:
    """Permissions for the new file: the old file's, else what ``open()`` would give."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_atomic(path: str, text: str | Iterable[str]) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` all at once or not at all.

    ``text`` may come in pieces (an iterable of strings, e.g. a streamed report): they
    are written to the temporary file one by one, so no whole copy is held in memory.

    The data goes to a temporary file in the same folder (created if missing), is
    flushed to disk and renamed over ``path``. A symbolic link is replaced at its
    target. Any failure or interruption (``KeyboardInterrupt`` included) removes the
    temporary file, keeps the previous ``path`` and re-raises (``OSError`` as
    :class:`OutputError`).
    """
    pieces = [text] if isinstance(text, str) else text
    if _special(path):  # /dev/stdout, a FIFO: there is nothing to replace
        try:
            with open(path, "wb") as fh:
                _write_pieces(fh, pieces)
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        return
    target = os.path.realpath(path) if os.path.islink(path) else path
    folder = os.path.dirname(target) or "."
    tmp = None
    try:
        os.makedirs(folder, exist_ok=True)
        if os.path.isdir(target):
            raise IsADirectoryError(errno.EISDIR, "is a folder", target)
        mode = _mode_for(target)
        fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(target) + ".", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            _write_pieces(fh, pieces)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _write_pieces(fh, pieces: Iterable[str]) -> None:
    for piece in pieces:
        fh.write(piece.encode("utf-8", "surrogateescape"))


def same_file(a: str, b: str) -> bool:
    """True when paths ``a`` and ``b`` name the same file (links resolved; missing ok)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


# -- stdout ------------------------------------------------------------------------------


def write_stdout(text: str | Iterable[str]) -> None:
    """Write ``text`` (a string or pieces of one) to stdout and flush it; raise
    :class:`OutputError` if it cannot be.

    Covers a closed stdout (``>&-``), a full device (``> /dev/full``) and a reader that
    went away (``| head``), which would otherwise end in a traceback at exit.
    """
    stream = sys.stdout
    if stream is None:
        raise OutputError("cannot write the report: stdout is closed")
    try:
        for piece in [text] if isinstance(text, str) else text:
            stream.write(piece)
        stream.flush()
    except BrokenPipeError:
        raise OutputError("cannot write the report: stdout was closed by its reader") from None
    except OSError as exc:
        raise OutputError(f"cannot write the report to stdout: {exc.strerror or exc}") from None
    except ValueError:  # the stream object was closed
        raise OutputError("cannot write the report: stdout is closed") from None


def silence_stdout() -> None:
    """Point stdout at the null device, so that the flush at exit cannot fail again."""
    try:
        fd = sys.stdout.fileno() if sys.stdout is not None else 1
    except (OSError, ValueError, AttributeError):
        return  # not a real file (a test runner's buffer): nothing is flushed at exit
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except OSError:
        pass
    try:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
    except OSError:
        pass


def reserve_std_streams() -> set[int]:
    """Open the null device on closed descriptors 0-2; return the ones that were closed.

    A closed stdout would otherwise let the next opened file (a cache entry, a report)
    take descriptor 1, and child processes would write into it.
    """
    closed = set()
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            closed.add(fd)
    for fd in sorted(closed):
        try:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        except OSError:
            pass
    return closed


# -- destinations --------------------------------------------------------------------------


def destination_problem(dest: str, roots: list[str], checked: set[str]) -> str | None:
    """Why writing a report to ``dest`` would harm the checked site, or None.

    ``checked`` holds the real paths of the files this run checked, ``roots`` the paths
    it was given. A report may not replace a checked page, nor be a Markdown file that
    the next run over ``roots`` would read as a page (inside a locale folder, say).
    """
    from ..run.discover.files import MARKDOWN_SUFFIXES, SKIP_DIRS

    real = os.path.realpath(dest)
    if real in checked:
        return f"{dest} is a page this run checks; refusing to overwrite it with a report"
    if not real.lower().endswith(MARKDOWN_SUFFIXES):
        return None
    for root in roots:
        top = os.path.realpath(root)
        if os.path.isdir(top) and real.startswith(top.rstrip(os.sep) + os.sep):
            inner = os.path.relpath(real, top).split(os.sep)[:-1]
            if not any(p.startswith(".") or p in SKIP_DIRS for p in inner):
                return (f"{dest} is a Markdown file under the checked path {root}: the next run would "
                        "check the report as a page; write it outside the checked folders")
    return None


# -- signals -------------------------------------------------------------------------------


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived (a cancelled CI job): stop like Ctrl-C, exit 143."""


class sigterm_stops:
    """Context manager: while inside, SIGTERM raises :class:`Terminated` in the main thread.

    The run then unwinds as for Ctrl-C: workers are stopped, temporary files removed,
    and no process is left to print a broken-pipe traceback. The previous handler comes
    back on exit.
    """

    def __enter__(self):
        import signal
        import threading

        self.previous = None
        if threading.current_thread() is threading.main_thread():
            def raise_terminated(signum, frame):  # noqa: ARG001 - signal handler signature
                raise Terminated()

            self.previous = signal.signal(signal.SIGTERM, raise_terminated)
        return self

    def __exit__(self, *exc):
        import signal

        if self.previous is not None:
            signal.signal(signal.SIGTERM, self.previous)
        return False
