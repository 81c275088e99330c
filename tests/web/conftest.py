"""Fixtures for the review page: a store with the sample article coded by the real pipeline."""

from __future__ import annotations

import json
import shutil

import pytest
from fastapi.testclient import TestClient

from eventcoder.server import create_app
from tests.conftest import EXAMPLES


@pytest.fixture(scope="session")
def coded_store(tmp_path_factory):
    """Path of a store holding the sample article, coded over HTTP as a client would.

    Coding loads the models once per session; tests that write get their own copy.
    """
    db = tmp_path_factory.mktemp("web") / "coded.duckdb"
    record = json.loads((EXAMPLES / "articles.jsonl").read_text(encoding="utf-8"))
    response = TestClient(create_app(db)).post(
        "/articles", json={k: record[k] for k in ("id", "text", "published")}
    )
    assert response.status_code == 200, response.text
    assert response.json(), "the sample article gave no events"
    return db


@pytest.fixture
def store_copy(coded_store, tmp_path):
    """A private copy of the coded store, for a test that adds corrections."""
    return shutil.copy(coded_store, tmp_path / "events.duckdb")
