"""The geoparser on real text: the sample article, ACLED-style sentences, relative
references ("20 km north of X", "the road from A to B", ...) and metonymy."""

from __future__ import annotations

import pytest

from eventcoder.extract.places import haversine_km


def test_sample_article_event_is_near_binnish_in_idlib(sample_parsed, geoparser, event_at):
    strike = next(s.index for s in sample_parsed.sentences if "drone strike" in s.text)
    finding = geoparser.extract(sample_parsed, event_at(sample_parsed, [strike]))
    assert finding.country == "Syria" and finding.iso == 760
    assert finding.region == "Middle East"
    assert finding.admin1 == "Idlib"
    assert finding.geo_precision == 2
    # Gold is about 35.93-35.96 N, 36.63-36.71 E (between Idlib city and Binnish); the
    # GeoNames point of Binnish is 0.4 km east of that box.
    assert 35.92 <= finding.latitude <= 35.97 and 36.62 <= finding.longitude <= 36.72
    assert finding.location == "Binnish"
    fields = {e.field: e for e in finding.evidence}
    assert fields["location"].quote == "Binnish"
    assert fields["geo_precision"].method == "geo.relative.v1"
    assert "road leading from Idlib to Binnish" in fields["geo_precision"].quote


def test_sample_article_never_puts_the_strike_in_sochi(sample_parsed, geoparser, event_at):
    # Even with every sentence as context, the dominant country and the lead win.
    finding = geoparser.extract(sample_parsed, event_at(sample_parsed))
    assert finding.country == "Syria" and finding.location != "Sochi"


def test_summit_sentence_is_located_in_sochi(sample_parsed, geoparser, event_at):
    summit = next(s.index for s in sample_parsed.sentences if "Sochi" in s.text)
    finding = geoparser.extract(sample_parsed, event_at(sample_parsed, [summit], "summit"))
    assert finding.location == "Sochi" and finding.country == "Russia"


def test_moscow_said_is_not_a_location(sample_parsed, geoparser, parse):
    parsed = parse("Moscow said on Monday that the talks in Geneva had failed.")
    places = {p.text: p for p in geoparser.find_places(parsed)}
    assert not places["Moscow"].is_locational
    assert places["Geneva"].is_locational


@pytest.mark.parametrize(
    ("text", "location", "precision", "relation"),
    [
        (
            "Two soldiers were killed in a roadside bombing 20 km north of Kandahar on Sunday, "
            "Afghan officials said.",
            "Kandahar",
            2,
            "distance",
        ),
        (
            "A drone strike targeted a car on the road from Idlib to Binnish, the Syrian "
            "Observatory said.",
            "Binnish",
            2,
            "road",
        ),
        (
            "Militants attacked a police post on the outskirts of Maiduguri, the Borno state "
            "capital, killing three officers.",
            "Maiduguri",
            2,
            "outskirts",
        ),
        (
            "Regime forces shelled the countryside of Maarat al-Numan in southern Idlib.",
            "Maarrat al-Nu'man",
            2,
            "countryside",
        ),
        (
            "Clashes broke out near Kunduz city between Taliban fighters and Afghan forces.",
            "Kunduz",
            2,
            "near",
        ),
        (
            "Turkish forces shelled the town of Tal Abyad near the Turkish border in northern "
            "Syria.",
            "Tall Abyad",
            2,
            "border",
        ),
    ],
)
def test_relative_references(parse, geoparser, event_at, text, location, precision, relation):
    parsed = parse(text)
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.location == location
    assert finding.geo_precision == precision
    chosen = next(p for p in geoparser.find_places(parsed) if p.geonameid == finding.geonameid)
    assert chosen.relation == relation


def test_governorate_only_is_the_admin_unit_with_precision_3(parse, geoparser, event_at):
    parsed = parse(
        "Russian warplanes carried out several raids in the Idlib governorate "
        "on Tuesday, activists said."
    )
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.admin1 == "Idlib" and finding.geo_precision == 3
    assert finding.country == "Syria"


def test_named_country_decides_between_namesakes(parse, geoparser, event_at):
    # Tripoli, Lebanon and Tripoli, Libya: the named country decides.
    parsed = parse("Protesters blocked roads in Tripoli, Lebanon, on Monday.")
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.country == "Lebanon" and finding.geo_precision == 1
    parsed = parse("Militias clashed in Tripoli, Libya, overnight.")
    assert geoparser.extract(parsed, event_at(parsed)).country == "Libya"


def test_transliteration_variant_resolves_in_context(parse, geoparser, event_at):
    parsed = parse("An air strike hit Binnsh in the Syrian province of Idlib.")
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.location == "Binnish"
    assert any(e.method == "geo.gazetteer.skeleton.v1" for e in finding.evidence)


def test_acled_style_note_puts_the_event_at_the_town(parse, geoparser, event_at):
    parsed = parse(
        "On 4 May 2020, in Leon de los Aldama, Guanajuato, an armed clash left one person dead."
    )
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.admin1 == "Guanajuato" and finding.country == "Mexico"
    assert haversine_km(finding.latitude, finding.longitude, 21.12, -101.68) < 25


def test_no_place_gives_an_empty_finding(parse, geoparser, event_at):
    parsed = parse("Unidentified gunmen shot and killed a man on Tuesday.")
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.location is None and finding.evidence == ()


def test_a_headline_source_after_a_dash_keeps_the_place_locational(parse, geoparser):
    parsed = parse("Shelling kills two children in eastern Ukraine - defence ministry.")
    places = {p.text: p for p in geoparser.find_places(parsed)}
    assert places["Ukraine"].is_locational


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Protesters angry at the high US dollar exchange rate gathered in Tripoli.", "US"),
        (
            "A group held a march in Kadikoy to mark the International Workers' Day despite "
            "the curfew.",
            "Day",
        ),
    ],
)
def test_names_inside_other_phrases_are_not_places(parse, geoparser, text, name):
    places = {p.text: p for p in geoparser.find_places(parse(text))}
    assert name not in places or not places[name].is_locational


@pytest.mark.parametrize(
    "text",
    [
        # Molotov was Perm's Soviet name; the dollar is not the United States.
        "On Tuesday, rioters hurled Molotov cocktails at a bank in Nabatiyeh.",
        "Protesters angry at the soaring US dollar exchange rate blocked roads in Sidon.",
    ],
)
def test_names_of_things_put_no_country_in_play(parse, geoparser, event_at, text):
    parsed = parse(text)
    assert geoparser.extract(parsed, event_at(parsed)).country == "Lebanon"


def test_an_armed_group_named_like_a_town_is_not_a_place(parse, geoparser, event_at):
    # GeoNames lists "Hamas" as a name of Hamm, Germany; the actor dictionary knows better.
    parsed = parse("On Thursday, Israeli tanks shelled a Hamas post east of Gaza City.")
    assert "Hamas" not in {p.text for p in geoparser.find_places(parsed)}
    assert geoparser.extract(parsed, event_at(parsed)).country == "Palestine"


def test_a_site_named_after_a_town_is_near_the_town(parse, geoparser, event_at):
    parsed = parse(
        "On Friday, monitors recorded 60 explosions near Donetsk Filtration Station, "
        "east of the front line."
    )
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.location == "Donetsk" and finding.geo_precision == 2


def test_a_town_said_as_a_place_vouches_for_its_country(parse, geoparser, event_at):
    # No country is named and Dar'a has namesakes in Romania and Senegal; "the city of"
    # says it is a place, and the Syrian city is the biggest reading.
    parsed = parse("On Monday, gunmen shot dead an officer in the city of Dar'a.")
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.country == "Syria" and finding.location == "Dar'a"


def test_a_nationality_alone_gives_the_country_without_a_location(parse, geoparser, event_at):
    parsed = parse("Three Turkish soldiers killed in Kurdish militant attack: security sources.")
    finding = geoparser.extract(parsed, event_at(parsed))
    assert (finding.country, finding.location, finding.latitude) == ("Turkey", None, None)
    [evidence] = finding.evidence
    assert evidence.quote == "Turkish" and evidence.confidence < 0.5


def test_two_nationalities_and_no_place_give_no_country(parse, geoparser, event_at):
    parsed = parse("Two Turkish servicemen and an Iraqi guard died in clashes on Sunday.")
    assert geoparser.extract(parsed, event_at(parsed)).country is None


def test_baseline_takes_the_first_place(sample_parsed, event_at):
    from eventcoder.extract.places import FirstPlaceBaseline

    finding = FirstPlaceBaseline().extract(sample_parsed, event_at(sample_parsed, [2]))
    assert finding.country == "Syria" and finding.location is not None


def test_a_state_named_after_its_capital_stays_a_place(parse, geoparser):
    parsed = parse("Gunmen killed three farmers in Kano state on Sunday.")
    places = {p.text: p for p in geoparser.find_places(parsed)}
    assert any(p.is_locational and p.admin1 == "Kano" for p in places.values())


def test_both_towns_naming_a_road_are_places(parse, geoparser):
    # "Erbil" follows "Mosul-": glued to another name, but the highway is named after both.
    parsed = parse("On Friday, truckers blocked the Mosul-Erbil highway for six hours.")
    places = {p.text: p for p in geoparser.find_places(parsed)}
    assert places["Mosul"].is_locational and places["Erbil"].is_locational


def test_an_english_at_before_a_name_is_not_an_arabic_article(parse, geoparser):
    # "at" is an Arabic article too ("at-Tall"); here "LoC at Uri" is not one name.
    parsed = parse(
        "On Friday, the armies of India and Pakistan exchanged fire across the LoC at Uri "
        "sector area (Baramulla district, J&K)."
    )
    places = {p.text: p for p in geoparser.find_places(parsed)}
    assert places["Uri"].is_locational and places["Uri"].country == "IN"


def test_a_person_named_again_by_surname_is_not_a_town(parse, geoparser):
    # Kelly is a town in several countries; here it is John Kelly, named in full before.
    parsed = parse(
        "White House chief of staff John Kelly met reporters on Monday. The memo was drafted "
        "by Kelly and his deputy before the trip to Texas."
    )
    found = geoparser.find_places(parsed)
    assert not any(p.is_locational for p in found if p.text == "Kelly")
    assert any(p.is_locational for p in found if p.text == "Texas")


def test_a_word_the_article_also_writes_in_lower_case_is_not_a_place(parse, geoparser):
    # "Industry" is a town in the United States; "the industry" shows it is a common word.
    parsed = parse(
        "Workers rallied outside the Ministry of Industry in Cairo on Sunday, saying the "
        "industry had shed thousands of jobs."
    )
    names = {p.text for p in geoparser.find_places(parsed)}
    assert "Industry" not in names and "Cairo" in names
    # A web address is not the article writing the word in lower case.
    parsed = parse("Gunmen attacked a checkpoint in Kabul on Friday, www.kabul.gov.af said.")
    assert "Kabul" in {p.text for p in geoparser.find_places(parsed)}


def test_a_name_with_a_big_namesake_abroad_yields_to_an_unambiguous_neighbour(
    parse, geoparser, event_at
):
    # Tripoli is a bigger city in Libya; Beirut is only in Lebanon, and the road joins both.
    parsed = parse("On Friday, rioters blocked the Tripoli-Beirut highway for hours.")
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.country == "Lebanon"


def test_where_people_live_is_not_where_they_protested(parse, geoparser, event_at):
    parsed = parse(
        "On Monday, residents of Kakori staged a sit-in in Lucknow city over a landfill."
    )
    assert geoparser.extract(parsed, event_at(parsed)).location == "Lucknow"


def test_a_state_abbreviation_after_a_town_names_the_state(parse, geoparser):
    # "Ill." alone is a word; after "SPRINGFIELD," it is Illinois, and it places the town.
    parsed = parse("SPRINGFIELD, Ill. (AP) - Officials say two inmates escaped overnight.")
    places = {p.text: p for p in geoparser.find_places(parsed)}
    assert places["Ill."].name == "Illinois" and places["Ill."].admin1 == "Illinois"
    assert places["SPRINGFIELD"].admin1 == "Illinois"
    # A name the gazetteer knows with its abbreviation is one mention.
    parsed = parse("Street artists are visible in Washington, D.C., which has many murals.")
    assert [p.text for p in geoparser.find_places(parsed)] == ["Washington, D.C."]


def test_names_joined_by_and_are_two_places(parse, geoparser):
    # Loosely spelled, "London and Harare" is Londonderry: the loose match never spans "and".
    parsed = parse("The airline asked about direct flights between London and Harare last year.")
    names = {p.text: p.country for p in geoparser.find_places(parsed) if p.is_locational}
    assert names == {"London": "GB", "Harare": "ZW"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A town owns the site named after it in the possessive.
        ("Harare’s Third Street will soon be renamed after the late leader.", "Harare"),
        # A date after the name is not part of it.
        ("The mission is expected to arrive in Lagos April 4 for the talks.", "Lagos"),
        # Two places joined by a hyphen are both places.
        ("The train returns on the Amsterdam-London leg of the trip.", "London"),
    ],
)
def test_capitalised_words_after_a_name_are_not_always_part_of_it(parse, geoparser, text, name):
    places = {p.text: p for p in geoparser.find_places(parse(text))}
    assert places[name].is_locational


def test_the_holy_see_is_the_vatican(parse, geoparser):
    parsed = parse("The President of Armenia met officials in the Holy See on Monday.")
    assert [p.country for p in geoparser.find_places(parsed) if p.text == "Holy See"] == ["VA"]


def test_an_admin_unit_is_found_at_its_own_point_and_coded_at_its_seat(parse, geoparser, event_at):
    parsed = parse("Protesters rallied across California on Monday against the new law.")
    state = next(p for p in geoparser.find_places(parsed) if p.text == "California")
    # GeoNames puts the state at 37.25 N, 119.75 W; its biggest city is 500 km south.
    assert haversine_km(state.latitude, state.longitude, 37.25, -119.75) < 161
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.location == "California" and finding.geo_precision == 3
    assert haversine_km(finding.latitude, finding.longitude, 34.05, -118.24) < 10  # LA


def test_a_nationality_naming_the_land_is_a_place_mention(parse, geoparser):
    parsed = parse(
        "Turkish forces shelled towns along the Syrian-Turkish border, and Syrian forces "
        "said they had secured the Syrian capital."
    )
    found = [(p.text, p.country) for p in geoparser.find_places(parsed) if p.matched == "demonym"]
    # "Turkish forces" and "Syrian forces" are people, not land.
    assert found == [("Syrian", "SY"), ("Turkish", "TR"), ("Syrian", "SY")]


def test_named_sites_are_places_at_their_town(parse, geoparser):
    parsed = parse(
        "Police closed Royal Street in New Orleans after the shooting. A wounded man was "
        "taken to Derry’s Altnagelvin Hospital, and the A417 near Cirencester was shut."
    )
    places = {p.text: p for p in geoparser.find_places(parsed) if p.is_locational}
    assert {"Royal Street", "Altnagelvin Hospital", "A417"} <= places.keys()
    assert places["Royal Street"].matched == "site" and places["Royal Street"].feature == "SPOT"
    new_orleans, derry = places["New Orleans"], places["Derry"]
    assert places["Royal Street"].latitude == new_orleans.latitude
    assert places["Altnagelvin Hospital"].latitude == derry.latitude
    assert places["A417"].country == "GB"


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("Pirates attacked a tanker in the Gulf of Aden on Sunday.", ["Gulf of Aden"]),
        (
            "He did not get into four University of California schools.",
            ["University of California"],
        ),
        ("Police were called to Eglinton Avenue West on Monday.", ["Eglinton Avenue West"]),
        # A person, a plain sentence opener and a headline in capitals are not sites.
        ("A court found former President Park Geun-hye guilty.", []),
        ("MORE COLLEGE BASKETBALL COVERAGE", []),
    ],
)
def test_site_names_end_where_the_name_ends(parse, text, sites):
    from eventcoder.extract.places.sites import spot_sites

    assert [s.text for s in spot_sites(parse(text))] == sites


def test_a_name_keeps_its_title_and_direction_and_a_language_is_no_place(parse, geoparser):
    parsed = parse(
        "The ambassador of the Republic of Armenia spoke in English about the instability "
        "affecting Northern Europe."
    )
    found = {p.text: p for p in geoparser.find_places(parsed)}
    assert found["Republic of Armenia"].country == "AM"
    assert found["Northern Europe"].name == "Europe"
    assert "English" not in found and "Republic" not in found  # English, Indiana; Republic, WA


def test_seas_and_regions_are_not_their_namesake_towns(parse, geoparser, event_at):
    parsed = parse(
        "Rebels fired on a tanker in the Gulf of Aden and shelled villages in Eastern Ghouta, "
        "the worst week in the Middle East this year."
    )
    found = {p.text: p for p in geoparser.find_places(parsed)}
    assert found["Gulf of Aden"].feature == "RGN" and found["Gulf of Aden"].country == ""
    assert found["Eastern Ghouta"].country == "SY"
    assert found["Middle East"].name == "Middle East"  # not the Baltimore neighbourhood
    # Their points are approximate centres: an event is never coded there.
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.location not in ("Gulf of Aden", "Eastern Ghouta", "Middle East")


def test_feasts_are_not_towns_and_america_is_the_united_states(parse, geoparser):
    parsed = parse(
        "Over Easter, thousands of migrants tried to reach America from Central America."
    )
    found = {p.text: p for p in geoparser.find_places(parsed)}
    assert "Easter" not in found  # loosely, Estero in Florida
    assert found["America"].country == "US" and found["Central America"].feature == "RGN"
