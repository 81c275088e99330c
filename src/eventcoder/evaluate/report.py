"""The evaluation report: per-field scores for our system and the baseline, as JSON or a table."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from rich.table import Table

OURS = "ours"
BASELINE = "baseline"


@dataclass(frozen=True, slots=True)
class FieldScore:
    """One figure (``event_type.accuracy``) over ``n`` scored items; None when n is 0."""

    name: str
    value: float | None
    n: int

    def to_dict(self) -> dict[str, Any]:
        return {"value": None if self.value is None else round(self.value, 4), "n": self.n}


@dataclass(frozen=True, slots=True)
class Detection:
    """Event detection counts: matched pairs, extra predictions, missed gold events."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def __add__(self, other: Detection) -> Detection:
        return Detection(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
        )

    def scores(self, prefix: str = "detection") -> tuple[FieldScore, ...]:
        """Precision, recall and F1, each with the count it divides by."""
        tp, fp, fn = self.true_positives, self.false_positives, self.false_negatives
        precision = tp / (tp + fp) if tp + fp else None
        recall = tp / (tp + fn) if tp + fn else None
        if precision is None or recall is None:
            f1 = None
        else:
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return (
            FieldScore(f"{prefix}.precision", precision, tp + fp),
            FieldScore(f"{prefix}.recall", recall, tp + fn),
            FieldScore(f"{prefix}.f1", f1, tp),
        )

    def to_dict(self) -> dict[str, int]:
        return {
            "true_positives": self.true_positives,
            "false_positives": self.false_positives,
            "false_negatives": self.false_negatives,
        }


@dataclass(frozen=True, slots=True)
class SystemScores:
    """Every figure of one system (ours or the baseline) on one gold file."""

    system: str
    fields: tuple[FieldScore, ...]
    detection: Detection | None = None
    place_detection: Detection | None = None

    def get(self, name: str) -> FieldScore | None:
        """The figure called ``name``, or None when this run did not compute it."""
        return next((score for score in self.fields if score.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"fields": {s.name: s.to_dict() for s in self.fields}}
        if self.detection is not None:
            data["detection"] = self.detection.to_dict()
        if self.place_detection is not None:
            data["place_detection"] = self.place_detection.to_dict()
        return data


@dataclass(frozen=True, slots=True)
class Report:
    """Scores of one gold file; ``baseline`` is None when run with ``baseline=False``.

    ``notes`` say what could not be scored and why (e.g. no geoparser installed).
    """

    gold: str
    records: int
    ours: SystemScores
    baseline: SystemScores | None = None
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        systems = {OURS: self.ours.to_dict()}
        if self.baseline is not None:
            systems[BASELINE] = self.baseline.to_dict()
        return {
            "gold": self.gold,
            "records": self.records,
            "systems": systems,
            "notes": list(self.notes),
        }

    def to_json(self, indent: int | None = 2) -> str:
        """The report as one JSON object (``systems.<name>.fields.<figure>.value/n``)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def figure_names(self) -> list[str]:
        """Names of all figures, ours first, then any only the baseline has."""
        names = [score.name for score in self.ours.fields]
        if self.baseline is not None:
            names += [s.name for s in self.baseline.fields if s.name not in names]
        return names

    def table(self) -> Table:
        """A Rich table: one row per figure, columns ours, baseline and their n.

        Figures no system could score (n = 0) are left out; the JSON keeps them.
        """
        table = Table(title=f"{self.gold} ({self.records} records)", title_justify="left")
        table.add_column("figure")
        table.add_column(OURS, justify="right")
        table.add_column("n", justify="right", style="dim")
        if self.baseline is not None:
            table.add_column(BASELINE, justify="right")
            table.add_column("n", justify="right", style="dim")
        unscored = 0
        for name in self.figure_names():
            scores = [s.get(name) for s in (self.ours, self.baseline) if s is not None]
            if all(score is None or score.n == 0 for score in scores):
                unscored += 1  # the gold set lacks the field (e.g. UCDP event types)
                continue
            row = [name, *_cells(self.ours.get(name))]
            if self.baseline is not None:
                row += _cells(self.baseline.get(name))
            table.add_row(*row)
        captions = [_counts_caption(s) for s in (self.ours, self.baseline) if s and s.detection]
        if unscored:
            captions.append(f"{unscored} figures not shown: the gold file lacks their fields")
        table.caption = "\n".join(captions + list(self.notes)) or None
        return table


def _cells(score: FieldScore | None) -> list[str]:
    return [_format(score), str(score.n)] if score else ["-", "-"]


def _format(score: FieldScore | None) -> str:
    if score is None or score.value is None:
        return "-"
    if score.name.endswith(".median_km") or ".mae" in score.name:  # km and deaths, not shares
        return f"{score.value:.1f}"
    return f"{score.value:.3f}"


def _counts_caption(scores: SystemScores) -> str:
    d = scores.detection or Detection()
    return (
        f"{scores.system}: {d.true_positives} matched, {d.false_positives} extra predictions, "
        f"{d.false_negatives} missed gold events"
    )
