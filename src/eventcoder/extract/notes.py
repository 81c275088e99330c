"""ACLED-style notes: a one or two sentence summary of a coded event.

"On 20 September 2021, Military Forces of the United States conducted an air/drone
strike on Al Qaeda near Binnish (Idlib, Syria), killing 1 person. No civilian casualties
were reported."

The first sentence is built from the event's fields (date, actors, sub-event type,
place, fatalities), each part left out when its field is missing, so a note never says
"On None". The second reports casualties: the coded civilian toll, or what the evidence
sentences say about civilians.
"""

from __future__ import annotations

import datetime as dt
import re

from eventcoder.records import Event, ParsedArticle

# What actor1 did, by ACLED sub-event type; "{a2}" is replaced by actor2 (or dropped with
# the words in brackets around it when there is no actor2).
ACTIONS: dict[str, str] = {
    "Armed clash": "clashed[ with {a2}]",
    "Government regains territory": "regained territory[ from {a2}]",
    "Non-state actor overtakes territory": "took over territory[ from {a2}]",
    "Air/drone strike": "conducted an air/drone strike[ on {a2}]",
    "Shelling/artillery/missile attack": "carried out shelling[ on {a2}]",
    "Remote explosive/landmine/IED": "detonated an explosive device[ targeting {a2}]",
    "Suicide bomb": "carried out a suicide bombing[ targeting {a2}]",
    "Grenade": "threw a grenade[ at {a2}]",
    "Chemical weapon": "used chemical weapons[ against {a2}]",
    "Attack": "attacked[ {a2}]",
    "Abduction/forced disappearance": "abducted[ {a2}]",
    "Sexual violence": "committed sexual violence[ against {a2}]",
    "Peaceful protest": "held a peaceful protest",
    "Protest with intervention": "held a protest[ that {a2} intervened in]",
    "Excessive force against protesters": "held a protest[ that {a2} met with excessive force]",
    "Violent demonstration": "held a violent demonstration[ against {a2}]",
    "Mob violence": "engaged in mob violence[ against {a2}]",
    "Agreement": "reached an agreement[ with {a2}]",
    "Arrests": "arrested[ {a2}]",
    "Change to group/activity": "changed its activity",
    "Disrupted weapons use": "disrupted weapons use[ by {a2}]",
    "Headquarters or base established": "established a base",
    "Looting/property destruction": "looted or destroyed property[ of {a2}]",
    "Non-violent transfer of territory": "took over territory[ from {a2}]",
    "Other": "was involved in an event[ with {a2}]",
}
# Precision 1 = the day is known, 2 = about that day or week, 3 = only the month.
DAY, NEAR_DAY, MONTH = 1, 2, 3
PERIOD = re.compile(r"\s*\(\d{4}-(\d{4})?\)")
# How many sentences after the event's first evidence sentence may report its casualties.
NEARBY_SENTENCES = 4
NO_CIVILIAN_HARM = re.compile(
    r"\bno (?:indications? of |reports? of )?civilian (?:casualties|deaths|injuries)", re.IGNORECASE
)


def write_notes(parsed: ParsedArticle, event: Event) -> str:
    """The note for ``event``: one sentence from its fields, plus one about casualties.

    Example: ``write_notes(parsed, event)`` ->
    "On 20 September 2021, Military Forces of the United States conducted an air/drone
    strike on Al Qaeda in Idlib (Idlib, Syria). No civilian casualties were reported."
    """
    first = _date_phrase(event.event_date, event.time_precision) + _action(event)
    first += _place_phrase(event) + _toll_phrase(event.fatalities) + "."
    second = _casualty_sentence(parsed, event)
    return f"{first[0].upper()}{first[1:]}" + (f" {second}" if second else "")


def _date_phrase(date: dt.date | None, precision: int | None) -> str:
    if date is None:
        return ""
    if precision == MONTH:
        return f"In {date:%B %Y}, "
    day = f"{date.day} {date:%B %Y}"
    return f"Around {day}, " if precision == NEAR_DAY else f"On {day}, "


def _action(event: Event) -> str:
    template = ACTIONS.get(event.sub_event_type, "was involved in an event[ with {a2}]")
    if event.actor2:
        action = template.replace("[", "").replace("]", "").format(a2=_plain(event.actor2))
    else:
        action = re.sub(r"\[[^\]]*\]", "", template)
    return f"{_plain(event.actor1) if event.actor1 else 'an unidentified actor'} {action}"


def _plain(actor: str) -> str:
    """Notes name state forces without their period, as ACLED's notes do."""
    return PERIOD.sub("", actor).strip()


def _place_phrase(event: Event) -> str:
    context = ", ".join(p for p in (event.admin1, event.country) if p and p != event.location)
    if event.location:
        return f" in {event.location}" + (f" ({context})" if context else "")
    return f" in {context}" if context else ""


def _toll_phrase(fatalities: int | None) -> str:
    if not fatalities:
        return ""
    return f", killing {fatalities} {'person' if fatalities == 1 else 'people'}"


def _casualty_sentence(parsed: ParsedArticle, event: Event) -> str | None:
    """What is known about casualties beyond the toll: civilians spared, or no casualties."""
    if event.civilian_fatalities == 0 or any(
        NO_CIVILIAN_HARM.search(s) for s in _nearby(parsed, event)
    ):
        return "No civilian casualties were reported."
    if event.fatalities == 0:
        return "No fatalities were reported."
    return None


def _nearby(parsed: ParsedArticle, event: Event) -> list[str]:
    """The evidence sentences and the few after the first of them, where reports say
    what the event did not do ("No civilian casualties")."""
    cited = {e.sentence for e in event.evidence}
    first = next((s.index for s in parsed.sentences if s.text in cited), None)
    if first is None:
        return list(cited)
    window = parsed.sentences[first : first + NEARBY_SENTENCES + 1]
    return list(cited) + [s.text for s in window]
