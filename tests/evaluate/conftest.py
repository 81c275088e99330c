"""Helpers for evaluation tests: hand-built predicted and gold events."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.evaluate.gold import GoldEvent
from eventcoder.records import Event

_EVENT_DEFAULTS = {
    "event_id_cnty": "TST-1",
    "article_id": "a1",
    "disorder_type": "Political violence",
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "plover_type": None,
    "confidence": 0.9,
}


def predicted(**fields) -> Event:
    """An Event as the pipeline would emit it; dates may be given as ISO strings."""
    if isinstance(fields.get("event_date"), str):
        fields["event_date"] = dt.date.fromisoformat(fields["event_date"])
    return Event(**{**_EVENT_DEFAULTS, **fields})


def gold(**fields) -> GoldEvent:
    """A validated gold event, as read from a gold file."""
    return GoldEvent.model_validate(fields)


@pytest.fixture
def make_predicted():
    return predicted


@pytest.fixture
def make_gold():
    return gold
