"""Group events that several articles report into clusters, and merge each into one row.

Two events from different articles are the same event when they have the same event type,
dates at most ``MAX_DATE_GAP_DAYS`` apart and locations at most ``MAX_DISTANCE_KM`` apart
(or, without coordinates, the same country and admin1), and their actors do not
contradict each other. Clusters are the connected components of that relation.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from eventcoder.geo import distance_km
from eventcoder.records import Event

# ACLED dates an event by its occurrence; outlets publishing a day apart often shift
# "yesterday"/"today" by one day, so one day of slack merges them.
MAX_DATE_GAP_DAYS = 1
# Reports of the same strike geocode to the town or to a nearby named place; 10 km
# joins those without merging events in neighbouring towns of a district.
MAX_DISTANCE_KM = 10.0


def _same_place(a: Event, b: Event) -> bool:
    km = distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
    if km is not None:
        return km <= MAX_DISTANCE_KM
    return a.country is not None and (a.country, a.admin1) == (b.country, b.admin1)


def _compatible(x: str | None, y: str | None) -> bool:
    """Unknown is compatible with anything; two known values must agree."""
    return x is None or y is None or x.casefold() == y.casefold()


def same_event(a: Event, b: Event) -> bool:
    """True when two events from different articles report one occurrence."""
    if a.article_id == b.article_id or a.event_type != b.event_type:
        return False
    if a.event_date is None or b.event_date is None:
        return False
    if abs((a.event_date - b.event_date).days) > MAX_DATE_GAP_DAYS:
        return False
    return _same_place(a, b) and _compatible(a.actor1, b.actor1) and _compatible(a.actor2, b.actor2)


@dataclass(frozen=True, slots=True)
class EventCluster:
    """Events that report one occurrence; ``members[0]`` is the most confident report."""

    members: tuple[Event, ...]

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.article_id for e in self.members))

    def merged(self) -> Event:
        """One row for the cluster: the best report's fields, every report's sources and
        evidence, and the lowest fatality count (ACLED's conservative rule)."""
        best = self.members[0]
        if len(self.members) == 1:
            return best
        sources = _join_unique(e.source for e in self.members)
        scales = _join_unique(e.source_scale for e in self.members)
        counts = [e.fatalities for e in self.members if e.fatalities is not None]
        return replace(
            best,
            source=sources,
            source_scale=scales,
            fatalities=min(counts) if counts else None,
            evidence=tuple(ev for e in self.members for ev in e.evidence),
            tags=_join_unique([best.tags, f"merged reports: {', '.join(self.article_ids)}"]),
        )


def _join_unique(values: Iterable[str | None]) -> str | None:
    parts: list[str] = []
    for value in values:
        for part in (value or "").split("; "):
            if part and part not in parts:
                parts.append(part)
    return "; ".join(parts) or None


def cluster_events(
    events: Iterable[Event], copies: Iterable[tuple[str, ...]] = ()
) -> list[EventCluster]:
    """Cluster events, comparing only events of one type within ``MAX_DATE_GAP_DAYS``.

    Blocking by (type, date) keeps the pairwise check small on large stores. Events
    without a date merge only through ``copies``: groups of article ids that are
    near-identical texts (``dedup.articles.near_duplicate_groups``), whose events of the
    same sub-type and date are one event whatever else was coded. Returns clusters in a
    deterministic order.
    """
    events = sorted(events, key=lambda e: e.event_id_cnty)
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[tuple[str, dt.date], list[int]] = defaultdict(list)
    for i, event in enumerate(events):
        if event.event_date is not None:
            blocks[(event.event_type, event.event_date)].append(i)
    for (event_type, day), indices in blocks.items():
        for gap in range(MAX_DATE_GAP_DAYS + 1):
            later = blocks.get((event_type, day + dt.timedelta(days=gap)), [])
            for i in indices:
                for j in later:
                    # Same-day pairs are visited twice; later-day pairs once, either order.
                    if (gap > 0 or i < j) and same_event(events[i], events[j]):
                        parent[root(i)] = root(j)

    copy_of = {article_id: n for n, group in enumerate(copies) for article_id in group}
    same_story: dict[tuple[int, str, dt.date | None], list[int]] = defaultdict(list)
    for i, event in enumerate(events):
        if event.article_id in copy_of:
            key = (copy_of[event.article_id], event.sub_event_type, event.event_date)
            same_story[key].append(i)
    for indices in same_story.values():
        for i in indices[1:]:
            if events[i].article_id != events[indices[0]].article_id:
                parent[root(i)] = root(indices[0])

    members: dict[int, list[Event]] = defaultdict(list)
    for i, event in enumerate(events):
        members[root(i)].append(event)
    clusters = [
        EventCluster(tuple(sorted(found, key=lambda e: (-e.confidence, e.event_id_cnty))))
        for found in members.values()
    ]
    clusters.sort(key=lambda c: c.members[0].event_id_cnty)
    return clusters
