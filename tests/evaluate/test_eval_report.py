"""Report shape: JSON for scripts, a Rich table for people."""

from __future__ import annotations

import json

from rich.console import Console

from eventcoder.evaluate.report import Detection, FieldScore, Report, SystemScores


def _report(with_baseline: bool = True) -> Report:
    ours = SystemScores(
        "ours",
        (
            *Detection(8, 2, 1).scores(),
            FieldScore("event_type.accuracy", 0.75, 8),
            FieldScore("location.median_km", 12.345, 6),
            FieldScore("source_scale.accuracy", None, 0),
        ),
        detection=Detection(8, 2, 1),
    )
    baseline = SystemScores(
        "baseline",
        (
            *Detection(5, 9, 4).scores(),
            FieldScore("event_type.accuracy", None, 0),
            FieldScore("places.precision", 0.5, 4),  # a figure ours lacks
        ),
        detection=Detection(5, 9, 4),
    )
    return Report("gold.jsonl", 9, ours, baseline if with_baseline else None, ("a note",))


def test_detection_precision_recall_f1():
    precision, recall, f1 = Detection(8, 2, 1).scores()
    assert (precision.value, precision.n) == (0.8, 10)
    assert (recall.value, recall.n) == (8 / 9, 9)
    assert f1.value == 2 * 0.8 * (8 / 9) / (0.8 + 8 / 9)
    assert Detection(0, 0, 3).scores()[0].value is None  # nothing predicted: undefined
    assert Detection(0, 2, 3).scores()[2].value == 0.0


def test_json_shape():
    data = json.loads(_report().to_json())
    assert set(data) == {"gold", "records", "systems", "notes"}
    assert set(data["systems"]) == {"ours", "baseline"}
    ours = data["systems"]["ours"]
    assert ours["fields"]["event_type.accuracy"] == {"value": 0.75, "n": 8}
    assert ours["fields"]["location.median_km"] == {"value": 12.345, "n": 6}
    assert ours["detection"] == {"true_positives": 8, "false_positives": 2, "false_negatives": 1}
    assert data["systems"]["baseline"]["fields"]["event_type.accuracy"]["value"] is None
    assert "baseline" not in json.loads(_report(with_baseline=False).to_json())["systems"]


def test_table_lists_every_figure_for_both_systems():
    console = Console(width=120, record=True)
    console.print(_report().table())
    text = console.export_text()
    assert "event_type.accuracy" in text and "0.750" in text
    assert "12.3" in text  # distances in km, one decimal
    assert "detection.precision" in text and "0.357" in text  # baseline 5 / 14
    assert "location.median_km" in text
    assert "ours: 8 matched, 2 extra predictions, 1 missed" in text
    assert "a note" in text
    assert "source_scale" not in text  # nobody scored it: the gold lacks the field
    assert "1 figures not shown" in text
    places_row = next(line for line in text.splitlines() if "places.precision" in line)
    assert places_row.replace("│", " ").split() == ["places.precision", "-", "-", "0.500", "4"]
