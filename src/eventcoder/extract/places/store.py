"""The gazetteer on disk: one DuckDB file per layer (default, user), read by name key.

Tables: ``places`` (one row per place: point, country, admin names, feature, population),
``names`` (every indexed spelling as an exact key and a skeleton key), ``admin_codes``
(GeoNames admin codes -> names, so GeoNames dumps can be imported with admin names) and
``meta`` (sources, build time). Lookups are one indexed query per article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from eventcoder.errors import ConfigError
from eventcoder.extract.places.names import name_key, skeleton_key

SCHEMA_VERSION = "1"
# Rows per Arrow batch when writing: bounds memory on a 12-million-row GeoNames import.
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


PLACE_COLUMNS = ("gid", "name", "lat", "lon", "cc", "admin1", "admin2", "admin3", "feature",
                 "population", "source")
_DDL = """
CREATE TABLE IF NOT EXISTS places (gid BIGINT, name VARCHAR, lat DOUBLE, lon DOUBLE,
    cc VARCHAR, admin1 VARCHAR, admin2 VARCHAR, admin3 VARCHAR, feature VARCHAR,
    population BIGINT, source VARCHAR);
CREATE TABLE IF NOT EXISTS names (key VARCHAR, skel VARCHAR, gid BIGINT, source VARCHAR);
CREATE TABLE IF NOT EXISTS admin_codes (code VARCHAR, name VARCHAR, level INTEGER);
CREATE TABLE IF NOT EXISTS meta (key VARCHAR, value VARCHAR);
"""


def connect(path: Path, read_only: bool = False):
    import duckdb

    try:
        con = duckdb.connect(str(path), read_only=read_only)
        con.execute("SET enable_progress_bar = false")
        return con
    except duckdb.Error as exc:
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
    tmp = path.with_suffix(".tmp") if replace_file else path
    if replace_file:
        tmp.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = connect(tmp)
    try:
        con.execute(_DDL)
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
            code_batch = pa.table({"code": [c for c, _, _ in admin_codes],
                              "name": [n for _, n, _ in admin_codes],
                              "level": [lv for _, _, lv in admin_codes]})
            con.register("code_batch", code_batch)
            con.execute("DELETE FROM admin_codes WHERE code IN (SELECT code FROM code_batch)")
            con.execute("INSERT INTO admin_codes SELECT * FROM code_batch")
            con.unregister("code_batch")
        con.execute("DELETE FROM meta WHERE key IN ('schema', ?)", [f"source:{source}"])
        con.execute("INSERT INTO meta VALUES ('schema', ?), (?, ?)",
                    [SCHEMA_VERSION, f"source:{source}", f"{count} places, {dt.date.today()}"])
        # Every key as one string: the geoparser loads it in a blink and tests spans in
        # memory, querying the tables only for names that exist.
        con.execute("DELETE FROM meta WHERE key IN ('keys', 'skeletons')")
        con.execute("INSERT INTO meta SELECT 'keys', string_agg(DISTINCT key, chr(10)) FROM names")
        con.execute("INSERT INTO meta SELECT 'skeletons', string_agg(DISTINCT skel, chr(10)) "
                    "FROM names WHERE skel <> ''")
        con.execute("CREATE INDEX IF NOT EXISTS names_key ON names (key)")
        con.execute("CREATE INDEX IF NOT EXISTS names_skel ON names (skel)")
        con.execute("CREATE INDEX IF NOT EXISTS places_gid ON places (gid)")
    finally:
        con.close()
    if replace_file:
        tmp.replace(path)
    return count


def _insert(con, batch: list[PlaceRow], source: str) -> int:
    if not batch:
        return 0
    place_batch = pa.table({
        "gid": [r.gid for r in batch], "name": [r.name for r in batch],
        "lat": [r.lat for r in batch], "lon": [r.lon for r in batch],
        "cc": [r.cc for r in batch], "admin1": [r.admin1 for r in batch],
        "admin2": [r.admin2 for r in batch], "admin3": [r.admin3 for r in batch],
        "feature": [r.feature for r in batch], "population": [r.population for r in batch],
        "source": [source] * len(batch),
    })
    keys, skels, gids = [], [], []
    for row in batch:
        seen = set()
        for name in (row.name, *row.names):
            key = name_key(name)
            if key and key not in seen:
                seen.add(key)
                keys.append(key)
                skels.append(skeleton_key(key))
                gids.append(row.gid)
    name_batch = pa.table({"key": keys, "skel": skels, "gid": gids, "source": [source] * len(keys)})
    con.register("place_batch", place_batch)
    con.register("name_batch", name_batch)
    con.execute("INSERT INTO places SELECT * FROM place_batch")
    con.execute("INSERT INTO names SELECT * FROM name_batch")
    con.unregister("place_batch")
    con.unregister("name_batch")
    return len(batch)
