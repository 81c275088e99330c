"""The gazetteer on disk: one SQLite file per layer (default, user), read by name key.

SQLite rather than DuckDB: the geoparser makes many small indexed lookups, which SQLite
answers in microseconds and DuckDB in milliseconds. Tables: ``places`` (one row per
place: point, country, admin names, feature, population), ``names`` (every indexed
spelling as an exact key and a skeleton key), ``admin_codes`` (GeoNames admin codes ->
names, so GeoNames dumps can be imported with admin names) and ``meta`` (sources, build
date, all keys as one string). Lookups are one indexed query per article.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventcoder.errors import ConfigError
from eventcoder.extract.places.names import name_key, skeleton_key

SCHEMA_VERSION = "1"
# Rows per insert batch when writing: bounds memory on a 12-million-row GeoNames import.
WRITE_BATCH = 200_000


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One gazetteer entry. ``feature`` is PPL (populated place), ADM1, ADM2, ADM3 or PCLI."""

    gid: int
    name: str
    lat: float
    lon: float
    cc: str
    admin1: str | None
    admin2: str | None
    feature: str
    population: int
    names: tuple[str, ...] = ()
    admin3: str | None = None


PLACE_COLUMNS = (
    "gid",
    "name",
    "lat",
    "lon",
    "cc",
    "admin1",
    "admin2",
    "admin3",
    "feature",
    "population",
    "source",
)
_DDL = """
CREATE TABLE IF NOT EXISTS places (gid INTEGER, name TEXT, lat REAL, lon REAL,
    cc TEXT, admin1 TEXT, admin2 TEXT, admin3 TEXT, feature TEXT,
    population INTEGER, source TEXT);
CREATE TABLE IF NOT EXISTS names (key TEXT, skel TEXT, gid INTEGER, source TEXT);
CREATE TABLE IF NOT EXISTS admin_codes (code TEXT, name TEXT, level INTEGER);
CREATE TABLE IF NOT EXISTS meta (key TEXT, value TEXT);
"""


def connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    """Open a gazetteer layer (SQLite: indexed point lookups in microseconds)."""
    try:
        if read_only:
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        return sqlite3.connect(path)
    except sqlite3.Error as exc:
        raise ConfigError(
            f"{path}: cannot open the gazetteer ({exc}); delete it and run "
            "'eventcoder gazetteer build'."
        ) from exc


def write_places(
    path: Path,
    rows: Iterable[PlaceRow],
    source: str,
    admin_codes: Sequence[tuple[str, str, int]] = (),
    replace_file: bool = True,
) -> int:
    """Write ``rows`` under the label ``source``; rows of an earlier write with the same
    label are replaced, so importing the same file twice changes nothing."""
    # A staging file per process, renamed over ``path`` at the end: test workers or
    # parallel runs that build the same gazetteer at once never write into each other's.
    tmp = path.with_suffix(f".{os.getpid()}.tmp") if replace_file else path
    if replace_file:
        tmp.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = connect(tmp)
    try:
        con.executescript(_DDL)
        con.execute("DELETE FROM places WHERE source = ?", [source])
        con.execute("DELETE FROM names WHERE source = ?", [source])
        count = 0
        batch: list[PlaceRow] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= WRITE_BATCH:
                count += _insert(con, batch, source)
                batch = []
        count += _insert(con, batch, source)
        if admin_codes:
            con.executemany(
                "DELETE FROM admin_codes WHERE code = ?", [(c,) for c, _, _ in admin_codes]
            )
            con.executemany("INSERT INTO admin_codes VALUES (?, ?, ?)", admin_codes)
        con.execute(
            "DELETE FROM meta WHERE key IN ('schema', ?, 'keys', 'skeletons')", [f"source:{source}"]
        )
        con.execute(
            "INSERT INTO meta VALUES ('schema', ?), (?, ?)",
            [SCHEMA_VERSION, f"source:{source}", f"{count} places, {dt.date.today()}"],
        )
        # Every key as one string: the geoparser loads it at once and tests spans in
        # memory, querying the tables only for names that exist.
        con.execute(
            "INSERT INTO meta SELECT 'keys', group_concat(key, char(10)) "
            "FROM (SELECT DISTINCT key FROM names)"
        )
        con.execute(
            "INSERT INTO meta SELECT 'skeletons', group_concat(skel, char(10)) "
            "FROM (SELECT DISTINCT skel FROM names WHERE skel <> '')"
        )
        con.execute("CREATE INDEX IF NOT EXISTS names_key ON names (key)")
        con.execute("CREATE INDEX IF NOT EXISTS names_skel ON names (skel)")
        con.execute("CREATE INDEX IF NOT EXISTS places_gid ON places (gid)")
        con.execute("CREATE INDEX IF NOT EXISTS places_unit ON places (cc, admin1, admin2)")
        con.commit()
    finally:
        con.close()
    if replace_file:
        tmp.replace(path)
    return count


def _insert(con: sqlite3.Connection, batch: list[PlaceRow], source: str) -> int:
    con.executemany(
        "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r.gid,
                r.name,
                r.lat,
                r.lon,
                r.cc,
                r.admin1,
                r.admin2,
                r.admin3,
                r.feature,
                r.population,
                source,
            )
            for r in batch
        ],
    )
    names = []
    for row in batch:
        seen = set()
        for name in (row.name, *row.names):
            key = name_key(name)
            if key and key not in seen:
                seen.add(key)
                names.append((key, skeleton_key(key), row.gid, source))
    con.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", names)
    return len(batch)
