"""Trigger words per ACLED sub-type: the keyword baseline's whole model, and the learned
detector's way to point at the words that name an event.

Order matters: the first matching rule wins, so specific cues ("suicide bomber",
"tear gas") come before generic ones ("bomb", "protest").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from eventcoder.extract.events.taxonomy import sub_event_type


@dataclass(frozen=True, slots=True)
class TriggerRule:
    sub_event_type: str
    pattern: re.Pattern[str]


def _rule(sub_type: str, words: str) -> TriggerRule:
    sub_event_type(sub_type)  # validate the name once, when the table is built
    return TriggerRule(sub_type, re.compile(rf"\b(?:{words})\b", re.IGNORECASE))


def _rules() -> tuple[TriggerRule, ...]:
    return (
        _rule("Suicide bomb", r"suicide[- ]bomb\w*|suicide attack\w*|blew (?:him|her)self up"),
        _rule(
            "Chemical weapon", r"chemical (?:weapon|attack)s?|chlorine|sarin|nerve agent|toxic gas"
        ),
        _rule(
            "Air/drone strike",
            r"air ?strikes?|air[- ]raids?|drone strikes?|drones?|warplanes?|airstrikes?"
            r"|fighter jets?|helicopter gunships?|aircraft|bombed|bombard\w*",
        ),
        _rule("Grenade", r"grenades?"),
        _rule(
            "Remote explosive/landmine/IED",
            r"IEDs?|improvised explosive|roadside bombs?|landmines?|land mines?|car bombs?"
            r"|explosive devices?|bomb blast|bombs?|explosions?|exploded|blasts?",
        ),
        _rule(
            "Shelling/artillery/missile attack",
            r"shell(?:ed|ing|s)?|artillery|mortars?|rockets?|missiles?",
        ),
        _rule("Sexual violence", r"rap(?:e|ed|es|ing)|sexual(?:ly)? (?:assault|abuse|violence)\w*"),
        _rule(
            "Abduction/forced disappearance",
            r"kidnap\w*|abduct\w*|taken hostage|took \w+ hostage|forcibly disappeared",
        ),
        _rule(
            "Excessive force against protesters",
            r"(?:fired|shot|opened fire) (?:at|on) (?:the )?(?:protesters|demonstrators)",
        ),
        _rule(
            "Protest with intervention",
            r"tear ?gas|water cannons?|dispers\w+|broke up",
        ),
        _rule("Violent demonstration", r"riot\w*|torched|burning tyres|pelted"),
        _rule("Mob violence", r"mob|lynch\w*|vigilantes?"),
        _rule(
            "Peaceful protest",
            r"protest\w*|demonstrat\w+|rall(?:y|ied|ies)|march(?:ed|es)?|sit-in|strike",
        ),
        _rule("Government regains territory", r"recaptur\w+|retook|regain\w*|liberat\w+"),
        _rule("Non-state actor overtakes territory", r"seized control|overran|captured the town"),
        _rule("Agreement", r"ceasefire|truce|peace (?:deal|agreement|accord)|prisoner exchange"),
        _rule("Arrests", r"arrest\w*|detain\w*|custody"),
        _rule("Disrupted weapons use", r"defus\w+|intercept\w*|arms cache|seized weapons"),
        _rule("Looting/property destruction", r"loot\w*|ransack\w*|burn(?:ed|t) down|set fire"),
        _rule("Headquarters or base established", r"established (?:a|an|its) (?:\w+ )?base"),
        _rule(
            "Armed clash",
            r"clash\w*|fight\w*|fought|gunfire|firefight|exchange of fire|ambush\w*"
            r"|attack\w*|offensive|battle\w*",
        ),
        _rule(
            "Attack",
            r"killed|shot dead|shot|murder\w*|gunmen|massacre\w*|beheaded|stabbed|hacked",
        ),
    )


@functools.lru_cache(maxsize=1)
def trigger_rules() -> tuple[TriggerRule, ...]:
    """The ordered rule table, compiled on first use."""
    return _rules()


def first_trigger(text: str) -> tuple[str, int, int] | None:
    """The first rule (in priority order) matching ``text``: (sub-type, start, end)."""
    for rule in trigger_rules():
        match = rule.pattern.search(text)
        if match:
            return rule.sub_event_type, match.start(), match.end()
    return None


def trigger_for(text: str, event_type: str) -> tuple[int, int] | None:
    """Offsets of the earliest trigger word of ``event_type`` in ``text``, if any."""
    spans = [
        match.span()
        for rule in trigger_rules()
        if sub_event_type(rule.sub_event_type).event_type == event_type
        for match in [rule.pattern.search(text)]
        if match
    ]
    return min(spans) if spans else None


def any_trigger(text: str) -> tuple[int, int] | None:
    """Offsets of the earliest trigger word of any type in ``text``."""
    spans = [m.span() for rule in trigger_rules() for m in [rule.pattern.search(text)] if m]
    return min(spans) if spans else None
