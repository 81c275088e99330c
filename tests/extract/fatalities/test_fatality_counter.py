"""FatalityCounter on real sentences: ACLED's counting rules, one pattern per case."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventcoder.extract.fatalities import FatalityCounter, FirstNumberBaseline


@pytest.fixture(scope="module")
def counter():
    return FatalityCounter()


@pytest.mark.parametrize(
    ("text", "fatalities", "estimated"),
    [
        ("Gunmen killed 3 soldiers and 2 civilians in Kano on Friday.", 5, False),
        ("Two people were killed when a bomb exploded at a market in Maiduguri.", 2, False),
        ("A dozen villagers were killed in the raid on Tchoma Bangou.", 12, False),
        ("At least 15 people died after militants stormed the town.", 15, False),
        ("Between 10 and 12 people were killed in the clashes near Gao.", 10, False),
        ("More than 20 fighters were killed in the fighting around Marib.", 20, False),
        ("Gunmen shot dead two traders at the Sabon Gari market.", 2, False),
        ("A private security guard stabbed a man to death in Onitsha.", 1, False),
        ("The attack on the checkpoint left 3 dead and 6 others wounded.", 3, False),
        ("A police officer was killed in the ambush near Bannu.", 1, False),
        ("Five people were injured in the blast, police said.", 0, False),
        ("Soldiers arrested seven suspects and abducted two others.", 0, False),
        ("There were no casualties in the attack on the base.", 0, False),
        ("The rocket hit an empty field and no one was killed.", 0, False),
        ("Militants attacked the village and killed residents.", 3, True),
        ("Dozens of civilians were killed in the air raids on Idlib.", 12, True),
        (
            "Gunmen killed 4 people on Friday, bringing the death toll since January to 200.",
            4,
            False,
        ),
        ("The war has killed more than 300,000 people since the start of the conflict.", 0, False),
        ("Syria death toll tops 136,000, future talks uncertain.", 0, False),
        ("Fighting resulted in fatalities. Unknown number of fatalities coded as 10.", 10, True),
        (
            "Clashes were reported in five villages. "
            "Fatalities coded as 18 and spread across five locations.",
            4,
            True,
        ),
    ],
)
def test_counts(counter, parse, mention_over, text, fatalities, estimated):
    parsed = parse(text, published="2021-10-02")
    finding = counter.extract(parsed, mention_over(parsed))
    assert finding.fatalities == fatalities
    assert finding.estimated is estimated


def test_civilian_deaths_are_counted_apart(counter, parse, mention_over):
    parsed = parse("Gunmen killed 3 soldiers and 2 civilians in Kano on Friday.")
    assert counter.extract(parsed, mention_over(parsed)).civilian_fatalities == 2


def test_repeated_toll_is_not_added(counter, parse, mention_over):
    parsed = parse(
        "Five people were killed in an attack on a bus in Ghazni. "
        "Police said the five were killed by a roadside bomb."
    )
    assert counter.extract(parsed, mention_over(parsed)).fatalities == 5


def test_victims_also_killed_are_added(counter, parse, mention_over):
    parsed = parse(
        "Two soldiers were killed in an attack by Taliban militants in Jowzjan. "
        "Local authorities reported that 7 militants were also killed."
    )
    assert counter.extract(parsed, mention_over(parsed)).fatalities == 9


def test_another_victim_is_added(counter, parse, mention_over):
    parsed = parse(
        "Two soldiers were killed in the ambush on Thursday. "
        "Another soldier died later in hospital."
    )
    assert counter.extract(parsed, mention_over(parsed)).fatalities == 3


def test_seed_leader_killed_and_no_civilian_casualties(counter, sample_parsed, mention_over):
    """The seed: "leaders ... had been killed" has no count, but CENTCOM confirms it had
    killed one leader; a reported count beats the convention, so 1, and the subhead "No
    civilian casualties" gives 0 civilian deaths."""
    mention = mention_over(
        sample_parsed,
        "A drone strike on September 20",
        "The US military confirmed at the time",
        "No civilian casualties",
        event_type="Explosions/Remote violence",
    )
    finding = counter.extract(sample_parsed, mention)
    assert finding.fatalities == 1
    assert finding.civilian_fatalities == 0
    assert not finding.estimated
    assert finding.evidence[0].quote == "killed an al-Qaeda leader"


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "fatalities"),
    [
        ("Protests", "Peaceful protest", 0),
        ("Protests", "Excessive force against protesters", 2),
        ("Violence against civilians", "Attack", 2),
    ],
)
def test_protests_have_no_deaths_by_definition(
    counter, parse, mention_over, event_type, sub_event_type, fatalities
):
    parsed = parse("Hundreds marched in Lagos after police killed two students on Monday.")
    mention = mention_over(parsed, event_type=event_type, sub_event_type=sub_event_type)
    assert counter.extract(parsed, mention).fatalities == fatalities


@pytest.mark.parametrize(
    ("event_type", "fatalities"),
    [("Riots", 0), ("Violence against civilians", 1)],
)
def test_a_riot_about_an_earlier_death_has_none(
    counter, parse, mention_over, event_type, fatalities
):
    parsed = parse(
        "Residents blocked an avenue with burning tyres to protest against the death of a "
        "teenager. A man was shot dead by police during the riot."
        if event_type != "Riots"
        else "Residents blocked an avenue with burning tyres to protest against the death of a "
        "teenager killed by police last week."
    )
    assert (
        counter.extract(parsed, mention_over(parsed, event_type=event_type)).fatalities
        == fatalities
    )


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("On 4 May 2020, 3 people were killed in Kano.", 3),
        ("On 4 May 2020, 3 people were injured in Kano.", 0),
    ],
)
def test_baseline_skips_the_date(parse, mention_over, text, fatalities):
    parsed = parse(text)
    assert FirstNumberBaseline().extract(parsed, mention_over(parsed)).fatalities == fatalities


def test_follow_up_sentences_give_the_toll(counter, parse, mention_over):
    """A detail after the event's sentence ("Two of them later died.") is its toll, even
    when the detector did not read that sentence as an event."""
    parsed = parse(
        "On 14 June 2021, unidentified gunmen opened fire on a bus near Kachia, Kaduna. "
        "Two of the passengers later died in hospital."
    )
    alone = mention_over(parsed, "opened fire", event_type="Violence against civilians")
    assert counter.extract(parsed, alone).fatalities == 0
    with_details = replace(alone, follow_up_indices=(1,))
    assert counter.extract(parsed, with_details).fatalities == 2
