"""Hand-built records from the Idlib sample: what a careful coder would store for it.

Evidence offsets are found in the real article text, so quotes and sentences are genuine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from eventcoder.records import Article, Event, Evidence, stable_id
from eventcoder.store import Store

EvidenceFor = Callable[[str, str, str, str, float], Evidence]


@pytest.fixture(scope="session")
def idlib_article(sample_text: str) -> Article:
    return Article(
        id="idlib-drone-strike",
        text=sample_text,
        origin="examples/articles.jsonl",
        url="https://example.org/news/idlib-raid",
        outlet="Example News",
        title="A raid on Idlib..the coalition kills the coordinator of al-Qaeda attacks",
        published=dt.date(2021, 10, 2),
        published_from="record",
        language="en",
        extra={"record": 1, "tags": ["syria", "idlib"], "translated": True},
    )


@pytest.fixture(scope="session")
def evidence_for(sample_text: str) -> EvidenceFor:
    """Return a function building Evidence for the first occurrence of a quote."""

    def _evidence(field: str, value: str, quote: str, method: str, confidence: float):
        start = sample_text.index(quote)
        line_start = sample_text.rfind("\n", 0, start) + 1
        line_end = sample_text.find("\n", start)
        return Evidence(
            field=field,
            value=value,
            start=start,
            end=start + len(quote),
            quote=quote,
            sentence=sample_text[line_start:line_end],
            method=method,
            confidence=confidence,
        )

    return _evidence


@pytest.fixture(scope="session")
def idlib_event(idlib_article: Article, evidence_for: EvidenceFor) -> Event:
    """The drone strike, every field set (so a round trip covers all of them)."""
    return Event(
        event_id_cnty="SYR-" + stable_id(idlib_article.id, (2,), "Air/drone strike", length=12),
        article_id=idlib_article.id,
        disorder_type="Political violence",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        plover_type="ATTACK",
        confidence=0.87,
        event_date=dt.date(2021, 9, 20),
        time_precision=1,
        date_reason="explicit day and month; year from the publication date",
        actor1="Military Forces of the United States (2021-)",
        assoc_actor_1="",
        inter1="External/Other forces",
        actor2="Al Qaeda",
        assoc_actor_2="Hurras al Din",
        inter2="Rebel group",
        interaction="External/Other forces-Rebel group",
        civilian_targeting="",
        iso=760,
        region="Middle East",
        country="Syria",
        admin1="Idlib",
        admin2="Idlib",
        admin3="Idlib",
        location="Binnish",
        latitude=35.94,
        longitude=36.67,
        geo_precision=2,
        geonameid=169389,
        source="Syrian Observatory for Human Rights; US Central Command",
        source_scale="Other-International",
        notes="On 20 September 2021, a US drone strike hit a car on the Idlib-Binnish road.",
        fatalities=1,
        civilian_fatalities=0,
        tags="fatalities estimated (no count reported)",
        article_published=dt.date(2021, 10, 2),
        timestamp=1633132800,
        evidence=(
            evidence_for(
                "sub_event_type", "Air/drone strike", "drone strike", "learned.events.v1", 0.87
            ),
            evidence_for("event_date", "2021-09-20", "September 20", "rules.dates.v1", 0.9),
            evidence_for("location", "Binnish", "Binnish", "gazetteer.places.v1", 0.71),
            evidence_for(
                "source",
                "Syrian Observatory for Human Rights",
                "Syrian Observatory for Human Rights",
                "rules.sources.v1",
                0.95,
            ),
        ),
    )


@pytest.fixture(scope="session")
def sochi_event(idlib_article: Article, evidence_for: EvidenceFor) -> Event:
    """The Putin-Erdogan summit: a second event of the article, with no coordinates."""
    return Event(
        event_id_cnty="RUS-" + stable_id(idlib_article.id, (12,), "Agreement", length=12),
        article_id=idlib_article.id,
        disorder_type="Strategic developments",
        event_type="Strategic developments",
        sub_event_type="Agreement",
        plover_type="AGREE",
        confidence=0.41,
        event_date=dt.date(2021, 9, 29),
        time_precision=1,
        country="Russia",
        location="Sochi",
        article_published=dt.date(2021, 10, 2),
        evidence=(
            evidence_for("sub_event_type", "Agreement", "agreed", "learned.events.v1", 0.41),
        ),
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "events.duckdb") as opened:
        yield opened
