"""ACLED types violence by its target: killing armed men is a battle, not an attack.

The sentence classifier reads "gunmen shot dead a police officer" like "gunmen shot dead
a trader": both Attack. ACLED keeps Violence against civilians for unarmed victims and
codes violence against state forces, rebels or militias as an Armed clash, even when
one-sided. The actor coder finds the victims (``ActorFinding.armed_target``); this
re-types the mention, keeping the classifier's evidence spans.
"""

from __future__ import annotations

from dataclasses import replace

from eventcoder.extract.events.taxonomy import sub_event_type
from eventcoder.records import EventMention

METHOD = "rules.events.armed-target.v1"
ARMED_CLASH = "Armed clash"


def against_armed_target(mention: EventMention) -> EventMention:
    """``mention`` coded as an Armed clash, its type evidence saying why."""
    row = sub_event_type(ARMED_CLASH)
    values = {
        "event_type": row.event_type,
        "sub_event_type": row.name,
        "disorder_type": row.disorder_type,
    }
    evidence = tuple(
        replace(e, value=values[e.field], method=METHOD) if e.field in values else e
        for e in mention.evidence
    )
    return replace(
        mention,
        event_type=row.event_type,
        sub_event_type=row.name,
        disorder_type=row.disorder_type,
        plover_type=row.plover_type,
        evidence=evidence,
    )
