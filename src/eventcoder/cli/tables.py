"""Rich tables of events for the terminal."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.table import Table

from eventcoder.records import Event


def _text(value: object) -> str:
    return "" if value is None else str(value)


def events_table(events: Sequence[Event], title: str = "Events") -> Table:
    """One row per event with the fields an analyst checks first (the sub-event type
    implies the event type, which would not fit an 80-column terminal)."""
    table = Table(title=f"{title} ({len(events)})", box=box.SIMPLE_HEAD)
    # Short codes never wrap; long names wrap at word boundaries.
    for column, wraps in (
        ("date", False),
        ("sub-event type", False),
        ("actor1", True),
        ("actor2", True),
        ("location", True),
        ("geo", False),
        ("deaths", False),
        ("source", True),
        ("conf.", False),
    ):
        table.add_column(column, no_wrap=not wraps, overflow="fold")
    for event in events:
        place = ", ".join(p for p in (event.location, event.admin1, event.country) if p)
        table.add_row(
            _text(event.event_date) or f"? ({_text(event.date_reason)})",
            event.sub_event_type,
            _text(event.actor1),
            _text(event.actor2),
            place,
            _text(event.geo_precision),
            _text(event.fatalities) + ("~" if event.tags and "estimated" in event.tags else ""),
            _text(event.source),
            f"{event.confidence:.2f}",
        )
    return table
