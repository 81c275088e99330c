"""ACLED conventions on top of the classifier: shelling with small arms, or between two
sides, is a clash; strikes from the air are air strikes; a demonstration is coded by the
acts its sentences report, and needs a word of one."""

from __future__ import annotations

import pytest

from eventcoder.extract.events.codebook import (
    apply_codebook,
    demonstration_acts,
    unreported_violence,
)
from eventcoder.records import Sentence

SHELLING = "Shelling/artillery/missile attack"
AIR = "Air/drone strike"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rebels fired 82mm mortars and small arms at army positions near Horlivka.",
            "Armed clash",
        ),
        ("The two sides exchanged fire with machine guns and mortars overnight.", "Armed clash"),
        (
            "Troops fired with unspecified weapons on the enemy's positions near Tovuz.",
            "Armed clash",
        ),
        (
            "Monitors recorded 40 explosions in both directions of the frontline near Zolote.",
            "Armed clash",
        ),
        ("A shelling exchange between the two armies lasted until dawn near Tovuz.", "Armed clash"),
        ("Government artillery shelled the village of Kafr Nabl on Monday.", SHELLING),
        ("Monitors recorded 40 explosions near Zolote.", SHELLING),
        ("Mortar rounds fired with unspecified weapons support hit the market.", SHELLING),
    ],
)
def test_small_arms_or_two_sides_make_a_shelling_report_a_clash(text, expected):
    assert apply_codebook(text, SHELLING) == expected


def test_other_sub_types_are_left_alone():
    text = "Gunmen exchanged fire with police after robbing a bank."
    assert apply_codebook(text, "Attack") == "Attack"


@pytest.mark.parametrize(
    ("text", "read_as", "expected"),
    [
        (
            "Nigerian Air Force jets carried out airstrikes on ISWAP camps around Lake Chad.",
            SHELLING,
            "Air/drone strike",
        ),
        (
            "On 9 June 2021, helicopter gunships attacked al-Shabaab fighters near Jilib.",
            "Armed clash",
            "Air/drone strike",
        ),
        ("An air raid on a wedding party in Helmand killed 14 civilians.", "Attack", AIR),
        # Air power backing a ground operation: the operation is the event.
        (
            "Commandos, backed by airstrikes, killed 20 insurgents in a raid on Nad Ali.",
            "Armed clash",
            "Armed clash",
        ),
        # "Air Force" names a branch: its members shot in the street is no air strike.
        (
            "Gunmen shot dead an officer of the Air Force Intelligence in Daraa.",
            "Attack",
            "Attack",
        ),
    ],
)
def test_strikes_from_the_air_are_air_strikes(text, read_as, expected):
    assert apply_codebook(text, read_as) == expected


@pytest.mark.parametrize(
    ("texts", "expected", "words"),
    [
        (
            ["Workers barricaded roads with burning tyres in Sbeitla to demand their wages."],
            "Violent demonstration",
            "burning tyres",
        ),
        (
            ["Students rallied outside the ministry in Conakry.", "Police dispersed them."],
            "Protest with intervention",
            "dispersed",
        ),
        (
            ["Inmates rioted at the prison in Sapele over a ban on visits."],
            "Violent demonstration",
            "rioted",
        ),
        (["Hundreds protested in Tunis against the arrest of a blogger."], None, None),
        (
            ["Students rallied in Minsk over exam dates.", "Police arrested five protesters."],
            "Protest with intervention",
            "arrested",
        ),
        (
            [
                "Journalists protested in Lahore against the arrest of an editor.",
                "He was arrested in connection with a land case.",
            ],
            None,
            None,
        ),
        (["Relatives demonstrated over the torching of their homes."], None, None),
        # Acts named as things or done by others are the grievance, not the protest's acts.
        (["Traders rallied in Sidon and demanded the return of looted deposits."], None, None),
        (
            ["Farmers protested in Badin, demanding the arrest of men who set fire to crops."],
            None,
            None,
        ),
        (["Patients stormed out of the ward in Uralsk and protested on its lawn."], None, None),
        (
            ["Youths marched in Karachi and looted two shops."],
            "Violent demonstration",
            "looted",
        ),
        # Arrests reported of a number or of "them", and teargas the police "made use of".
        (
            ["Nurses held a sit-in at the hospital in Kano.", "Police arrested 12 of them."],
            "Protest with intervention",
            "arrested 12",
        ),
        (
            ["Traders rallied in Accra. Police intervened and made use of teargas."],
            "Protest with intervention",
            "intervened",
        ),
        # Lethal force on the demonstrators, even when told after "During the protest,".
        (
            [
                "Villagers blocked the road in Sarmada.",
                "During the protest, gunmen opened fire, killing a protester.",
            ],
            "Excessive force against protesters",
            "opened fire, killing a protester",
        ),
        (["Students marched in Dhaka against the killing of a demonstrator."], None, None),
    ],
)
def test_demonstration_acts_decide_its_sub_type(texts, expected, words):
    sentences, start = [], 0
    for i, text in enumerate(texts):
        sentences.append(Sentence(index=i, start=start, end=start + len(text), text=text))
        start += len(text) + 1
    found = demonstration_acts(sentences, "Peaceful protest")
    if expected is None:
        assert found is None
    else:
        name, sentence, (begin, end) = found
        assert name == expected and sentence.text[begin:end] == words


def test_a_riot_is_not_downgraded_by_an_intervention():
    text = "Police arrested ten rioters who had thrown stones at the town hall."
    sentence = Sentence(index=0, start=0, end=len(text), text=text)
    assert demonstration_acts([sentence], "Violent demonstration") is None


@pytest.mark.parametrize(
    ("text", "read_as", "expected"),
    [
        (
            "Two insurgents died near Ghazni when the mine they were burying exploded prematurely.",
            "Remote explosive/landmine/IED",
            "Disrupted weapons use",
        ),
        (
            "Saudi air defences intercepted a ballistic missile fired toward Jizan on Sunday.",
            SHELLING,
            "Disrupted weapons use",
        ),
        (
            "Border guards shot down a small drone carrying grenades near Kathua.",
            AIR,
            "Disrupted weapons use",
        ),
        (
            "An army bomb squad defused an IED planted under a culvert in Pulwama.",
            "Remote explosive/landmine/IED",
            "Disrupted weapons use",
        ),
        # An attack that was carried out stays an attack.
        (
            "Militants detonated an IED under an army truck near Torodi, killing a soldier.",
            "Remote explosive/landmine/IED",
            "Remote explosive/landmine/IED",
        ),
        # A drug haul is property seized, not a weapon stopped; arms seized stay disrupted.
        (
            "Federal police seized two tons of cocaine hidden in a lorry near Santos.",
            "Disrupted weapons use",
            "Looting/property destruction",
        ),
        (
            "Police seized four rifles and a kilo of cocaine in a raid in Medellin.",
            "Disrupted weapons use",
            "Disrupted weapons use",
        ),
        # A place taken with no word of fighting changed hands without violence.
        (
            "Militants took control of the village of Kiri and raised their flag in its square.",
            "Non-state actor overtakes territory",
            "Non-violent transfer of territory",
        ),
        (
            "Militants took control of the village of Kiri after clashes with the army.",
            "Non-state actor overtakes territory",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_weapons_stopped_goods_seized_and_places_handed_over(text, read_as, expected):
    assert apply_codebook(text, read_as) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protesters blocked the Saida highway in both directions for three hours.", True),
        ("Protesters blocked the Saida highway and set tyres on fire.", False),
        ("Rioters stoned a police post in Saida.", False),
    ],
)
def test_a_violent_reading_needs_violence_in_the_words(text, expected):
    sentence = Sentence(index=0, start=0, end=len(text), text=text)
    assert unreported_violence([sentence], "Violent demonstration") is expected
    assert unreported_violence([sentence], "Peaceful protest") is False
