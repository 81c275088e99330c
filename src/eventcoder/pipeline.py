"""The one place where the stages are wired together.

    ingest -> clean -> nlp -> detect events -> code fields -> assemble Event rows

Dedup and storage happen on the assembled events (see ``eventcoder.api``). Each stage is
a replaceable component: ``Components`` holds one of each, and evaluation swaps in
baselines through the same interface.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from eventcoder.clean import clean_article
from eventcoder.extract.base import EventDetector, FieldExtractor
from eventcoder.extract.events.targets import retype_for_target, retype_for_territory
from eventcoder.nlp import Parser
from eventcoder.records import (
    ActorFinding,
    Article,
    DateFinding,
    Event,
    EventMention,
    FatalityFinding,
    ParsedArticle,
    PlaceFinding,
    SourceFinding,
    stable_id,
)

NotesWriter = Callable[[ParsedArticle, Event], str]


@dataclass(slots=True)
class Components:
    """One implementation of each extraction stage."""

    detector: EventDetector
    dates: FieldExtractor[DateFinding]
    places: FieldExtractor[PlaceFinding]
    actors: FieldExtractor[ActorFinding]
    fatalities: FieldExtractor[FatalityFinding]
    sources: FieldExtractor[SourceFinding]
    notes: NotesWriter


@functools.cache
def default_components() -> Components:
    """The shipped components, built once per process (they load models and dictionaries)."""
    from eventcoder.extract.actors import ActorCoder
    from eventcoder.extract.dates import DateResolver
    from eventcoder.extract.events import LearnedEventDetector
    from eventcoder.extract.fatalities import FatalityCounter
    from eventcoder.extract.notes import write_notes
    from eventcoder.extract.places import Geoparser
    from eventcoder.extract.sources import SourceAttributor

    return Components(
        detector=LearnedEventDetector(),
        dates=DateResolver(),
        places=Geoparser(),
        actors=ActorCoder(),
        fatalities=FatalityCounter(),
        sources=SourceAttributor(),
        notes=write_notes,
    )


def event_id(mention: EventMention, iso3: str | None = None) -> str:
    """Deterministic event id: the same article and sentences give the same id."""
    key = stable_id(mention.article_id, mention.sentence_indices, mention.sub_event_type, length=12)
    return f"{iso3 or 'XXX'}-{key}"


def assemble_event(parsed: ParsedArticle, mention: EventMention, components: Components) -> Event:
    """Code every field of one mention and build its Event row with all evidence."""
    actors = components.actors.extract(parsed, mention)
    retyped = retype_for_target(parsed, mention, actors.target_kind) or retype_for_territory(
        parsed, mention, actors.inter1
    )
    if retyped is not None:
        mention = retyped
        actors = components.actors.extract(parsed, mention)
    date = components.dates.extract(parsed, mention)
    place = components.places.extract(parsed, mention)
    toll = components.fatalities.extract(parsed, mention)
    sources = components.sources.extract(parsed, mention)
    event = Event(
        event_id_cnty=event_id(mention, _iso3(place)),
        article_id=mention.article_id,
        disorder_type=mention.disorder_type,
        event_type=mention.event_type,
        sub_event_type=mention.sub_event_type,
        plover_type=mention.plover_type,
        confidence=mention.confidence,
        event_date=date.event_date,
        time_precision=date.time_precision,
        date_reason=date.reason,
        actor1=actors.actor1,
        assoc_actor_1=actors.assoc_actor_1,
        inter1=actors.inter1,
        actor2=actors.actor2,
        assoc_actor_2=actors.assoc_actor_2,
        inter2=actors.inter2,
        interaction=actors.interaction,
        civilian_targeting=actors.civilian_targeting,
        iso=place.iso,
        region=place.region,
        country=place.country,
        admin1=place.admin1,
        admin2=place.admin2,
        admin3=place.admin3,
        location=place.location,
        latitude=place.latitude,
        longitude=place.longitude,
        geo_precision=place.geo_precision,
        geonameid=place.geonameid,
        source=sources.source,
        source_scale=sources.source_scale,
        fatalities=toll.fatalities,
        civilian_fatalities=toll.civilian_fatalities,
        tags=_tags(toll),
        article_published=parsed.article.published,
        evidence=(
            mention.evidence
            + date.evidence
            + place.evidence
            + actors.evidence
            + toll.evidence
            + sources.evidence
        ),
    )
    return replace(event, notes=components.notes(parsed, event))


def _iso3(place: PlaceFinding) -> str | None:
    from eventcoder.extract.places import iso3_for_numeric

    return iso3_for_numeric(place.iso) if place.iso is not None else None


def _tags(toll: FatalityFinding) -> str | None:
    return "fatalities estimated (no count reported)" if toll.estimated else None


def code_parsed(parsed: ParsedArticle, components: Components) -> list[Event]:
    """All events of one parsed article."""
    return [assemble_event(parsed, m, components) for m in components.detector.detect(parsed)]


def code_articles(
    articles: Iterable[Article],
    components: Components | None = None,
    parser: Parser | None = None,
) -> Iterator[tuple[Article, list[Event]]]:
    """Run clean -> nlp -> extraction over articles, yielding each with its events.

    Example::

        for article, events in code_articles(articles):
            print(article.id, [e.sub_event_type for e in events])
    """
    components = components or default_components()
    parser = parser or Parser()
    for parsed in parser.parse(clean_article(a) for a in articles):
        yield parsed.article, code_parsed(parsed, components)
