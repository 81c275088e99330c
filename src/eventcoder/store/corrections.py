"""Analysts' corrections of coded events: which fields they may correct, and value checks.

A correction never overwrites the machine-coded value: the store keeps it in its own table
(migration ``0002_corrections``) with the value it replaces, so exports stay machine-coded
and every change can be audited. Values are stored as text in one canonical form per type
(ISO dates, plain numbers), so the same correction typed twice reads back the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from eventcoder.errors import InputError
from eventcoder.records import Event

# Identity and provenance, not coded values: correcting them would detach the event from
# its article and evidence.
_NOT_CORRECTABLE = frozenset({"event_id_cnty", "article_id", "evidence"})

# Field name -> type annotation without "| None" ("int", "dt.date", ...); records.py
# uses postponed annotations, so these are strings.
_FIELD_TYPES: dict[str, str] = {
    f.name: str(f.type).removesuffix(" | None")
    for f in fields(Event)
    if f.name not in _NOT_CORRECTABLE
}
CORRECTABLE_FIELDS: tuple[str, ...] = tuple(_FIELD_TYPES)
# Fields that records.Event requires: a correction may change them but not blank them.
_REQUIRED = frozenset(
    f.name for f in fields(Event) if f.name in _FIELD_TYPES and "None" not in str(f.type)
)


@dataclass(frozen=True, slots=True)
class Correction:
    """One analyst correction: ``field`` of event ``event_id_cnty`` should be ``new_value``.

    ``old_value`` is the machine-coded value when the correction was made (None when the
    field was empty); ``new_value`` None means the field should be empty.
    """

    event_id_cnty: str
    field: str
    old_value: str | None
    new_value: str | None
    note: str | None
    corrected_at: dt.datetime  # UTC


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Correction))


def canonical_value(field: str, text: str | None) -> str | None:
    """``text`` checked against the type of Event ``field`` and written canonically.

    Blank text means "empty". Raises InputError naming the field and what it expects.

    Example: ``canonical_value("fatalities", " 07 ")`` is ``"7"``.
    """
    kind = _FIELD_TYPES.get(field)
    if kind is None:
        raise InputError(
            f"{field!r} is not a correctable event field; use one of: "
            + ", ".join(CORRECTABLE_FIELDS)
        )
    text = (text or "").strip()
    if not text:
        if field in _REQUIRED:
            raise InputError(f"{field} cannot be empty; give the value it should have.")
        return None
    try:
        if kind == "int":
            return str(int(text))
        if kind == "float":
            return repr(float(text))
        if kind == "dt.date":
            return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        expected = {"int": "a whole number", "float": "a number", "dt.date": "a YYYY-MM-DD date"}
        raise InputError(f"{field} must be {expected[kind]}, not {text!r}.") from None
    return text


def machine_value(event: Event, field: str) -> str | None:
    """The machine-coded value of ``field`` as correction text (None when empty)."""
    value = getattr(event, field)
    if value is None:
        return None
    return canonical_value(field, value.isoformat() if isinstance(value, dt.date) else str(value))
