"""Run the pipeline on a gold file, match predictions to gold, and build the Report.

Every gold text is parsed once; our components and the baseline components then code the
same ParsedArticle, so the two columns of the report differ only by the components.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from eventcoder.clean import clean_article
from eventcoder.errors import ConfigError
from eventcoder.evaluate.gold import GoldRecord, load_gold
from eventcoder.evaluate.matching import TextMatch, match_events
from eventcoder.evaluate.places import PlaceFinder, PlaceTally, entity_places, geoparser_places
from eventcoder.evaluate.report import BASELINE, OURS, Detection, Report, SystemScores
from eventcoder.evaluate.scoring import Pair, score_pairs
from eventcoder.nlp import Parser
from eventcoder.pipeline import Components, code_parsed
from eventcoder.records import Article, Event, ParsedArticle

# Called after each record with (records done, records in all), for a progress bar.
OnRecord = Callable[[int, int], None]


def baseline_components() -> Components:
    """The simple baselines every figure is compared with (same interfaces as ours)."""
    try:
        from eventcoder.extract.actors import KeywordActorBaseline
        from eventcoder.extract.dates import PublicationDateBaseline
        from eventcoder.extract.events import KeywordEventDetector
        from eventcoder.extract.fatalities import FirstNumberBaseline
        from eventcoder.extract.notes import write_notes
        from eventcoder.extract.places import FirstPlaceBaseline
        from eventcoder.extract.sources import SourceAttributor
    except ImportError as exc:
        raise ConfigError(
            f"A baseline component is not available ({exc}); "
            "evaluate without it (--no-baseline / baseline=False)."
        ) from exc
    return Components(
        detector=KeywordEventDetector(),
        dates=PublicationDateBaseline(),
        places=FirstPlaceBaseline(),
        actors=KeywordActorBaseline(),
        fatalities=FirstNumberBaseline(),
        sources=SourceAttributor(),
        notes=write_notes,
    )


def gold_article(record: GoldRecord, origin: str) -> Article:
    """The Article the pipeline sees for a gold record: only text, id and publication date."""
    return Article(
        id=record.id,
        text=record.text,
        origin=origin,
        published=record.published,
        published_from="record" if record.published else None,
    )


@dataclass(slots=True)
class EventTally:
    """Matched pairs and detection counts of one system over a gold file."""

    pairs: list[Pair] = field(default_factory=list)
    detection: Detection = Detection()

    def add(self, predicted: list[Event], record: GoldRecord) -> TextMatch:
        match = match_events(predicted, record.events)
        self.pairs += [Pair(predicted[p.predicted], record.events[p.gold]) for p in match.pairs]
        self.detection += Detection(len(match.pairs), len(match.false_positives), len(match.misses))
        return match


@dataclass(slots=True)
class _System:
    """One column of the report: its components, place finder and running tallies."""

    name: str
    components: Callable[[], Components]
    places: PlaceFinder | None
    resolves_places: bool
    events: EventTally = field(default_factory=EventTally)
    place_tally: PlaceTally = field(default_factory=PlaceTally)
    has_events: bool = False
    has_places: bool = False
    _built: Components | None = None

    def code(self, parsed: ParsedArticle, record: GoldRecord) -> dict[str, Any]:
        """Score one record; returns what the per-record file shows for this system."""
        if record.is_places_set:
            if self.places is None:
                return {"skipped": "no place finder"}
            self.has_places = True
            spans = list(self.places(parsed))
            matched = self.place_tally.add(spans, record.places or ())
            text = parsed.article.text
            shown = [[s.start, s.end, text[s.start : s.end]] for s in spans]
            return {"predicted": shown, "matched": matched}
        if self._built is None:
            self._built = self.components()
        self.has_events = True
        predicted = code_parsed(parsed, self._built)
        match = self.events.add(predicted, record)
        return {
            "predicted": [_event_row(e) for e in predicted],
            "pairs": [[p.predicted, p.gold, p.similarity] for p in match.pairs],
            "false_positives": list(match.false_positives),
            "misses": list(match.misses),
        }

    def scores(self) -> SystemScores:
        fields = []
        if self.has_events:
            fields += [*self.events.detection.scores(), *score_pairs(self.events.pairs)]
        if self.has_places:
            fields += self.place_tally.scores(self.resolves_places)
        return SystemScores(
            system=self.name,
            fields=tuple(fields),
            detection=self.events.detection if self.has_events else None,
            place_detection=self.place_tally.detection if self.has_places else None,
        )


def _event_row(event: Event) -> dict[str, Any]:
    """The event's non-empty columns and, per field, the words it was coded from."""
    row = {k: v for k, v in event.row().items() if v is not None}
    row["evidence"] = [[e.field, e.value, e.quote, e.method] for e in event.evidence]
    return row


def _parsed(records: list[GoldRecord], origin: str, parser: Parser) -> Iterator[ParsedArticle]:
    return parser.parse(clean_article(gold_article(r, origin)) for r in records)


def evaluate(
    gold_path: str | Path,
    *,
    limit: int | None = None,
    components: Components | None = None,
    baseline: bool | Components = True,
    per_record: str | Path | None = None,
    on_record: OnRecord | None = None,
    parser: Parser | None = None,
) -> Report:
    """Score our pipeline (and a baseline) on a gold file, field by field.

    ``components`` default to ``pipeline.default_components()``; ``baseline`` is True for
    ``baseline_components()``, False for none, or a Components to compare with.
    ``per_record`` writes one JSON line per record (predictions, pairs, misses).

    Example::

        report = evaluate(GOLD_DEV / "ucdp-ged-headlines.jsonl", limit=50)
        print(report.ours.get("event_date.exact"))
    """
    records = load_gold(gold_path, limit)
    origin = str(gold_path)
    notes: list[str] = []
    ours_finder = geoparser_places() if any(r.is_places_set for r in records) else None
    if any(r.is_places_set for r in records) and ours_finder is None:
        notes.append(
            "place mentions not scored for ours: eventcoder.extract.places.Geoparser"
            ".find_places is not available yet"
        )
    systems = [_System(OURS, _components_factory(components), ours_finder, True)]
    if baseline is not False:
        chosen = None if baseline is True else baseline
        factory = (lambda: chosen) if chosen is not None else baseline_components
        systems.append(_System(BASELINE, factory, entity_places, False))
    dropped = sum(r.dropped_places for r in records)
    if dropped:
        notes.append(f"{dropped} gold place mentions skipped: offsets outside their text")
    parsed_records = _parsed(records, origin, parser or Parser())
    with _open_or_null(per_record) as out:
        for done, (record, parsed) in enumerate(zip(records, parsed_records, strict=True), 1):
            results = {s.name: s.code(parsed, record) for s in systems}
            if out is not None:
                out.write(_per_record_line(record, results))
            if on_record is not None:
                on_record(done, len(records))
    scores = {s.name: s.scores() for s in systems}
    return Report(
        gold=origin,
        records=len(records),
        ours=scores[OURS],
        baseline=scores.get(BASELINE),
        notes=tuple(notes),
    )


def _open_or_null(path: str | Path | None) -> AbstractContextManager[IO[str] | None]:
    return Path(path).open("w", encoding="utf-8") if path else nullcontext()


def _components_factory(components: Components | None) -> Callable[[], Components]:
    return (lambda: components) if components is not None else _shipped_components


def _shipped_components() -> Components:
    from eventcoder.pipeline import default_components

    try:
        return default_components()
    except ImportError as exc:
        raise ConfigError(
            f"The shipped components cannot be loaded ({exc}); reinstall eventcoder "
            "(make install) or pass components= to evaluate()."
        ) from exc


def _per_record_line(record: GoldRecord, results: dict[str, Any]) -> str:
    gold: dict[str, Any] = {
        "events": [e.model_dump(mode="json", exclude_none=True) for e in record.events]
    }
    if record.places is not None:
        gold["places"] = [p.model_dump(mode="json", exclude_none=True) for p in record.places]
    line = {"id": record.id, "text": record.text, "gold": gold, "systems": results}
    return json.dumps(line, ensure_ascii=False, default=str) + "\n"
