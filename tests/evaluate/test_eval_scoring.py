"""Per-field scores on hand-built (predicted, gold) pairs."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.metrics import f1_score

from eventcoder.evaluate.scoring import (
    Pair,
    date_distance_days,
    date_scores,
    fatality_scores,
    label_scores,
    location_scores,
    macro_f1,
    score_pairs,
)
from eventcoder.geo import haversine_km

IDLIB = (35.9306, 36.6339)
BINNISH = (35.9575, 36.7139)


def test_haversine_known_distances():
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.6, abs=0.5)
    assert haversine_km(*IDLIB, *BINNISH) == pytest.approx(7.8, abs=0.3)
    assert haversine_km(*IDLIB, *IDLIB) == 0.0
    assert haversine_km(0, 0, 0, 180) == pytest.approx(20015.1, abs=1)  # antipodes


def test_date_distance_inside_and_outside_a_range(make_gold):
    ucdp = make_gold(event_date="2021-05-28", date_end="2021-05-29")
    assert date_distance_days(dt.date(2021, 5, 29), ucdp) == 0  # inside the range: exact
    assert date_distance_days(dt.date(2021, 5, 30), ucdp) == 1
    assert date_distance_days(dt.date(2021, 5, 26), ucdp) == 2
    assert date_distance_days(None, ucdp) is None


def test_date_exact_and_within_one_day(make_predicted, make_gold):
    pairs = [
        Pair(make_predicted(event_date="2020-05-04"), make_gold(event_date="2020-05-04")),
        Pair(make_predicted(event_date="2020-05-03"), make_gold(event_date="2020-05-04")),
        Pair(make_predicted(event_date="2020-05-01"), make_gold(event_date="2020-05-04")),
        Pair(make_predicted(), make_gold(event_date="2020-05-04")),  # no date predicted
        Pair(make_predicted(event_date="2020-05-04"), make_gold()),  # gold null: not scored
    ]
    exact, within, precision = date_scores(pairs)
    assert (exact.value, exact.n) == (0.25, 4)
    assert (within.value, within.n) == (0.5, 4)
    assert precision.n == 0 and precision.value is None


def test_location_median_share_within_25_km_and_admin1(make_predicted, make_gold):
    gold_idlib = make_gold(
        latitude=IDLIB[0], longitude=IDLIB[1], admin1="Idlib governorate", country="Syria"
    )
    pairs = [
        Pair(make_predicted(latitude=BINNISH[0], longitude=BINNISH[1], admin1="Idlib"), gold_idlib),
        Pair(make_predicted(latitude=36.2021, longitude=37.1343, admin1="Aleppo"), gold_idlib),
        Pair(make_predicted(country="Syria"), gold_idlib),  # no coordinates
    ]
    median, within, coverage, country, admin1, geo = location_scores(pairs)
    assert median.n == 2
    assert median.value == pytest.approx((7.8 + haversine_km(36.2021, 37.1343, *IDLIB)) / 2, 0.05)
    assert (within.value, within.n) == (pytest.approx(1 / 3), 3)
    assert (coverage.value, coverage.n) == (pytest.approx(2 / 3), 3)
    assert (admin1.value, admin1.n) == (pytest.approx(1 / 3), 3)
    assert (country.value, country.n) == (pytest.approx(1 / 3), 3)
    assert geo.n == 0


def test_fatalities_missing_prediction_counts_as_zero(make_predicted, make_gold):
    pairs = [
        Pair(make_predicted(fatalities=3), make_gold(fatalities=3)),
        Pair(make_predicted(fatalities=1), make_gold(fatalities=5)),
        Pair(make_predicted(), make_gold(fatalities=0)),
        Pair(make_predicted(fatalities=2), make_gold()),
    ]
    exact, mae, exact_deaths, mae_deaths = fatality_scores(pairs)
    assert (exact.value, exact.n) == (pytest.approx(2 / 3), 3)
    assert (mae.value, mae.n) == (pytest.approx(4 / 3), 3)
    assert (exact_deaths.value, exact_deaths.n) == (0.5, 2)
    assert (mae_deaths.value, mae_deaths.n) == (2.0, 2)


def test_type_accuracy_and_macro_f1(make_predicted, make_gold):
    pairs = [
        Pair(make_predicted(event_type="Battles"), make_gold(event_type="Battles")),
        Pair(make_predicted(event_type="Battles"), make_gold(event_type="Riots")),
        Pair(make_predicted(event_type="Protests"), make_gold(event_type="Protests")),
        Pair(make_predicted(event_type="Protests"), make_gold()),
    ]
    accuracy, macro = label_scores(pairs, "event_type")
    assert (accuracy.value, accuracy.n) == (pytest.approx(2 / 3), 3)
    expected = f1_score(
        ["Battles", "Riots", "Protests"], ["Battles", "Battles", "Protests"], average="macro"
    )
    assert (macro.value, macro.n) == (pytest.approx(expected), 3)


LABELS = st.sampled_from(["Battles", "Riots", "Protests", "Strategic developments"])


@given(st.lists(st.tuples(LABELS, LABELS), min_size=1, max_size=40))
def test_macro_f1_equals_scikit_learn(pairs):
    gold, predicted = zip(*pairs, strict=True)
    expected = f1_score(list(gold), list(predicted), average="macro", zero_division=0)
    assert macro_f1(gold, predicted) == pytest.approx(expected)


def test_score_pairs_leaves_unscored_fields_empty(make_predicted, make_gold):
    # A UCDP-like gold event: no ACLED type, no inter codes, no source scale.
    pairs = [
        Pair(
            make_predicted(actor1="Military Forces of Syria (2000-)", event_date="2013-01-03"),
            make_gold(
                actor1="Government of Syria",
                actor2="Syrian insurgents",
                event_date="2013-01-03",
                date_end="2013-01-03",
            ),
        )
    ]
    scores = {s.name: s for s in score_pairs(pairs)}
    assert scores["event_type.accuracy"].n == 0 and scores["event_type.accuracy"].value is None
    assert scores["inter1.accuracy"].n == 0
    assert scores["source_scale.accuracy"].n == 0
    assert (scores["actor1.match"].value, scores["actor1.match"].n) == (1.0, 1)
    assert (scores["actor2.match"].value, scores["actor2.match"].n) == (0.0, 1)
    assert scores["event_date.exact"].value == 1.0


def test_inter_codes_missing_second_actor_reads_as_zero(make_predicted, make_gold):
    pairs = [
        Pair(make_predicted(inter1="6"), make_gold(inter1="6", inter2="0", interaction="60")),
        Pair(
            make_predicted(inter1="State forces", inter2="Civilians", interaction="17"),
            make_gold(inter1=1, inter2=7, interaction=17),
        ),
    ]
    scores = {s.name: s for s in score_pairs(pairs)}
    assert scores["inter1.accuracy"].value == 1.0
    assert scores["inter2.accuracy"].value == 1.0
    assert (scores["interaction.accuracy"].value, scores["interaction.accuracy"].n) == (0.5, 2)
