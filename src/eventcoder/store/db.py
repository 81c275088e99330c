"""The event store: one embedded DuckDB file of articles, events, evidence and ingest errors."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from eventcoder.errors import StoreError
from eventcoder.records import Article, Event, IngestFailure
from eventcoder.store import corrections, migrations, rows
from eventcoder.store.corrections import Correction

DEFAULT_PATH = "events.duckdb"
MEMORY = ":memory:"  # DuckDB's name for a store that lives and dies with the connection

_CORRECTION_SCHEMA = pa.schema(
    [
        ("event_id_cnty", pa.string()),
        ("field", pa.string()),
        ("old_value", pa.string()),
        ("new_value", pa.string()),
        ("note", pa.string()),
        ("corrected_at", pa.timestamp("us")),
    ]
)

# DuckDB reports open failures only as message text; these fragments tell them apart.
_OPEN_PROBLEMS: tuple[tuple[str, str], ...] = (
    (
        "Could not set lock",
        "is in use by another process ({detail}). Wait for that process (another eventcoder "
        "run, a DuckDB shell, a notebook) to finish, or use another store path.",
    ),
    (
        "not a valid DuckDB database",
        "is not a DuckDB database. Pass the path of a store eventcoder wrote, or a new file "
        "name to create one.",
    ),
    (
        "read-only mode: database does not exist",
        "does not exist. Create it first by extracting events into it (eventcoder extract).",
    ),
    (
        "different configuration",
        "is already open in this process in another mode (read-only vs read-write). Close "
        "the other Store first.",
    ),
)


@dataclass(frozen=True, slots=True)
class StoreCounts:
    """How many rows each table of the store holds."""

    articles: int
    events: int
    evidence: int
    failures: int


class Store:
    """The event store, a context manager over one DuckDB file (or ``":memory:"``).

    Opening applies pending schema migrations (read-write) or refuses a store that needs
    them (read-only). Every write is one transaction: it lands whole or not at all. One
    Store per thread; any number of read-only Stores may share a file no process writes.

    Example::

        with Store("events.duckdb") as store:
            store.add(article, events)   # re-adding the article replaces its events
            print(store.counts())
    """

    def __init__(self, path: str | Path = DEFAULT_PATH, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        self._con = _connect(self.path, read_only)
        try:
            self._migrate()
        except BaseException:
            self._con.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the file; safe to call twice."""
        self._con.close()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for ad-hoc SQL over the tables (read them; write via Store)."""
        return self._con

    # -- writing ------------------------------------------------------------------------

    def add(self, article: Article, events: Sequence[Event]) -> None:
        """Upsert one article with its events: re-adding it replaces its events and evidence."""
        self.add_many([(article, events)])

    def add_many(self, items: Iterable[tuple[Article, Sequence[Event]]]) -> None:
        """Upsert many articles with their events in one transaction (fast for big batches).

        The result is exactly that of calling ``add`` on each item in turn: an article given
        twice keeps its last events, and an event id stored under another article moves to
        the article it was last added with.
        """
        articles: dict[str, Article] = {}
        placed: dict[str, tuple[int, Event]] = {}  # event id -> (position in article, event)
        mentioned: set[str] = set()  # every event id of the batch replaces its stored row
        for article, events in items:
            if article.id in articles:
                placed = {k: v for k, v in placed.items() if v[1].article_id != article.id}
            articles[article.id] = article
            for position, event in enumerate(events):
                _check_belongs(event, article)
                placed.pop(event.event_id_cnty, None)
                placed[event.event_id_cnty] = (position, event)
                mentioned.add(event.event_id_cnty)
        if not articles:
            return
        now = migrations.utcnow()
        batches = {
            "batch_articles": rows.articles_batch(articles.values(), now),
            "batch_events": rows.events_batch(list(placed.values())),
            "batch_evidence": rows.evidence_batch(e for _, e in placed.values()),
            "batch_mentioned": pa.table(
                {"event_id_cnty": pa.array(sorted(mentioned), pa.string())}
            ),
        }
        with self._writing(batches) as con:
            replaced = (
                "SELECT event_id_cnty FROM events WHERE article_id IN "
                "(SELECT id FROM batch_articles) UNION SELECT event_id_cnty FROM batch_mentioned"
            )
            con.execute(f"DELETE FROM evidence WHERE event_id_cnty IN ({replaced})")
            con.execute(f"DELETE FROM events WHERE event_id_cnty IN ({replaced})")
            con.execute("DELETE FROM articles WHERE id IN (SELECT id FROM batch_articles)")
            for table, batch in (
                ("articles", "batch_articles"),
                ("events", "batch_events"),
                ("evidence", "batch_evidence"),
            ):
                columns = rows.quoted(batches[batch].column_names)
                con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {batch}")

    def add_failures(self, failures: Iterable[IngestFailure]) -> int:
        """Record inputs that could not be read; returns how many were new.

        A failure is identified by (origin, record, kind): recording it again keeps the
        first row (and its ``first_seen``), so re-runs over the same inputs add nothing.
        """
        unique: dict[str, IngestFailure] = {}
        for failure in failures:
            unique.setdefault(rows.failure_key(failure), failure)
        if not unique:
            return 0
        batch = rows.failures_batch(unique.values(), migrations.utcnow())
        columns = rows.quoted(batch.column_names)
        with self._writing({"batch_failures": batch}) as con:
            ((inserted,),) = con.execute(
                f"INSERT INTO ingest_errors ({columns}) SELECT {columns} FROM batch_failures "
                "WHERE id NOT IN (SELECT id FROM ingest_errors)"
            ).fetchall()
        return int(inserted)

    def add_correction(
        self, event_id: str, field: str, new_value: str | None, note: str | None = None
    ) -> Correction:
        """Record an analyst's correction of one field, beside (never over) the coded value.

        ``new_value`` is checked against the field's type and stored canonically (blank
        means "empty"). Raises InputError for a field that cannot be corrected or a value
        of the wrong type, StoreError for an event not in the store.

        Example: ``store.add_correction("SYR-1a2b", "fatalities", "4", note="AFP says 4")``
        """
        value = corrections.canonical_value(field, new_value)
        event = self.event(event_id)
        if event is None:
            raise StoreError(
                f"{self.path} has no event {event_id!r}; take the id from the store's "
                "events (eventcoder show, or GET /events)."
            )
        correction = Correction(
            event_id_cnty=event_id,
            field=field,
            old_value=corrections.machine_value(event, field),
            new_value=value,
            note=(note or "").strip() or None,
            corrected_at=migrations.utcnow(),
        )
        batch = pa.Table.from_pylist([asdict(correction)], schema=_CORRECTION_SCHEMA)
        columns = rows.quoted(corrections.COLUMNS)
        with self._writing({"batch_corrections": batch}) as con:
            con.execute(
                f"INSERT INTO corrections ({columns}) SELECT {columns} FROM batch_corrections"
            )
        return correction

    # -- reading ------------------------------------------------------------------------

    def events(self, article_id: str | None = None) -> list[Event]:
        """Stored events with their evidence, by article and in article order.

        ``article_id`` limits them to one article.
        """
        if article_id is None:
            return self._events("", [])
        return self._events("WHERE article_id = ?", [article_id])

    def event(self, event_id: str) -> Event | None:
        """The stored event ``event_id`` with its evidence, or None if there is none."""
        found = self._events("WHERE event_id_cnty = ?", [event_id])
        return found[0] if found else None

    def articles(self) -> list[Article]:
        """Stored articles, by id."""
        query = f"SELECT {rows.quoted(rows.ARTICLE_COLUMNS)} FROM articles ORDER BY id"
        return [rows.article_from_row(row) for row in self._query(query)]

    def article(self, article_id: str) -> Article | None:
        """The stored article ``article_id``, or None if there is none."""
        query = f"SELECT {rows.quoted(rows.ARTICLE_COLUMNS)} FROM articles WHERE id = ?"
        found = self._query(query, [article_id])
        return rows.article_from_row(found[0]) if found else None

    def failures(self) -> list[IngestFailure]:
        """Recorded ingest failures, oldest first."""
        query = (
            f"SELECT {rows.quoted(rows.FAILURE_COLUMNS)} FROM ingest_errors "
            "ORDER BY first_seen, origin, record, kind"
        )
        return [rows.failure_from_row(row) for row in self._query(query)]

    def corrections(self, event_id: str | None = None) -> list[Correction]:
        """Analysts' corrections, oldest first; ``event_id`` limits them to one event."""
        where, params = ("WHERE event_id_cnty = ?", [event_id]) if event_id else ("", [])
        query = (
            f"SELECT {rows.quoted(corrections.COLUMNS)} FROM corrections {where} "
            "ORDER BY corrected_at, event_id_cnty, field"
        )
        return [Correction(**row) for row in self._query(query, params)]

    def counts(self) -> StoreCounts:
        """Row counts of the articles, events, evidence and ingest_errors tables."""
        (row,) = self._query(
            "SELECT (SELECT count(*) FROM articles) AS articles, "
            "(SELECT count(*) FROM events) AS events, "
            "(SELECT count(*) FROM evidence) AS evidence, "
            "(SELECT count(*) FROM ingest_errors) AS failures"
        )
        return StoreCounts(**row)

    # -- internals ------------------------------------------------------------------------

    def _events(self, where: str, params: list[Any]) -> list[Event]:
        """Events matching ``where`` (SQL over the events table), with their evidence."""
        evidence: dict[str, list[Any]] = {}
        for row in self._query(
            f"SELECT event_id_cnty, {rows.quoted(rows.EVIDENCE_COLUMNS)} FROM evidence "
            f"WHERE event_id_cnty IN (SELECT event_id_cnty FROM events {where}) "
            "ORDER BY event_id_cnty, position",
            params,
        ):
            evidence.setdefault(row["event_id_cnty"], []).append(rows.evidence_from_row(row))
        return [
            rows.event_from_row(row, tuple(evidence.get(row["event_id_cnty"], ())))
            for row in self._query(
                f"SELECT {rows.quoted(rows.EVENT_COLUMNS)} FROM events {where} "
                "ORDER BY article_id, position",
                params,
            )
        ]

    def _migrate(self) -> None:
        if not self.read_only:
            migrations.apply_migrations(self._con, self.path, migrations.MIGRATIONS)
            return
        if not migrations.applied_migrations(self._con):
            raise StoreError(
                f"{self.path} is a DuckDB file but not an eventcoder store (no schema "
                "migrations recorded). Pass the path of a store eventcoder wrote."
            )
        pending = migrations.pending_migrations(self._con, self.path, migrations.MIGRATIONS)
        if pending:
            names = [m.name for m in pending]
            raise StoreError(
                f"{self.path} needs schema migrations {names}, which a read-only open "
                "cannot apply. Open it once read-write (e.g. eventcoder extract) to upgrade it."
            )

    @contextmanager
    def _writing(self, batches: dict[str, pa.Table]) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction with ``batches`` visible as tables; rolled back on any error."""
        if self.read_only:
            raise StoreError(
                f"{self.path} is open read-only; open it with read_only=False to write."
            )
        con = self._con
        for name, table in batches.items():
            con.register(name, table)
        try:
            con.begin()
            try:
                yield con
                con.commit()
            except BaseException:
                con.rollback()
                raise
        except duckdb.Error as exc:
            advice = (
                "Check free disk space and the file's permissions, then re-run."
                if isinstance(exc, duckdb.IOException)
                else "This is a bug in eventcoder; please report it with the input."
            )
            raise StoreError(
                f"{self.path}: write failed and was rolled back, nothing was stored ({exc}). "
                + advice
            ) from exc
        finally:
            for name in batches:
                con.unregister(name)

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, Any]]:
        try:
            cursor = self._con.execute(sql, params)
            names = [column[0] for column in cursor.description or ()]
            return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: read failed ({exc}).") from exc


def _check_belongs(event: Event, article: Article) -> None:
    if event.article_id != article.id:
        raise StoreError(
            f"event {event.event_id_cnty} has article_id {event.article_id!r} but was added "
            f"with article {article.id!r}; add each event with the article it came from."
        )


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file, turning DuckDB's open errors into StoreErrors that say what to do."""
    if path != MEMORY and not read_only:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        detail = str(exc)
        for fragment, advice in _OPEN_PROBLEMS:
            if fragment in detail:
                raise StoreError(f"store {path} {advice.format(detail=detail)}") from exc
        raise StoreError(
            f"cannot open store {path} ({detail}); check the path and its permissions."
        ) from exc
