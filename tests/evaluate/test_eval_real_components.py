"""The shipped components and baselines scored on the first 20 real gold texts of each set."""

from __future__ import annotations

import pytest

from eventcoder.evaluate import evaluate, load_gold
from eventcoder.pipeline import default_components
from tests.conftest import GOLD_DEV

ACLED = "acled-notes-2020-dev.jsonl"
UCDP = "ucdp-ged-headlines.jsonl"
RECORDS = 20

# Both systems on 40 texts: about a minute on a free CPU, several on a shared one.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def reports():
    components = default_components()
    return {
        name: evaluate(GOLD_DEV / name, limit=RECORDS, components=components)
        for name in (ACLED, UCDP)
    }


@pytest.mark.parametrize("gold_file", [ACLED, UCDP])
def test_ours_and_baseline_produce_real_figures(reports, gold_file):
    report = reports[gold_file]
    gold_events = sum(len(r.events) for r in load_gold(GOLD_DEV / gold_file, limit=RECORDS))
    for system in (report.ours, report.baseline):
        detection = system.detection
        assert detection.true_positives + detection.false_negatives == gold_events
        for score in system.fields:
            assert (score.value is None) == (score.n == 0), score
            if score.value is not None and "km" not in score.name and "mae" not in score.name:
                assert 0.0 <= score.value <= 1.0, score
    assert report.ours.detection.true_positives > 0
    assert report.ours.get("event_date.within_1_day").value > 0.5


def test_acled_actor_coding_beats_keyword_baseline(reports):
    report = reports[ACLED]
    assert report.ours.get("actor1.match").value > report.baseline.get("actor1.match").value
