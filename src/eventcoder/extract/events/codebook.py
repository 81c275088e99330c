"""ACLED codebook conventions a sentence classifier does not learn from a few examples.

Shelling is remote violence only when one side's heavy weapons are all that is reported:
an exchange that also involves small arms, fire from "unspecified weapons" on an enemy's
positions, or shelling between two sides ("in both directions of the frontline", "a
shelling exchange") is combat, an Armed clash.

A demonstration is coded by what happened at it: demonstrators burning tyres, throwing
stones or vandalising make it a Violent demonstration; forces dispersing or arresting
peaceful demonstrators make it a Protest with intervention. The words must report the
act, not a grievance ("protested against the arrest of ..." stays peaceful).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventcoder.records import Sentence

SHELLING = "Shelling/artillery/missile attack"
ARMED_CLASH = "Armed clash"
# Weapons of ground combat: their presence makes a shelling report a clash.
GROUND_COMBAT = re.compile(
    r"\b(?:small[- ]arms?|gunfire|gun ?fights?|firefights?"
    r"|exchanged fire|exchanges? of fire|traded fire)\b",
    re.IGNORECASE,
)
# Fire between two sides: an artillery duel is a battle, not a one-sided shelling.
TWO_SIDED_FIRE = re.compile(
    r"\b(?:in both directions|(?:shelling|artillery|mortar) (?:exchanges?|duels?)"
    r"|exchang\w* (?:of )?(?:\w+ )?(?:shell\w*|artillery|mortars?|rockets?)|mutual shelling)\b",
    re.IGNORECASE,
)
# Weapons of remote violence: when named alone, the report stays a shelling.
HEAVY_WEAPONS = re.compile(
    r"\b(?:artillery|mortars?|shell(?:s|ed|ing)?|rockets?|missiles?|howitzers?|tanks?"
    r"|grad|mlrs|cannons?|(?:anti-tank|atgm)|heavy machine ?guns?)\b",
    re.IGNORECASE,
)
UNSPECIFIED = re.compile(r"\bunspecified weapons\b", re.IGNORECASE)


def apply_codebook(text: str, sub_event_type: str) -> str:
    """The sub-type of a sentence after the conventions above (unchanged if none applies).

    Example: "Forces fired mortars and small arms at the positions" -> Armed clash.
    """
    if sub_event_type != SHELLING:
        return sub_event_type
    if UNSPECIFIED.search(text) and not HEAVY_WEAPONS.search(text):
        return ARMED_CLASH
    if GROUND_COMBAT.search(text) or TWO_SIDED_FIRE.search(text):
        return ARMED_CLASH
    return sub_event_type


PEACEFUL = "Peaceful protest"
INTERVENTION = "Protest with intervention"
VIOLENT = "Violent demonstration"
ARRESTS = "Arrests"
# What a report of each sub-type makes of a demonstration, by rank: arrests at a protest
# are an intervention; protesters turning violent make it a riot whatever the police did.
PROTEST_ESCALATION: dict[str, tuple[int, str]] = {
    PEACEFUL: (0, PEACEFUL),
    INTERVENTION: (1, INTERVENTION),
    ARRESTS: (1, INTERVENTION),
    "Excessive force against protesters": (2, "Excessive force against protesters"),
    VIOLENT: (3, VIOLENT),
}
# What demonstrators do that makes a demonstration violent.
VIOLENT_ACTS = re.compile(
    r"\b(?:burn(?:ing|t|ed) (?:of )?(?:tyres|tires|objects|barricades)"
    r"|(?:pelt|thr[eo]w|hurl)\w* (?:\w+ )?"
    r"(?:stones|rocks|bricks|molotov\w*|petrol bombs|projectiles|bottles)|stone[- ]pelting"
    r"|vandali[sz]\w*|ransack\w*|torch(?:ed|ing)|set(?:ting)? (?:fire|ablaze)|loot(?:ed|ing)"
    r"|riot(?:ed|ing)|broke into|storm(?:ed|ing)(?! out)|scuffles?|clash(?:ed|es)? with)\b",
    re.IGNORECASE,
)
# What forces do to a demonstration that makes it a protest with intervention; arrests
# count only in a sentence about the demonstrators ("He was arrested in 2019" may be the
# grievance's story).
INTERVENTION_ACTS = re.compile(
    r"\b(?:dispersed|broke up|(?:baton|lathi)[- ]charg\w*|tear ?gas\w*|teargas\w*"
    r"|water cannons?|rubber bullets)\b"
    r"|\b(?:arrested|detained)\b(?=.*\b(?:protesters?|demonstrators?|participants|crowd)\b)"
    r"|\b(?:protesters?|demonstrators?|participants|crowd)\b.*?\b(?:arrested|detained)\b",
    re.IGNORECASE,
)
# Words just before a cue that make it a grievance or a demand, not an act at the protest.
GRIEVANCE = re.compile(
    r"(?:against|over|(?:release|arrest|recovery|return) of|accused of|protest(?:ing|ed)?"
    r"|demand\w*|denounc\w*|condemn\w*|of the)\W+(?:\w+\W+){0,3}$"
    # the act named as a thing, not done: "the recovery of looted funds", "a fake looting case"
    r"|\b(?:of|their|the|a|fake)\s+$",
    re.IGNORECASE,
)
GRIEVANCE_WINDOW = 40


def demonstration_acts(
    sentences: Sequence[Sentence], sub_event_type: str
) -> tuple[str, Sentence, tuple[int, int]] | None:
    """The more severe sub-type that the acts reported in a demonstration's sentences
    call for, with the sentence and its span of the words (None if the type stands)."""
    if sub_event_type not in (PEACEFUL, INTERVENTION):
        return None  # a riot or excessive force stands; other types are not demonstrations
    rank = PROTEST_ESCALATION[sub_event_type][0]
    for name, acts in ((VIOLENT, VIOLENT_ACTS), (INTERVENTION, INTERVENTION_ACTS)):
        if PROTEST_ESCALATION[name][0] <= rank:
            continue
        for sentence in sentences:
            for match in acts.finditer(sentence.text):
                before = sentence.text[max(0, match.start() - GRIEVANCE_WINDOW) : match.start()]
                if not GRIEVANCE.search(before):
                    return name, sentence, match.span()
    return None
