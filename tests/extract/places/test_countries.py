"""Country table: ISO codes and ACLED regions."""

import pytest

from eventcoder.extract.places import country, iso3_for_numeric
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
