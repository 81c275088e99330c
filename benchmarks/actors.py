"""Benchmark actor coding against gold events, isolated from event detection.

For every gold event, builds one EventMention with the gold event type (so a detection
error never costs an actor point), runs ActorCoder and KeywordActorBaseline, and prints
actor1/actor2 match rates, inter1/inter2 and interaction accuracy.

Actors match by the evaluation's rule (``eventcoder.evaluate.normalise.actors_match``):
the same actor after normalising periods, diacritics and state-force names, token_set_ratio
>= 90 and every word of the shorter name close to one of the other's. It is stricter than
the rule this benchmark used before (its own lower-case + period + token_set_ratio copy:
"Protesters (Iran)" no longer matches "Protesters (Iraq)", while "Government of Syria" now
matches "Military Forces of Syria (2000-)"). Unlike the evaluation, which skips events
without a gold actor, every event counts here: no actor where gold has none is a hit, since
leaving actor2 empty is a coding decision too. inter codes compare as written, a missing
code as "0".

Example::

    .venv/bin/python benchmarks/actors.py \
        --gold ../shared/gold/dev/acled-notes-2020-dev.jsonl --limit 300
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from common import parse_records, whole_text_mention

from eventcoder.evaluate.gold import GoldEvent, load_gold
from eventcoder.evaluate.normalise import actors_match
from eventcoder.extract.actors import ActorCoder, KeywordActorBaseline
from eventcoder.extract.actors.lexicon import EVENT_LEMMAS
from eventcoder.records import EventMention, ParsedArticle, Span

FIELDS = ("actor1", "actor2", "inter1", "inter2", "interaction")


def actor_match(predicted: str | None, gold: str | None) -> bool:
    """Both absent, or the same actor by the evaluation's rule."""
    if not predicted or not gold:
        return not predicted and not gold
    return actors_match(predicted, gold)


def code_match(predicted: str | None, gold: str | None) -> bool:
    return (predicted or "0") == (gold or "0")


def gold_mention(parsed: ParsedArticle, event: GoldEvent) -> EventMention:
    """One mention per gold event over the whole text, the text's first event word as
    trigger (else the first sentence's root)."""
    doc = parsed.doc
    trigger = next((t for t in doc if t.lemma_ in EVENT_LEMMAS), None)
    if trigger is None:
        trigger = next(iter(doc.sents)).root
    return whole_text_mention(
        parsed,
        event.event_type,
        event.sub_event_type,
        disorder_type=event.disorder_type,
        trigger=Span(trigger.idx, trigger.idx + len(trigger)),
    )


def run(gold: Path, limit: int | None, skip: int, show_errors: int) -> dict[str, Counter]:
    records = load_gold(gold, skip + limit if limit else None)[skip:]
    systems = {"ActorCoder": ActorCoder(), "KeywordBaseline": KeywordActorBaseline()}
    scores = {name: Counter() for name in systems}
    errors = 0
    for record, parsed in zip(records, parse_records(records), strict=True):
        for event in record.events:
            mention = gold_mention(parsed, event)
            for name, system in systems.items():
                found = system.extract(parsed, mention)
                score = scores[name]
                score["events"] += 1
                score["actor1"] += actor_match(found.actor1, event.actor1)
                score["actor2"] += actor_match(found.actor2, event.actor2)
                for field in ("inter1", "inter2", "interaction"):
                    score[field] += code_match(getattr(found, field), getattr(event, field))
                if (
                    name == "ActorCoder"
                    and errors < show_errors
                    and not actor_match(found.actor1, event.actor1)
                ):
                    errors += 1
                    print(
                        f"- {record.text[:200]}\n"
                        f"    gold {event.actor1} | {event.actor2}"
                        f"\n    got  {found.actor1} | {found.actor2}",
                        file=sys.stderr,
                    )
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--gold", type=Path, required=True, help="gold JSONL (see shared/gold/README.md)"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N records")
    parser.add_argument("--skip", type=int, default=0, help="skip the first N records")
    parser.add_argument("--show-errors", type=int, default=0, help="print N actor1 misses")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    scores = run(args.gold, args.limit, args.skip, args.show_errors)
    print(f"{'system':<16}" + "".join(f"{f:>12}" for f in FIELDS) + f"{'events':>8}")
    for name, score in scores.items():
        n = max(score["events"], 1)
        print(
            f"{name:<16}"
            + "".join(f"{score[f] / n:>12.3f}" for f in FIELDS)
            + f"{score['events']:>8}"
        )
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
