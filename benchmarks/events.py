"""Benchmark event detection and classification: learned detector vs keyword baseline.

Runs clean + nlp on gold texts, then both detectors, and prints for each:
detection precision/recall (predictions beyond a text's gold events are false positives),
event_type macro-F1, sub_event_type accuracy and macro-F1.

Usage::

    .venv/bin/python benchmarks/events.py \
        --gold ../shared/gold/dev/acled-notes-2020-dev.jsonl --limit 500
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from common import parse_records

from eventcoder.evaluate.gold import GoldRecord, load_gold
from eventcoder.extract.base import EventDetector
from eventcoder.extract.events import KeywordEventDetector, LearnedEventDetector, embed
from eventcoder.extract.events.learned import DETECT_THRESHOLD
from eventcoder.records import EventMention

MISSED = "(missed)"


@dataclass
class Tally:
    """Counts for one detector over a gold file."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    pairs: list[tuple[str, str, str, str]] = field(default_factory=list)  # gold/pred type, sub
    false_positive_types: Counter = field(default_factory=Counter)

    def add(self, gold: list[tuple[str, str]], predicted: list[EventMention]) -> None:
        """Match predictions to gold events: same event type first, then in order."""
        remaining = list(predicted)
        unmatched_gold = []
        for gold_type, gold_sub in gold:
            hit = next((m for m in remaining if m.event_type == gold_type), None)
            if hit is None:
                unmatched_gold.append((gold_type, gold_sub))
                continue
            remaining.remove(hit)
            self.pairs.append((gold_type, hit.event_type, gold_sub, hit.sub_event_type))
        missed = 0
        for gold_type, gold_sub in unmatched_gold:
            if remaining:
                hit = remaining.pop(0)
                self.pairs.append((gold_type, hit.event_type, gold_sub, hit.sub_event_type))
            else:
                self.pairs.append((gold_type, MISSED, gold_sub, MISSED))
                missed += 1
        self.tp += len(gold) - missed
        self.fn += missed
        self.fp += len(remaining)
        self.false_positive_types.update(m.event_type for m in remaining)

    def lines(self, name: str) -> list[str]:
        from sklearn.metrics import accuracy_score, f1_score

        precision = self.tp / max(self.tp + self.fp, 1)
        recall = self.tp / max(self.tp + self.fn, 1)
        gold_t, pred_t, gold_s, pred_s = (list(x) for x in zip(*self.pairs, strict=True))
        matched = [p for p in self.pairs if p[1] != MISSED]
        mg_t, mp_t, mg_s, mp_s = (list(x) for x in zip(*matched, strict=True))

        def macro(gold, pred):
            return f1_score(gold, pred, labels=sorted(set(gold)), average="macro", zero_division=0)

        return [
            f"{name}: detection P {precision:.3f} R {recall:.3f} "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn})",
            f"{name}: all gold events: event_type macro-F1 {macro(gold_t, pred_t):.3f}, "
            f"sub_event_type acc {accuracy_score(gold_s, pred_s):.3f} "
            f"macro-F1 {macro(gold_s, pred_s):.3f}",
            f"{name}: detected events only: event_type macro-F1 {macro(mg_t, mp_t):.3f}, "
            f"sub_event_type acc {accuracy_score(mg_s, mp_s):.3f} "
            f"macro-F1 {macro(mg_s, mp_s):.3f}",
            f"{name}: false positives by type: {dict(self.false_positive_types.most_common())}",
        ]


def typed_records(path: Path, limit: int | None) -> list[GoldRecord]:
    """The first ``limit`` records whose events all have an event type (the rest cannot
    be scored for classification)."""
    records = [r for r in load_gold(path) if all(e.event_type for e in r.events)]
    return records[:limit] if limit else records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True, help="gold JSONL with event types")
    parser.add_argument("--limit", type=int, default=None, help="first N texts only")
    parser.add_argument("--model-dir", default=None, help="an event model folder to test")
    parser.add_argument(
        "--threshold",
        type=float,
        action="append",
        help="P(event) threshold(s) of the learned detector to compare (repeatable)",
    )
    args = parser.parse_args()

    rows = typed_records(args.gold, args.limit)
    started = time.perf_counter()
    parsed = parse_records(rows)
    # Encode every sentence in one batch run; the detector then reads the memo.
    embed.embed([s.text for p in parsed for s in p.sentences])
    print(f"{len(rows)} texts parsed and encoded in {time.perf_counter() - started:.0f} s")

    thresholds = args.threshold or [DETECT_THRESHOLD]
    detectors: dict[str, EventDetector] = {
        f"learned@{t:g}": LearnedEventDetector(model_dir=args.model_dir, threshold=t)
        for t in thresholds
    }
    detectors["keyword"] = KeywordEventDetector()
    for name, detector in detectors.items():
        tally = Tally()
        for row, item in zip(rows, parsed, strict=True):
            gold = [(e.event_type, e.sub_event_type) for e in row.events]
            tally.add(gold, detector.detect(item))
        print("\n".join(tally.lines(name)))


if __name__ == "__main__":
    main()
