"""Accuracy gate: fail when a figure on a pinned gold subset drops below its floor.

The floors in ``floors.json`` were set a little below what the shipped components
measured there (``measured``) on the pinned subsets (the first 100 ACLED dev notes and
the first 100 UCDP headlines). Raise a floor when the pipeline improves; lowering one
needs a reason in the commit message.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventcoder.evaluate import evaluate
from tests.conftest import GOLD_DEV

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))
CASES = [
    (gold_set["file"], figure, floor)
    for gold_set in FLOORS["sets"]
    for figure, floor in gold_set["floors"].items()
]


@pytest.fixture(scope="module")
def reports():
    """One run per pinned subset, shared by all its figures (our components only)."""
    from eventcoder.pipeline import default_components

    components = default_components()
    return {
        gold_set["file"]: evaluate(
            GOLD_DEV / gold_set["file"],
            limit=gold_set["limit"],
            components=components,
            baseline=False,
        )
        for gold_set in FLOORS["sets"]
    }


@pytest.mark.slow  # runs the full pipeline on 200 texts: one to a few minutes
@pytest.mark.parametrize(("gold_file", "figure", "floor"), CASES)
def test_figure_stays_above_floor(reports, gold_file, figure, floor):
    score = reports[gold_file].ours.get(figure)
    assert score is not None and score.value is not None, f"{figure} was not computed"
    if figure.endswith(".median_km") or ".mae" in figure:  # lower is better: floor is a cap
        assert score.value <= floor, f"{gold_file} {figure} rose to {score.value:.3f} > {floor}"
    else:
        assert score.value >= floor, (
            f"{gold_file} {figure} dropped to {score.value:.3f} < floor {floor} (n={score.n})"
        )
