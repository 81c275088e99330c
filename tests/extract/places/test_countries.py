"""Country table: ISO codes and ACLED regions."""

import pytest

from eventcoder.extract.places import country, haversine_km, iso3_for_numeric
from eventcoder.extract.places.countries import countries

ACLED_REGIONS = {
    "Middle East",
    "Western Africa",
    "Caucasus and Central Asia",
    "South Asia",
    "Southeast Asia",
    "East Asia",
    "Northern Africa",
    "Eastern Africa",
    "Middle Africa",
    "Southern Africa",
    "Europe",
    "South America",
    "Central America",
    "Caribbean",
    "North America",
    "Oceania",
    "Antarctica",
}


def test_iso3_for_numeric():
    assert iso3_for_numeric(760) == "SYR"
    assert iso3_for_numeric(4) == "AFG"
    assert iso3_for_numeric(999_999) is None


@pytest.mark.parametrize(
    ("iso2", "region"),
    [
        ("SY", "Middle East"),
        ("AF", "Caucasus and Central Asia"),
        ("NG", "Western Africa"),
        ("CD", "Middle Africa"),
        ("MX", "Central America"),
        ("UA", "Europe"),
        ("MM", "Southeast Asia"),
        ("PK", "South Asia"),
        ("SO", "Eastern Africa"),
    ],
)
def test_acled_regions(iso2, region):
    assert country(iso2).region == region


def test_every_country_has_a_known_region():
    assert {c.region for c in countries().values()} <= ACLED_REGIONS
    assert len(countries()) > 240


def test_a_country_name_resolves_to_the_country_not_its_largest_city(parse, geoparser):
    # GeoWebNews and other geoparsing gold put "China" at the country's own point.
    parsed = parse("Officials in China and Turkey denied the report on Monday.")
    points = {p.text: (p.latitude, p.longitude) for p in geoparser.find_places(parsed)}
    assert haversine_km(*points["China"], 35.0, 105.0) < 161
    assert haversine_km(*points["Turkey"], 39.0, 35.0) < 161


def test_an_event_known_only_by_its_country_is_coded_at_the_capital(parse, geoparser, event_at):
    # ACLED's convention: Ankara, not Istanbul (the largest city) nor central Anatolia.
    parsed = parse("Thousands of people protested across Turkey on Sunday against price rises.")
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.country == "Turkey" and finding.geo_precision == 3
    assert haversine_km(finding.latitude, finding.longitude, 39.93, 32.86) < 25


def test_a_country_name_outranks_a_city_that_bears_it(parse, geoparser):
    # Mexico City is "Mexico" to some, and big enough to win on population alone.
    parsed = parse("Officials said the storm would reach Mexico on Friday.")
    [mexico] = geoparser.find_places(parsed)
    assert mexico.feature == "PCLI" and mexico.country == "MX"
