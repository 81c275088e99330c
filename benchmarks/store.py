"""Store write speed: one transaction per article (baseline) vs batched ``add_many``.

Prints both timings and their ratio, measured in the same run on the same events, so the
figure holds on any machine. ``api.extract_events`` writes in batches of
``api.WRITE_BATCH`` articles; this shows what that buys.

    .venv/bin/python benchmarks/store.py [--articles 300] [--events 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from eventcoder.api import WRITE_BATCH
from eventcoder.records import Article, Event, Evidence
from eventcoder.store import Store


def synthetic_batch(articles: int, events: int) -> list[tuple[Article, list[Event]]]:
    """Articles with events shaped like real output (three evidence rows each)."""
    batch = []
    for a in range(articles):
        text = f"On 20 September 2021, a drone strike hit a car near Binnish (report {a})."
        article = Article(id=f"art-{a}", text=text, origin="<benchmark>")
        evidence = tuple(
            Evidence(field, value, 3, 20, text[3:20], text, "benchmark", 0.9)
            for field, value in (
                ("event_date", "2021-09-20"),
                ("location", "Binnish"),
                ("fatalities", "1"),
            )
        )
        batch.append(
            (
                article,
                [
                    Event(
                        event_id_cnty=f"SYR-{a}-{e}",
                        article_id=article.id,
                        disorder_type="Political violence",
                        event_type="Explosions/Remote violence",
                        sub_event_type="Air/drone strike",
                        plover_type="ATTACK",
                        confidence=0.9,
                        event_date=dt.date(2021, 9, 20),
                        evidence=evidence,
                    )
                    for e in range(events)
                ],
            )
        )
    return batch


def timed(path: Path, write) -> float:
    with Store(path) as store:
        began = time.perf_counter()
        write(store)
        return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--events", type=int, default=5, help="events per article")
    args = parser.parse_args()
    batch = synthetic_batch(args.articles, args.events)
    with tempfile.TemporaryDirectory() as folder:
        one_by_one = timed(Path(folder) / "one.duckdb", lambda s: [s.add(a, e) for a, e in batch])
        batched = timed(
            Path(folder) / "many.duckdb",
            lambda s: [
                s.add_many(batch[i : i + WRITE_BATCH]) for i in range(0, len(batch), WRITE_BATCH)
            ],
        )
    n = args.articles
    print(f"{n} articles x {args.events} events")
    for label, seconds in (
        ("baseline, one transaction per article", one_by_one),
        (f"add_many, {WRITE_BATCH} articles per transaction", batched),
    ):
        print(f"{label}: {seconds:7.2f} s ({n / seconds:7.1f} articles/s)")
    print(f"speed-up: {one_by_one / batched:.1f}x")


if __name__ == "__main__":
    main()
