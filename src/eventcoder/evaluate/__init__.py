"""Score the pipeline against gold data, field by field, next to a baseline.

Public API::

    from eventcoder.evaluate import evaluate
    report = evaluate("gold/dev/acled-notes-2020-dev.jsonl", limit=300)
    print(report.to_json())

See docs/evaluation.md for how events are matched and each figure is defined.
"""

from eventcoder.evaluate.gold import GoldEvent, GoldPlace, GoldRecord, load_gold
from eventcoder.evaluate.matching import TextMatch, match_events
from eventcoder.evaluate.report import Detection, FieldScore, Report, SystemScores
from eventcoder.evaluate.runner import baseline_components, evaluate

__all__ = [
    "Detection",
    "FieldScore",
    "GoldEvent",
    "GoldPlace",
    "GoldRecord",
    "Report",
    "SystemScores",
    "TextMatch",
    "baseline_components",
    "evaluate",
    "load_gold",
    "match_events",
]
