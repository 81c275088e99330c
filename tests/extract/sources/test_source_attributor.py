"""SourceAttributor on real sentences: attributions, outlet metadata, dictionary scales."""

from __future__ import annotations

import pytest

from eventcoder.errors import ConfigError
from eventcoder.extract.sources import SourceAttributor, SourceDictionary, combine_scales
from eventcoder.extract.sources.dictionary import SCALES


@pytest.fixture(scope="module")
def attributor():
    return SourceAttributor()


def test_seed_sources(attributor, sample_parsed, mention_over):
    mention = mention_over(
        sample_parsed,
        "A drone strike on September 20",
        "revealed in a statement Friday",
    )
    finding = attributor.extract(sample_parsed, mention)
    names = finding.source.split("; ")
    # "The US military announced ... is Salim Abu Ahmed" names the man the statement is
    # about, so its source (US military -> Department of Defense) counts too.
    assert names == [
        "Syrian Observatory for Human Rights",
        "US Central Command",
        "US Department of Defense",
    ]
    assert finding.source_scale == "Other"
    quotes = [e.quote for e in finding.evidence]
    assert "according to the Syrian Observatory for Human Rights" in quotes
    assert any(q.startswith("US Central Command") and q.endswith("revealed") for q in quotes)


def test_outlet_from_metadata_comes_first(attributor, parse, mention_over):
    parsed = parse(
        "Gunmen killed three people in Kano, according to the Syrian Observatory for Human Rights.",
        outlet="Reuters",
    )
    finding = attributor.extract(parsed, mention_over(parsed))
    assert finding.source == "Reuters; Syrian Observatory for Human Rights"
    assert finding.source_scale == "Other-International"


@pytest.mark.parametrize(
    ("text", "source", "scale"),
    [
        (
            "Two soldiers were killed in the ambush, state media reported.",
            "State media",
            "National",
        ),
        (
            "Two soldiers were killed in the ambush, an army official told AFP.",
            "Agence France-Presse",
            "International",
        ),
        (
            "The village was shelled on Monday, the SOHR said.",
            "Syrian Observatory for Human Rights",
            "Other",
        ),
        (
            "Militants stormed the base, the Kano Vigilance Network said in a statement.",
            "Kano Vigilance Network",
            None,
        ),
        ("Gunmen killed three farmers, residents said.", None, None),
    ],
)
def test_attributions(attributor, parse, mention_over, text, source, scale):
    parsed = parse(text)
    finding = attributor.extract(parsed, mention_over(parsed))
    assert (finding.source, finding.source_scale) == (source, scale)


def test_unknown_outlet_is_kept_without_scale(attributor, parse, mention_over):
    parsed = parse("Gunmen killed three farmers in Benue state.", outlet="Benue Daily Record")
    finding = attributor.extract(parsed, mention_over(parsed))
    assert (finding.source, finding.source_scale) == ("Benue Daily Record", None)


@pytest.mark.parametrize(
    ("scales", "combined"),
    [
        (["National", "Other", "Other"], "Other-National"),
        (["International", "National"], "National-International"),
        (["New media", "Local partner"], "Local partner-New media"),
        (["Subnational", None], "Subnational"),
        ([None], None),
    ],
)
def test_combine_scales(scales, combined):
    assert combine_scales(scales) == combined


def test_shipped_dictionary_is_complete_and_valid():
    dictionary = SourceDictionary.load()
    entries = {entry.name: entry for entry in dictionary.entries()}
    assert 150 <= len(entries) <= 300
    assert all(entry.scale in SCALES for entry in entries.values())
    for name in ("Twitter", "Facebook", "Telegram"):
        assert entries[name].scale == "New media"


@pytest.mark.parametrize(
    ("surface", "name"),
    [("U.S. Central Comand", "US Central Command"), ("Reuter", "Reuters"), ("Daily Post", None)],
)
def test_fuzzy_lookup(surface, name):
    entry = SourceDictionary.load().lookup(surface)
    assert (entry.name if entry else None) == name


def test_bad_row_says_where(tmp_path):
    path = tmp_path / "sources.csv"
    path.write_text("name,aliases,scale,country\nReuters,,Worldwide,\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"sources.csv:2: .*scale"):
        SourceDictionary.load(path)


def test_a_sentence_naming_the_events_victim_lends_its_source(
    attributor, sample_parsed, mention_over
):
    mention = mention_over(sample_parsed, "A drone strike on September 20", "is Salim Abu Ahmed")
    finding = attributor.extract(sample_parsed, mention)
    assert "US Central Command" in finding.source.split("; ")
    (linked,) = [e for e in finding.evidence if e.value == "US Central Command"]
    assert linked.confidence < max(e.confidence for e in finding.evidence)


def test_sentences_naming_no_shared_person_lend_nothing(attributor, parse, mention_over):
    parsed = parse(
        "Gunmen killed three farmers in Kukawa on Monday, according to Amnesty International. "
        "Separately, the governor told Reuters that the state budget would grow."
    )
    finding = attributor.extract(parsed, mention_over(parsed, "Gunmen killed"))
    assert "Reuters" not in (finding.source or "")
