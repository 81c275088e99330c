"""Training: shipped data is what the templates give, fits are reproducible, users can
train from an ACLED CSV or gold JSONL."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
import typer
from typer.testing import CliRunner

from eventcoder.cli.train import train
from eventcoder.errors import GoldFormatError
from eventcoder.extract.events import LearnedEventDetector
from eventcoder.extract.events.model import EventModel
from eventcoder.extract.events.taxonomy import NO_EVENT, SUB_EVENT_TYPES
from eventcoder.train.compose import compose
from eventcoder.train.data import Example, read_examples, read_ours, read_prior
from eventcoder.train.fit import PRIOR_WEIGHT, fit_model

# Small, hand-written labelled sets: enough for 4 folds, small enough to train in seconds.
CLASH = [
    "On 2 June 2021, soldiers clashed with rebels near Kidal.",
    "On 5 June 2021, militants and troops exchanged fire outside Menaka.",
    "Fighting broke out between the army and insurgents in Ansongo on Monday.",
    "On 9 June 2021, rebels attacked an army post in Tessalit, and soldiers fired back.",
    "A gun battle between police and gang members erupted in Port-au-Prince.",
    "On 11 June 2021, two militias fought over a checkpoint in Bossaso.",
]
PROTEST = [
    "On 3 June 2021, teachers protested in Lusaka over unpaid wages.",
    "Hundreds of farmers marched in Nakuru on Friday against low maize prices.",
    "On 7 June 2021, students held a sit-in at the university in Accra.",
    "Market women demonstrated outside the town hall in Lome on Tuesday.",
    "On 10 June 2021, nurses rallied in Harare to demand protective equipment.",
    "Residents staged a peaceful protest in Goma over insecurity.",
]
NOTHING = [
    "The central bank left interest rates unchanged on Thursday.",
    "The minister said the talks with donors had been constructive.",
    "Heavy rain is forecast for the capital over the weekend.",
    "The president will travel to Addis Ababa next month for a summit.",
    "Analysts expect inflation to ease later this year.",
    "The football federation named a new national coach.",
]


def _examples() -> list[Example]:
    return (
        [Example("Armed clash", t) for t in CLASH]
        + [Example("Peaceful protest", t) for t in PROTEST]
        + [Example(NO_EVENT, t) for t in NOTHING]
    )


def test_shipped_training_file_is_the_expanded_templates():
    shipped = [(e.label, e.text) for e in read_ours()]
    assert shipped == [(r["sub_event_type"], r["text"]) for r in compose()]
    per_label: dict[str, int] = {}
    for label, _ in shipped:
        per_label[label] = per_label.get(label, 0) + 1
    assert len(per_label) == 26 and min(per_label.values()) >= 40


def test_training_is_reproducible():
    first, report = fit_model(_examples())
    second, _ = fit_model(list(reversed(_examples())))  # input order must not matter
    assert first.labels == second.labels
    np.testing.assert_array_equal(first.coef, second.coef)
    assert first.temperature == second.temperature
    assert report.examples == 18 and report.classes == 3


def test_prior_moves_class_priors_and_nothing_else():
    plain, _ = fit_model(_examples())
    shifted, _ = fit_model(_examples(), prior={"Armed clash": 0.1, "Peaceful protest": 0.9})
    protest, clash = (shifted.labels.index(x) for x in ("Peaceful protest", "Armed clash"))
    nothing = shifted.labels.index(NO_EVENT)
    moved = shifted.intercept - plain.intercept
    # Equal numbers of clash and protest sentences: the prior's 9:1 is applied half-way.
    assert moved[protest] - moved[clash] == pytest.approx(PRIOR_WEIGHT * np.log(9), rel=1e-4)
    assert moved[nothing] == 0
    np.testing.assert_array_equal(shifted.coef, plain.coef)


def test_shipped_prior_covers_every_sub_type():
    prior = read_prior()
    assert set(prior) == {s.name for s in SUB_EVENT_TYPES}
    assert sum(prior.values()) == pytest.approx(1.0)
    assert prior["Peaceful protest"] > prior["Armed clash"] > prior["Chemical weapon"]


def test_model_round_trips_through_its_folder(tmp_path):
    model, _ = fit_model(_examples())
    model.save(tmp_path / "m", {"test": True})
    loaded = EventModel.load(tmp_path / "m")
    text = ["Troops and rebels clashed near Gao on Sunday."]
    np.testing.assert_allclose(loaded.probabilities(text), model.probabilities(text), rtol=1e-6)
    assert loaded.predict(text)[0].sub_event_type == "Armed clash"


def test_train_from_acled_csv_then_detect(tmp_path, parse):
    path = tmp_path / "acled.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["event_id_cnty", "event_type", "sub_event_type", "notes"])
        for n, text in enumerate(CLASH):
            writer.writerow([f"MLI{n}", "Battles", "Armed clash", text])
        for n, text in enumerate(PROTEST):
            writer.writerow([f"ZMB{n}", "Protests", "Peaceful protest", text])
    out = tmp_path / "model"
    result = CliRunner().invoke(_app(), ["--data", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "macro-F1" in result.output and (out / "provenance.json").exists()
    detector = LearnedEventDetector(model_dir=out)
    (mention,) = detector.detect(parse("On 4 June 2021, farmers protested in Kitwe over fuel."))
    assert mention.sub_event_type == "Peaceful protest"


def test_gold_jsonl_reader_takes_first_event_and_negatives(tmp_path):
    path = tmp_path / "gold.jsonl"
    rows = [
        {"id": "a", "text": CLASH[0], "events": [{"sub_event_type": "Armed clash"}]},
        {"id": "b", "text": NOTHING[0], "events": []},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert read_examples(path, "gold-jsonl") == [
        Example("Armed clash", CLASH[0], "gold"),
        Example(NO_EVENT, NOTHING[0], "gold"),
    ]


def test_bad_labels_and_columns_fail_with_the_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"text": "x", "events": [{"sub_event_type": "Drone"}]}) + "\n")
    with pytest.raises(GoldFormatError, match=r"gold.jsonl:1: unknown ACLED sub_event_type"):
        read_examples(path, "gold-jsonl")
    csv_path = tmp_path / "bad.csv"
    csv_path.write_text("event_type,text\nBattles,x\n", encoding="utf-8")
    result = CliRunner().invoke(_app(), ["--data", str(csv_path), "-o", str(tmp_path / "m")])
    assert result.exit_code == 2 and "needs the columns 'notes'" in result.output


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command()(train)
    return app
