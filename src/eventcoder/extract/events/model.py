"""The sentence classifier: a linear head over ``embed.features`` with a calibration temperature.

A saved model is a folder with ``weights.npz`` (coefficients, intercepts), ``model.json``
(labels, temperature, feature settings) and ``provenance.json`` (what it was trained on).
No pickles: a model folder from someone else cannot run code when loaded.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eventcoder.errors import ConfigError
from eventcoder.extract.events import embed
from eventcoder.extract.events.taxonomy import EVENT_TYPES, NO_EVENT, sub_event_type

WEIGHTS_FILE = "weights.npz"
META_FILE = "model.json"
PROVENANCE_FILE = "provenance.json"
# 2: the hashed-word block is scaled by HASH_WEIGHT, recorded in model.json.
FORMAT_VERSION = 2


@dataclass(frozen=True, slots=True)
class SentencePrediction:
    """What the classifier says about one sentence.

    ``p_event`` is the calibrated probability that the sentence reports a concrete event;
    ``type_probs`` the probability of each ACLED event type given that it does, and
    ``sub_probs`` of each sub-type.
    """

    p_event: float
    event_type: str
    type_prob: float
    sub_event_type: str
    sub_prob: float
    type_probs: dict[str, float]
    sub_probs: dict[str, float]


@dataclass(frozen=True)
class EventModel:
    """Linear classifier over sentence features; labels are 25 sub-types plus NO_EVENT."""

    labels: tuple[str, ...]
    coef: np.ndarray  # (n_labels, n_features)
    intercept: np.ndarray  # (n_labels,)
    temperature: float = 1.0

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated label probabilities, one row per text, columns in ``labels`` order."""
        if not texts:
            return np.zeros((0, len(self.labels)))
        logits = embed.features(texts) @ self.coef.T + self.intercept
        return softmax(np.asarray(logits) / self.temperature)

    def predict(self, texts: Sequence[str]) -> list[SentencePrediction]:
        return [self.read(row) for row in self.probabilities(texts)]

    def read(self, probs: np.ndarray) -> SentencePrediction:
        """Event type by summed sub-type probability, then the best sub-type within it.

        Summing first lets three weak Explosions sub-types outvote one Battles sub-type,
        which is what event_type scoring rewards.
        """
        by_label = dict(zip(self.labels, probs.tolist(), strict=True))
        p_none = by_label.pop(NO_EVENT, 0.0)
        p_event = max(1.0 - p_none, 1e-9)
        sub_probs = {label: p / p_event for label, p in by_label.items()}
        type_probs = dict.fromkeys(EVENT_TYPES, 0.0)
        for label, p in sub_probs.items():
            type_probs[sub_event_type(label).event_type] += p
        best_type = max(type_probs, key=type_probs.__getitem__)
        subs = {k: p for k, p in sub_probs.items() if sub_event_type(k).event_type == best_type}
        best_sub = max(subs, key=subs.__getitem__)
        return SentencePrediction(
            p_event=1.0 - p_none,
            event_type=best_type,
            type_prob=type_probs[best_type],
            sub_event_type=best_sub,
            sub_prob=subs[best_sub],
            type_probs=type_probs,
            sub_probs=sub_probs,
        )

    def save(self, folder: Path, provenance: dict) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(folder / WEIGHTS_FILE, coef=self.coef, intercept=self.intercept)
        meta = {
            "format_version": FORMAT_VERSION,
            "labels": list(self.labels),
            "temperature": self.temperature,
            "embedding_dim": embed.EMBEDDING_DIM,
            "hash_features": embed.HASH_FEATURES,
            "hash_weight": embed.HASH_WEIGHT,
        }
        (folder / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        (folder / PROVENANCE_FILE).write_text(
            json.dumps(provenance, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        return folder

    @classmethod
    def load(cls, folder: Path) -> EventModel:
        """Load a model folder written by ``save`` (``eventcoder train`` writes one)."""
        try:
            meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
            weights = np.load(folder / WEIGHTS_FILE)
        except (OSError, ValueError) as exc:
            raise ConfigError(
                f"{folder} is not an event model folder ({exc}); train one with "
                "'eventcoder train --data FILE -o FOLDER' or unset EVENTCODER_EVENT_MODEL."
            ) from exc
        expected = embed.EMBEDDING_DIM + embed.HASH_FEATURES
        if (
            meta.get("format_version") != FORMAT_VERSION
            or meta.get("hash_weight") != embed.HASH_WEIGHT
            or weights["coef"].shape[1] != expected
        ):
            raise ConfigError(
                f"{folder} was trained by another eventcoder version; retrain it with "
                "'eventcoder train --data FILE -o FOLDER'."
            )
        return cls(
            labels=tuple(meta["labels"]),
            coef=weights["coef"],
            intercept=weights["intercept"],
            temperature=float(meta["temperature"]),
        )


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)
