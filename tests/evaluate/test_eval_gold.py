"""Reading gold files: real dev sets load; malformed lines fail with file, line and reason."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from eventcoder.errors import GoldFormatError
from eventcoder.evaluate.gold import load_gold
from tests.conftest import GOLD_DEV, GOLD_TRAIN

UCDP = GOLD_DEV / "ucdp-ged-headlines.jsonl"
ACLED = GOLD_DEV / "acled-notes-2020-dev.jsonl"
GWN = GOLD_DEV / "geowebnews-places.jsonl"


def test_ucdp_headlines_load_with_date_ranges():
    records = load_gold(UCDP, limit=20)
    assert len(records) == 20
    first = records[0].events[0]
    assert first.event_date == dt.date(2013, 1, 3)
    assert first.admin1 == "Idlib governorate"
    assert first.event_type is None  # UCDP has no ACLED type: not scored
    assert any(r.events[0].date_end != r.events[0].event_date for r in records)
    assert records[0].labels["number_of_sources"] == 2


def test_acled_notes_load_with_codes_as_text():
    records = load_gold(ACLED, limit=50)
    events = [e for r in records for e in r.events]
    assert all(e.inter1 and e.inter1.isdigit() for e in events)
    assert all(isinstance(e.fatalities, int) for e in events)
    assert all(r.published is None for r in records)


def test_geowebnews_places_load_and_bad_offsets_are_dropped_not_fatal():
    records = load_gold(GWN)
    assert all(r.is_places_set for r in records)
    # The shipped file has 5 mentions with negative offsets; the rest must survive.
    assert sum(r.dropped_places for r in records) == 5
    for record in records[:20]:
        for place in record.places:
            assert record.text[place.start : place.end] == place.name


def test_training_file_in_another_format_is_refused_at_line_one():
    # PLOVER sentences carry labels, not an id and events: not a gold file.
    path = GOLD_TRAIN / "plover-gsr.jsonl"
    with pytest.raises(GoldFormatError, match=f"{path}:1: record has neither"):
        load_gold(path)


def _write(tmp_path, lines):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = json.dumps(
    {"id": "a", "text": "Gunmen killed 3 people in Kano.", "published": "2021-10-02", "events": []}
)


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        ('{"id": "b", "text": "x", "events": [', "not valid JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"id": "b", "text": "Shelling in Donetsk."}', "neither 'events' nor 'places'"),
        (
            '{"id": "b", "text": "x", "events": [{"latitude": 200}]}',
            "events.0.latitude",
        ),
        (
            '{"id": "b", "text": "x", "events": [{"event_date": "4 May"}]}',
            "events.0.event_date",
        ),
        ('{"id": "b", "text": "x", "events": [{"fatalities": -2}]}', "events.0.fatalities"),
        ('{"id": "a", "text": "x", "events": []}', "duplicate id 'a'"),
        ('{"id": "b", "text": "", "events": []}', "text"),
    ],
)
def test_malformed_line_names_file_line_and_problem(tmp_path, bad_line, reason):
    path = _write(tmp_path, [GOOD, "", bad_line])
    with pytest.raises(GoldFormatError) as caught:
        load_gold(path)
    message = str(caught.value)
    assert f"{path}:3:" in message
    assert reason in message


def test_limit_stops_before_a_later_bad_line(tmp_path):
    path = _write(tmp_path, [GOOD, "not json"])
    assert [r.id for r in load_gold(path, limit=1)] == ["a"]


def test_missing_and_empty_files_are_gold_format_errors(tmp_path):
    with pytest.raises(GoldFormatError, match="cannot open"):
        load_gold(tmp_path / "nowhere.jsonl")
    with pytest.raises(GoldFormatError, match="no records"):
        load_gold(_write(tmp_path, [""]))
