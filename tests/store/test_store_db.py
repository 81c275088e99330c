"""The DuckDB store: upserts, round trips, failures and errors, on the Idlib records."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from eventcoder.errors import StoreError
from eventcoder.records import Article, Event, IngestFailure
from eventcoder.store import Store, StoreCounts

# Enough rows that a row-by-row insert path would show (speed: benchmarks/store.py).
BULK_EVENTS = 10_000


def test_round_trip_keeps_every_event_field_and_its_evidence(store, idlib_article, idlib_event):
    unset = [f.name for f in dataclasses.fields(Event) if getattr(idlib_event, f.name) is None]
    assert unset == [], "the fixture must set every field for the round trip to cover it"
    store.add(idlib_article, [idlib_event])
    (stored,) = store.events()
    assert stored == idlib_event
    assert stored.evidence[1].quote == "September 20"
    assert store.articles() == [idlib_article]


def test_nothing_left_unset_reads_back_as_none(store, idlib_article, sochi_event):
    store.add(idlib_article, [sochi_event])
    (stored,) = store.events()
    assert stored == sochi_event
    assert stored.latitude is None and stored.fatalities is None and stored.actor1 is None


def test_re_adding_an_article_changes_no_counts(store, idlib_article, idlib_event, sochi_event):
    store.add(idlib_article, [idlib_event, sochi_event])
    first = store.counts()
    store.add(idlib_article, [idlib_event, sochi_event])
    assert store.counts() == first == StoreCounts(articles=1, events=2, evidence=5, failures=0)
    assert [e.event_id_cnty for e in store.events()] == [
        idlib_event.event_id_cnty,
        sochi_event.event_id_cnty,
    ]


def test_re_adding_an_article_replaces_its_events_and_evidence(
    store, idlib_article, idlib_event, sochi_event
):
    store.add(idlib_article, [idlib_event, sochi_event])
    recoded = dataclasses.replace(
        idlib_event, fatalities=2, evidence=idlib_event.evidence[:1], notes="recoded"
    )
    store.add(idlib_article, [recoded])
    assert store.events() == [recoded]
    assert store.counts().evidence == 1


def test_re_adding_an_article_with_no_events_clears_them(store, idlib_article, idlib_event):
    store.add(idlib_article, [idlib_event])
    store.add(idlib_article, [])
    assert store.events() == []
    assert store.counts() == StoreCounts(articles=1, events=0, evidence=0, failures=0)


def test_events_of_one_article(store, idlib_article, idlib_event):
    other = dataclasses.replace(idlib_article, id="kano-attack", text="Gunmen killed 3 in Kano.")
    kano = dataclasses.replace(
        idlib_event, event_id_cnty="NGA-0a1b2c3d4e5f", article_id=other.id, evidence=()
    )
    store.add_many([(idlib_article, [idlib_event]), (other, [kano])])
    assert store.events(article_id="kano-attack") == [kano]
    assert store.events(article_id="idlib-drone-strike") == [idlib_event]
    assert store.events(article_id="missing") == []
    assert [a.id for a in store.articles()] == ["idlib-drone-strike", "kano-attack"]


def test_event_under_the_wrong_article_is_refused(store, idlib_article, idlib_event):
    stray = dataclasses.replace(idlib_event, article_id="another-article")
    with pytest.raises(StoreError, match="add each event with the article it came from"):
        store.add(idlib_article, [stray])
    assert store.counts() == StoreCounts(0, 0, 0, 0)


def test_failed_add_writes_nothing(store, idlib_article, idlib_event):
    store.add(idlib_article, [idlib_event])
    broken = dataclasses.replace(idlib_article, extra={"fetched": object()})
    with pytest.raises(StoreError, match="JSON values only"):
        store.add(broken, [])
    assert store.events() == [idlib_event]
    assert store.articles() == [idlib_article]


def test_failures_are_stored_once(store):
    empty = IngestFailure("inbox/2021-10-02.jsonl", "empty", "line is blank; remove it", "7")
    binary = IngestFailure("inbox/scan.pdf", "binary", "not text; convert the PDF to text first")
    assert store.add_failures([empty, binary, empty]) == 2
    assert store.add_failures([binary, empty]) == 0
    reworded = dataclasses.replace(empty, message="another wording")
    assert store.add_failures([reworded]) == 0
    assert sorted(store.failures(), key=lambda f: f.origin) == [empty, binary]
    assert store.add_failures([dataclasses.replace(empty, record="8")]) == 1
    assert store.counts().failures == 3


def test_cluster_id_column_is_there_and_empty(store, idlib_article, idlib_event):
    store.add(idlib_article, [idlib_event])
    rows = store.connection.execute("SELECT cluster_id FROM events").fetchall()
    assert rows == [(None,)]


def test_store_persists_across_opens(tmp_path, idlib_article, idlib_event):
    path = tmp_path / "nested" / "events.duckdb"
    with Store(path) as store:
        store.add(idlib_article, [idlib_event])
    with Store(path, read_only=True) as store:
        assert store.events() == [idlib_event]


def test_bulk_add_stores_every_event_and_its_evidence(tmp_path, idlib_article, idlib_event):
    events = [
        dataclasses.replace(idlib_event, event_id_cnty=f"SYR-{i:012d}") for i in range(BULK_EVENTS)
    ]
    with Store(tmp_path / "bulk.duckdb") as store:
        store.add(idlib_article, events)
        assert store.counts().events == BULK_EVENTS
        assert store.counts().evidence == BULK_EVENTS * len(idlib_event.evidence)


def test_article_by_id(store, idlib_article):
    store.add(idlib_article, [])
    assert store.article(idlib_article.id) == idlib_article
    assert store.article("no-such-article") is None


def test_non_duckdb_file_raises_store_error(tmp_path, sample_text):
    path = tmp_path / "events.duckdb"
    path.write_text(sample_text, encoding="utf-8")
    with pytest.raises(StoreError, match="is not a DuckDB database"):
        Store(path)


def test_missing_store_read_only_raises_store_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_opening_in_another_mode_in_the_same_process_raises_store_error(tmp_path):
    path = tmp_path / "events.duckdb"
    with Store(path), pytest.raises(StoreError, match="Close the other Store first"):
        Store(path, read_only=True)
    with Store(path, read_only=True) as store:  # once closed, it opens
        assert store.counts().events == 0


def test_read_only_store_refuses_writes(tmp_path, idlib_article):
    path = tmp_path / "events.duckdb"
    Store(path).close()
    with Store(path, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.add(idlib_article, [])


def test_file_locked_by_another_process_raises_store_error(tmp_path):
    path = tmp_path / "events.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('open', flush=True); "
            "sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="in use by another process"):
            Store(path)
    finally:
        holder.communicate("")


def test_events_and_articles_are_typed(store, idlib_article, idlib_event):
    store.add(idlib_article, [idlib_event])
    (event,) = store.events()
    (article,) = store.articles()
    assert isinstance(event, Event) and isinstance(article, Article)
    assert article.extra == {"record": 1, "tags": ["syria", "idlib"], "translated": True}
    assert event.year == 2021
