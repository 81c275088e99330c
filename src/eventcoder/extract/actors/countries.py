"""Countries for actor names: ACLED country names, aliases, demonyms and government periods.

ACLED names state actors after the government of the day, "Military Forces of
Afghanistan (2014-2021)": ``state_periods.csv`` lists those terms (written from public
knowledge) and ``CountryTable.state_actor`` picks the one in force in a given year.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources

from eventcoder.errors import ConfigError
from eventcoder.extract.actors.dictionary import normalise

DATA = ("data", "actors")


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str  # as ACLED writes it ("Democratic Republic of Congo")
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Period:
    start: int
    end: int | None

    def covers(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year < self.end)

    def label(self) -> str:
        return f"({self.start}-{self.end or ''})"


def _read_csv(name: str) -> list[tuple[int, dict[str, str]]]:
    text = (resources.files("eventcoder").joinpath(*DATA, name)).read_text(encoding="utf-8")
    reader = csv.DictReader(text.splitlines())
    return [(reader.line_num, row) for row in reader]


class CountryTable:
    """Country lookups by name, alias, demonym or ISO3, and period-stamped state names.

    Example::

        table = CountryTable.load()
        table.by_demonym("Afghan").name                                  # 'Afghanistan'
        table.state_actor("Military Forces", "United States", 2021)
        # 'Military Forces of the United States (2021-2025)'
    """

    def __init__(
        self,
        countries: list[Country],
        periods: dict[str, list[Period]],
        dyads: dict[str, list[tuple[Period, str, str]]] | None = None,
    ):
        self.countries = countries
        self.periods = periods
        self.dyads = dyads or {}
        self._by_iso3 = {c.iso3: c for c in countries}
        self._by_name: dict[str, Country] = {}
        self._by_demonym: dict[str, Country] = {}
        for country in countries:
            for name in (country.name, *country.aliases):
                self._by_name[normalise(name)] = country
            for demonym in country.demonyms:
                self._by_demonym[normalise(demonym)] = country

    @classmethod
    def load(cls) -> CountryTable:
        countries = []
        for line, row in _read_csv("countries.csv"):
            if not row.get("iso3") or not row.get("name"):
                raise ConfigError(
                    f"eventcoder/data/actors/countries.csv:{line}: iso3 and name are required."
                )
            countries.append(
                Country(
                    iso3=row["iso3"].strip(),
                    name=row["name"].strip(),
                    aliases=_split(row.get("aliases")),
                    demonyms=_split(row.get("demonyms")),
                )
            )
        periods: dict[str, list[Period]] = {}
        for line, row in _read_csv("state_periods.csv"):
            try:
                period = Period(int(row["start"]), int(row["end"]) if row["end"] else None)
            except (TypeError, ValueError) as exc:
                raise ConfigError(
                    f"eventcoder/data/actors/state_periods.csv:{line}: start/end must be years "
                    f"(end empty for the current term): {exc}."
                ) from exc
            periods.setdefault(row["country"].strip(), []).append(period)
        dyads: dict[str, list[tuple[Period, str, str]]] = {}
        for line, row in _read_csv("dyads.csv"):
            if (
                not (row.get("start") or "").isdigit()
                or not row.get("actor1")
                or not row.get("actor2")
            ):
                raise ConfigError(
                    f"eventcoder/data/actors/dyads.csv:{line}: start (a year), actor1 and "
                    "actor2 are required."
                )
            period = Period(int(row["start"]), int(row["end"]) if row["end"] else None)
            dyads.setdefault(row["country"].strip(), []).append(
                (period, row["actor1"], row["actor2"])
            )
        return cls(countries, periods, dyads)

    def default_dyad(self, country: str, year: int | None) -> tuple[str, str] | None:
        """The two sides of the country's main war, for fighting reported without sides
        ("explosions were observed near Avdiivka"); None where there is no such war."""
        for period, actor1, actor2 in reversed(self.dyads.get(country, [])):
            if year is None or period.covers(year):
                return self.stamp_period(actor1, year), self.stamp_period(actor2, year)
        return None

    def stamp_period(self, name: str, year: int | None) -> str:
        """ "Military Forces of Ukraine" gets its period; other names are kept as written."""
        for kind in ("Military Forces", "Police Forces", "Government"):
            prefix = f"{kind} of "
            if name.startswith(prefix) and "(" not in name:
                return self.state_actor(kind, name.removeprefix(prefix).removeprefix("the "), year)
        return name

    def by_name(self, text: str) -> Country | None:
        return self._by_name.get(normalise(text))

    def by_demonym(self, text: str) -> Country | None:
        return self._by_demonym.get(normalise(text))

    def by_iso3(self, iso3: str) -> Country | None:
        return self._by_iso3.get(iso3)

    def name_or_demonym(self, text: str) -> Country | None:
        return self.by_name(text) or self.by_demonym(text)

    def state_actor(self, kind: str, country: str, year: int | None) -> str:
        """ "<kind> of <Country> (<period>)"; the period is left out when unknown.

        ``kind`` is "Military Forces", "Police Forces" or "Government".
        """
        article = "the " if country in _WITH_ARTICLE else ""
        name = f"{kind} of {article}{country}"
        period = self.period(country, year)
        return f"{name} {period.label()}" if period else name

    def period(self, country: str, year: int | None) -> Period | None:
        """The government term in force in ``year`` (the latest one when year is None)."""
        periods = self.periods.get(country, [])
        if not periods:
            return None
        if year is None:
            return max(periods, key=lambda p: p.start)
        covering = [p for p in periods if p.covers(year)]
        return covering[-1] if covering else None


# ACLED writes these with "the": "Military Forces of the United States".
_WITH_ARTICLE = frozenset({"United States", "United Kingdom", "Philippines", "Netherlands"})


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())
