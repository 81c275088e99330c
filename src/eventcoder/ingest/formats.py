"""Readers for the text-based formats: plain text, JSON Lines, JSON and CSV/TSV.

Each reader takes an open binary stream and yields ``Article``s; a problem with one
record of a multi-record file is yielded as an ``IngestFailure`` and the next record is
read, while a problem with the whole input raises ``IngestError``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from eventcoder.errors import IngestError
from eventcoder.ingest.dates import resolve_published
from eventcoder.ingest.decoding import (
    MAX_ARTICLE_BYTES,
    check_not_empty,
    decode_lenient,
    decode_utf8,
    megabytes,
    read_bounded,
)
from eventcoder.ingest.fields import (
    ENCODING_WARNING,
    FIELD_ALIASES,
    TEXT_KEYS,
    article_from_record,
    as_failure,
)
from eventcoder.records import Article, IngestFailure, stable_id

Item = Article | IngestFailure

# A JSON Lines record holds one article plus metadata; JSON escapes (\uXXXX) can take six
# bytes per character, so a line may be six times the text limit before the text is.
MAX_LINE_BYTES = 6 * MAX_ARTICLE_BYTES
# A .json file must be parsed whole; past this size JSON Lines, read line by line, is the
# right format.
MAX_JSON_FILE_BYTES = 200_000_000
# csv's default field limit (128 kB) is below a long article; allow any article that
# the size limit allows, and report longer fields as too large.
CSV_FIELD_LIMIT = MAX_LINE_BYTES


def read_text(stream: BinaryIO, origin: str, fallback: dt.date | None) -> Iterator[Item]:
    """One plain-text article (``.txt``, ``.text``, ``.md``); Windows line ends become ``\\n``."""
    data = read_bounded(stream, origin, MAX_ARTICLE_BYTES)
    check_not_empty(data, origin)
    text, warning = decode_lenient(data, origin)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    published = resolve_published(fallback=fallback)
    yield Article(
        id=stable_id(text),
        text=text,
        origin=origin,
        published=published.date,
        published_from=published.source,
        extra={ENCODING_WARNING: warning} if warning else {},
    )


def read_jsonl(stream: BinaryIO, origin: str, fallback: dt.date | None) -> Iterator[Item]:
    """One article per line; a bad line is reported with its number and skipped."""
    records = 0
    for number, line in _numbered_lines(stream):
        locator = f"line {number}"
        if line is None:
            message = (
                f"record line is over {megabytes(MAX_LINE_BYTES)}, far over the "
                f"{megabytes(MAX_ARTICLE_BYTES)} article limit; split it into smaller articles"
            )
            yield as_failure(IngestError(origin, "too-large", message, locator))
            records += 1
            continue
        if not line.strip():
            continue
        records += 1
        try:
            record = _json_object(decode_utf8(line, origin, locator), origin, locator)
            yield article_from_record(record, origin, locator, fallback)
        except IngestError as exc:
            yield as_failure(exc)
    if not records:
        raise IngestError(origin, "empty", "input has no records (only blank lines); fill it")


def read_json(stream: BinaryIO, origin: str, fallback: dt.date | None) -> Iterator[Item]:
    """A ``.json`` file: one article object, or a list of them (``record N`` counts from 1)."""
    data = stream.read(MAX_JSON_FILE_BYTES + 1)
    if len(data) > MAX_JSON_FILE_BYTES:
        raise IngestError(
            origin,
            "too-large",
            f"JSON file is over {megabytes(MAX_JSON_FILE_BYTES)}; "
            "convert it to JSON Lines (.jsonl, one article per line)",
        )
    check_not_empty(data, origin)
    try:
        document = json.loads(decode_utf8(data, origin))
    except json.JSONDecodeError as exc:
        raise _malformed_json(origin, exc, f"line {exc.lineno}") from exc
    if isinstance(document, dict):
        yield article_from_record(document, origin, None, fallback)
        return
    if not isinstance(document, list):
        raise IngestError(
            origin,
            "malformed",
            f"JSON is a {type(document).__name__}; give an article object or a list of them",
        )
    if not document:
        raise IngestError(origin, "empty", "JSON list has no records; fill it")
    for number, record in enumerate(document, start=1):
        locator = f"record {number}"
        if not isinstance(record, dict):
            yield as_failure(_not_an_object(origin, record, locator))
            continue
        try:
            yield article_from_record(record, origin, locator, fallback)
        except IngestError as exc:
            yield as_failure(exc)


def read_csv(stream: BinaryIO, origin: str, fallback: dt.date | None) -> Iterator[Item]:
    """Comma-separated values with a header row naming the fields.

    A row's ``line N`` is the line where it ends (a quoted cell may span lines).
    """
    yield from _read_delimited(stream, origin, fallback, ",")


def read_tsv(stream: BinaryIO, origin: str, fallback: dt.date | None) -> Iterator[Item]:
    """Tab-separated values with a header row naming the fields."""
    yield from _read_delimited(stream, origin, fallback, "\t")


def _read_delimited(
    stream: BinaryIO, origin: str, fallback: dt.date | None, delimiter: str
) -> Iterator[Item]:
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    reader = csv.DictReader(_decoded_lines(stream, origin), delimiter=delimiter)
    try:
        header = _csv_header(reader, origin)
        rows = 0
        for row in reader:
            rows += 1
            locator = f"line {reader.line_num}"
            try:
                yield article_from_record(
                    _csv_record(row, header, origin, locator), origin, locator, fallback
                )
            except IngestError as exc:
                yield as_failure(exc)
    except csv.Error as exc:
        raise IngestError(
            origin,
            "malformed",
            f"CSV cannot be parsed ({exc}); check quoting, or split articles over "
            f"{megabytes(CSV_FIELD_LIMIT)}",
            f"line {reader.line_num}",
        ) from exc
    if not rows:
        raise IngestError(origin, "empty", "CSV has a header but no rows; fill it")


def _decoded_lines(stream: BinaryIO, origin: str) -> Iterator[str]:
    """Lines decoded one by one, so rows before a bad byte are still read. A bad or
    overlong line stops the file (what follows may be inside a quoted cell)."""
    for number, line in _numbered_lines(stream):
        if line is None:
            raise IngestError(
                origin,
                "too-large",
                f"line is over {megabytes(MAX_LINE_BYTES)}; split the article into smaller ones",
                f"line {number}",
            )
        yield decode_utf8(line, origin, f"line {number}")


def _csv_header(reader: csv.DictReader, origin: str) -> list[str]:
    header = reader.fieldnames
    if not header or not any(name.strip() for name in header):
        raise IngestError(
            origin, "empty", "CSV is blank (no header row, no rows); fill it or remove it"
        )
    if not set(TEXT_KEYS) & set(header):
        raise IngestError(
            origin,
            "no-text",
            f"CSV has no text column (expected one of {', '.join(TEXT_KEYS)}; "
            f"found {', '.join(header)}); name the article text column 'text'",
        )
    return list(header)


def _csv_record(
    row: dict[str | None, Any], header: list[str], origin: str, locator: str
) -> dict[str, Any]:
    """One CSV row as a record; a row with more cells than the header is malformed."""
    if None in row:
        raise IngestError(
            origin,
            "malformed",
            f"row has {len(header) + len(row[None])} cells but the header has "
            f"{len(header)}; quote cells that contain the delimiter",
            locator,
        )
    return {key: value for key, value in row.items() if key is not None}


def _numbered_lines(stream: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """Lines with their 1-based numbers; None for a line over ``MAX_LINE_BYTES``,
    which is skipped without being held in memory."""
    number = 0
    while line := stream.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _json_object(line: str, origin: str, locator: str) -> Mapping[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _malformed_json(origin, exc, locator) from exc
    if not isinstance(value, dict):
        raise _not_an_object(origin, value, locator)
    return value


def _malformed_json(origin: str, exc: json.JSONDecodeError, locator: str) -> IngestError:
    return IngestError(
        origin,
        "malformed",
        f"not valid JSON ({exc.msg} at column {exc.colno}); fix or remove it",
        locator,
    )


def _not_an_object(origin: str, value: object, locator: str) -> IngestError:
    kind = "null" if value is None else type(value).__name__
    fields = ", ".join(FIELD_ALIASES)
    return IngestError(
        origin,
        "malformed",
        f"record is a JSON {kind}, not an object; give an object with fields {fields}",
        locator,
    )
