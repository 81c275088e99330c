"""The Python API: the operations the CLI (and any other interface) is a thin layer over.

Example::

    import eventcoder
    summary = eventcoder.extract_events(["examples/articles.jsonl"], db="events.duckdb")
    for event in eventcoder.events(db="events.duckdb"):
        print(event.event_date, event.sub_event_type, event.location)
    eventcoder.export(db="events.duckdb", fmt="csv", out="events.csv")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.dedup import cluster_events, near_duplicate_groups
from eventcoder.ingest import read_inputs
from eventcoder.pipeline import Components, code_articles
from eventcoder.records import Article, Event, IngestFailure
from eventcoder.store import Store
from eventcoder.store.export import export_events

DEFAULT_DB = "events.duckdb"
# Articles per store transaction: one commit per article costs ~30-100 ms of fsync and
# deletes; a few dozen per commit amortises that while a crash loses little work.
WRITE_BATCH = 50


@dataclass(slots=True)
class ExtractSummary:
    """What one ``extract`` run did: counts, the events it coded and what it could not read."""

    articles: int = 0
    events: list[Event] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)


def _articles_only(
    items: Iterable[Article | IngestFailure], failures: list[IngestFailure]
) -> Iterator[Article]:
    """Pass articles on; collect failures as they stream past (nothing is dropped)."""
    for item in items:
        if isinstance(item, IngestFailure):
            failures.append(item)
        else:
            yield item


def extract_events(
    paths: Iterable[str | Path],
    *,
    db: str | Path = DEFAULT_DB,
    published: dt.date | None = None,
    components: Components | None = None,
    on_article: Callable[[Article, list[Event]], None] | None = None,
) -> ExtractSummary:
    """Read articles from ``paths``, code their events and upsert everything into ``db``.

    Re-running on the same input replaces rather than duplicates. Unreadable inputs are
    recorded in the store's ``ingest_errors`` table and returned in ``failures``.
    ``on_article`` is called after each article (the CLI uses it for its progress bar).
    """
    items = read_inputs(paths, published=published)
    return extract_articles(items, db=db, components=components, on_article=on_article)


def extract_articles(
    items: Iterable[Article | IngestFailure],
    *,
    db: str | Path = DEFAULT_DB,
    components: Components | None = None,
    on_article: Callable[[Article, list[Event]], None] | None = None,
) -> ExtractSummary:
    """Code articles already in memory (and store failures met upstream); see ``extract_events``."""
    summary = ExtractSummary()
    articles = _articles_only(items, summary.failures)
    pending: list[tuple[Article, list[Event]]] = []
    with Store(db) as store:
        for article, events in code_articles(articles, components):
            pending.append((article, events))
            summary.articles += 1
            summary.events.extend(events)
            if on_article:
                on_article(article, events)
            if len(pending) >= WRITE_BATCH:
                store.add_many(pending)
                pending.clear()
        store.add_many(pending)
        store.add_failures(summary.failures)
    return summary


def events(
    *, db: str | Path = DEFAULT_DB, article_id: str | None = None, merged: bool = False
) -> list[Event]:
    """Events in the store, with their evidence.

    ``merged=True`` returns one row per real-world event: reports of the same event from
    several articles are merged (see ``eventcoder.dedup``), keeping every source.
    """
    with Store(db, read_only=True) as store:
        stored = store.events(article_id=article_id)
        if not merged:
            return stored
        copies = near_duplicate_groups(store.articles())
    return [c.merged() for c in cluster_events(stored, copies)]


def failures(*, db: str | Path = DEFAULT_DB) -> list[IngestFailure]:
    """Inputs that could not be read, as recorded in the store."""
    with Store(db, read_only=True) as store:
        return store.failures()


def export(
    *,
    db: str | Path = DEFAULT_DB,
    fmt: str = "csv",
    out: str | Path | None = None,
    merged: bool = True,
) -> int:
    """Write the store's events as csv, parquet, geojson or jsonl; returns the count.

    By default one row per real-world event (duplicates across articles merged);
    ``merged=False`` writes one row per article-level report.
    """
    return export_events(events(db=db, merged=merged), fmt, Path(out) if out is not None else None)
