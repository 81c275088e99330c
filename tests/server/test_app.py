"""The REST API over a real store: code the sample article over HTTP, read it back."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from eventcoder.server import create_app
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("server") / "events.duckdb"
    return TestClient(create_app(db))


@pytest.fixture(scope="module")
def coded(client):
    record = json.loads((EXAMPLES / "articles.jsonl").read_text(encoding="utf-8"))
    response = client.post("/articles", json={k: record[k] for k in ("id", "text", "published")})
    assert response.status_code == 200, response.text
    return response.json()


def test_posting_an_article_codes_and_stores_its_events(client, coded):
    strikes = [e for e in coded if e["sub_event_type"] == "Air/drone strike"]
    assert len(strikes) == 1
    assert strikes[0]["event_date"] == "2021-09-20"
    stored = client.get("/events", params={"article_id": "idlib-drone-strike"}).json()
    assert [e["event_id_cnty"] for e in stored] == [e["event_id_cnty"] for e in coded]


def test_event_and_article_routes_give_evidence_that_points_into_the_text(client, coded):
    event = client.get(f"/events/{coded[0]['event_id_cnty']}").json()
    article = client.get("/articles/idlib-drone-strike").json()
    assert event["evidence"]
    for ev in event["evidence"]:
        assert article["text"][ev["start"] : ev["end"]] == ev["quote"]


def test_unknown_ids_and_formats_are_404(client, coded):
    assert client.get("/events/nope").status_code == 404
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/export/xlsx").status_code == 404


def test_exports_and_openapi(client, coded):
    csv = client.get("/export/csv")
    assert csv.status_code == 200 and csv.text.startswith("event_id_cnty,event_date,year")
    geojson = client.get("/export/geojson").json()
    assert geojson["type"] == "FeatureCollection"
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/events", "/events/{event_id}", "/articles", "/export/{fmt}"} <= set(paths)
