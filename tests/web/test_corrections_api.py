"""Corrections over the REST API, on a store coded from the sample article.

Corrections live beside the machine-coded values: the events, and so the exports, keep
what the pipeline coded, and recoding the article keeps the corrections.
"""

from __future__ import annotations

import json

import duckdb
import pytest
from fastapi.testclient import TestClient

from eventcoder.server import create_app
from eventcoder.store.migrations import MIGRATIONS, apply_migrations
from tests.conftest import EXAMPLES


@pytest.fixture
def client(store_copy):
    return TestClient(create_app(store_copy))


@pytest.fixture
def strike(client):
    """The drone strike of the sample article, as the API gives it."""
    events = client.get("/events").json()
    strikes = [e for e in events if e["sub_event_type"] == "Air/drone strike"]
    assert len(strikes) == 1, [e["sub_event_type"] for e in events]
    return strikes[0]


def _correct(client, event_id, field, value, note=None):
    return client.post(
        f"/events/{event_id}/corrections", json={"field": field, "value": value, "note": note}
    )


def test_a_correction_is_stored_beside_the_coded_value(client, strike):
    coded = strike["fatalities"]
    wanted = (coded or 0) + 2
    response = _correct(
        client, strike["event_id_cnty"], "fatalities", f" {wanted} ", "SOHR: 2 more"
    )
    assert response.status_code == 201, response.text
    correction = response.json()
    assert correction["old_value"] == (None if coded is None else str(coded))
    assert correction["new_value"] == str(wanted)
    assert correction["note"] == "SOHR: 2 more"
    assert client.get("/corrections").json() == [correction]
    # The event and the export keep the machine-coded value.
    assert client.get(f"/events/{strike['event_id_cnty']}").json()["fatalities"] == coded
    rows = [json.loads(line) for line in client.get("/export/jsonl").text.splitlines()]
    assert [r["fatalities"] for r in rows if r["sub_event_type"] == "Air/drone strike"] == [coded]


def test_values_are_checked_and_written_canonically(client, strike):
    event_id = strike["event_id_cnty"]
    date = _correct(client, event_id, "event_date", "2021-09-21").json()
    assert (date["old_value"], date["new_value"]) == (strike["event_date"], "2021-09-21")
    cleared = _correct(client, event_id, "actor2", "  ").json()
    assert cleared["new_value"] is None and cleared["old_value"] == strike["actor2"]
    latitude = _correct(client, event_id, "latitude", "35.96").json()
    assert latitude["new_value"] == "35.96"
    for field, value in [
        ("fatalities", "three"),
        ("event_date", "21/09/2021"),
        ("sub_event_type", ""),  # a required field cannot be blanked
    ]:
        response = _correct(client, event_id, field, value)
        assert response.status_code == 422, (field, value, response.text)
        assert field in response.json()["detail"]
    assert len(client.get("/corrections", params={"event_id": event_id}).json()) == 3


def test_unknown_event_is_404_and_unknown_field_is_422(client, strike):
    assert _correct(client, "SYR-nope", "fatalities", "1").status_code == 404
    for field in ("casualties", "article_id", "evidence", "event_id_cnty"):
        response = _correct(client, strike["event_id_cnty"], field, "1")
        assert response.status_code == 422, field
        assert "not a correctable event field" in response.json()["detail"]
    assert client.get("/corrections").json() == []


def test_corrections_filter_by_event_and_survive_recoding(client, strike):
    event_id = strike["event_id_cnty"]
    _correct(client, event_id, "location", "Idlib", "the road starts in Idlib city")
    assert client.get("/corrections", params={"event_id": "SYR-other"}).json() == []
    record = json.loads((EXAMPLES / "articles.jsonl").read_text(encoding="utf-8"))
    recoded = client.post("/articles", json={k: record[k] for k in ("id", "text", "published")})
    assert recoded.status_code == 200
    (kept,) = client.get("/corrections", params={"event_id": event_id}).json()
    assert (kept["field"], kept["old_value"], kept["new_value"]) == (
        "location",
        strike["location"],
        "Idlib",
    )
    assert client.get(f"/events/{event_id}").json()["location"] == strike["location"]


def test_a_store_from_before_corrections_is_upgraded_when_served(tmp_path):
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        apply_migrations(con, str(path), MIGRATIONS[:1])
    client = TestClient(create_app(path))
    assert client.get("/corrections").json() == []
    assert client.get("/events").json() == []
