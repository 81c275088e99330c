"""Write events as csv, parquet, geojson or jsonl.

Every format carries the same columns in the same order: ACLED's 31, then ours
(``records.ACLED_COLUMNS`` + ``records.EXTRA_COLUMNS``, as ``Event.row()`` gives them).
Parquet and jsonl also nest each event's evidence; csv and geojson stay flat.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from eventcoder.errors import ConfigError
from eventcoder.records import Event
from eventcoder.store.rows import EXPORT_COLUMNS, export_schema


def _plain(value: Any) -> Any:
    """A value as JSON and CSV want it: dates in ISO form, everything else unchanged."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _plain_row(event: Event) -> dict[str, Any]:
    return {name: _plain(value) for name, value in event.row().items()}


def _nested(row: dict[str, Any], event: Event) -> dict[str, Any]:
    """``row`` with the event's evidence appended as a list of objects."""
    return {**row, "evidence": [asdict(e) for e in event.evidence]}


def _write_csv(events: Sequence[Event], out: IO[Any]) -> None:
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS)
    writer.writeheader()
    writer.writerows(_plain_row(event) for event in events)


def _write_jsonl(events: Sequence[Event], out: IO[Any]) -> None:
    for event in events:
        out.write(json.dumps(_nested(_plain_row(event), event), ensure_ascii=False) + "\n")


def _write_geojson(events: Sequence[Event], out: IO[Any]) -> None:
    """A FeatureCollection of Points; events without coordinates keep ``geometry: null``.

    Their number is in the foreign member ``events_without_coordinates`` (RFC 7946 6.1),
    so a map that shows fewer points than events explains itself.
    """
    features = [
        {
            "type": "Feature",
            "id": event.event_id_cnty,
            "geometry": _point(event),
            "properties": _plain_row(event),
        }
        for event in events
    ]
    collection = {
        "type": "FeatureCollection",
        "events_without_coordinates": sum(f["geometry"] is None for f in features),
        "features": features,
    }
    json.dump(collection, out, ensure_ascii=False)
    out.write("\n")


def _point(event: Event) -> dict[str, Any] | None:
    if event.latitude is None or event.longitude is None:
        return None
    return {"type": "Point", "coordinates": [event.longitude, event.latitude]}


def _write_parquet(events: Sequence[Event], out: IO[Any]) -> None:
    rows = [_nested(event.row(), event) for event in events]
    table = pa.Table.from_pylist(rows, schema=export_schema())
    # Build in memory, then copy: Parquet writers want to seek, stdout cannot.
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    out.write(sink.getvalue().to_pybytes())


@dataclass(frozen=True, slots=True)
class _Format:
    write: Callable[[Sequence[Event], IO[Any]], None]
    binary: bool = False


EXPORT_FORMATS: dict[str, _Format] = {
    "csv": _Format(_write_csv),
    "parquet": _Format(_write_parquet, binary=True),
    "geojson": _Format(_write_geojson),
    "jsonl": _Format(_write_jsonl),
}


def export_events(
    events: Sequence[Event], fmt: str, out: BinaryIO | TextIO | Path | str | None = None
) -> int:
    """Write ``events`` to ``out`` in format ``fmt``; return how many.

    ``out`` is a path, an open file (text or binary; either works for every format) or
    None for stdout.

    Example: ``export_events(store.events(), "geojson", Path("events.geojson"))``
    """
    try:
        spec = EXPORT_FORMATS[fmt.lower()]
    except KeyError:
        raise ConfigError(
            f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}."
        ) from None
    with _stream(out, spec.binary) as stream:
        spec.write(events, stream)
    return len(events)


@contextmanager
def _stream(out: BinaryIO | TextIO | Path | str | None, binary: bool) -> Iterator[IO[Any]]:
    """``out`` as a stream of the kind the format writes (bytes or text)."""
    if isinstance(out, str | Path):
        mode = "wb" if binary else "w"
        encoding = None if binary else "utf-8"
        with open(out, mode, encoding=encoding, newline=None if binary else "") as file:
            yield file
        return
    target: IO[Any] = out if out is not None else sys.stdout
    if binary and _is_text(target):
        if not hasattr(target, "buffer"):
            raise ConfigError("this format is binary; pass a path or a file opened in 'wb' mode.")
        yield target.buffer
        target.buffer.flush()
    elif not binary and not _is_text(target):
        text = io.TextIOWrapper(target, encoding="utf-8", newline="")
        try:
            yield text
        finally:
            text.detach()  # flushes, and leaves the caller's stream open (even on errors)
    else:
        yield target
        target.flush()


def _is_text(stream: IO[Any]) -> bool:
    if isinstance(stream, io.TextIOBase):
        return True
    if isinstance(stream, io.BufferedIOBase | io.RawIOBase):
        return False
    return "b" not in getattr(stream, "mode", "")
