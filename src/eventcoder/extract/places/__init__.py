"""Places: the embedded gazetteer and the geoparser (ACLED location fields).

Public API::

    Geoparser(gazetteer_path=None).extract(parsed, mention) -> PlaceFinding
    Geoparser().find_places(parsed) -> list[ResolvedPlace]
    FirstPlaceBaseline().extract(parsed, mention) -> PlaceFinding
    iso3_for_numeric(760) -> "SYR"
    build_default(path), import_geonames(path), import_csv(path)  (gazetteer upkeep)
"""

from eventcoder.extract.places.choose import choose_event_place
from eventcoder.extract.places.countries import Country, country, iso3_for_numeric
from eventcoder.extract.places.gazetteer import Gazetteer, Place
from eventcoder.extract.places.geoparser import FirstPlaceBaseline, Geoparser, precision_of
from eventcoder.extract.places.resolve import ResolvedPlace, haversine_km

__all__ = [
    "Country",
    "FirstPlaceBaseline",
    "Gazetteer",
    "Geoparser",
    "Place",
    "ResolvedPlace",
    "choose_event_place",
    "country",
    "haversine_km",
    "iso3_for_numeric",
    "precision_of",
]
