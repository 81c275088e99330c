"""Benchmark actor coding against gold events, isolated from event detection.

For every gold event, builds one EventMention with the gold event type (so a detection
error never costs an actor point), runs ActorCoder and KeywordActorBaseline, and prints
actor1/actor2 match rates, inter1/inter2 and interaction accuracy.

Match: equal after lower-casing and dropping a "(2014-)" period, or rapidfuzz
token_set_ratio >= 90 (the evaluation's leniency).

Example::

    .venv/bin/python benchmarks/actors.py \
        --gold ../shared/gold/dev/acled-notes-2020-dev.jsonl --limit 300
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

from eventcoder.clean import clean_article
from eventcoder.extract.actors import ActorCoder, KeywordActorBaseline
from eventcoder.extract.actors.lexicon import EVENT_LEMMAS
from eventcoder.nlp import Parser
from eventcoder.records import Article, EventMention, ParsedArticle, Span

PERIOD = re.compile(r"\s*\(\d{4}-(\d{4})?\)")
# The evaluation's fuzzy threshold for "same actor".
MATCH_RATIO = 90
FIELDS = ("actor1", "actor2", "inter1", "inter2", "interaction")


def normalise(name: str | None) -> str:
    return PERIOD.sub("", name or "").strip().lower()


def actor_match(predicted: str | None, gold: str | None) -> bool:
    """Both empty, or the same actor up to case, period and word order."""
    p, g = normalise(predicted), normalise(gold)
    if not p or not g:
        return p == g
    return p == g or fuzz.token_set_ratio(p, g) >= MATCH_RATIO


def code_match(predicted: str | None, gold: str | None) -> bool:
    return (predicted or "0") == (gold or "0")


def gold_mention(parsed: ParsedArticle, event: dict) -> EventMention:
    """One mention per gold event: all sentences (the first is the main), the first
    event word as trigger."""
    doc = parsed.doc
    trigger = next((t for t in doc if t.lemma_ in EVENT_LEMMAS), None)
    if trigger is None:
        trigger = next(iter(doc.sents)).root
    return EventMention(
        article_id=parsed.article.id,
        sentence_indices=tuple(range(len(parsed.sentences))),
        trigger=Span(trigger.idx, trigger.idx + len(trigger)),
        disorder_type=event.get("disorder_type") or "",
        event_type=event.get("event_type") or "",
        sub_event_type=event.get("sub_event_type") or "",
        plover_type=None,
        confidence=1.0,
    )


def run(gold: Path, limit: int | None, skip: int, show_errors: int) -> dict[str, Counter]:
    records = [
        json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    records = records[skip : skip + limit] if limit else records[skip:]
    articles = [Article(id=r["id"], text=r["text"], origin=str(gold)) for r in records]
    systems = {"ActorCoder": ActorCoder(), "KeywordBaseline": KeywordActorBaseline()}
    scores = {name: Counter() for name in systems}
    errors = 0
    for record, parsed in zip(
        records, Parser().parse(clean_article(a) for a in articles), strict=True
    ):
        for event in record["events"]:
            mention = gold_mention(parsed, event)
            for name, system in systems.items():
                found = system.extract(parsed, mention)
                score = scores[name]
                score["events"] += 1
                score["actor1"] += actor_match(found.actor1, event.get("actor1"))
                score["actor2"] += actor_match(found.actor2, event.get("actor2"))
                for field in ("inter1", "inter2", "interaction"):
                    score[field] += code_match(getattr(found, field), event.get(field))
                if (
                    name == "ActorCoder"
                    and errors < show_errors
                    and not actor_match(found.actor1, event.get("actor1"))
                ):
                    errors += 1
                    print(
                        f"- {record['text'][:200]}\n"
                        f"    gold {event.get('actor1')} | {event.get('actor2')}"
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
