"""Who was hit decides Attack or Armed clash: the pipeline re-types by target (ACLED)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventcoder.extract.events.targets import METHOD
from eventcoder.extract.evidence import make_evidence
from eventcoder.pipeline import assemble_event, default_components


@pytest.mark.parametrize(
    ("text", "predicted", "expected"),
    [
        (
            "Unknown assailants stabbed a soldier to death near his barracks in Kaduna.",
            "Attack",
            "Armed clash",
        ),
        (
            "Suspected militants shot and wounded two policemen guarding a bank in Pulwama.",
            "Attack",
            "Armed clash",
        ),
        # A bare policewoman, or a rank of the state's forces, is a state target.
        (
            "Unknown gunmen shot and killed a policewoman in a square of Kandahar city.",
            "Attack",
            "Armed clash",
        ),
        (
            "Unidentified gunmen shot dead a regime lieutenant in the city of Daraa.",
            "Attack",
            "Armed clash",
        ),
        (
            "Unknown assailants stabbed a teacher to death near her school in Kaduna.",
            "Attack",
            "Attack",
        ),
        (
            "Soldiers and Ansaru fighters exchanged gunfire for hours near Birnin Gwari.",
            "Armed clash",
            "Armed clash",
        ),
        # The converse: a "clash" whose victims are civilians, with no second side.
        (
            "Police forces shot and killed a civilian in Goday on Sunday.",
            "Armed clash",
            "Attack",
        ),
        (
            "Clashes between soldiers and gunmen in Karak left two civilians wounded.",
            "Armed clash",
            "Armed clash",
        ),
    ],
)
def test_the_target_decides_attack_or_clash(parse, mention_over, text, predicted, expected):
    parsed = parse(text, published="2021-03-02")
    event_type = "Violence against civilians" if predicted == "Attack" else "Battles"
    mention = mention_over(parsed, event_type=event_type, sub_event_type=predicted)
    event = assemble_event(parsed, mention, default_components())
    assert event.sub_event_type == expected
    if expected == "Armed clash":
        assert event.event_type == "Battles"
    else:
        assert event.event_type == "Violence against civilians"
        assert event.civilian_targeting == "Civilian targeting"
    if predicted == "Attack" and expected == "Armed clash":
        assert event.inter2 == "1"  # soldiers and police are state forces
        assert event.civilian_targeting is None
    if predicted == "Armed clash" and expected == "Attack":
        assert event.inter2 == "7"  # civilians


def test_retyping_keeps_the_span_and_says_why(parse, mention_over):
    parsed = parse("Gunmen shot dead an off-duty police officer outside his home in Maiduguri.")
    attack = replace(
        mention_over(parsed, event_type="Violence against civilians", sub_event_type="Attack"),
        evidence=(make_evidence(parsed, "sub_event_type", "Attack", 0, 6, "model", 0.9),),
    )
    event = assemble_event(parsed, attack, default_components())
    [typed] = [e for e in event.evidence if e.field == "sub_event_type"]
    assert (typed.value, typed.method, typed.quote) == ("Armed clash", METHOD, "Gunmen")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Monday, the Syrian army regained control of Kafr Nabudah after heavy clashes "
            "with rebels.",
            "Government regains territory",
        ),
        (
            "Taliban militants took control of 25 villages in Yaftal district, Badakhshan, "
            "after clashes with Afghan soldiers.",
            "Non-state actor overtakes territory",
        ),
        (
            "Nigerian soldiers recovered territory around Damboa after a clash with ISWAP "
            "fighters on Friday.",
            "Government regains territory",
        ),
        (
            "Soldiers and Ansaru fighters exchanged gunfire for hours near Birnin Gwari.",
            "Armed clash",
        ),
    ],
)
def test_a_clash_that_took_a_place_is_coded_by_who_took_it(parse, mention_over, text, expected):
    parsed = parse(text, published="2021-03-02")
    mention = mention_over(parsed, event_type="Battles", sub_event_type="Armed clash")
    event = assemble_event(parsed, mention, default_components())
    assert (event.event_type, event.sub_event_type) == ("Battles", expected)
