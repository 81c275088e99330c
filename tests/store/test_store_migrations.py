"""Schema migrations: applied once, in order, recorded; refused when they cannot apply."""

from __future__ import annotations

import duckdb
import pytest

from eventcoder.errors import StoreError
from eventcoder.store import Store, migrations, rows
from eventcoder.store.migrations import (
    MIGRATIONS,
    Migration,
    applied_migrations,
    apply_migrations,
)

ADD_REVIEWER = Migration(
    name="0099_events_reviewer",
    statements=("ALTER TABLE events ADD COLUMN reviewer VARCHAR",),
)


def _ledger(store: Store) -> list[tuple]:
    return store.connection.execute(
        "SELECT name, applied_at FROM schema_migrations ORDER BY name"
    ).fetchall()


def test_new_store_records_each_migration_once(tmp_path):
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        first = _ledger(store)
    with Store(path) as store:
        assert _ledger(store) == first
    assert [name for name, _ in first] == [m.name for m in MIGRATIONS]


def test_every_table_exists_after_opening(store):
    tables = {
        name
        for (name,) in store.connection.execute(
            "SELECT table_name FROM information_schema.tables"
        ).fetchall()
    }
    assert tables == {
        "articles",
        "events",
        "evidence",
        "ingest_errors",
        "corrections",
        "schema_migrations",
    }


def test_appended_migration_applies_once_and_leaves_earlier_ones(store):
    before = _ledger(store)
    migrations = (*MIGRATIONS, ADD_REVIEWER)
    assert apply_migrations(store.connection, "test", migrations) == [ADD_REVIEWER.name]
    assert apply_migrations(store.connection, "test", migrations) == []
    after = _ledger(store)
    assert after[: len(before)] == before
    assert applied_migrations(store.connection) == [m.name for m in migrations]
    columns = store.connection.execute("SELECT * FROM events LIMIT 0").description
    assert "reviewer" in [c[0] for c in columns]


def test_failed_migration_is_rolled_back_and_not_recorded(store):
    broken = Migration("0099_broken", ("ALTER TABLE events ADD COLUMN x INT", "SELECT nonsense"))
    with pytest.raises(StoreError, match="0099_broken failed"):
        apply_migrations(store.connection, "test", (*MIGRATIONS, broken))
    assert applied_migrations(store.connection) == [m.name for m in MIGRATIONS]
    columns = store.connection.execute("SELECT * FROM events LIMIT 0").description
    assert "x" not in [c[0] for c in columns]


def test_store_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        apply_migrations(store.connection, str(path), (*MIGRATIONS, ADD_REVIEWER))
    with pytest.raises(StoreError, match="newer eventcoder"):
        Store(path)


def test_read_only_open_of_a_foreign_duckdb_file_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE t (x INT)")
    with pytest.raises(StoreError, match="not an eventcoder store"):
        Store(path, read_only=True)


def test_outdated_store_is_migrated_on_a_read_write_open_only(tmp_path, monkeypatch):
    path = tmp_path / "events.duckdb"
    Store(path).close()
    monkeypatch.setattr(migrations, "MIGRATIONS", (*MIGRATIONS, ADD_REVIEWER))
    with pytest.raises(StoreError, match="Open it once read-write"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert applied_migrations(store.connection)[-1] == ADD_REVIEWER.name
    with Store(path, read_only=True) as store:
        assert store.counts().events == 0


@pytest.mark.parametrize(
    ("table", "record_columns"),
    [("events", rows.EVENT_COLUMNS), ("evidence", rows.EVIDENCE_COLUMNS)],
)
def test_every_record_field_has_a_column(store, table, record_columns):
    described = store.connection.execute(f"SELECT * FROM {table} LIMIT 0").description
    missing = set(record_columns) - {c[0] for c in described}
    assert not missing, f"records gained {missing}: append a migration that adds the columns"
