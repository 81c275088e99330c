"""Exports: each format written from a real store and parsed back."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventcoder.errors import ConfigError
from eventcoder.records import ACLED_COLUMNS, EXTRA_COLUMNS
from eventcoder.store import EXPORT_FORMATS, export_events

COLUMNS = [*ACLED_COLUMNS, *EXTRA_COLUMNS]


@pytest.fixture
def filled(store, idlib_article, idlib_event, sochi_event):
    store.add(idlib_article, [idlib_event, sochi_event])
    return store


def test_csv_has_acled_columns_then_ours_and_iso_dates(filled, tmp_path, idlib_event):
    path = tmp_path / "events.csv"
    assert export_events(filled.events(), "csv", path) == 2
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        rows = list(reader)
    assert reader.fieldnames == COLUMNS
    strike = rows[0]
    assert strike["event_id_cnty"] == idlib_event.event_id_cnty
    assert strike["event_date"] == "2021-09-20"
    assert strike["year"] == "2021"
    assert strike["article_published"] == "2021-10-02"
    assert float(strike["latitude"]) == 35.94
    assert strike["source"] == "Syrian Observatory for Human Rights; US Central Command"
    assert rows[1]["latitude"] == "" and rows[1]["location"] == "Sochi"


def test_parquet_is_typed_and_nests_evidence(filled, tmp_path, idlib_event):
    path = tmp_path / "events.parquet"
    assert export_events(filled.events(), "parquet", path) == 2
    table = pq.read_table(path)
    assert table.column_names == [*COLUMNS, "evidence"]
    schema = table.schema
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("latitude").type == pa.float64()
    assert schema.field("fatalities").type == pa.int64()
    assert schema.field("year").type == pa.int64()
    strike = table.to_pylist()[0]
    assert strike["event_date"] == idlib_event.event_date
    assert strike["evidence"] == [dataclasses.asdict(e) for e in idlib_event.evidence]


def test_geojson_points_and_null_geometry(filled, tmp_path, idlib_event):
    path = tmp_path / "events.geojson"
    assert export_events(filled.events(), "geojson", path) == 2
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert collection["events_without_coordinates"] == 1
    strike, summit = collection["features"]
    for feature in (strike, summit):
        assert feature["type"] == "Feature"
        assert list(feature["properties"]) == COLUMNS
    assert strike["geometry"] == {"type": "Point", "coordinates": [36.67, 35.94]}
    assert strike["properties"]["event_date"] == "2021-09-20"
    assert strike["id"] == idlib_event.event_id_cnty
    assert summit["geometry"] is None
    assert summit["properties"]["location"] == "Sochi"


def test_jsonl_lines_carry_all_fields_and_evidence(filled, tmp_path, idlib_event, sochi_event):
    path = tmp_path / "events.jsonl"
    assert export_events(filled.events(), "jsonl", path) == 2
    lines = path.read_text(encoding="utf-8").splitlines()
    strike, summit = (json.loads(line) for line in lines)
    assert list(strike) == [*COLUMNS, "evidence"]
    assert strike["article_id"] == "idlib-drone-strike"
    assert strike["evidence"] == [dataclasses.asdict(e) for e in idlib_event.evidence]
    assert strike["evidence"][1]["quote"] == "September 20"
    assert len(summit["evidence"]) == len(sochi_event.evidence)


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_every_format_writes_to_text_and_binary_streams(filled, fmt):
    binary = io.BytesIO()
    assert export_events(filled.events(), fmt, binary) == 2
    text = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    assert export_events(filled.events(), fmt.upper(), text) == 2
    text.flush()
    assert text.buffer.getvalue() == binary.getvalue()
    assert not binary.closed and not text.closed


def test_stdout_is_the_default(filled, capsys):
    assert export_events(filled.events(), "jsonl", None) == 2
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["location"] for line in lines] == ["Binnish", "Sochi"]


def test_empty_store_exports_a_header_only(store):
    out = io.StringIO()
    assert export_events(store.events(), "csv", out) == 0
    assert out.getvalue().strip() == ",".join(COLUMNS)


def test_unknown_format_names_the_allowed_ones(filled, tmp_path):
    path = tmp_path / "events.xlsx"
    with pytest.raises(ConfigError, match="csv, parquet, geojson, jsonl"):
        export_events(filled.events(), "xlsx", path)
    assert not path.exists()


def test_parquet_to_a_text_only_stream_says_what_to_do(filled):
    with pytest.raises(ConfigError, match="'wb' mode"):
        export_events(filled.events(), "parquet", io.StringIO())
