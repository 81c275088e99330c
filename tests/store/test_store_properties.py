"""Property tests: whatever the sequence of adds, the store holds one row per event id.

The model is the documented contract of ``Store.add``: an article's events are replaced
on every add, and an event id lives under the article it was last added with.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.records import Article, Event
from eventcoder.store import Store

ARTICLE_IDS = ("idlib-drone-strike", "kano-attack", "mogadishu-blast")
EVENT_IDS = ("SYR-000000000001", "SYR-000000000002", "NGA-000000000003", "SOM-000000000004")

# One add: (article index, [(event id index, evidence kept, fatalities), ...]).
_event = st.tuples(st.integers(0, len(EVENT_IDS) - 1), st.integers(0, 4), st.integers(0, 30))
_add = st.tuples(st.integers(0, len(ARTICLE_IDS) - 1), st.lists(_event, max_size=4))
_adds = st.lists(_add, max_size=6)
# An add costs ~30 ms (more on a busy machine): 25 examples of up to 12 adds keep the file
# well under 30 s.
_SETTINGS = settings(max_examples=25, deadline=None)


@pytest.fixture(scope="module")
def memory_store():
    """One in-memory store for all examples; each example empties it first (cheaper than
    opening and migrating a new one every time)."""
    with Store(":memory:") as store:
        yield store


def _emptied(store: Store) -> Store:
    for table in ("evidence", "events", "articles"):
        store.connection.execute(f"DELETE FROM {table}")
    return store


def _build(adds, article: Article, event: Event) -> list[tuple[Article, list[Event]]]:
    items = []
    for article_index, specs in adds:
        article_id = ARTICLE_IDS[article_index]
        events = [
            dataclasses.replace(
                event,
                event_id_cnty=EVENT_IDS[i],
                article_id=article_id,
                evidence=event.evidence[:kept],
                fatalities=fatalities,
            )
            for i, kept, fatalities in specs
        ]
        items.append((dataclasses.replace(article, id=article_id), events))
    return items


def _expected(items: list[tuple[Article, list[Event]]]) -> dict[str, Event]:
    """The contract, replayed in memory: event id -> the event the store must hold."""
    held: dict[str, Event] = {}
    for article, events in items:
        held = {k: e for k, e in held.items() if e.article_id != article.id}
        for event in events:
            held[event.event_id_cnty] = event
    return held


def _check(store: Store, items: list[tuple[Article, list[Event]]]) -> None:
    expected = _expected(items)
    stored = store.events()
    ids = Counter(e.event_id_cnty for e in stored)
    assert all(n == 1 for n in ids.values())
    assert {e.event_id_cnty: e for e in stored} == expected
    counts = store.counts()
    assert counts.events == len(expected)
    assert counts.evidence == sum(len(e.evidence) for e in expected.values())
    assert counts.articles == len({a.id for a, _ in items})


@_SETTINGS
@given(adds=_adds)
def test_adds_in_turn_leave_one_row_per_event_id(adds, memory_store, idlib_article, idlib_event):
    items = _build(adds, idlib_article, idlib_event)
    store = _emptied(memory_store)
    for article, events in items:
        store.add(article, events)
    _check(store, items)


@_SETTINGS
@given(before=_adds, batch=_adds)
def test_one_batch_equals_the_same_adds_in_turn(
    before, batch, memory_store, idlib_article, idlib_event
):
    first = _build(before, idlib_article, idlib_event)
    second = _build(batch, idlib_article, idlib_event)
    store = _emptied(memory_store)
    for article, events in first:
        store.add(article, events)
    store.add_many(second)
    _check(store, first + second)
