"""The whole pipeline on the real sample article: what a careful coder would record.

See examples/ and ../shared/samples/README.md: one Air/drone strike on 2021-09-20 on the
Idlib-Binnish road by US forces against an al-Qaeda affiliate; the Sochi summit is no
violence; background paragraphs are no events; nothing comes from the site boilerplate.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest

import eventcoder
from tests.conftest import EXAMPLES

IDLIB = (35.93062, 36.63393)
BINNISH = (35.95664, 36.7138)
KM_PER_DEGREE = 111.2


def km_to_road(lat: float, lon: float) -> float:
    """Distance from a point to the straight Idlib-Binnish segment (flat-earth is fine here)."""
    scale = math.cos(math.radians(lat))
    ax, ay = IDLIB[1] * scale, IDLIB[0]
    bx, by = BINNISH[1] * scale, BINNISH[0]
    px, py = lon * scale, lat
    t = max(
        0.0,
        min(
            1.0, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)
        ),
    )
    return math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay))) * KM_PER_DEGREE


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "events.duckdb"
    summary = eventcoder.extract_events([EXAMPLES / "articles.jsonl"], db=db)
    return db, summary


def test_exactly_one_violent_event_the_drone_strike(stored):
    db, summary = stored
    assert summary.articles == 1 and not summary.failures
    violent = [e for e in eventcoder.events(db=db) if e.disorder_type != "Strategic developments"]
    assert len(violent) == 1
    strike = violent[0]
    assert (strike.event_type, strike.sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert strike.disorder_type == "Political violence"
    assert strike.event_date == dt.date(2021, 9, 20)
    assert strike.time_precision == 1


def strike(db):
    (found,) = [e for e in eventcoder.events(db=db) if e.sub_event_type == "Air/drone strike"]
    return found


def test_strike_is_on_the_idlib_binnish_road(stored):
    event = strike(stored[0])
    assert event.country == "Syria"
    assert "Idlib" in (event.admin1 or "")
    assert km_to_road(event.latitude, event.longitude) <= 15


def test_strike_actors_toll_and_sources(stored):
    event = strike(stored[0])
    assert "United States" in event.actor1
    assert "qaeda" in (event.actor2 or "").casefold() or "hurras" in (event.actor2 or "").casefold()
    assert event.fatalities is not None and event.fatalities >= 1
    assert "Syrian Observatory for Human Rights" in (event.source or "")
    # Named in a statement outside the event's sentences, about the man the strike killed.
    assert "US Central Command" in (event.source or "")


def test_sochi_summit_is_not_violence(stored):
    for event in eventcoder.events(db=stored[0]):
        if event.location and "Sochi" in event.location:
            assert event.event_type == "Strategic developments"


def test_every_field_has_evidence_and_none_is_in_boilerplate(stored, sample_text):
    boilerplate_start = sample_text.index("For Latest Updates")
    event = strike(stored[0])
    fields = {ev.field for ev in event.evidence}
    assert {"event_type", "event_date", "location", "actor1", "fatalities", "source"} <= fields
    for ev in (ev for e in eventcoder.events(db=stored[0]) for ev in e.evidence):
        assert ev.end <= boilerplate_start, ev
        assert sample_text[ev.start : ev.end] == ev.quote


def test_rerunning_the_same_input_adds_nothing(stored):
    db, _ = stored
    before = eventcoder.events(db=db)
    eventcoder.extract_events([EXAMPLES / "articles.jsonl"], db=db)
    after = eventcoder.events(db=db)
    assert [e.event_id_cnty for e in after] == [e.event_id_cnty for e in before]
    assert sum(len(e.evidence) for e in after) == sum(len(e.evidence) for e in before)
