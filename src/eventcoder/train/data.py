"""Read labelled sentences for the event classifier from the formats we train on.

    ours        data/events/training.jsonl and written/*.jsonl: {"text", "sub_event_type", "kind"}
    plover      PLOVER gold-standard JSONL (mapped rows -> sub-type, non-violent -> no event)
    gold-jsonl  our gold format (docs: shared/gold/README.md): {"text", "events": [...]}
    acled-csv   an ACLED CSV export: columns ``notes`` and ``sub_event_type``

Every reader returns ``Example`` records with a validated label, so a typo in a user's
file fails with its line number instead of creating a 26th class.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventcoder.errors import GoldFormatError, InputError
from eventcoder.extract.events.taxonomy import NO_EVENT, sub_event_type
from eventcoder.train.compose import TRAINING_FILE, data_dir

FORMATS = ("gold-jsonl", "acled-csv", "ours", "plover")
PLOVER_FILE = "plover-gsr.jsonl"
# Sentences written one by one (not from templates), one file per group of sub-types.
WRITTEN_DIR = "written"
# PLOVER types that never describe violence, protest or coercion: their unmapped sentences
# are safe negatives. FIGHT/ASSAULT/PROTEST/COERCE rows without an ACLED mapping are
# left out, since many of them are real violent events ACLED would code.
PLOVER_NEGATIVE_TYPES = frozenset(
    {
        "AGREE",
        "AID",
        "CONCEDE",
        "CONSULT",
        "COOPERATE",
        "DEMAND",
        "DISAPPROVE",
        "INVESTIGATE",
        "REJECT",
        "SANCTION",
        "SUPPORT",
        "THREATEN",
    }
)
# Rounded shares of each sub-type among the events of the world (see data/events/README).
PRIOR_FILE = "world-prior.csv"
# The ACLED export column that holds the one-paragraph event summary.
ACLED_NOTE_COLUMN = "notes"


@dataclass(frozen=True, slots=True, order=True)
class Example:
    """One labelled sentence; ``label`` is an ACLED sub-type or NO_EVENT."""

    label: str
    text: str
    source: str = ""


def _label(name: str | None, where: str) -> str:
    if name is None or name == NO_EVENT:
        return NO_EVENT
    try:
        return sub_event_type(name).name
    except GoldFormatError as exc:
        raise GoldFormatError(f"{where}: {exc}") from None


def _jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read training file {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{path}:{number}: not valid JSON ({exc.msg})") from None


def read_ours(path: Path | None = None) -> list[Example]:
    """One file in our format; by default the expanded templates."""
    path = path or data_dir() / TRAINING_FILE
    return [
        Example(_label(row.get("sub_event_type"), f"{path}:{n}"), row["text"], "ours")
        for n, row in _jsonl(path)
    ]


def written_files() -> list[Path]:
    """Our hand-written sentences (``data/events/written/*.jsonl``), in name order."""
    return sorted((data_dir() / WRITTEN_DIR).glob("*.jsonl"))


def read_written() -> list[Example]:
    return [example for path in written_files() for example in read_ours(path)]


def read_plover(path: Path | None = None) -> list[Example]:
    """PLOVER sentences with an ACLED mapping, plus non-violent ones as negatives."""
    path = path or data_dir() / PLOVER_FILE
    examples = []
    for n, row in _jsonl(path):
        top_type = row.get("label_source", "").split("/")[0].split("|")[0]
        if row.get("sub_event_type"):
            label = _label(row["sub_event_type"], f"{path}:{n}")
        elif not row.get("event_type") and top_type in PLOVER_NEGATIVE_TYPES:
            label = NO_EVENT
        else:
            continue
        examples.append(Example(label, row["text"], "plover"))
    return examples


def read_gold_jsonl(path: Path) -> list[Example]:
    """Gold records: the text labelled with its first event's sub-type, or NO_EVENT if none."""
    examples = []
    for n, row in _jsonl(path):
        if not isinstance(row.get("text"), str) or not isinstance(row.get("events"), list):
            raise GoldFormatError(
                f"{path}:{n}: a gold record needs 'text' (string) and 'events' (list); "
                "see shared/gold/README.md for the format."
            )
        events = [e for e in row["events"] if e.get("sub_event_type")]
        if row["events"] and not events:
            continue  # events without a sub-type label teach nothing about sub-types
        label = _label(events[0]["sub_event_type"], f"{path}:{n}") if events else NO_EVENT
        examples.append(Example(label, row["text"], "gold"))
    return examples


def read_acled_csv(path: Path) -> list[Example]:
    """An ACLED export: every row's ``notes`` labelled with its ``sub_event_type``."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = set(reader.fieldnames or ())
            if not {ACLED_NOTE_COLUMN, "sub_event_type"} <= columns:
                raise GoldFormatError(
                    f"{path}: an ACLED CSV needs the columns 'notes' and 'sub_event_type' "
                    f"(found: {', '.join(sorted(columns)) or 'none'}); export them from ACLED."
                )
            rows = list(reader)
    except OSError as exc:
        raise InputError(f"cannot read training file {path}: {exc}") from exc
    return [
        Example(_label(row["sub_event_type"], f"{path}:{n}"), row[ACLED_NOTE_COLUMN], "acled")
        for n, row in enumerate(rows, 2)  # line 1 is the header
        if (row.get(ACLED_NOTE_COLUMN) or "").strip()
    ]


def read_examples(path: Path, fmt: str) -> list[Example]:
    """Examples from ``path`` in ``fmt`` (one of FORMATS)."""
    readers = {
        "gold-jsonl": read_gold_jsonl,
        "acled-csv": read_acled_csv,
        "ours": read_ours,
        "plover": read_plover,
    }
    if fmt not in readers:
        raise GoldFormatError(f"unknown training format {fmt!r}; use one of {', '.join(FORMATS)}")
    if not path.exists():
        raise InputError(f"training file {path} does not exist; check the --data path.")
    return readers[fmt](path)


def guess_format(path: Path) -> str:
    """``acled-csv`` for .csv files, else ``gold-jsonl``."""
    return "acled-csv" if path.suffix.lower() == ".csv" else "gold-jsonl"


def default_examples() -> list[Example]:
    """The shipped training set: our template and hand-written sentences plus the
    CC BY-SA PLOVER ones."""
    return read_ours() + read_written() + read_plover()


def shipped_negatives() -> list[Example]:
    """Our and PLOVER's no-event sentences, added to a user's data so the model still
    learns what is not an event (ACLED exports contain only events)."""
    return [e for e in default_examples() if e.label == NO_EVENT]


def read_prior(path: Path | None = None) -> dict[str, float]:
    """Sub-type -> share of events (summing to 1) from a ``sub_event_type,percent`` CSV."""
    path = path or data_dir() / PRIOR_FILE
    with path.open(newline="", encoding="utf-8") as handle:
        rows = [
            (_label(row["sub_event_type"], f"{path.name}:{i}"), float(row["percent"]))
            for i, row in enumerate(csv.DictReader(handle), start=2)
        ]
    total = sum(percent for _, percent in rows)
    return {label: percent / total for label, percent in rows}
