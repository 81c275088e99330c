"""Expand our sentence templates into the shipped training set ``training.jsonl``.

The templates (``data/events/templates.txt``) were written for this project following the
ACLED codebook's definitions; expanding them with a fixed seed gives varied actors, places,
dates and tails, so the classifier learns the kind of event, not a place name. Run
``python -m eventcoder.train.compose`` after editing the templates; a test checks that the
shipped file matches.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventcoder.errors import GoldFormatError
from eventcoder.extract.events.taxonomy import NO_EVENT, is_sub_event_type

TEMPLATES_FILE = "templates.txt"
TRAINING_FILE = "training.jsonl"
# Examples per label: the issue asks for 40+ per sub-type; 60 uses every template several
# times with different fillers while training on the whole set stays a few minutes.
EXAMPLES_PER_SUB_TYPE = 60
# Negatives per kind: fewer per kind, but twelve kinds give about as many negatives as a
# large sub-type, so "No event" is neither drowned out nor dominant.
EXAMPLES_PER_NEGATIVE_KIND = 36
SEED = 20240611
NEGATIVE_PREFIX = "No event: "
_SLOT = re.compile(r"\{(\w+)\}")
_SENTENCE_START = re.compile(r"(?:^|(?<=\. ))[a-z]")
# Slots filled together from one @location line, so a town sits in its own country.
LOCATION_SLOTS = ("town", "region", "country", "nation")


@dataclass(frozen=True, slots=True)
class TemplateSet:
    slots: dict[str, tuple[str, ...]]
    locations: tuple[tuple[str, ...], ...]
    templates: dict[str, tuple[str, ...]]  # label -> templates


def data_dir() -> Path:
    return Path(str(resources.files("eventcoder") / "data" / "events"))


def read_templates(path: Path | None = None) -> TemplateSet:
    """Parse the templates file (format described in its header)."""
    path = path or data_dir() / TEMPLATES_FILE
    slots: dict[str, tuple[str, ...]] = {}
    locations: list[tuple[str, ...]] = []
    templates: dict[str, list[str]] = {}
    label = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line == "#" or line.startswith("# "):
            continue
        if line.startswith("@location:"):
            parts = tuple(p.strip() for p in line.split(":", 1)[1].split("|"))
            if len(parts) != len(LOCATION_SLOTS):
                raise GoldFormatError(f"{path}:{number}: @location needs 4 '|'-separated parts")
            locations.append(parts)
        elif line.startswith("@slot "):
            name, values = line[len("@slot ") :].split(":", 1)
            slots[name.strip()] = tuple(v.strip() for v in values.split("|"))
        elif line.startswith("## "):
            label = line[3:].strip()
            if not (is_sub_event_type(label) or label.startswith(NEGATIVE_PREFIX)):
                raise GoldFormatError(f"{path}:{number}: unknown label {label!r}")
            templates[label] = []
        elif label is None:
            raise GoldFormatError(f"{path}:{number}: template before any '## LABEL' line")
        else:
            templates[label].append(line)
    return TemplateSet(slots, tuple(locations), {k: tuple(v) for k, v in templates.items()})


def _fill(template: str, tset: TemplateSet, rng: random.Random) -> str:
    place = dict(zip(LOCATION_SLOTS, rng.choice(tset.locations), strict=True))
    text = template
    # Slot values may contain slots ({when} -> "On {date},"), so expand until none is left.
    for _ in range(5):
        text = _SLOT.sub(lambda m: place.get(m[1]) or rng.choice(tset.slots[m[1]]), text)
        if "{" not in text:
            break
    text = re.sub(r"\s+", " ", text).strip()
    # Fillers start lower-case ("riot police"); capitalise them at a sentence start.
    return _SENTENCE_START.sub(lambda m: m[0].upper(), text)


def compose(tset: TemplateSet | None = None, seed: int = SEED) -> list[dict[str, str]]:
    """Expanded examples ``{"text", "sub_event_type", "kind"}``, deterministic for a seed.

    ``sub_event_type`` is an ACLED sub-type or ``NO_EVENT``; ``kind`` names the negative
    kind (``threat``, ``history``...) or is ``event``.
    """
    tset = tset or read_templates()
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    for label in sorted(tset.templates):
        negative = label.startswith(NEGATIVE_PREFIX)
        wanted = EXAMPLES_PER_NEGATIVE_KIND if negative else EXAMPLES_PER_SUB_TYPE
        templates = tset.templates[label]
        seen: set[str] = set()
        # Cycle through the templates; give up on duplicates after a bounded number of tries
        # (a template without slots can only yield one sentence).
        for attempt in range(wanted * 4):
            if len(seen) >= wanted:
                break
            text = _fill(templates[attempt % len(templates)], tset, rng)
            if text in seen:
                continue
            seen.add(text)
            rows.append(
                {
                    "text": text,
                    "sub_event_type": NO_EVENT if negative else label,
                    "kind": label[len(NEGATIVE_PREFIX) :] if negative else "event",
                }
            )
    return rows


def write_training_file(path: Path | None = None) -> Path:
    path = path or data_dir() / TRAINING_FILE
    with path.open("w", encoding="utf-8") as out:
        for row in compose():
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":
    print(write_training_file())
