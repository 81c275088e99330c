"""Per-field scores on matched (predicted, gold) event pairs.

Only pairs whose gold event has the field are scored; a gold null means "not coded"
there, so it is neither right nor wrong. A missing prediction where gold has a value is
wrong. Every figure carries the number of pairs it was computed on.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from eventcoder.evaluate.gold import GoldEvent
from eventcoder.evaluate.normalise import (
    actors_match,
    admin_key,
    normalise_country,
    normalise_inter,
    normalise_interaction,
    plain,
)
from eventcoder.evaluate.report import FieldScore
from eventcoder.geo import distance_km
from eventcoder.records import Event

# A prediction this close to the gold point is "at the right place": ACLED's own
# geo_precision 2 means "within a few km of a named place", and 25 km spans a district town
# and its outskirts without crediting the wrong town.
WITHIN_KM = 25.0
# Days of slack for the lenient date score: reports dated "yesterday" across a midnight or
# time zone are off by one without being wrong about the event.
DATE_SLACK_DAYS = 1


@dataclass(frozen=True, slots=True)
class Pair:
    """A predicted event matched to a gold event."""

    predicted: Event
    gold: GoldEvent


def date_distance_days(predicted: dt.date | None, gold: GoldEvent) -> int | None:
    """Days between a predicted date and the gold date range (0 inside it); None if unknown.

    The range is [event_date, date_end] where gold has ``date_end`` (UCDP), else one day.
    """
    if predicted is None or gold.event_date is None:
        return None
    end = gold.date_end or gold.event_date
    if predicted < gold.event_date:
        return (gold.event_date - predicted).days
    return max(0, (predicted - end).days)


def location_km(predicted: Event, gold: GoldEvent) -> float | None:
    """Distance between predicted and gold coordinates; None if either is missing."""
    return distance_km(predicted.latitude, predicted.longitude, gold.latitude, gold.longitude)


def macro_f1(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    """Unweighted mean of per-label F1 over every label seen in gold or predictions.

    Same definition as scikit-learn's ``f1_score(average="macro")`` (zero_division=0).
    """
    labels = set(gold) | set(predicted)
    if not labels:
        raise ValueError("macro_f1 needs at least one label")
    total = 0.0
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        total += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return total / len(labels)


def _ratio(name: str, hits: Sequence[bool]) -> FieldScore:
    return FieldScore(name, sum(hits) / len(hits) if hits else None, len(hits))


def _labelled(pairs: Sequence[Pair], field: str, normalise: Callable) -> list[tuple]:
    """(gold, predicted) values of ``field``, normalised, for pairs where gold has it."""
    values = []
    for pair in pairs:
        gold = getattr(pair.gold, field)
        if gold is None:
            continue
        values.append((normalise(gold), normalise(getattr(pair.predicted, field))))
    return values


def _same(value):
    return value


def _text(value):
    return None if value is None else plain(str(value))


def _inter(value):
    # ACLED writes 0 for "no second actor"; a missing prediction says the same.
    return normalise_inter(value) or "0"


def accuracy(pairs: Sequence[Pair], field: str, normalise: Callable = _text) -> FieldScore:
    """Share of pairs whose normalised prediction equals the gold value."""
    values = _labelled(pairs, field, normalise)
    return _ratio(f"{field}.accuracy", [g == p and p is not None for g, p in values])


def label_scores(pairs: Sequence[Pair], field: str) -> tuple[FieldScore, FieldScore]:
    """Accuracy and macro-F1 of a label field (event_type, sub_event_type)."""
    values = _labelled(pairs, field, _same)
    macro = macro_f1([g for g, _ in values], [p for _, p in values]) if values else None
    return accuracy(pairs, field, _same), FieldScore(f"{field}.macro_f1", macro, len(values))


def date_scores(pairs: Sequence[Pair]) -> tuple[FieldScore, ...]:
    """Date exact (inside the gold range) and within ±DATE_SLACK_DAYS, time_precision."""
    dated = [p for p in pairs if p.gold.event_date is not None]
    gaps = [date_distance_days(p.predicted.event_date, p.gold) for p in dated]
    return (
        _ratio("event_date.exact", [gap == 0 for gap in gaps]),
        _ratio(
            "event_date.within_1_day", [gap is not None and gap <= DATE_SLACK_DAYS for gap in gaps]
        ),
        accuracy(pairs, "time_precision", _same),
    )


def location_scores(pairs: Sequence[Pair]) -> tuple[FieldScore, ...]:
    """Distance median (over located predictions), share within WITHIN_KM, coverage, names."""
    located = [p for p in pairs if p.gold.latitude is not None and p.gold.longitude is not None]
    distances = [location_km(p.predicted, p.gold) for p in located]
    known = [d for d in distances if d is not None]
    return (
        FieldScore("location.median_km", statistics.median(known) if known else None, len(known)),
        _ratio("location.within_25_km", [d is not None and d <= WITHIN_KM for d in distances]),
        _ratio("location.coverage", [d is not None for d in distances]),
        accuracy(pairs, "country", normalise_country),
        accuracy(pairs, "admin1", admin_key),
        accuracy(pairs, "geo_precision", _same),
    )


def fatality_scores(pairs: Sequence[Pair]) -> tuple[FieldScore, ...]:
    """Exact count and mean absolute error, on all events and on events with deaths.

    A missing prediction counts as 0: ACLED codes "no deaths reported" as 0.
    """
    counted = [
        (p.gold.fatalities, p.predicted.fatalities or 0)
        for p in pairs
        if p.gold.fatalities is not None
    ]
    deadly = [(g, p) for g, p in counted if g > 0]
    return (
        _ratio("fatalities.exact", [g == p for g, p in counted]),
        _mae("fatalities.mae", counted),
        _ratio("fatalities.exact_with_deaths", [g == p for g, p in deadly]),
        _mae("fatalities.mae_with_deaths", deadly),
    )


def _mae(name: str, values: Sequence[tuple[int, int]]) -> FieldScore:
    error = sum(abs(g - p) for g, p in values) / len(values) if values else None
    return FieldScore(name, error, len(values))


def actor_scores(pairs: Sequence[Pair]) -> tuple[FieldScore, ...]:
    """actor1/actor2 match (see ``normalise.actors_match``) and inter codes."""
    scores = []
    for field in ("actor1", "actor2"):
        scored = [p for p in pairs if getattr(p.gold, field) is not None]
        hits = [actors_match(getattr(p.predicted, field), getattr(p.gold, field)) for p in scored]
        scores.append(_ratio(f"{field}.match", hits))
    return (
        *scores,
        accuracy(pairs, "inter1", _inter),
        accuracy(pairs, "inter2", _inter),
        accuracy(pairs, "interaction", normalise_interaction),
    )


def score_pairs(pairs: Sequence[Pair]) -> tuple[FieldScore, ...]:
    """Every per-field figure on matched pairs, in report order."""
    return (
        *label_scores(pairs, "event_type"),
        *label_scores(pairs, "sub_event_type"),
        accuracy(pairs, "disorder_type"),
        *date_scores(pairs),
        *location_scores(pairs),
        *fatality_scores(pairs),
        *actor_scores(pairs),
        accuracy(pairs, "source_scale"),
    )
