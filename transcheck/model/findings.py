"""A run's findings kept on disk, in report order, so memory does not grow with them.

A run appends each page's findings as the page finishes (:meth:`FindingLog.extend`);
reporters read them back in order, one batch at a time (:meth:`FindingLog.__iter__`).
The batches go to an anonymous temporary file (pickled), so peak memory holds one
page's findings, whatever the number of findings of the run. Pages finish in page
order and each page's findings are sorted, so the log is in
:meth:`~transcheck.model.Finding.sort_key` order as written; the log checks this at each
append and, should a batch ever come out of order, sorts once when read back (the same
result, in memory).
"""

from __future__ import annotations

import os
import pickle
import tempfile
from dataclasses import fields
from operator import attrgetter
from typing import Iterable, Iterator

from .report import Finding, Location

_BATCH = 512
"""Findings per pickled batch (a page's findings may span several)."""

_FIELDS = attrgetter(*(f.name for f in fields(Finding)))
_REL = [f.name for f in fields(Finding)].index("related")
_LOC = attrgetter(*(f.name for f in fields(Location)))


def _pack(f: Finding) -> object:
    """A finding as plain tuples (pickled and read back about twice as fast as the objects)."""
    if type(f) is not Finding or any(type(r) is not Location for r in f.related):
        return f
    values = list(_FIELDS(f))
    values[_REL] = tuple(_LOC(r) for r in f.related)
    return tuple(values)


def _unpack(items: list) -> list[Finding]:
    """The findings of one batch from :func:`_pack` (equal related locations: one object)."""
    places: dict[tuple, Location] = {}
    out = []
    for v in items:
        if type(v) is tuple:
            rel = tuple(places.get(r) or places.setdefault(r, Location(*r)) for r in v[_REL])
            v = Finding(*v[:_REL], rel, *v[_REL + 1:])
        out.append(v)
    return out


class FindingLog:
    """An append-only sequence of findings spilled to a temporary file.

    Iterating gives the findings in :meth:`Finding.sort_key` order (see the module
    docstring); ``len()`` and truth work without reading the file. Iteration may run
    any number of times, also while appending has stopped for good.
    """

    ordered = True
    """Reporters may rely on iteration being sorted (see ``reporters._common.in_order``)."""

    def __init__(self) -> None:
        self._file = None
        self._offsets: list[int] = []
        self._count = 0
        self._last: tuple | None = None
        self._sorted = True
        self._end = 0
        self._memory: list[Finding] | None = None
        """The findings, when no temporary file could take them (a full disk)."""
        self._files: set[str] = set()

    def extend(self, findings: Iterable[Finding]) -> None:
        """Append findings (sorted among themselves for the log to stay in order)."""
        batch = sorted(findings, key=Finding.sort_key)
        if not batch:
            return
        if self._last is not None and batch[0].sort_key() < self._last:
            self._sorted = False
        self._last = batch[-1].sort_key()
        self._count += len(batch)
        self._files.update(f.file for f in batch)
        if self._memory is not None:
            self._memory.extend(batch)
            return
        try:
            if self._file is None:
                self._file = tempfile.TemporaryFile(prefix="transcheck-findings-")
            self._file.seek(0, 2)
            offsets = []
            for k in range(0, len(batch), _BATCH):
                offsets.append(self._file.tell())
                pickle.dump([_pack(f) for f in batch[k:k + _BATCH]], self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._file.flush()
            self._offsets += offsets
            self._end = self._file.tell()
        except OSError:  # no room for a temporary file: keep the findings in memory instead
            self._memory = [f for b in self._batches() for f in b] + batch
            self.close()

    def _batches(self) -> Iterator[list[Finding]]:
        if self._memory is not None:
            yield self._memory
            return
        if self._file is None:
            return
        fd = self._file.fileno()
        ends = self._offsets[1:] + [self._end]
        for start, end in zip(self._offsets, ends):  # read what was flushed, not the buffer
            yield _unpack(pickle.loads(os.pread(fd, end - start, start)))

    def __iter__(self) -> Iterator[Finding]:
        if not self._sorted:
            yield from sorted((f for b in self._batches() for f in b), key=Finding.sort_key)
            return
        for batch in self._batches():
            yield from batch

    def files(self) -> frozenset[str]:
        """The files the findings are in (known without reading the log back)."""
        return frozenset(self._files)

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    def close(self) -> None:
        """Remove the temporary file now (it also goes when the log is collected)."""
        if self._file is not None:
            try:
                self._file.close()
            except OSError:
                pass
            self._file = None
            self._offsets = []
