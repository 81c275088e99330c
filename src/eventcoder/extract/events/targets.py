"""ACLED types violence by its target: killing armed men is a battle, not an attack.

The sentence classifier reads "gunmen shot dead a police officer" like "gunmen shot dead
a trader": both Attack. ACLED keeps Violence against civilians for unarmed victims and
codes violence against state forces, rebels or militias as an Armed clash, even when
one-sided. The actor coder finds who was hit (``ActorFinding.target_kind``); this re-types
the mention, keeping the classifier's evidence spans.

The converse (a "clash" whose only victims are civilians becomes an Attack) was tried and
left out: on the ACLED dev notes it cost 0.5 points of event_type macro-F1, because clash
reports often name the civilians caught in them.
"""

from __future__ import annotations

from dataclasses import replace

from eventcoder.extract.actors.coder import ARMED_KINDS
from eventcoder.extract.events.taxonomy import sub_event_type
from eventcoder.records import EventMention

METHOD = "rules.events.target.v1"
ATTACK = "Attack"
ARMED_CLASH = "Armed clash"


def retype_for_target(mention: EventMention, target_kind: str | None) -> EventMention | None:
    """``mention`` re-typed for who was hit, or None when its type stands."""
    if mention.sub_event_type == ATTACK and target_kind in ARMED_KINDS:
        return _as(mention, ARMED_CLASH)
    return None


def _as(mention: EventMention, name: str) -> EventMention:
    row = sub_event_type(name)
    values = row.type_fields()
    evidence = tuple(
        replace(e, value=values[e.field], method=METHOD) if e.field in values else e
        for e in mention.evidence
    )
    return replace(mention, **values, plover_type=row.plover_type, evidence=evidence)
