"""Bipartite matching of one text's predicted events to its gold events."""

from __future__ import annotations

from eventcoder.evaluate.matching import match_events, similarity

KANO = {"latitude": 12.0, "longitude": 8.52}
MAIDUGURI = {"latitude": 11.85, "longitude": 13.16}


def test_identical_event_has_similarity_one(make_predicted, make_gold):
    fields = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2020-05-04"}
    event = make_predicted(**fields, **KANO, actor1="Boko Haram - Jamatu Ahli")
    gold = make_gold(**fields, **KANO, actor1="Boko Haram - Jamatu Ahli")
    assert similarity(event, gold) == 1.0


def test_extra_predictions_are_false_positives(make_predicted, make_gold):
    gold = [make_gold(event_type="Battles", event_date="2020-05-04", **KANO)]
    predicted = [
        make_predicted(event_type="Protests", sub_event_type="Peaceful protest"),  # background
        make_predicted(event_type="Battles", event_date="2020-05-04", **KANO),
        make_predicted(event_type="Riots", sub_event_type="Mob violence", **MAIDUGURI),
    ]
    match = match_events(predicted, gold)
    assert [(p.predicted, p.gold) for p in match.pairs] == [(1, 0)]
    assert match.false_positives == (0, 2)
    assert match.misses == ()


def test_missed_gold_events_when_too_few_predictions(make_predicted, make_gold):
    gold = [make_gold(**KANO), make_gold(**MAIDUGURI)]
    match = match_events([make_predicted(latitude=11.9, longitude=13.1)], gold)
    assert [(p.predicted, p.gold) for p in match.pairs] == [(0, 1)]
    assert match.misses == (0,)
    assert match_events([], gold).misses == (0, 1)
    assert match_events([make_predicted()], []).false_positives == (0,)


def test_matching_maximises_total_not_greedy(make_predicted, make_gold):
    # Greedy, in prediction order, gives A its nearer gold (1, Maiduguri) and leaves B
    # with Kano; the optimum pairs A-Kano and B-Maiduguri (B sits exactly on it).
    gold = [
        make_gold(event_type="Battles", sub_event_type="Armed clash", **KANO),
        make_gold(event_type="Battles", sub_event_type="Armed clash", **MAIDUGURI),
    ]
    a = make_predicted(latitude=11.85, longitude=12.5)  # between, nearer Maiduguri
    b = make_predicted(**MAIDUGURI)
    match = match_events([a, b], gold)
    assert sorted((p.predicted, p.gold) for p in match.pairs) == [(0, 0), (1, 1)]


def test_acled_split_by_place_pairs_each_place(make_predicted, make_gold):
    # ACLED codes one report of shelling in two towns as two events, one per place.
    common = {"event_type": "Explosions/Remote violence", "event_date": "2020-05-01"}
    gold = [make_gold(**common, **KANO), make_gold(**common, **MAIDUGURI)]
    predicted = [make_predicted(**common, **MAIDUGURI), make_predicted(**common, **KANO)]
    match = match_events(predicted, gold)
    assert sorted((p.predicted, p.gold) for p in match.pairs) == [(0, 1), (1, 0)]
