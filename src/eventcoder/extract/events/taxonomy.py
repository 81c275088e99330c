"""The ACLED event taxonomy (6 types, 25 sub-types), disorder types and the PLOVER mapping.

One typed table, so the detectors, the trainer and the docs (``docs/taxonomy.md``) agree.
Sub-type names are unique across ACLED types, so a sub-type alone identifies its row.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventcoder.errors import GoldFormatError

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC = "Strategic developments"
# ACLED codes force against protesters as both: it is violence, done to a demonstration.
VIOLENCE_AND_DEMONSTRATIONS = "Political violence; Demonstrations"

# The label the classifier uses for "this sentence reports no concrete event".
NO_EVENT = "No event"


@dataclass(frozen=True, slots=True)
class SubEventType:
    """One ACLED sub-event type with its parents and nearest PLOVER type (``TYPE/mode``)."""

    name: str
    event_type: str
    disorder_type: str
    plover_type: str

    def type_fields(self) -> dict[str, str]:
        """The Event fields this row sets, by field name (for evidence and re-typing)."""
        return {
            "event_type": self.event_type,
            "sub_event_type": self.name,
            "disorder_type": self.disorder_type,
        }


def _row(name: str, event_type: str, disorder: str, plover: str) -> SubEventType:
    return SubEventType(name, event_type, disorder, plover)


BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"

SUB_EVENT_TYPES: tuple[SubEventType, ...] = (
    _row("Armed clash", BATTLES, POLITICAL_VIOLENCE, "FIGHT/firearms"),
    _row("Government regains territory", BATTLES, POLITICAL_VIOLENCE, "FIGHT/occupy"),
    _row("Non-state actor overtakes territory", BATTLES, POLITICAL_VIOLENCE, "FIGHT/occupy"),
    _row("Chemical weapon", EXPLOSIONS, POLITICAL_VIOLENCE, "FIGHT/WMD"),
    _row("Air/drone strike", EXPLOSIONS, POLITICAL_VIOLENCE, "FIGHT/aerial"),
    _row("Suicide bomb", EXPLOSIONS, POLITICAL_VIOLENCE, "ASSAULT/suicide-attack"),
    _row(
        "Shelling/artillery/missile attack", EXPLOSIONS, POLITICAL_VIOLENCE, "FIGHT/heavy-weapons"
    ),
    _row("Remote explosive/landmine/IED", EXPLOSIONS, POLITICAL_VIOLENCE, "ASSAULT/explosives"),
    _row("Grenade", EXPLOSIONS, POLITICAL_VIOLENCE, "ASSAULT/explosives"),
    _row("Sexual violence", VIOLENCE_AGAINST_CIVILIANS, POLITICAL_VIOLENCE, "ASSAULT/sexual"),
    _row("Attack", VIOLENCE_AGAINST_CIVILIANS, POLITICAL_VIOLENCE, "ASSAULT"),
    _row(
        "Abduction/forced disappearance",
        VIOLENCE_AGAINST_CIVILIANS,
        POLITICAL_VIOLENCE,
        "ASSAULT/abduct",
    ),
    _row("Peaceful protest", PROTESTS, DEMONSTRATIONS, "PROTEST/demo"),
    _row("Protest with intervention", PROTESTS, DEMONSTRATIONS, "PROTEST/demo"),
    _row(
        "Excessive force against protesters",
        PROTESTS,
        VIOLENCE_AND_DEMONSTRATIONS,
        "COERCE/firearms",
    ),
    _row("Violent demonstration", RIOTS, DEMONSTRATIONS, "PROTEST/riot"),
    _row("Mob violence", RIOTS, DEMONSTRATIONS, "ASSAULT/primitive"),
    _row("Agreement", STRATEGIC, STRATEGIC, "AGREE"),
    _row("Arrests", STRATEGIC, STRATEGIC, "COERCE/arrest"),
    _row("Change to group/activity", STRATEGIC, STRATEGIC, "MOBILIZE"),
    _row("Disrupted weapons use", STRATEGIC, STRATEGIC, "COERCE/seize"),
    _row("Headquarters or base established", STRATEGIC, STRATEGIC, "MOBILIZE/troops"),
    _row("Looting/property destruction", STRATEGIC, STRATEGIC, "COERCE/destroy"),
    _row("Non-violent transfer of territory", STRATEGIC, STRATEGIC, "RETREAT"),
    _row("Other", STRATEGIC, STRATEGIC, "OTHER"),
)

EVENT_TYPES: tuple[str, ...] = (
    BATTLES,
    EXPLOSIONS,
    VIOLENCE_AGAINST_CIVILIANS,
    PROTESTS,
    RIOTS,
    STRATEGIC,
)

_BY_NAME = {row.name: row for row in SUB_EVENT_TYPES}
_BY_FOLDED_NAME = {row.name.casefold(): row for row in SUB_EVENT_TYPES}


def sub_event_type(name: str) -> SubEventType:
    """The taxonomy row of an ACLED sub-event type (exact name, case-insensitive).

    Raises GoldFormatError for a name outside the 25 sub-types, so a mistyped label in
    training or gold data is caught instead of silently becoming a new class.
    """
    row = _BY_NAME.get(name) or _BY_FOLDED_NAME.get(name.strip().casefold())
    if row is None:
        raise GoldFormatError(
            f"unknown ACLED sub_event_type {name!r}; use one of the 25 names in "
            "docs/taxonomy.md (e.g. 'Armed clash', 'Air/drone strike')."
        )
    return row


def is_sub_event_type(name: str) -> bool:
    return name in _BY_NAME


def sub_types_of(event_type: str) -> tuple[str, ...]:
    return tuple(row.name for row in SUB_EVENT_TYPES if row.event_type == event_type)
