"""Admin hierarchy inside one sentence: "X city (Y)", "X in Y", "X village (Y, Z)" put
the event at X and choose X's reading that agrees with the units named after it."""

from __future__ import annotations

import pytest

from eventcoder.extract.places import haversine_km


def test_town_in_a_province_named_after_its_capital_is_the_town(parse, geoparser, event_at):
    # "Al-Hasakeh" here is the province (written like its capital): the event is at Tal Tamer.
    parsed = parse(
        "On Monday, US troops set up a checkpoint at the entrance of Tal Tamer city in Al-Hasakeh."
    )
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.country == "Syria"
    assert haversine_km(finding.latitude, finding.longitude, 36.65, 40.37) < 25


def test_bracketed_state_picks_the_namesake_province_of_the_town(parse, geoparser, event_at):
    # Punjab is a state of India and a province of Pakistan: Phagwara decides.
    parsed = parse(
        "On Monday, health workers of the union, Punjab, went on strike in Phagwara city "
        "(Punjab) demanding permanent jobs."
    )
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.country == "India" and finding.admin1 == "Punjab"
    assert finding.geo_precision == 1
    assert haversine_km(finding.latitude, finding.longitude, 31.22, 75.77) < 25


def test_village_missing_from_gazetteer_falls_back_to_named_district(parse, geoparser, event_at):
    # Saabid is not in the gazetteer; Afgooye and Lower Shabelle corroborate each other
    # although neither is said with "in" and Lower Shabelle matches only loosely.
    parsed = parse(
        "On Sunday, militants attacked an army base in Saabid village (Afgooye, Lower Shabelle)."
    )
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.country == "Somalia"
    assert haversine_km(finding.latitude, finding.longitude, 2.14, 45.12) < 25


def test_foreign_namesake_of_a_village_yields_to_the_units_around_it(parse, geoparser, event_at):
    # Morocco has a Derdara; the countryside of Ras al-Ain in Al-Hasakeh is in Syria.
    parsed = parse(
        "On Monday, Turkish forces shelled the village of Dardara in the countryside of "
        "Ras Al Ain in Al-Hasakeh."
    )
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.country == "Syria" and finding.geo_precision == 2
    assert haversine_km(finding.latitude, finding.longitude, 36.85, 40.07) < 25


def test_town_in_the_district_of_its_own_name(parse, geoparser, event_at):
    # Santa Ana exists in a dozen countries; only El Salvador's lies in a Santa Ana unit.
    parsed = parse("On Monday, in Santa Ana (Santa Ana), factory workers protested over pay.")
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.country == "El Salvador" and finding.location == "Santa Ana"


def test_bracketed_province_alone_vouches_for_its_country(parse, geoparser, event_at):
    # Bugabira is missing; Kirundo is both a town and its province, so it is a place.
    parsed = parse(
        "On Sunday, ruling party youths attacked an opposition member in Bugabira "
        "commune (Kirundo)."
    )
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.country == "Burundi" and finding.admin1 == "Kirundo"


def test_city_word_after_a_name_is_not_a_loose_spelling(parse, geoparser, event_at):
    parsed = parse("On Monday, supporters held a sit-in at the main square in Sidon City.")
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.location == "Sidon" and finding.country == "Lebanon"


def test_nearby_namesakes_do_not_corroborate_each_other(parse, geoparser):
    # Paris and London, Ontario lie 60 km apart; nearness alone proves nothing.
    parsed = parse("Climate activists marched in Paris and London on Saturday.")
    countries = {p.text: p.country for p in geoparser.find_places(parsed)}
    assert countries == {"Paris": "FR", "London": "GB"}


def test_local_government_area_is_a_district_not_an_organisation(parse, geoparser, event_at):
    # The village is missing from the gazetteer: the LGA (admin2) beats the state.
    parsed = parse(
        "On Sunday, gunmen abducted the wife of a former council chairman in Apa Agila "
        "(Ado LGA, Benue)."
    )
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.location == "Ado" and finding.admin1 == "Benue"
    assert finding.geo_precision == 2


def test_city_named_like_its_province_rules_out_a_far_namesake(parse, geoparser, event_at):
    # GeoNames knows only a Kruta Balka near Poltava; "Donetsk" names the oblast here.
    parsed = parse(
        "On Sunday, the army fired grenade launchers at militia positions in the area of "
        "Kruta Balka, Donetsk."
    )
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.admin1 == "Donetska" and finding.location == "Donetsk"


def test_scene_setting_place_before_the_real_subject_is_located(parse, geoparser, event_at):
    # The parser makes "Barinas" a second subject of "burned": it sets the scene, it
    # does not act (unlike "Moscow said").
    parsed = parse(
        "On Monday, Barinas, Barinas state, residents burned tires to reject constant power cuts."
    )
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.country == "Venezuela" and finding.location == "Barinas"


# (text, country, location, (lat, lon) within 25 km; None: not checked)
WRITTEN_AFTER = [
    # France's Rennes is also "Reni" in GeoNames; Odessa makes it Reni in Ukraine.
    (
        "On Friday, a councillor's car was set on fire in Reni, Odessa.",
        "Ukraine",
        "Reni",
        (45.45, 28.28),
    ),
    # Venezuela's Rio Claro is missing from the gazetteer: Brazil's must not stand in.
    (
        "On Tuesday, in Rio Claro, Lara state, residents protested over gas shortages.",
        "Venezuela",
        "Lara",
        None,
    ),
    # Donetsk oblast has several Oleksandrivkas: the one by Donetsk city is meant.
    (
        "On Saturday, the army fired mortars at militia positions in the area of "
        "Oleksandrivka, Donetsk.",
        "Ukraine",
        "Oleksandrivka",
        (48.0, 37.8),
    ),
    # GeoNames calls Basira "Al Busayrah"; Deir-ez-Zor vouches for the reading.
    (
        "On Monday, militants fired an RPG at a checkpoint in the town of Basira in the "
        "eastern countryside of Deir-ez-Zor.",
        "Syria",
        "Al Busayrah",
        (35.16, 40.43),
    ),
    # "Dar'a" is GeoNames' "Daraa": the province holds Kafr Nassij, the event's place.
    (
        "On Thursday, a gunman killed an intelligence officer in Kafr Nassij in Dar'a.",
        "Syria",
        "Kafr Nasij",
        None,
    ),
    # "Cintalapa" is Cintalapa de Figueroa, Chiapas, not a hamlet called Cintalapa.
    (
        "On Tuesday, in Cintalapa, Chiapas, armed men kidnapped three people.",
        "Mexico",
        "Cintalapa de Figueroa",
        (16.69, -93.72),
    ),
    # A neighbourhood is a part of the city, not the town Bom Jardim elsewhere in Brazil.
    (
        "On Monday, in Fortaleza, Ceara, gunmen shot a man dead at his home in Bom Jardim "
        "neighborhood.",
        "Brazil",
        None,
        (-3.72, -38.54),
    ),
    # Poonch is a district of India's Jammu and Kashmir and a division of Pakistan's Azad
    # Kashmir; "J&K" (data/places/admin-abbreviations.csv) says which.
    (
        "On Friday, the armies of India and Pakistan exchanged fire across the Line of "
        "Control at Mankote sector (Poonch district, J&K).",
        "India",
        None,
        (33.77, 74.09),
    ),
    # Gujarat's town of Palanpur is 300 km from Surat: here it names a part of Surat.
    (
        "On Monday, about 500 migrant workers protested in Palanpur area of Surat city "
        "(Surat, Gujarat) against their landlords.",
        "India",
        "Surat",
        None,
    ),
    # Where people came from is not where they acted.
    (
        "On Saturday, hundreds of migrant workers from Surat threw stones at police at Halol "
        "check post (Panchmahal, Gujarat) after their buses were stopped.",
        "India",
        "Halol",
        None,
    ),
    # A town placed in a named unit is a place even where the parse makes it a subject.
    (
        "On Monday, Carora, Lara state, bus drivers protested over fuel shortages.",
        "Venezuela",
        "Carora",
        None,
    ),
    # Sahiwal is in Punjab: the district written right after the city vouches for it,
    # whatever province follows.
    (
        "On Friday, shopkeepers set fire to a police post in Sahiwal city (Sahiwal, Sindh).",
        "Pakistan",
        "Sahiwal",
        (31.97, 72.33),
    ),
    # The state is "Veracruz de Ignacio de la Llave": its short name still holds the town.
    (
        "On Tuesday, in Coatzacoalcos, Veracruz, gunmen set fire to a bar.",
        "Mexico",
        "Coatzacoalcos",
        None,
    ),
    # Owode in Obafemi Owode LGA lies 60 km from Egbado South: a namesake; the LGA stands.
    (
        "On Friday, customs officers raided a warehouse in Owode (Egbado South LGA, Ogun) and "
        "seized rice.",
        "Nigeria",
        "Egbado South",
        None,
    ),
    # "Eastern" here is a word, not Egypt's Eastern province, the loose reading of Sharqiya.
    (
        "On Monday, gunmen killed a mukhtar in the town of Eastern Sharqiya in the eastern "
        "countryside of Dar'a.",
        "Syria",
        "Dar'a",
        None,
    ),
    # A road to a town of two words ("Ghale Ganj") still puts the event on the road.
    (
        "On Sunday, farmers closed the Kahnuj-Ghale Ganj road to protest water shortages.",
        "Iran",
        "Kahnuj",
        None,
    ),
    # A place written with its unit is where the report puts the event, even after "from".
    (
        "On Tuesday, a group of citizens from Redeyef (Gafsa) protested to demand a "
        "coronavirus testing centre.",
        "Tunisia",
        "Ar Rudayyif",
        None,
    ),
    # India's Daman district lies 1,400 km from Kandahar: Afghanistan's Daman is meant.
    (
        "On Tuesday, two militants were killed when the landmines they were planting exploded "
        "in a village of Daman district, Kandahar.",
        "Afghanistan",
        None,
        None,
    ),
    # Brest names its province too, but it is not Mogilev's container here: a second city.
    (
        "On Sunday, about 30 people protested in Mogilev in solidarity with the "
        "environmental protest in Brest.",
        "Belarus",
        "Mogilev",
        (53.91, 30.34),
    ),
    # Puno, Peru, is called Puno; Pune, India, only has "Puno" among its other names.
    (
        "On Wednesday, in Puno city, residents banged pots to protest against the return of "
        "travellers stuck in Lima.",
        "Peru",
        "Puno",
        None,
    ),
    # "Sadah" (Sa'dah city) stands for Saada governorate, which holds Razih district.
    (
        "On Wednesday, Saudi artillery shelled villages of Razih district in northern Yemen "
        "(Sadah).",
        "Yemen",
        "Razih",
        None,
    ),
]


@pytest.mark.parametrize(("text", "country", "location", "point"), WRITTEN_AFTER)
def test_the_words_around_a_name_pick_its_reading(
    parse, geoparser, event_at, text, country, location, point
):
    parsed = parse(text)
    finding = geoparser.extract(parsed, event_at(parsed))
    assert finding.country == country
    if location:
        assert finding.location == location
    if point:
        assert haversine_km(finding.latitude, finding.longitude, *point) < 25
