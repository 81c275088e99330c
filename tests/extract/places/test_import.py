"""Importing a GeoNames-format file and an analyst's CSV adds villages the default lacks,
and changes what the geoparser finds; importing twice changes nothing more."""

from __future__ import annotations

import pytest

from eventcoder.errors import InputError
from eventcoder.extract.places import Gazetteer, Geoparser
from eventcoder.extract.places.importers import import_csv, import_file, import_geonames

# Two villages of Idlib's Jabal al-Zawiya that GeoNames' cities500 does not list; the
# points are approximate, written by hand for this test.
VILLAGES_CSV = """name,alternate_names,latitude,longitude,country,admin1,admin2,admin3
Kansafra,Kinsafra|Kensafra,35.7375,36.5561,Syria,Idlib,Ariha,Ihsim
"""
# One row in GeoNames' 19-column layout (geonameid, name, asciiname, alternatenames, lat,
# lon, class, code, country, cc2, admin1 ... ); SY.12 is Idlib in GeoNames' admin codes.
GEONAMES_ROW = (
    "\t".join(
        [
            "990000001",
            "Bsanqoul",
            "Bsanqoul",
            "Bsanqul,Bsanqool",
            "35.7720",
            "36.4580",
            "P",
            "PPL",
            "SY",
            "",
            "12",
            "",
            "",
            "",
            "0",
            "",
            "420",
            "Asia/Damascus",
            "2020-01-01",
        ]
    )
    + "\n"
)


def _located(geoparser, parse, event_at, text):
    parsed = parse(text)
    return geoparser.extract(parsed, event_at(parsed))


def test_custom_csv_adds_a_village(tmp_path, parse, geoparser, event_at):
    text = "Regime artillery shelled Kansafra in southern Idlib, killing two civilians."
    assert _located(geoparser, parse, event_at, text).location != "Kansafra"
    source = tmp_path / "villages.csv"
    source.write_text(VILLAGES_CSV, encoding="utf-8")
    layer = tmp_path / "user.sqlite"
    assert import_csv(source, layer) == 1
    finding = _located(Geoparser(extra_layers=[layer]), parse, event_at, text)
    assert finding.location == "Kansafra" and finding.geo_precision == 1
    assert (finding.admin1, finding.admin2, finding.admin3) == ("Idlib", "Ariha", "Ihsim")
    assert finding.country == "Syria" and finding.geonameid < 0


def test_geonames_file_adds_a_village_with_admin_names(tmp_path, parse, geoparser, event_at):
    text = "A Russian air strike hit the village of Bsanqul in Idlib province on Monday."
    assert _located(geoparser, parse, event_at, text).location != "Bsanqoul"
    source = tmp_path / "SY.txt"
    source.write_text(GEONAMES_ROW, encoding="utf-8")
    layer = tmp_path / "user.sqlite"
    assert import_geonames(source, layer) == 1
    finding = _located(Geoparser(extra_layers=[layer]), parse, event_at, text)
    assert finding.location == "Bsanqoul" and finding.geonameid == 990000001
    assert finding.admin1 == "Idlib" and finding.latitude == pytest.approx(35.772)


def test_importing_twice_changes_nothing(tmp_path):
    source = tmp_path / "villages.csv"
    source.write_text(VILLAGES_CSV, encoding="utf-8")
    layer = tmp_path / "user.sqlite"
    import_file(source, target=layer)
    import_file(source, target=layer)
    info = Gazetteer([layer]).info()[0]
    assert info["places"] == 1 and len(info["sources"]) == 1


def test_csv_without_coordinates_is_refused_with_the_line(tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text("name,country\nKansafra,Syria\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.csv:1: missing column\(s\) latitude, longitude"):
        import_csv(source, tmp_path / "user.sqlite")


def test_unknown_country_names_the_row(tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text(VILLAGES_CSV.replace("Syria", "Atlantis"), encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.csv:2: unknown country 'Atlantis'"):
        import_csv(source, tmp_path / "user.sqlite")
