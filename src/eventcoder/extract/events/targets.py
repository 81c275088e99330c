"""ACLED types violence by its target: killing armed men is a battle, not an attack.

The sentence classifier reads "gunmen shot dead a police officer" like "gunmen shot dead
a trader": both Attack. ACLED keeps Violence against civilians for unarmed victims and
codes violence against state forces, rebels or militias as an Armed clash, even when
one-sided. The actor coder finds who was hit (``ActorFinding.target_kind``); this re-types
the mention, keeping the classifier's evidence spans.

The converse holds too: a "clash" whose victims are civilians is an Attack, but only when
its sentence says nothing of two sides fighting. Clash reports often name the civilians
caught in them ("clashes between ... left two civilians dead"): re-typing those too cost
0.5 points of event_type macro-F1 on the ACLED dev notes.

A battle in which one side takes control of a place is coded by who took it: state forces
regain territory, any other armed group overtakes it (``retype_for_territory``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventcoder.extract.actors.coder import ARMED_KINDS
from eventcoder.extract.events.taxonomy import sub_event_type
from eventcoder.records import EventMention, ParsedArticle

METHOD = "rules.events.target.v1"
TERRITORY_METHOD = "rules.events.territory.v1"
ATTACK = "Attack"
ARMED_CLASH = "Armed clash"
CIVILIANS = "civilians"
# Words of two sides fighting: with them, civilians named in a clash were caught in it.
TWO_SIDES = re.compile(
    r"\b(?:clash\w*|fight\w*|fought|battl\w*|firefight\w*|gunfight\w*|skirmish\w*|"
    r"shoot-?outs?|encounters?|inter-\w+|exchang\w*|between|returned fire|fired back|"
    r"repel\w*|repuls\w*)\b",
    re.IGNORECASE,
)


# Words of a side taking a place: "took control of", "seized control", "retook", "took over",
# "recovered territory".
TOOK_CONTROL = re.compile(
    r"\b(?:took|taken|take|taking|gained|gain(?:ing)?|seized|seiz(?:e|ing)|regained"
    r"|regain(?:ing)?|retook|retaken|assumed)\s+(?:full\s+|complete\s+|back\s+)?control\b"
    r"|\btook over\b|\b(?:recaptured|retook)\b"
    r"|\b(?:recovered|liberated|reclaimed) (?:the )?(?:\w+ )?(?:territor(?:y|ies)|control|towns?"
    r"|villages?|city|areas?|district|positions?|base|localit(?:y|ies))\b",
    re.IGNORECASE,
)
GOVERNMENT_REGAINS = "Government regains territory"
NON_STATE_OVERTAKES = "Non-state actor overtakes territory"
# ACLED inter codes of the side that took the place: state forces, or armed non-state groups.
STATE_FORCES = "1"
NON_STATE_ARMED = frozenset({"2", "3", "4"})


def retype_for_territory(
    parsed: ParsedArticle, mention: EventMention, inter1: str | None
) -> EventMention | None:
    """``mention`` re-typed as a territorial change when its clash took a place ("Taliban
    militants took control of 25 villages"), by who took it; None when its type stands."""
    if mention.sub_event_type != ARMED_CLASH:
        return None
    if not TOOK_CONTROL.search(_words(parsed, mention)):
        return None
    if inter1 == STATE_FORCES:
        return _as(mention, GOVERNMENT_REGAINS, TERRITORY_METHOD)
    if inter1 in NON_STATE_ARMED:
        return _as(mention, NON_STATE_OVERTAKES, TERRITORY_METHOD)
    return None


def retype_for_target(
    parsed: ParsedArticle, mention: EventMention, target_kind: str | None
) -> EventMention | None:
    """``mention`` re-typed for who was hit, or None when its type stands."""
    if mention.sub_event_type == ATTACK and target_kind in ARMED_KINDS:
        return _as(mention, ARMED_CLASH)
    if (
        mention.sub_event_type == ARMED_CLASH
        and target_kind == CIVILIANS
        and not TWO_SIDES.search(_words(parsed, mention))
    ):
        return _as(mention, ATTACK)
    return None


def _words(parsed: ParsedArticle, mention: EventMention) -> str:
    """The text of the event's own sentences."""
    return " ".join(parsed.sentences[i].text for i in mention.sentence_indices)


def _as(mention: EventMention, name: str, method: str = METHOD) -> EventMention:
    row = sub_event_type(name)
    values = row.type_fields()
    evidence = tuple(
        replace(e, value=values[e.field], method=method) if e.field in values else e
        for e in mention.evidence
    )
    return replace(mention, **values, plover_type=row.plover_type, evidence=evidence)
