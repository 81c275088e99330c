"""The evaluation runner and CLI on real gold texts, with a small stand-in component set."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from eventcoder.cli.evaluate import evaluate as evaluate_command
from eventcoder.evaluate import evaluate, load_gold
from tests.conftest import GOLD_DEV
from tests.evaluate.standin import PublicationDate, standin_components

ACLED = GOLD_DEV / "acled-notes-2020-dev.jsonl"
UCDP = GOLD_DEV / "ucdp-ged-headlines.jsonl"
GWN = GOLD_DEV / "geowebnews-places.jsonl"


@pytest.fixture(scope="module")
def acled_report(tmp_path_factory):
    per_record = tmp_path_factory.mktemp("eval") / "records.jsonl"
    report = evaluate(
        ACLED,
        limit=20,
        components=standin_components(),
        baseline=standin_components(dates=PublicationDate()),
        per_record=per_record,
    )
    return report, per_record


def test_acled_notes_scored_against_a_baseline(acled_report):
    report, _ = acled_report
    gold_events = sum(len(r.events) for r in load_gold(ACLED, limit=20))
    assert report.records == 20
    detection = report.ours.detection
    assert detection.true_positives + detection.false_negatives == gold_events
    assert 0 < detection.true_positives <= gold_events
    # ACLED notes open with the date: reading it beats a (missing) publication date.
    ours_date = report.ours.get("event_date.exact")
    assert ours_date.n == detection.true_positives
    assert ours_date.value > 0.8
    assert report.baseline.get("event_date.exact").value == 0.0
    assert report.ours.get("event_type.accuracy").n == detection.true_positives
    assert report.ours.get("location.coverage").value == 0.0  # the stand-in finds no places


def test_per_record_file_shows_predictions_pairs_and_misses(acled_report):
    _, per_record = acled_report
    lines = [json.loads(line) for line in per_record.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [r.id for r in load_gold(ACLED, limit=20)]
    ours = lines[0]["systems"]["ours"]
    assert set(ours) == {"predicted", "pairs", "false_positives", "misses"}
    assert lines[0]["gold"]["events"][0]["event_type"]
    for line in lines:
        system = line["systems"]["ours"]
        paired = {gold for _, gold, _ in system["pairs"]}
        assert paired | set(system["misses"]) == set(range(len(line["gold"]["events"])))


def test_ucdp_headlines_date_range_and_no_types():
    report = evaluate(UCDP, limit=20, components=standin_components(), baseline=False)
    assert report.baseline is None
    assert report.ours.get("event_type.accuracy").n == 0  # UCDP has no ACLED types
    # Headlines carry no written date: the publication date, inside UCDP's range, is used.
    assert report.ours.get("event_date.within_1_day").value > 0.5


def test_places_set_scores_spacy_entities_as_baseline():
    report = evaluate(GWN, limit=3, components=standin_components(), baseline=True)
    baseline = report.baseline
    assert baseline.place_detection.true_positives > 0
    precision = baseline.get("places.precision")
    assert 0 < precision.value < 1
    assert baseline.get("places.accuracy_161_km") is None  # entities are not resolved
    assert baseline.get("detection.precision") is None  # no events in a places set


def test_places_set_scores_our_geoparser_with_resolution():
    report = evaluate(GWN, limit=3, components=standin_components(), baseline=False)
    ours = report.ours
    assert ours.place_detection.true_positives > 0
    accuracy = ours.get("places.accuracy_161_km")
    assert accuracy.n > 0 and 0 < accuracy.value <= 1


def _cli() -> typer.Typer:
    app = typer.Typer()
    app.command()(evaluate_command)
    return app


def test_cli_bad_gold_file_exits_2_naming_the_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "x", "events": []}\n{"id": "b", "text": \n')
    result = CliRunner().invoke(_cli(), ["--gold", str(gold)])
    assert result.exit_code == 2
    assert f"{gold}:2: not valid JSON" in result.output


def test_cli_json_output(monkeypatch):
    monkeypatch.setattr("eventcoder.pipeline.default_components", standin_components)
    result = CliRunner().invoke(
        _cli(), ["--gold", str(UCDP), "--limit", "5", "--json", "--no-baseline"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["records"] == 5
    assert data["systems"]["ours"]["fields"]["event_date.exact"]["n"] >= 0
