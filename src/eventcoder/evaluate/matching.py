"""Match predicted to gold events of one text by maximum weighted bipartite matching.

Within one text every prediction may pair with every gold event; the Hungarian algorithm
(scipy's ``linear_sum_assignment``) picks the one-to-one pairing with the highest total
similarity. So min(#predicted, #gold) pairs are made; leftover predictions are false
positives (e.g. events coded from background sentences), leftover gold events are misses.
Similarity only decides *which* events pair up; how good each pair is, field by field,
is scored afterwards on the pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from eventcoder.evaluate.gold import GoldEvent
from eventcoder.evaluate.normalise import actors_match
from eventcoder.evaluate.scoring import WITHIN_KM, date_distance_days, location_km
from eventcoder.records import Event

# Weights of the similarity parts. The type says most about which report an event comes
# from; place next, since ACLED splits one report into one event per place; dates are
# often shared by all events of a text, and actors by most, so they only break ties.
TYPE_WEIGHT = 0.4
PLACE_WEIGHT = 0.3
DATE_WEIGHT = 0.2
ACTOR_WEIGHT = 0.1


@dataclass(frozen=True, slots=True)
class MatchedPair:
    """Indices of a predicted and a gold event of one text, and their similarity."""

    predicted: int
    gold: int
    similarity: float


@dataclass(frozen=True, slots=True)
class TextMatch:
    """The matching of one text: pairs, unmatched predictions, unmatched gold events."""

    pairs: tuple[MatchedPair, ...]
    false_positives: tuple[int, ...]
    misses: tuple[int, ...]


def _type_similarity(predicted: Event, gold: GoldEvent) -> float | None:
    parts = [
        getattr(predicted, name) == getattr(gold, name)
        for name in ("event_type", "sub_event_type")
        if getattr(gold, name) is not None
    ]
    return sum(parts) / len(parts) if parts else None


def _place_similarity(predicted: Event, gold: GoldEvent) -> float | None:
    if gold.latitude is None or gold.longitude is None:
        return None
    km = location_km(predicted, gold)
    return 0.0 if km is None else 1.0 / (1.0 + km / WITHIN_KM)  # 0.5 at WITHIN_KM


def _date_similarity(predicted: Event, gold: GoldEvent) -> float | None:
    if gold.event_date is None:
        return None
    days = date_distance_days(predicted.event_date, gold)
    return 0.0 if days is None else 1.0 / (1.0 + days)


def _actor_similarity(predicted: Event, gold: GoldEvent) -> float | None:
    gold_actors = [a for a in (gold.actor1, gold.actor2) if a]
    if not gold_actors:
        return None
    found = (predicted.actor1, predicted.actor2)
    return sum(any(actors_match(p, g) for p in found) for g in gold_actors) / len(gold_actors)


def similarity(predicted: Event, gold: GoldEvent) -> float:
    """Weighted mean of type, place, date and actor similarity, each in [0, 1].

    Parts the gold event lacks are left out of the mean rather than counted as 0.
    """
    parts = (
        (TYPE_WEIGHT, _type_similarity(predicted, gold)),
        (PLACE_WEIGHT, _place_similarity(predicted, gold)),
        (DATE_WEIGHT, _date_similarity(predicted, gold)),
        (ACTOR_WEIGHT, _actor_similarity(predicted, gold)),
    )
    known = [(weight, value) for weight, value in parts if value is not None]
    if not known:
        return 0.0
    return sum(w * v for w, v in known) / sum(w for w, _ in known)


def match_events(predicted: Sequence[Event], gold: Sequence[GoldEvent]) -> TextMatch:
    """One-to-one pairing of one text's predicted and gold events with maximal similarity.

    Example: ``match_events([event], record.events).pairs[0].similarity``
    """
    if not predicted or not gold:
        return TextMatch((), tuple(range(len(predicted))), tuple(range(len(gold))))
    scores = np.array([[similarity(p, g) for g in gold] for p in predicted])
    rows, cols = linear_sum_assignment(scores, maximize=True)
    pairs = tuple(
        MatchedPair(int(r), int(c), round(float(scores[r, c]), 4))
        for r, c in zip(rows, cols, strict=True)
    )
    paired_predictions = {pair.predicted for pair in pairs}
    paired_gold = {pair.gold for pair in pairs}
    return TextMatch(
        pairs=pairs,
        false_positives=tuple(i for i in range(len(predicted)) if i not in paired_predictions),
        misses=tuple(j for j in range(len(gold)) if j not in paired_gold),
    )
