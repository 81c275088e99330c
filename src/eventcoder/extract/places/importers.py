"""Add places to the user's gazetteer layer: GeoNames dumps and analysts' own CSV files.

GeoNames files are the ones geonames.org publishes (a user downloads them; we never do):
place tables (``allCountries.zip``, ``cities1000.zip``, ``SY.zip`` or the ``.txt`` inside,
19 tab-separated columns) and admin code tables (``admin1CodesASCII.txt``,
``admin2Codes.txt``: code, name, ascii name, geonameid). Import admin codes first so that
places get admin names, or rely on the codes the default gazetteer already knows.

A custom CSV has a header with ``name, alternate_names, latitude, longitude, country``
and optionally ``admin1, admin2, admin3, population, feature``; alternate names are
separated by "|" or ";", country is an ISO code or a name. Rows of the same file replace
those of an earlier import of it, so importing twice changes nothing.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from eventcoder.errors import InputError
from eventcoder.extract.places.countries import countries
from eventcoder.extract.places.gazetteer import Gazetteer, default_path, ensure_default, user_path
from eventcoder.extract.places.names import name_key
from eventcoder.extract.places.store import PlaceRow, connect, write_places
from eventcoder.records import stable_id

GEONAMES_COLUMNS = 19
ADMIN_CODE_COLUMNS = 4
# GeoNames feature codes -> our features; other classes (camps, junctions, hills) are
# kept as SPOT, which is as precise as a town.
ADMIN_FEATURES = {"ADM1": "ADM1", "ADM2": "ADM2", "ADM3": "ADM3", "ADM4": "ADM3", "ADM5": "ADM3"}
# Water bodies and undersea features never locate a conflict event.
SKIPPED_CLASSES = frozenset({"H", "U"})
CSV_REQUIRED = ("name", "latitude", "longitude", "country")
# Custom places get negative ids (GeoNames ids are positive) derived from name and point.
CUSTOM_ID_DIGITS = 12


def import_file(path: Path, fmt: str | None = None, target: Path | None = None) -> int:
    """Import a GeoNames file or a custom CSV into the user layer; returns rows imported.

    ``fmt`` is "geonames" or "csv"; by default it follows the extension (.csv -> csv).
    """
    if not path.exists():
        raise InputError(f"{path}: no such file; give the path of a GeoNames dump or a CSV.")
    fmt = fmt or ("csv" if path.suffix.lower() == ".csv" else "geonames")
    if fmt == "csv":
        return import_csv(path, target)
    if fmt == "geonames":
        return import_geonames(path, target)
    raise InputError(f"{path}: unknown format {fmt!r}; use --format geonames or --format csv.")


def import_geonames(path: Path, target: Path | None = None) -> int:
    """Import a GeoNames place table or admin code table (zip or txt)."""
    target = target or user_path()
    lines = _text_lines(path)
    first = next(lines, None)
    if first is None:
        raise InputError(f"{path}: the file is empty.")
    width = len(first.split("\t"))
    lines = _chain(first, lines)
    if width == ADMIN_CODE_COLUMNS:
        codes = [_admin_code(path, n, line) for n, line in enumerate(lines, 1) if line.strip()]
        write_places(
            target, [], source=f"geonames-admin:{path.name}", admin_codes=codes, replace_file=False
        )
        return len(codes)
    if width != GEONAMES_COLUMNS:
        raise InputError(
            f"{path}:1: {width} tab-separated columns; a GeoNames place table has "
            f"{GEONAMES_COLUMNS} and an admin code table {ADMIN_CODE_COLUMNS}."
        )
    admin_names = _admin_names(target)
    rows = (_geonames_row(path, n, line, admin_names) for n, line in enumerate(lines, 1))
    return write_places(
        target,
        (r for r in rows if r is not None),
        source=f"geonames:{path.name}",
        replace_file=False,
    )


def import_csv(path: Path, target: Path | None = None) -> int:
    """Import a custom CSV of places (see the module docstring for its columns)."""
    target = target or user_path()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = [h.strip().lower() for h in reader.fieldnames or ()]
        missing = [c for c in CSV_REQUIRED if c not in header]
        if missing:
            raise InputError(
                f"{path}:1: missing column(s) {', '.join(missing)}; the header "
                f"needs {', '.join(CSV_REQUIRED)} (see 'eventcoder gazetteer import --help')."
            )
        rows = [_csv_row(path, n, row) for n, row in enumerate(reader, 2)]
    return write_places(target, rows, source=f"csv:{path.name}", replace_file=False)


def _text_lines(path: Path) -> Iterator[str]:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            inner = [
                n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n.lower()
            ]
            if not inner:
                raise InputError(f"{path}: no .txt table inside the zip archive.")
            with archive.open(inner[0]) as raw:
                yield from (line.rstrip("\n") for line in io.TextIOWrapper(raw, encoding="utf-8"))
        return
    with path.open(encoding="utf-8") as handle:
        yield from (line.rstrip("\n") for line in handle)


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _admin_code(path: Path, line_no: int, line: str) -> tuple[str, str, int]:
    cols = line.split("\t")
    if len(cols) != ADMIN_CODE_COLUMNS:
        raise InputError(
            f"{path}:{line_no}: expected {ADMIN_CODE_COLUMNS} columns, got {len(cols)}."
        )
    return cols[0], cols[1], cols[0].count(".")


def _admin_names(target: Path) -> dict[str, str]:
    """Every admin code known to the default and user layers."""
    names: dict[str, str] = {}
    for path in (ensure_default(default_path()), target):
        if path.exists():
            con = connect(path, read_only=True)
            try:
                names.update(con.execute("SELECT code, name FROM admin_codes").fetchall())
            finally:
                con.close()
    return names


def _geonames_row(
    path: Path, line_no: int, line: str, admin_names: dict[str, str]
) -> PlaceRow | None:
    cols = line.split("\t")
    if len(cols) != GEONAMES_COLUMNS:
        raise InputError(f"{path}:{line_no}: expected {GEONAMES_COLUMNS} columns, got {len(cols)}.")
    feature_class, feature_code, cc = cols[6], cols[7], cols[8]
    if feature_class in SKIPPED_CLASSES:
        return None
    if feature_class == "P":
        feature = "PPL"
    elif feature_code.startswith("PCL"):
        feature = "PCLI"
    else:
        feature = ADMIN_FEATURES.get(feature_code, "SPOT")
    try:
        lat, lon = float(cols[4]), float(cols[5])
        population = int(cols[14] or 0)
        gid = int(cols[0])
    except ValueError as exc:
        raise InputError(
            f"{path}:{line_no}: bad number ({exc}); is this a GeoNames table?"
        ) from exc
    admin1 = admin_names.get(f"{cc}.{cols[10]}") if cols[10] else None
    admin2 = admin_names.get(f"{cc}.{cols[10]}.{cols[11]}") if cols[11] else None
    return PlaceRow(
        gid=gid,
        name=cols[1],
        lat=lat,
        lon=lon,
        cc=cc,
        admin1=admin1,
        admin2=admin2,
        feature=feature,
        population=population,
        names=tuple(n for n in {cols[2], *cols[3].split(",")} if n),
    )


def _country_code(value: str) -> str | None:
    value = value.strip()
    table = countries()
    if value.upper() in table:
        return value.upper()
    key = name_key(value)
    for entry in table.values():
        if key in {name_key(n) for n in (entry.name, entry.iso3, *entry.aliases)}:
            return entry.iso2
    return None


def _csv_row(path: Path, line_no: int, row: dict[str, str]) -> PlaceRow:
    row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
    cc = _country_code(row["country"])
    if cc is None:
        raise InputError(
            f"{path}:{line_no}: unknown country {row['country']!r}; use an ISO "
            "code such as SY or a name such as Syria."
        )
    try:
        lat, lon = float(row["latitude"]), float(row["longitude"])
        population = int(row.get("population") or 0)
    except ValueError as exc:
        raise InputError(f"{path}:{line_no}: bad number ({exc}).") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputError(f"{path}:{line_no}: latitude/longitude {lat}, {lon} out of range.")
    alternates = row.get("alternate_names", "").replace(";", "|").split("|")
    digest = stable_id(row["name"], round(lat, 4), round(lon, 4), cc)
    return PlaceRow(
        gid=-(int(digest, 16) % 10**CUSTOM_ID_DIGITS) - 1,
        name=row["name"],
        lat=lat,
        lon=lon,
        cc=cc,
        admin1=row.get("admin1") or None,
        admin2=row.get("admin2") or None,
        admin3=row.get("admin3") or None,
        feature=(row.get("feature") or "PPL").upper(),
        population=population,
        names=tuple(a.strip() for a in alternates if a.strip()),
    )


def layer_info() -> list[dict[str, object]]:
    """Path, counts and sources of each gazetteer layer in use."""
    gazetteer = Gazetteer.open()
    try:
        return gazetteer.info()
    finally:
        gazetteer.close()
