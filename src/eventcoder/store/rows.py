"""Records to and from store rows: Arrow batches in (fast bulk inserts), typed records out.

Column lists and Arrow types derive from the record dataclasses, so the insert and read
code cannot drift from ``records.py``; the table definitions themselves live in the
migrations, which are history and must not change when a record does.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, fields
from functools import cache
from typing import Any

import pyarrow as pa

from eventcoder.errors import StoreError
from eventcoder.records import (
    ACLED_COLUMNS,
    EXTRA_COLUMNS,
    Article,
    Event,
    Evidence,
    IngestFailure,
    stable_id,
)

EVENT_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Event) if f.name != "evidence")
EVIDENCE_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Evidence))
ARTICLE_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Article))
FAILURE_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(IngestFailure))
# What every export writes, in this order: ACLED's columns, then ours.
EXPORT_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + EXTRA_COLUMNS

# Python annotations (as strings: records.py uses postponed annotations) to Arrow types.
_ARROW_TYPES: dict[str, pa.DataType] = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "dt.date": pa.date32(),
}


def quoted(columns: Iterable[str]) -> str:
    """Columns as a SQL list; quoting makes names like "end" and "timestamp" safe."""
    return ", ".join(f'"{c}"' for c in columns)


def _annotation(cls: type, name: str) -> str:
    """The annotation of a dataclass field, or the return annotation of a property."""
    for f in fields(cls):
        if f.name == name:
            return str(f.type)
    return str(inspect.get_annotations(getattr(cls, name).fget)["return"])


def arrow_type(cls: type, name: str) -> pa.DataType:
    """The Arrow type of attribute ``name`` of record class ``cls``."""
    annotation = _annotation(cls, name)
    try:
        return _ARROW_TYPES[annotation.removesuffix(" | None")]
    except KeyError:
        raise TypeError(
            f"{cls.__name__}.{name}: no Arrow type for {annotation!r}; add it to _ARROW_TYPES"
        ) from None


@cache
def evidence_struct() -> pa.StructType:
    """One Evidence record as an Arrow struct (Parquet export nests a list of these)."""
    return pa.struct([(name, arrow_type(Evidence, name)) for name in EVIDENCE_COLUMNS])


@cache
def export_schema() -> pa.Schema:
    """Typed columns of an exported row (``Event.row()``) plus its nested evidence."""
    columns = [(name, arrow_type(Event, name)) for name in EXPORT_COLUMNS]
    return pa.schema([*columns, ("evidence", pa.list_(evidence_struct()))])


@cache
def _event_batch_schema() -> pa.Schema:
    columns = [(name, arrow_type(Event, name)) for name in EVENT_COLUMNS]
    return pa.schema([*columns, ("position", pa.int64())])


@cache
def _evidence_batch_schema() -> pa.Schema:
    keys = [("event_id_cnty", pa.string()), ("position", pa.int64())]
    return pa.schema([*keys, *((n, arrow_type(Evidence, n)) for n in EVIDENCE_COLUMNS)])


def events_batch(events: Sequence[tuple[int, Event]]) -> pa.Table:
    """Rows for the ``events`` table from (position within article, event) pairs."""
    rows = [
        {**{name: getattr(event, name) for name in EVENT_COLUMNS}, "position": position}
        for position, event in events
    ]
    return pa.Table.from_pylist(rows, schema=_event_batch_schema())


def evidence_batch(events: Iterable[Event]) -> pa.Table:
    """Rows for the ``evidence`` table: every evidence record of ``events``, in order."""
    rows = [
        {"event_id_cnty": event.event_id_cnty, "position": position, **asdict(evidence)}
        for event in events
        for position, evidence in enumerate(event.evidence)
    ]
    return pa.Table.from_pylist(rows, schema=_evidence_batch_schema())


def articles_batch(articles: Iterable[Article], now: dt.datetime) -> pa.Table:
    """Rows for the ``articles`` table; ``extra`` becomes JSON text."""
    rows = [
        {
            **{name: getattr(a, name) for name in ARTICLE_COLUMNS},
            "extra": _json(a),
            "ingested_at": now,
        }
        for a in articles
    ]
    schema = pa.schema(
        [(name, arrow_type(Article, name)) for name in ARTICLE_COLUMNS if name != "extra"]
        + [("extra", pa.string()), ("ingested_at", pa.timestamp("us"))]
    )
    return pa.Table.from_pylist(rows, schema=schema)


def failures_batch(failures: Iterable[IngestFailure], now: dt.datetime) -> pa.Table:
    """Rows for the ``ingest_errors`` table, keyed by (origin, record, kind)."""
    rows = [{"id": failure_key(f), **asdict(f), "first_seen": now} for f in failures]
    schema = pa.schema(
        [("id", pa.string())]
        + [(name, arrow_type(IngestFailure, name)) for name in FAILURE_COLUMNS]
        + [("first_seen", pa.timestamp("us"))]
    )
    return pa.Table.from_pylist(rows, schema=schema)


def failure_key(failure: IngestFailure) -> str:
    """The identity of a failure: the same problem at the same place is stored once."""
    return stable_id(failure.origin, failure.record, failure.kind)


def _json(article: Article) -> str:
    try:
        return json.dumps(article.extra, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError) as exc:
        raise StoreError(
            f"article {article.id}: Article.extra must hold JSON values only ({exc}); "
            "convert dates and other objects to strings where the article is built."
        ) from exc


def event_from_row(row: Mapping[str, Any], evidence: tuple[Evidence, ...]) -> Event:
    """An Event from an ``events`` row (EVENT_COLUMNS) and its evidence."""
    return Event(**{name: row[name] for name in EVENT_COLUMNS}, evidence=evidence)


def evidence_from_row(row: Mapping[str, Any]) -> Evidence:
    return Evidence(**{name: row[name] for name in EVIDENCE_COLUMNS})


def article_from_row(row: Mapping[str, Any]) -> Article:
    values = {name: row[name] for name in ARTICLE_COLUMNS}
    values["extra"] = json.loads(values["extra"])
    return Article(**values)


def failure_from_row(row: Mapping[str, Any]) -> IngestFailure:
    return IngestFailure(**{name: row[name] for name in FAILURE_COLUMNS})
