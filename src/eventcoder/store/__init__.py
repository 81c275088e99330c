"""The store and export stages: events with their evidence in one DuckDB file, and out again.

    Store              open (and migrate) a store; add, add_many, add_failures; read back
    StoreCounts        rows per table, from Store.counts()
    Correction         an analyst's correction of one event field (Store.add_correction)
    export_events      write events as csv, parquet, geojson or jsonl

Example::

    from eventcoder.store import Store, export_events

    with Store("events.duckdb") as store:
        store.add(article, events)
        export_events(store.events(), "csv", Path("events.csv"))
"""

from eventcoder.store.corrections import CORRECTABLE_FIELDS, Correction
from eventcoder.store.db import DEFAULT_PATH, Store, StoreCounts
from eventcoder.store.export import EXPORT_FORMATS, export_events

__all__ = [
    "CORRECTABLE_FIELDS",
    "DEFAULT_PATH",
    "EXPORT_FORMATS",
    "Correction",
    "Store",
    "StoreCounts",
    "export_events",
]
