"""Countries: ISO codes, ACLED region, names and demonyms, from an editable CSV.

The table ``data/places/countries.csv`` was written by the eventcoder authors from public
ISO 3166 and UN/ACLED region lists; analysts can edit it (e.g. an alias) without code.
Each country's own point and its capital's come from the ``countryinfo`` package (MIT).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

from countryinfo import CountryInfo

from eventcoder.errors import ConfigError

COUNTRY_TABLE = "countries.csv"


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    iso_numeric: int
    name: str
    region: str
    demonyms: tuple[str, ...]
    aliases: tuple[str, ...]


def places_table(name: str) -> list[dict[str, str]]:
    """The rows of a shipped table ``data/places/NAME``, a CSV with "#" comment lines."""
    path = resources.files("eventcoder.data") / "places" / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:  # pragma: no cover - only on a broken install
        raise ConfigError(f"{path}: table missing; reinstall eventcoder.") from exc
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


@functools.lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """All countries by ISO alpha-2 code (read once per process)."""
    table: dict[str, Country] = {}
    for row in places_table(COUNTRY_TABLE):
        table[row["iso2"]] = Country(
            iso2=row["iso2"],
            iso3=row["iso3"],
            iso_numeric=int(row["iso_numeric"]),
            name=row["name"],
            region=row["region"],
            demonyms=tuple(d for d in row["demonyms"].split("|") if d),
            aliases=tuple(a for a in row["aliases"].split("|") if a),
        )
    return table


def country(iso2: str | None) -> Country | None:
    """The country with ISO alpha-2 code ``iso2``, or None."""
    return countries().get(iso2 or "")


def iso3_for_numeric(iso: int) -> str | None:
    """ISO alpha-3 code for an ISO numeric code, e.g. ``iso3_for_numeric(760) == "SYR"``."""
    for entry in countries().values():
        if entry.iso_numeric == iso:
            return entry.iso3
    return None


Point = tuple[float, float]


@functools.lru_cache(maxsize=1)
def _points() -> dict[str, tuple[Point | None, Point | None]]:
    """(country point, capital point) by ISO alpha-2 code, where countryinfo has them."""
    points = {}
    for info in CountryInfo().all().values():
        iso2 = (info.get("ISO") or {}).get("alpha2")
        if iso2:
            points[iso2] = (_point(info.get("latlng")), _point(info.get("capital_latlng")))
    return points


def _point(values) -> Point | None:
    return (float(values[0]), float(values[1])) if values and len(values) == 2 else None


def country_point(iso2: str) -> Point | None:
    """The point gazetteers give the country itself (China: 35, 105), if known."""
    return _points().get(iso2, (None, None))[0]


def capital_point(iso2: str) -> Point | None:
    """The point of the country's capital (China: Beijing), if known."""
    return _points().get(iso2, (None, None))[1]
