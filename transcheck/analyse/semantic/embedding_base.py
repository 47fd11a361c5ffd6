"""The embedding interface every backend implements, and its error.

An :class:`Embedder` returns float32 rows, L2-normalised, one per input text, in input
order; every failure to get a model is an :class:`EmbeddingError` whose message says how
to fix it. The backends are in :mod:`.embedders` (USE, sentence-transformers) and
:mod:`.e5` (multilingual-e5-small).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Callable, Sequence

import numpy as np

from ...locales import base_language

__all__ = ["Embedder", "EmbeddingError", "installed_version", "l2_normalise"]


def installed_version(dist: str) -> str:
    """The installed version of the package ``dist``, or ``unknown`` when it is not installed
    (the model's ``encode`` then says how to install it)."""
    try:
        from importlib.metadata import version
        return version(dist)
    except Exception:
        return "unknown"


class EmbeddingError(RuntimeError):
    """A model or package needed for embeddings is unavailable; the message says why
    and how to get it."""


def l2_normalise(vectors: np.ndarray) -> np.ndarray:
    """Return ``vectors`` as a float32 2-D array whose non-zero rows have unit length."""
    arr = np.asarray(vectors, dtype=np.float32)
    if arr.ndim == 1:
        arr = arr[None, :]
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(arr / norms, dtype=np.float32)


class Embedder(ABC):
    """Turns texts into L2-normalised float32 vectors, one row per text.

    Subclasses set :attr:`name` and implement :attr:`version`, :attr:`dim` and
    :meth:`_encode_batch`; :meth:`encode` handles batching and normalisation.
    """

    name: str = "embedder"
    batch_size: int = 64
    progress: Callable[[int, int], None] | None = None  # (done, total) after each batch of encode()
    languages: frozenset[str] | None = None
    """Base languages the model was trained on (``None``: not known, all are tried)."""

    def supports(self, locale: str) -> bool:
        """Whether this model's vectors mean anything for ``locale``'s language."""
        return self.languages is None or base_language(locale) in self.languages

    @property
    @abstractmethod
    def version(self) -> str:
        """A string that changes whenever the model's vectors may change (no loading)."""

    @property
    @abstractmethod
    def dim(self) -> int:
        """Length of each vector (may load the model)."""

    @property
    def key(self) -> str:
        """``name@version``: identifies the vectors this embedder produces."""
        return f"{self.name}@{self.version}"

    @property
    def loaded(self) -> bool:
        """True once the model behind this embedder has been loaded (for statistics)."""
        return getattr(self, "_model", None) is not None

    @abstractmethod
    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        """Embed one batch; rows need not be normalised."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts`` in batches: an ``(len(texts), dim)`` float32 array of unit rows."""
        if isinstance(texts, str):
            raise TypeError("encode() takes a list of strings, not a single string")
        texts = [str(t) for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = []
        for i in range(0, len(texts), self.batch_size):
            parts.append(l2_normalise(self._encode_batch(texts[i:i + self.batch_size])))
            if self.progress is not None:
                self.progress(min(i + self.batch_size, len(texts)), len(texts))
        return np.concatenate(parts, axis=0) if len(parts) > 1 else parts[0]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.key!r})"
