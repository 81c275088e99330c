"""Measure the date, fatality and source components against a gold file, with baselines.

Runs clean + nlp on each gold text, builds one EventMention spanning all its sentences
(event type from gold, which the fatality rules use), and scores the shipped components
and their baselines on the same parses:

    .venv/bin/python benchmarks/fields.py --gold ../shared/gold/dev/acled-notes-2020-dev.jsonl \
        --limit 300
    .venv/bin/python benchmarks/fields.py --gold ../shared/gold/dev/ucdp-ged-headlines.jsonl \
        --errors 20
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from common import parse_records, whole_text_mention

from eventcoder.evaluate.gold import load_gold
from eventcoder.extract.dates import DateResolver, PublicationDateBaseline, find_dates
from eventcoder.extract.fatalities import FatalityCounter, FirstNumberBaseline
from eventcoder.extract.fatalities.numbers import words_to_int


@dataclass
class Tally:
    """Exact / within-one-day counts for dates; exact and absolute error for tolls."""

    n: int = 0
    exact: int = 0
    near: int = 0
    abs_error: float = 0.0

    def add_date(self, gold: dt.date, got: dt.date | None) -> None:
        self.n += 1
        self.exact += got == gold
        self.near += got is not None and abs((got - gold).days) <= 1

    def add_toll(self, gold: int, got: int | None) -> None:
        self.n += 1
        self.exact += got == gold
        self.abs_error += abs((got or 0) - gold)

    def date_line(self) -> str:
        n = max(self.n, 1)
        return f"exact {self.exact / n:.3f}  +-1 day {self.near / n:.3f}  (n={self.n})"

    def toll_line(self) -> str:
        n = max(self.n, 1)
        return f"exact {self.exact / n:.3f}  MAE {self.abs_error / n:.2f}  (n={self.n})"


def _states_toll(text: str, toll: int) -> bool:
    """Whether ``toll`` is written in ``text`` (as a numeral or number words), or is 0."""
    if toll == 0:
        return True
    words = re.findall(r"[\w,]+", text.lower())
    spans = (
        " ".join(words[i:j])
        for i in range(len(words))
        for j in range(i + 1, min(i + 4, len(words) + 1))
    )
    return any(words_to_int(span) == toll for span in spans)


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--gold", type=Path, required=True)
    args.add_argument("--limit", type=int, default=None)
    args.add_argument("--errors", type=int, default=0, help="print this many misses per field")
    opts = args.parse_args()

    records = load_gold(opts.gold, opts.limit)
    dates = {"ours": DateResolver(), "baseline": PublicationDateBaseline()}
    tolls = {"ours": FatalityCounter(), "baseline": FirstNumberBaseline()}
    date_tally = {name: Tally() for name in dates}
    toll_tally = {name: Tally() for name in tolls}
    deadly_tally = {name: Tally() for name in tolls}
    misses: dict[str, list[str]] = {"date": [], "toll": []}
    for record, parsed in zip(records, parse_records(records), strict=True):
        gold = record.events[0]
        mention = whole_text_mention(parsed, gold.event_type, gold.sub_event_type)
        if gold.event_date:
            for name, component in dates.items():
                got = component.extract(parsed, mention)
                date_tally[name].add_date(gold.event_date, got.event_date)
                if name == "ours" and got.event_date != gold.event_date:
                    misses["date"].append(
                        f"{gold.event_date} got {got.event_date} ({got.reason}) | "
                        f"{record.text[:160]}"
                    )
        if gold.fatalities is not None:
            for name, component in tolls.items():
                got = component.extract(parsed, mention).fatalities
                toll_tally[name].add_toll(gold.fatalities, got)
                if gold.fatalities > 0:
                    deadly_tally[name].add_toll(gold.fatalities, got)
                if name == "ours" and got != gold.fatalities:
                    misses["toll"].append(
                        f"{gold.fatalities} got {got} [{gold.event_type}] | {record.text[:200]}"
                    )

    print(f"{opts.gold.name}: {len(records)} texts")
    with_toll = [r for r in records if r.events[0].fatalities is not None]
    stated = sum(_states_toll(r.text, r.events[0].fatalities) for r in with_toll)
    dated = sum(any(e.date for e in find_dates(r.text, 0, None)) for r in records)
    print(
        f"  ceiling   the gold toll is written in the text: {stated / max(len(with_toll), 1):.3f}"
    )
    print(f"  ceiling   the text has a full date of its own:   {dated / max(len(records), 1):.3f}")
    for name in dates:
        print(f"  date      {name:9s} {date_tally[name].date_line()}")
    for name in tolls:
        print(f"  toll      {name:9s} {toll_tally[name].toll_line()}")
        print(f"  toll>0    {name:9s} {deadly_tally[name].toll_line()}")
    for field, lines in misses.items():
        for line in lines[: opts.errors]:
            print(f"  miss {field}: {line}")


if __name__ == "__main__":
    main()
