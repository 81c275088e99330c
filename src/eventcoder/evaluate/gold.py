"""Read gold files (the JSONL format of ``shared/gold/README.md``) into validated records.

A gold file is read completely before anything runs, so a bad line stops the evaluation
at once with the file, the line and what is wrong, instead of after an hour of parsing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from eventcoder.errors import GoldFormatError

FORMAT_HELP = "see the format in shared/gold/README.md"


class _GoldModel(BaseModel):
    # Gold sets carry set-specific extras (ucdp_*, where_description...): kept, not scored.
    model_config = ConfigDict(extra="allow", frozen=True)


class GoldEvent(_GoldModel):
    """One gold event; every field may be missing or null, and then it is not scored.

    ``date_end`` (UCDP) closes a date range: a predicted date inside
    [event_date, date_end] is exact.
    """

    event_date: dt.date | None = None
    date_end: dt.date | None = None
    time_precision: int | None = None
    disorder_type: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: str | None = None
    interaction: str | None = None
    region: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    geo_precision: int | None = None
    source: str | None = None
    source_scale: str | None = None
    fatalities: int | None = Field(default=None, ge=0)

    @field_validator("inter1", "inter2", "interaction", mode="before")
    @classmethod
    def _code_as_text(cls, value: Any) -> Any:
        """ACLED exports write inter codes as numbers or strings; keep them as text."""
        return str(value) if isinstance(value, int) else value


class GoldPlace(_GoldModel):
    """One gold place mention of a geoparsing set, with offsets into the record's text."""

    name: str
    start: int
    end: int
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    geonameid: str | None = None
    non_locational: bool = False
    type: str | None = None  # GeoWebNews toponym type ("Literal", "Metonymic", ...)

    @field_validator("geonameid", mode="before")
    @classmethod
    def _id_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value


class GoldRecord(_GoldModel):
    """One gold text with its events (event sets) or place mentions (geoparsing sets)."""

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    published: dt.date | None = None
    events: tuple[GoldEvent, ...] = ()
    places: tuple[GoldPlace, ...] | None = None
    labels: dict[str, Any] = Field(default_factory=dict)
    source: dict[str, Any] = Field(default_factory=dict)
    # Place mentions dropped because their offsets lie outside the text (a defect of the
    # gold file, e.g. 5 of 6,612 in GeoWebNews): reported, not fatal, so the rest counts.
    dropped_places: int = 0

    @property
    def is_places_set(self) -> bool:
        """A geoparsing record: place mentions to score, no events."""
        return not self.events and self.places is not None


def _describe(error: ValidationError) -> str:
    problems = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "record"
        problems.append(f"{where}: {item['msg']}")
    return "; ".join(problems)


def parse_gold_line(line: str, path: str, lineno: int) -> GoldRecord:
    """One JSONL line as a GoldRecord; GoldFormatError names file, line and problem."""
    where = f"{path}:{lineno}"
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{where}: not valid JSON ({exc.msg}); {FORMAT_HELP}") from exc
    if not isinstance(raw, dict):
        raise GoldFormatError(f"{where}: expected a JSON object per line; {FORMAT_HELP}")
    if "events" not in raw and "places" not in raw:
        raise GoldFormatError(
            f"{where}: record has neither 'events' nor 'places'; add one of them ({FORMAT_HELP})"
        )
    try:
        record = GoldRecord.model_validate(raw)
    except ValidationError as exc:
        raise GoldFormatError(f"{where}: {_describe(exc)}; {FORMAT_HELP}") from exc
    if record.places is None:
        return record
    kept = tuple(p for p in record.places if 0 <= p.start < p.end <= len(record.text))
    if len(kept) == len(record.places):
        return record
    return record.model_copy(
        update={"places": kept, "dropped_places": len(record.places) - len(kept)}
    )


def iter_gold(path: str | Path, limit: int | None = None) -> Iterator[GoldRecord]:
    """Records of a gold file in file order (blank lines skipped), at most ``limit``."""
    path = Path(path)
    if limit is not None and limit < 1:
        raise GoldFormatError(f"limit must be a positive number of records, got {limit}")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot open the gold file ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise GoldFormatError(
            f"{path}: not UTF-8 text (byte {exc.start}); gold files are UTF-8 JSONL"
        ) from exc
    seen: set[str] = set()
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record = parse_gold_line(line, str(path), lineno)
        if record.id in seen:
            raise GoldFormatError(
                f"{path}:{lineno}: duplicate id {record.id!r}; ids must be unique in a file"
            )
        seen.add(record.id)
        yield record
        if limit is not None and len(seen) >= limit:
            return


def load_gold(path: str | Path, limit: int | None = None) -> list[GoldRecord]:
    """All records of a gold file (first ``limit``), validated before anything runs.

    Example: ``records = load_gold(GOLD_DEV / "ucdp-ged-headlines.jsonl", limit=20)``
    """
    records = list(iter_gold(path, limit))
    if not records:
        raise GoldFormatError(f"{path}: no records; a gold file needs at least one JSON line")
    return records
