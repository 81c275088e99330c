"""ActorCoder on real sentences: state forces, foreign forces, rebels, protests, riots,
civilians targeted, passive voice, unknown actors, spelling variants, the sample article."""

from __future__ import annotations

import pytest

from eventcoder.extract.actors import ActorCoder, KeywordActorBaseline, interaction
from eventcoder.records import EventMention, Span

EVENT_TYPES = {
    "Armed clash": ("Political violence", "Battles"),
    "Air/drone strike": ("Political violence", "Explosions/Remote violence"),
    "Remote explosive/landmine/IED": ("Political violence", "Explosions/Remote violence"),
    "Attack": ("Political violence", "Violence against civilians"),
    "Looting/property destruction": ("Strategic developments", "Strategic developments"),
    "Change to group/activity": ("Strategic developments", "Strategic developments"),
    "Peaceful protest": ("Demonstrations", "Protests"),
    "Protest with intervention": ("Demonstrations", "Protests"),
    "Violent demonstration": ("Demonstrations", "Riots"),
}


@pytest.fixture(scope="module")
def coder():
    return ActorCoder()


def mention(parsed, sub_event_type: str, trigger: str, sentences=(0,)) -> EventMention:
    start = parsed.article.text.index(trigger)
    disorder, event_type = EVENT_TYPES[sub_event_type]
    return EventMention(
        article_id=parsed.article.id,
        sentence_indices=tuple(sentences),
        trigger=Span(start, start + len(trigger)),
        disorder_type=disorder,
        event_type=event_type,
        sub_event_type=sub_event_type,
        plover_type=None,
        confidence=0.9,
    )


def code(coder, parse, text, sub_event_type, trigger, published="2020-05-04"):
    parsed = parse(text, published=published)
    return coder.extract(parsed, mention(parsed, sub_event_type, trigger))


def test_state_forces_by_demonym_target_civilians(coder, parse):
    found = code(
        coder,
        parse,
        "Afghan security forces shot and wounded a shopkeeper in Khost city, Khost province.",
        "Attack",
        "shot",
    )
    assert found.actor1.startswith("Military Forces of Afghanistan (2014-")
    assert (found.inter1, found.actor2, found.inter2) == ("1", "Civilians (Afghanistan)", "7")
    assert found.interaction == "17"
    assert found.civilian_targeting == "Civilian targeting"
    quotes = {e.field: e.quote for e in found.evidence}
    assert quotes["actor1"] == "Afghan security forces"


def test_foreign_forces_are_external(coder, parse):
    found = code(
        coder,
        parse,
        "Turkish troops shelled Kurdish-held villages near Ain Issa in Raqqa province, Syria.",
        "Air/drone strike",
        "shelled",
    )
    assert found.actor1.startswith("Military Forces of Turkey")
    assert found.inter1 == "8"
    assert found.civilian_targeting is None


def test_rebel_group_attacks_army(coder, parse):
    found = code(
        coder,
        parse,
        "Al-Shabaab militants attacked a Somali army base in Lower Shabelle, killing 4 soldiers.",
        "Armed clash",
        "attacked",
    )
    assert found.actor1 == "Al Shabaab"
    assert found.inter1 == "2"
    assert found.actor2.startswith("Military Forces of Somalia")
    assert found.interaction == "12"


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        # In the dictionary (an alias of the Donbass separatist forces).
        (
            "On 3 May 2020, the Ukrainian Forces fired small arms at the positions of the "
            "Donbass People's Militia near Avdiivka.",
            "NAF: United Armed Forces of Novorossiya",
        ),
        # Unknown: "People" inside an organisation's name is not the civilians.
        ("On Monday, soldiers shelled the positions of the Arakan People's Army in Paletwa.", None),
    ],
)
def test_people_in_an_armed_groups_name_are_not_civilians(coder, parse, text, actor2):
    found = code(coder, parse, text, "Armed clash", "fired" if "fired" in text else "shelled")
    assert found.actor2 != "Civilians" and found.target_kind != "civilians"
    if actor2:
        assert found.actor2 == actor2


def test_passive_voice_agent(coder, parse):
    found = code(
        coder,
        parse,
        "Two villagers were killed by Boko Haram fighters in Gwoza, Borno.",
        "Attack",
        "killed",
    )
    assert found.actor1.startswith("Boko Haram")
    assert found.actor2 == "Civilians (Nigeria)"


def test_protesters_and_police_intervention(coder, parse):
    found = code(
        coder,
        parse,
        "Hundreds of teachers protested in Lahore, Punjab, and police used tear gas "
        "to disperse them.",
        "Protest with intervention",
        "protested",
    )
    assert found.actor1 == "Protesters (Pakistan)"
    assert found.inter1 == "6"
    assert found.actor2.startswith("Police Forces of Pakistan")
    assert found.interaction == "16"


def test_peaceful_protest_has_no_actor2(coder, parse):
    found = code(
        coder,
        parse,
        "About 40 nurses protested outside the regional hospital in Sfax, Tunisia, "
        "over unpaid bonuses.",
        "Peaceful protest",
        "protested",
    )
    assert (found.actor1, found.actor2, found.inter2, found.interaction) == (
        "Protesters (Tunisia)",
        None,
        "0",
        "60",
    )


def test_rioters(coder, parse):
    found = code(
        coder,
        parse,
        "Rioters threw stones and burned tyres outside the town hall in Tyre, Lebanon.",
        "Violent demonstration",
        "threw",
    )
    assert found.actor1 == "Rioters (Lebanon)"
    assert found.inter1 == "5"


def test_unidentified_gunmen(coder, parse):
    found = code(
        coder,
        parse,
        "Unidentified gunmen shot dead a trader in Celaya, Guanajuato.",
        "Attack",
        "shot",
    )
    assert found.actor1 == "Unidentified Armed Group (Mexico)"
    assert found.inter1 == "3"
    assert found.actor2 == "Civilians (Mexico)"


def test_ied_without_perpetrator_is_unidentified(coder, parse):
    found = code(
        coder,
        parse,
        "A roadside bomb exploded in Kandahar city, wounding three civilians.",
        "Remote explosive/landmine/IED",
        "exploded",
    )
    assert found.actor1 == "Unidentified Armed Group (Afghanistan)"


@pytest.mark.parametrize(
    "spelling", ["Hayat Tahrir al Sham", "Hay'at Tahrir al-Sham", "Hayat Tahrir al-Shaam"]
)
def test_spelling_variants_resolve(coder, parse, spelling):
    found = code(
        coder,
        parse,
        f"{spelling} fighters clashed with regime forces in Idlib.",
        "Armed clash",
        "clashed",
    )
    assert found.actor1 == "HTS: Hayat Tahrir al Sham"
    assert found.actor2.startswith("Military Forces of Syria")


def test_unknown_actor_kept_and_flagged(coder, parse):
    found = code(
        coder,
        parse,
        "The Zarqawi Brigade attacked a checkpoint of the Iraqi army in Kirkuk.",
        "Armed clash",
        "attacked",
    )
    assert found.actor1 == "Zarqawi Brigade"
    evidence = next(e for e in found.evidence if e.field == "actor1")
    assert "unresolved" in evidence.method
    assert evidence.confidence < 0.5
    assert found.actor2.startswith("Military Forces of Iraq")


def test_sample_article(coder, sample_parsed):
    text = sample_parsed.article.text
    start = text.index("drone strike")
    main = next(s.index for s in sample_parsed.sentences if s.start <= start < s.end)
    m = EventMention(
        "idlib-drone-strike",
        (main,),
        Span(start, start + len("drone strike")),
        "Political violence",
        "Explosions/Remote violence",
        "Air/drone strike",
        None,
        0.9,
    )
    found = coder.extract(sample_parsed, m)
    assert found.actor1.startswith("Military Forces of the United States")
    assert found.inter1 == "8"
    assert "qaeda" in found.actor2.lower() or "hurras" in found.actor2.lower()
    assert "Tahrir" not in found.actor2
    assert found.civilian_targeting is None
    assert found.interaction == "28"


def test_interaction_orders_codes():
    assert interaction("7", "1") == "17"
    assert interaction("6", "0") == "60"
    assert interaction(None, None) is None


def test_keyword_baseline_takes_first_two_entities(parse):
    parsed = parse("Turkish forces shelled SDF positions near Ain Issa.")
    found = KeywordActorBaseline().extract(parsed, mention(parsed, "Armed clash", "shelled"))
    assert found.actor1 == "Turkish"
    assert found.actor2 is not None


def test_clashes_between_two_sides(coder, parse):
    found = code(
        coder,
        parse,
        "Clashes broke out between Taliban militants and Afghan police in Ghazni province.",
        "Armed clash",
        "Clashes",
    )
    assert found.actor1 == "Taliban"
    assert found.actor2.startswith("Police Forces of Afghanistan")
    assert found.interaction == "12"


def test_unknown_place_name_is_not_an_actor(coder, parse):
    found = code(
        coder,
        parse,
        "Regime artillery shelled Maarrat Misrin north of Idlib city overnight.",
        "Air/drone strike",
        "shelled",
    )
    assert found.actor1.startswith("Military Forces of Syria")
    assert found.actor2 is None
    assert found.interaction == "10"


def test_victims_keep_their_nationality(coder, parse):
    found = code(
        coder,
        parse,
        "Burkinabe soldiers beat several Malian refugees at a camp outside Djibo.",
        "Attack",
        "beat",
    )
    assert found.actor1.startswith("Military Forces of Burkina Faso")
    assert found.actor2 == "Civilians (Mali)"


def test_looted_property_belongs_to_civilians(coder, parse):
    found = code(
        coder,
        parse,
        "Boko Haram fighters looted shops in Mora, Far North region, Cameroon.",
        "Looting/property destruction",
        "looted",
    )
    assert found.actor1.startswith("Boko Haram")
    assert found.actor2 == "Civilians (Cameroon)"
    assert found.civilian_targeting == "Civilian targeting"


def test_unattributed_fighting_gets_the_wars_two_sides(coder, parse):
    found = code(
        coder,
        parse,
        "In May 2020, OSCE SMM monitors recorded 14 explosions near Donetsk.",
        "Armed clash",
        "explosions",
    )
    assert found.actor1.startswith("Military Forces of Ukraine")
    assert found.actor2 == "NAF: United Armed Forces of Novorossiya"
    assert found.interaction == "12"
    assert all(e.method.endswith(":convention") for e in found.evidence)


def test_organised_crime_killing_is_an_unidentified_gang(coder, parse):
    found = code(
        coder,
        parse,
        "A man was found dead with his hands tied on a road outside Culiacan, Sinaloa.",
        "Attack",
        "found",
    )
    assert found.actor1 == "Unidentified Gang (Mexico)"
    assert found.inter1 == "3"
    assert found.actor2 == "Civilians (Mexico)"


def test_country_as_subject_acts_through_its_forces(coder, parse):
    found = code(
        coder,
        parse,
        "Russia and Turkey held a joint military patrol near Kobani, Syria, on Tuesday.",
        "Change to group/activity",
        "held",
    )
    assert found.actor1.startswith("Military Forces of Russia")
    assert found.inter1 == "8"
    assert found.assoc_actor_1.startswith("Military Forces of Turkey")


def test_police_raid_names_the_police(coder, parse):
    found = code(
        coder,
        parse,
        "A drug suspect was shot dead during a police raid in Caloocan, Metro Manila.",
        "Attack",
        "shot",
    )
    assert found.actor1.startswith("Police Forces of the Philippines")
