"""Dedup: the same strike reported by several outlets becomes one row with all sources."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.dedup import cluster_events
from eventcoder.records import Event

STRIKE = Event(
    event_id_cnty="SYR-a",
    article_id="outlet-a",
    disorder_type="Political violence",
    event_type="Explosions/Remote violence",
    sub_event_type="Air/drone strike",
    plover_type="ATTACK",
    confidence=0.9,
    event_date=dt.date(2021, 9, 20),
    actor1="Military Forces of the United States",
    country="Syria",
    admin1="Idlib",
    latitude=35.95,
    longitude=36.70,
    source="Syrian Observatory for Human Rights",
    source_scale="National",
    fatalities=2,
)


def report(**changes) -> Event:
    return replace(STRIKE, **changes)


def test_two_outlets_reporting_one_strike_merge_with_both_sources():
    other = report(
        event_id_cnty="SYR-b",
        article_id="outlet-b",
        confidence=0.8,
        event_date=dt.date(2021, 9, 21),  # "yesterday" one day later
        latitude=35.93,
        longitude=36.63,  # Idlib city, 7 km away
        source="US Central Command",
        source_scale="International",
        fatalities=1,
    )
    (cluster,) = cluster_events([other, STRIKE])
    merged = cluster.merged()
    assert cluster.article_ids == ("outlet-a", "outlet-b")
    assert merged.source == "Syrian Observatory for Human Rights; US Central Command"
    assert merged.fatalities == 1  # the most conservative report
    assert merged.event_id_cnty == "SYR-a"  # the most confident report leads
    assert merged.tags == "merged reports: outlet-a, outlet-b"


def test_distinct_events_stay_apart():
    far = report(event_id_cnty="SYR-far", article_id="x", latitude=36.2, longitude=37.15)
    later = report(event_id_cnty="SYR-late", article_id="y", event_date=dt.date(2021, 9, 25))
    other_type = report(event_id_cnty="SYR-t", article_id="z", event_type="Battles")
    other_actor = report(event_id_cnty="SYR-r", article_id="w", actor1="Military Forces of Russia")
    same_article = report(event_id_cnty="SYR-s")
    undated = report(event_id_cnty="SYR-u", article_id="v", event_date=None)
    events = [STRIKE, far, later, other_type, other_actor, same_article, undated]
    assert len(cluster_events(events)) == len(events)


def test_without_coordinates_same_admin1_merges():
    a = report(latitude=None, longitude=None)
    b = report(event_id_cnty="SYR-b", article_id="b", latitude=None, longitude=None)
    assert len(cluster_events([a, b])) == 1


reports = st.builds(
    lambda i, day, lat: report(
        event_id_cnty=f"SYR-{i}",
        article_id=f"art-{i}",
        event_date=dt.date(2021, 9, 18) + dt.timedelta(days=day),
        latitude=35.9 + lat,
    ),
    st.integers(0, 10_000),
    st.integers(0, 4),
    st.floats(0, 0.5),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(reports, max_size=12, unique_by=lambda e: e.event_id_cnty), st.randoms())
def test_clusters_partition_the_events_whatever_the_order(events, rnd: random.Random):
    clusters = cluster_events(events)
    ids = sorted(e.event_id_cnty for c in clusters for e in c.members)
    assert ids == sorted(e.event_id_cnty for e in events)
    shuffled = list(events)
    rnd.shuffle(shuffled)
    again = cluster_events(shuffled)
    assert [c.members for c in again] == [c.members for c in clusters]


def test_events_of_syndicated_copies_merge_even_without_a_date():
    undated = report(event_date=None, latitude=None, longitude=None, admin1=None)
    copy = report(
        event_id_cnty="SYR-copy",
        article_id="outlet-b",
        event_date=None,
        latitude=None,
        longitude=None,
        admin1=None,
    )
    assert len(cluster_events([undated, copy])) == 2
    assert len(cluster_events([undated, copy], copies=[("outlet-a", "outlet-b")])) == 1
