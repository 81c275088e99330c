"""The actor dictionary: the shipped file loads, lookups work, bad rows are reported."""

from __future__ import annotations

import pytest

from eventcoder.errors import ConfigError
from eventcoder.extract.actors import load_actor_dictionary
from eventcoder.extract.actors.countries import CountryTable

HEADER = "name,aliases,inter,country,type,period\n"


@pytest.fixture(scope="module")
def actors():
    return load_actor_dictionary()


def test_shipped_dictionary_covers_major_groups(actors):
    for alias, name in [
        ("HTS", "HTS: Hayat Tahrir al Sham"),
        ("al-Nusra", "Jabhat Fateh al-Sham"),
        ("ISWAP", "Islamic State (West Africa)"),
        ("Ansar Allah", "Military Forces of Yemen (2016-) Supreme Political Council"),
        ("Hurras al-Din", "Hurras al-Din"),
        ("AQAP", "AQAP: Al Qaeda in the Arabian Peninsula"),
    ]:
        assert actors.lookup(alias).name == name


def test_lookup_respects_active_period(actors):
    assert actors.lookup("Jabhat al-Nusra", 2014).name == "Jabhat Fateh al-Sham"
    assert actors.lookup("HTS", 2020).inter == "2"


def test_fuzzy_lookup_accepts_variants_rejects_strangers(actors):
    entry, score = actors.fuzzy_lookup("Hayat Tahrir al-Shaam")
    assert entry.name == "HTS: Hayat Tahrir al Sham" and score >= 90
    assert actors.fuzzy_lookup("Hayat Tahrir Foundation") is None


def test_bad_inter_code_reports_its_line(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text(
        HEADER + "Taliban,Taleban,2,Afghanistan,rebel,1994-\nBad Group,,9,,rebel,\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"actors\.csv:3: inter code '9'"):
        load_actor_dictionary(path)


def test_bad_period_and_header_are_reported(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text(HEADER + "Taliban,Taleban,2,Afghanistan,rebel,since 1994\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r":2: period"):
        load_actor_dictionary(path)
    path.write_text("name,inter\nTaliban,2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r":1: the header"):
        load_actor_dictionary(path)


def test_user_dictionary_replaces_shipped(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text(
        HEADER + '"Gang, The",The Gang|Gangsters Inc,3,Mexico,militia,\n', encoding="utf-8"
    )
    assert load_actor_dictionary(path).lookup("gangsters inc").name == "Gang, The"


def test_state_actor_names_carry_the_period():
    table = CountryTable.load()
    assert (
        table.state_actor("Military Forces", "United States", 2021)
        == "Military Forces of the United States (2021-2025)"
    )
    assert (
        table.state_actor("Police Forces", "Brazil", 2020) == "Police Forces of Brazil (2019-2022)"
    )
    assert table.state_actor("Military Forces", "Tuvalu", 2020) == "Military Forces of Tuvalu"
    assert table.by_demonym("Afghan").name == "Afghanistan"
