"""Schema changes of the store as named, ordered migrations (modelled on sqlite-utils').

Each migration runs once, in order, inside a transaction that also records its name in
``schema_migrations``; opening a store applies whatever is pending. A released migration is
never edited: a schema change (say a new ``Event`` field) is a new migration appended to
``MIGRATIONS``, so stores written by older versions upgrade in place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from eventcoder.errors import StoreError


@dataclass(frozen=True, slots=True)
class Migration:
    """One named schema change: SQL statements run together, once."""

    name: str
    statements: tuple[str, ...]


_INITIAL = Migration(
    name="0001_initial",
    statements=(
        """
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            origin VARCHAR NOT NULL,
            url VARCHAR,
            outlet VARCHAR,
            title VARCHAR,
            published DATE,
            published_from VARCHAR,
            language VARCHAR,
            text VARCHAR NOT NULL,
            extra JSON NOT NULL,
            ingested_at TIMESTAMP NOT NULL  -- UTC, time of the latest (re-)add
        )
        """,
        # One row per records.Event, columns in its field order. "position" keeps the order
        # of events within their article. "cluster_id" is reserved for deduplication: events
        # the dedup stage judges to report the same incident will share one id. It is NULL
        # until that stage writes it, and re-adding an article resets it with its events.
        """
        CREATE TABLE events (
            event_id_cnty VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            disorder_type VARCHAR NOT NULL,
            event_type VARCHAR NOT NULL,
            sub_event_type VARCHAR NOT NULL,
            plover_type VARCHAR,
            confidence DOUBLE NOT NULL,
            event_date DATE,
            time_precision INTEGER,
            date_reason VARCHAR,
            actor1 VARCHAR,
            assoc_actor_1 VARCHAR,
            inter1 VARCHAR,
            actor2 VARCHAR,
            assoc_actor_2 VARCHAR,
            inter2 VARCHAR,
            interaction VARCHAR,
            civilian_targeting VARCHAR,
            iso INTEGER,
            region VARCHAR,
            country VARCHAR,
            admin1 VARCHAR,
            admin2 VARCHAR,
            admin3 VARCHAR,
            location VARCHAR,
            latitude DOUBLE,
            longitude DOUBLE,
            geo_precision INTEGER,
            geonameid BIGINT,
            source VARCHAR,
            source_scale VARCHAR,
            notes VARCHAR,
            fatalities INTEGER,
            civilian_fatalities INTEGER,
            tags VARCHAR,
            article_published DATE,
            "timestamp" BIGINT,
            position INTEGER NOT NULL,
            cluster_id VARCHAR
        )
        """,
        "CREATE INDEX events_article ON events (article_id)",
        # The key (event, position) is deterministic, so re-adding an event rewrites the
        # same keys; "position" also keeps the order of Event.evidence.
        """
        CREATE TABLE evidence (
            event_id_cnty VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            field VARCHAR NOT NULL,
            value VARCHAR NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            quote VARCHAR NOT NULL,
            sentence VARCHAR NOT NULL,
            method VARCHAR NOT NULL,
            confidence DOUBLE NOT NULL,
            PRIMARY KEY (event_id_cnty, position)
        )
        """,
        # "id" hashes (origin, record, kind): a plain UNIQUE constraint would let rows with
        # a NULL record repeat, since NULLs never compare equal.
        """
        CREATE TABLE ingest_errors (
            id VARCHAR PRIMARY KEY,
            origin VARCHAR NOT NULL,
            record VARCHAR,
            kind VARCHAR NOT NULL,
            message VARCHAR NOT NULL,
            first_seen TIMESTAMP NOT NULL  -- UTC
        )
        """,
    ),
)

# An analyst's correction of one field of one event, kept beside the machine-coded value
# (never over it) so exports stay reproducible and corrections can be audited or used to
# retrain. Values are text: fields of every type are corrected through one table. A field
# corrected twice keeps both rows; the latest "corrected_at" is the one in force.
_CORRECTIONS = Migration(
    name="0002_corrections",
    statements=(
        """
        CREATE TABLE corrections (
            event_id_cnty VARCHAR NOT NULL,
            field VARCHAR NOT NULL,
            old_value VARCHAR,
            new_value VARCHAR,
            note VARCHAR,
            corrected_at TIMESTAMP NOT NULL  -- UTC
        )
        """,
        "CREATE INDEX corrections_event ON corrections (event_id_cnty)",
    ),
)

MIGRATIONS: tuple[Migration, ...] = (_INITIAL, _CORRECTIONS)

_LEDGER = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    name VARCHAR PRIMARY KEY,
    applied_at TIMESTAMP NOT NULL  -- UTC
)
"""


def utcnow() -> dt.datetime:
    """Now in UTC, naive: DuckDB TIMESTAMP columns hold no zone, and ours all mean UTC."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def applied_migrations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the migrations recorded in the store, oldest first ([] for a new file)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()
    if not exists or not exists[0]:
        return []
    rows = con.execute("SELECT name FROM schema_migrations ORDER BY applied_at, name").fetchall()
    return [name for (name,) in rows]


def pending_migrations(
    con: duckdb.DuckDBPyConnection, where: str, migrations: Sequence[Migration] = MIGRATIONS
) -> list[Migration]:
    """The migrations not yet applied, in order.

    Raises StoreError when the store records migrations this version does not know: it was
    written by a newer eventcoder, and writing to it with this one could corrupt it.
    """
    known = {m.name for m in migrations}
    unknown = [name for name in applied_migrations(con) if name not in known]
    if unknown:
        raise StoreError(
            f"{where} was written by a newer eventcoder (schema migrations {unknown} are "
            "unknown here); upgrade eventcoder or use another store path."
        )
    done = set(applied_migrations(con))
    return [m for m in migrations if m.name not in done]


def apply_migrations(
    con: duckdb.DuckDBPyConnection, where: str, migrations: Sequence[Migration] = MIGRATIONS
) -> list[str]:
    """Apply the pending migrations, each in its own transaction; return their names.

    ``where`` names the store in error messages.
    """
    con.execute(_LEDGER)
    applied = []
    for migration in pending_migrations(con, where, migrations):
        con.begin()
        try:
            for statement in migration.statements:
                con.execute(statement)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [migration.name, utcnow()])
            con.commit()
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError(
                f"{where}: schema migration {migration.name} failed ({exc}); the store is "
                "unchanged by it. Restore a backup or start a new store path."
            ) from exc
        applied.append(migration.name)
    return applied
