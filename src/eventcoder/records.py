"""Typed records that flow between pipeline stages.

Every stage takes and returns these records, never loose dicts:

    ingest   -> Article | IngestFailure
    clean    -> CleanedArticle
    nlp      -> ParsedArticle
    events   -> EventMention
    fields   -> DateFinding, PlaceFinding, ActorFinding, FatalityFinding, SourceFinding
    assemble -> Event (one ACLED row, with its Evidence)

Character offsets (``start``/``end``) always index ``Article.text``, the text as ingested,
so an analyst can highlight evidence in the original article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # spaCy is heavy; records stay importable without loading it.
    from spacy.tokens import Doc


def stable_id(*parts: object, length: int = 16) -> str:
    """Deterministic hex id from parts, so re-runs produce the same ids."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled character span of ``Article.text``."""

    start: int
    end: int
    label: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as ingested.

    ``published_from`` says where the publication date came from (``record``,
    ``html-meta``, ``cli``) or is None when no date is known; nothing ever
    assumes today.
    """

    id: str
    text: str
    origin: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None
    published_from: str | None = None
    language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An input that could not become an Article; stored and reported, never dropped.

    ``origin`` is the file (or ``<stdin>``), ``record`` the line or record number where
    the problem is, ``kind`` a short machine-readable code, ``message`` what went wrong
    and what to do about it.
    """

    origin: str
    kind: str
    message: str
    record: str | None = None

    def describe(self) -> str:
        where = f"{self.origin}:{self.record}" if self.record else self.origin
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class CleanedArticle:
    """An article with boilerplate blanked out.

    ``text`` has exactly the length of ``article.text``: removed characters are replaced
    by spaces (newlines kept), so every offset found in it is an offset of the original.
    """

    article: Article
    text: str
    removed: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class ParsedArticle:
    """A cleaned article with its spaCy parse (in memory only, never stored)."""

    cleaned: CleanedArticle
    doc: Doc
    sentences: tuple[Sentence, ...]

    @property
    def article(self) -> Article:
        return self.cleaned.article


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a field has its value: the words it came from, how, and how sure we are.

    ``start``/``end`` index ``Article.text``; ``quote`` is that slice, ``sentence`` the
    sentence around it. ``method`` names the component and version (``rules.dates.v1``).
    """

    field: str
    value: str
    start: int
    end: int
    quote: str
    sentence: str
    method: str
    confidence: float


@dataclass(frozen=True, slots=True)
class EventMention:
    """A concrete event found in an article, classified but not yet given its fields.

    ``sentence_indices`` lists the sentences that report it, the main one first.
    ``trigger`` is the span of the words that name the event ("drone strike").
    ``follow_up_indices`` are the sentences right after it, in its paragraph, that report
    no event of their own: details such as "Three people died." that the toll reads.
    """

    article_id: str
    sentence_indices: tuple[int, ...]
    trigger: Span
    disorder_type: str
    event_type: str
    sub_event_type: str
    plover_type: str | None
    confidence: float
    evidence: tuple[Evidence, ...] = ()
    follow_up_indices: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class DateFinding:
    event_date: dt.date | None
    time_precision: int | None
    reason: str | None = None  # why the date is missing or uncertain
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceFinding:
    country: str | None = None
    iso: int | None = None  # ISO 3166-1 numeric, as ACLED
    region: str | None = None  # ACLED region
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorFinding:
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: str | None = None
    interaction: str | None = None
    civilian_targeting: str | None = None  # "Civilian targeting" or None, as ACLED
    evidence: tuple[Evidence, ...] = ()
    # The kind of actor the event's words say was hit ("civilians", "state", "rebel"...),
    # before the codebook fills actor2 in: it decides Attack vs Armed clash
    # (extract.events.targets).
    target_kind: str | None = None


@dataclass(frozen=True, slots=True)
class FatalityFinding:
    fatalities: int | None
    civilian_fatalities: int | None = None
    estimated: bool = False  # a convention figure, not a reported count
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceFinding:
    source: str | None = None  # "; "-joined, as ACLED
    source_scale: str | None = None
    evidence: tuple[Evidence, ...] = ()


# ACLED's export columns, in ACLED's order; exports write these first, then ours.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

EXTRA_COLUMNS: tuple[str, ...] = (
    "article_id",
    "plover_type",
    "confidence",
    "geonameid",
    "civilian_fatalities",
    "date_reason",
    "article_published",
)


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: an ACLED row plus our provenance and evidence.

    ``event_id_cnty`` is deterministic (article id + sentences + type), so storing the
    same input twice replaces rather than duplicates.
    """

    event_id_cnty: str
    article_id: str
    disorder_type: str
    event_type: str
    sub_event_type: str
    plover_type: str | None
    confidence: float
    event_date: dt.date | None = None
    time_precision: int | None = None
    date_reason: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: str | None = None
    interaction: str | None = None
    civilian_targeting: str | None = None
    iso: int | None = None
    region: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    source: str | None = None
    source_scale: str | None = None
    notes: str | None = None
    fatalities: int | None = None
    civilian_fatalities: int | None = None
    tags: str | None = None
    article_published: dt.date | None = None
    timestamp: int | None = None
    evidence: tuple[Evidence, ...] = ()

    @property
    def year(self) -> int | None:
        return self.event_date.year if self.event_date else None

    def row(self) -> dict[str, Any]:
        """The event as one flat row: ACLED columns in ACLED order, then ours."""
        values = {name: getattr(self, name) for name in ACLED_COLUMNS if name != "year"}
        values["year"] = self.year
        ordered = {name: values[name] for name in ACLED_COLUMNS}
        ordered.update({name: getattr(self, name) for name in EXTRA_COLUMNS})
        return ordered
