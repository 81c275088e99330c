"""The ACLED table: complete, consistent with its documentation, strict about names."""

from __future__ import annotations

import pytest

from eventcoder.errors import GoldFormatError
from eventcoder.extract.events.taxonomy import (
    EVENT_TYPES,
    SUB_EVENT_TYPES,
    sub_event_type,
    sub_types_of,
)
from tests.conftest import REPO


def test_six_types_and_twenty_five_unique_sub_types():
    assert len(EVENT_TYPES) == 6
    assert len({row.name for row in SUB_EVENT_TYPES}) == 25
    assert sum(len(sub_types_of(t)) for t in EVENT_TYPES) == 25


def test_every_row_is_documented_with_its_mapping():
    doc = (REPO / "docs" / "taxonomy.md").read_text(encoding="utf-8")
    for row in SUB_EVENT_TYPES:
        line = f"| {row.event_type} | {row.name} | {row.disorder_type} | `{row.plover_type}` |"
        assert line in doc, f"docs/taxonomy.md lacks the row for {row.name}"


def test_lookup_is_case_insensitive_and_rejects_unknown_names():
    assert sub_event_type("air/drone strike").event_type == "Explosions/Remote violence"
    assert sub_event_type("Excessive force against protesters").disorder_type == (
        "Political violence; Demonstrations"
    )
    with pytest.raises(GoldFormatError, match="docs/taxonomy.md"):
        sub_event_type("Drone strike")
