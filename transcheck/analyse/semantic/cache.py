"""On-disk embedding cache, so that a re-run embeds only the segments that changed.

Layout::

    <root>/v1/<model-slug>/model.json            name and version, for people
    <root>/v1/<model-slug>/<ab>/<sha256>.emb     one vector per file

``<model-slug>`` comes from :attr:`Embedder.key` (model name + version) and ``<sha256>``
from the UTF-8 text, so a changed text, model or model version simply misses.

One file per entry (not shards): every write goes to a temp file renamed over the entry
(atomic on POSIX and Windows), so processes filling one cache at once never lose each
other's entries and need no lock files; a bad file costs one re-embedded text. The price
is one small file (about 2 KiB) per distinct text.

Each entry file is a 76-byte header (magic, dimension, SHA-256 of the text and of the
payload) and the float32 little-endian vector. A file whose length, magic, text hash or
checksum is wrong (a crash, a full disk, a misplaced file) is reported with a
:class:`CacheWarning` (also kept in :attr:`EmbeddingCache.messages`), removed and treated
as a miss. I/O errors never stop a run: the cache degrades to a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import tempfile
import warnings
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np

from .embedders import Embedder, l2_normalise

__all__ = [
    "CACHE_ENV",
    "CacheWarning",
    "CachedEmbedder",
    "EmbeddingCache",
    "default_cache_dir",
    "resolve_cache_dir",
    "text_hash",
]

CACHE_ENV = "TRANSCHECK_CACHE_DIR"
"""Environment variable naming the cache folder (below ``--cache-dir``, above the default)."""

FORMAT = "v1"
_MAGIC = b"TCEMB001"
_HEADER = struct.Struct("<8sI32s32s")  # magic, dim, sha256(text), sha256(payload)
_SUFFIX = ".emb"


class CacheWarning(UserWarning):
    """A cache entry was unreadable or corrupt (it is rebuilt), or the cache is unwritable."""


def text_hash(text: str) -> str:
    """Hex SHA-256 of ``text`` in UTF-8: the per-text cache key."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def default_cache_dir() -> Path:
    """``$TRANSCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/transcheck``, else ``~/.cache/transcheck``."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg).expanduser() / "transcheck"
    return Path.home() / ".cache" / "transcheck"


def resolve_cache_dir(cache_dir: str | os.PathLike | None = None) -> Path:
    """The cache folder to use: ``cache_dir`` (``--cache-dir``) when given, else the default."""
    return Path(cache_dir).expanduser() if cache_dir else default_cache_dir()


def _model_slug(model_key: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", model_key).strip("._")[:48]
    return f"{safe}-{hashlib.sha256(model_key.encode()).hexdigest()[:12]}"


class EmbeddingCache:
    """Vectors on disk keyed by (model key, text hash); see the module docstring.

    ``EmbeddingCache(None, disabled=True)`` (or :meth:`from_options` with
    ``no_cache=True``) stores nothing and always misses.
    """

    def __init__(self, root: str | os.PathLike | None = None, *, disabled: bool = False):
        self.disabled = disabled
        self.root: Path | None = None if disabled else resolve_cache_dir(root)
        self.messages: list[str] = []
        self._write_failed = False
        self._read_failed = False
        self._known_dirs: set[Path] = set()

    @classmethod
    def from_options(cls, cache_dir: str | os.PathLike | None = None,
                     no_cache: bool = False) -> "EmbeddingCache":
        """Build the cache the CLI options ask for (``--cache-dir``, ``--no-cache``)."""
        return cls(None, disabled=True) if no_cache else cls(cache_dir)

    @property
    def enabled(self) -> bool:
        """False in ``disabled`` mode."""
        return not self.disabled

    def _warn(self, message: str) -> None:
        self.messages.append(message)
        warnings.warn(message, CacheWarning, stacklevel=3)

    def model_dir(self, model_key: str) -> Path:
        """Folder holding the entries of one model key."""
        if self.root is None:
            raise ValueError("the cache is disabled")
        return self.root / FORMAT / _model_slug(model_key)

    def entry_path(self, model_key: str, digest: str) -> Path:
        """File of one entry (``digest`` is :func:`text_hash` of the text)."""
        return self.model_dir(model_key) / digest[:2] / (digest + _SUFFIX)

    # ---- reading ----
    def get(self, model_key: str, digest: str) -> np.ndarray | None:
        """The cached vector for ``digest``, or ``None`` (missing, corrupt or disabled)."""
        if self.disabled:
            return None
        path = self.entry_path(model_key, digest)
        try:
            data = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as exc:
            if not self._read_failed:  # once per cache: a broken folder is one problem
                self._read_failed = True
                self._warn(f"embedding cache: cannot read {path}: {exc}; re-embedding")
            return None
        problem = _check_entry(data, digest)
        if problem is None:
            dim = _HEADER.unpack_from(data)[1]
            return np.frombuffer(data, dtype="<f4", count=dim, offset=_HEADER.size).astype(np.float32)
        self._warn(f"embedding cache: {path} is corrupt ({problem}); rebuilding it")
        try:
            path.unlink()
        except OSError:
            pass
        return None

    def get_many(self, model_key: str, digests: Iterable[str]) -> dict[str, np.ndarray]:
        """The cached vectors among ``digests``, by digest."""
        out = {}
        for d in digests:
            vec = self.get(model_key, d)
            if vec is not None:
                out[d] = vec
        return out

    # ---- writing ----
    def put(self, model_key: str, digest: str, vector: np.ndarray) -> bool:
        """Store one vector atomically; return False (with a warning, once) if it failed."""
        if self.disabled or self._write_failed:
            return False
        vec = np.ascontiguousarray(np.asarray(vector, dtype="<f4").reshape(-1))
        payload = vec.tobytes()
        blob = _HEADER.pack(_MAGIC, vec.size, bytes.fromhex(digest),
                            hashlib.sha256(payload).digest()) + payload
        path = self.entry_path(model_key, digest)
        try:
            if path.parent not in self._known_dirs:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._known_dirs.add(path.parent)
            _atomic_write(path, blob)
            return True
        except OSError as exc:
            self._write_failed = True
            self._warn(f"embedding cache: cannot write to {self.root}: {exc}; "
                       "going on without caching")
            return False

    def put_many(self, model_key: str, items: Mapping[str, np.ndarray],
                 meta: Mapping[str, str] | None = None) -> int:
        """Store several vectors; return how many were written. ``meta`` goes to model.json."""
        if self.disabled or not items:
            return 0
        written = sum(self.put(model_key, d, v) for d, v in sorted(items.items()))
        if written and meta is not None:
            info = self.model_dir(model_key) / "model.json"
            if not info.exists():
                try:
                    _atomic_write(info, json.dumps(dict(meta), sort_keys=True, indent=1).encode())
                except OSError:
                    pass
        return written

    # ---- maintenance ----
    def verify(self, model_key: str | None = None) -> tuple[int, list[str]]:
        """Check every entry (of one model key, or all): ``(valid count, problems)``.

        Read-only: nothing is removed or rewritten.
        """
        if self.disabled:
            return 0, []
        base = self.model_dir(model_key) if model_key else self.root / FORMAT
        valid, problems = 0, []
        for path in sorted(base.rglob("*" + _SUFFIX)) if base.exists() else ():
            try:
                problem = _check_entry(path.read_bytes(), path.stem)
            except OSError as exc:
                problem = str(exc)
            if problem is None:
                valid += 1
            else:
                problems.append(f"{path}: {problem}")
        return valid, problems

    def __repr__(self) -> str:
        return "EmbeddingCache(disabled)" if self.disabled else f"EmbeddingCache({str(self.root)!r})"


def _check_entry(data: bytes, digest: str) -> str | None:
    """Why an entry's bytes are bad, or ``None`` when they are good."""
    if len(data) < _HEADER.size:
        return f"truncated: {len(data)} bytes, header needs {_HEADER.size}"
    magic, dim, thash, phash = _HEADER.unpack_from(data)
    if magic != _MAGIC:
        return "not a transcheck cache entry (bad magic)"
    want = _HEADER.size + 4 * dim
    if len(data) != want:
        return f"length {len(data)} bytes, expected {want}"
    if thash.hex() != digest:
        return "entry belongs to another text"
    if hashlib.sha256(data[_HEADER.size:]).digest() != phash:
        return "checksum mismatch"
    return None


def _atomic_write(path: Path, blob: bytes) -> None:
    """Write ``blob`` to a temp file beside ``path``, then rename it over ``path``."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class CachedEmbedder(Embedder):
    """Wraps an :class:`Embedder` with an :class:`EmbeddingCache` and an in-memory memo.

    :meth:`encode` dedupes the texts of a call, serves what the memo or the disk already
    has, embeds only the rest in one batched call and stores it. Counters (per distinct
    text of each call, or of a :meth:`prefetch` window): :attr:`hits` (served without
    embedding) and :attr:`misses` (embedded). A run where all texts hit never loads the model.
    """

    def __init__(self, embedder: Embedder, cache: EmbeddingCache | None = None):
        self.inner = embedder
        self.languages = embedder.languages
        self.cache = cache if cache is not None else EmbeddingCache(None, disabled=True)
        self.name = embedder.name
        self.hits = self.misses = 0
        self.progress: Callable[[int, int, int], None] | None = None  # (embedded, to embed, from cache)
        self._memo: dict[str, np.ndarray] = {}
        self._window: set[str] = set()  # digests counted by prefetch(): not counted again

    def prefetch(self, texts: Iterable[str]) -> None:
        """Start a window of pages: forget the vectors in memory (it stays flat), get those of
        ``texts`` in one sorted call, counted here; later calls get them uncounted."""
        self._memo, self._window = {}, set()
        self.encode(sorted(set(texts)))
        self._window = set(self._memo)

    @property
    def version(self) -> str:
        """The wrapped embedder's version."""
        return self.inner.version

    @property
    def dim(self) -> int:
        """The wrapped embedder's dimension."""
        return self.inner.dim

    @property
    def key(self) -> str:
        """The wrapped embedder's key (the cache key of its vectors)."""
        return self.inner.key

    @property
    def loaded(self) -> bool:
        """True once the wrapped embedder has loaded its model."""
        return self.inner.loaded

    def _encode_batch(self, texts: list[str]) -> np.ndarray:  # pragma: no cover - unused
        return self.encode(texts)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts`` (unit float32 rows, input order), embedding only unseen texts."""
        if isinstance(texts, str):
            raise TypeError("encode() takes a list of strings, not a single string")
        texts = [str(t) for t in texts]
        digests = [text_hash(t) for t in texts]
        first: dict[str, str] = {}
        for d, t in zip(digests, texts):
            first.setdefault(d, t)
        key = self.key
        found = {d: self._memo[d] for d in first if d in self._memo}
        found.update(self.cache.get_many(key, [d for d in first if d not in found]))
        dims = {v.shape[0] for v in found.values()}
        if len(dims) > 1:  # entries of mixed sizes: trust only the model
            dim = self.inner.dim
            for d in [d for d, v in found.items() if v.shape[0] != dim]:
                self.cache._warn(f"embedding cache: entry {d[:12]} has the wrong dimension; rebuilding it")
                del found[d]
        todo = [d for d in first if d not in found]
        if todo:
            fresh = self._encode_inner([first[d] for d in todo], len(first) - len(todo))
            if any(v.shape[0] != fresh.shape[1] for v in found.values()):
                self.cache._warn("embedding cache: cached vectors have the wrong dimension "
                                 "for this model; rebuilding them")
                found, todo = {}, list(first)
                fresh = self.inner.encode([first[d] for d in todo])
            new = {d: fresh[i] for i, d in enumerate(todo)}
            self.cache.put_many(key, new, meta={"name": self.inner.name,
                                                "version": self.inner.version})
            found.update(new)
        self.hits += sum(d not in self._window for d in first) - len(todo)
        self.misses += len(todo)
        self._memo.update(found)
        if not texts:
            return np.zeros((0, self.inner.dim), dtype=np.float32)
        return l2_normalise(np.stack([found[d] for d in digests]))

    def _encode_inner(self, texts: list[str], hits: int) -> np.ndarray:
        """The wrapped model's vectors of ``texts``, reporting each batch to :attr:`progress`."""
        hook = self.progress
        if hook is None:
            return self.inner.encode(texts)
        hook(0, len(texts), hits)
        self.inner.progress = lambda done, total: hook(done, total, hits)
        try:
            return self.inner.encode(texts)
        finally:
            self.inner.progress = None

    def stats(self) -> dict[str, int]:
        """``{"hits": ..., "misses": ...}`` so far."""
        return {"hits": self.hits, "misses": self.misses}

    def __repr__(self) -> str:
        return f"CachedEmbedder({self.inner!r}, {self.cache!r})"
