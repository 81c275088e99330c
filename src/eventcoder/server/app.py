"""The REST API: read the store, code new articles, record corrections, export.

Each route is a thin layer over ``eventcoder.api`` or the store; FastAPI derives the
OpenAPI schema (``/openapi.json``, browsable at ``/docs``) from the same typed records.
The review page (``eventcoder.web``) is served at ``/`` and its files under ``/static/``.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from eventcoder import __version__, api
from eventcoder.errors import InputError
from eventcoder.records import Article, Event, IngestFailure, stable_id
from eventcoder.store import EXPORT_FORMATS, Correction, Store, export_events
from eventcoder.web import mount_review_page

MEDIA_TYPES = {
    "csv": "text/csv",
    "parquet": "application/vnd.apache.parquet",
    "geojson": "application/geo+json",
    "jsonl": "application/x-ndjson",
}


class ArticleIn(BaseModel):
    """An article to code, as a client sends it."""

    text: str = Field(min_length=1, description="The article text.")
    id: str | None = Field(None, description="Stable id; a content hash when omitted.")
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = Field(None, description="Publication date; relative dates need it.")
    language: str | None = "en"

    def to_article(self) -> Article:
        return Article(
            id=self.id or stable_id(self.text),
            text=self.text,
            origin="<api>",
            url=self.url,
            outlet=self.outlet,
            title=self.title,
            published=self.published,
            published_from="record" if self.published else None,
            language=self.language,
        )


class CorrectionIn(BaseModel):
    """An analyst's correction of one event field, as the review page sends it."""

    field: str = Field(description="An Event field, e.g. fatalities, event_date, location.")
    value: str | None = Field(None, description="The right value; empty means 'no value'.")
    note: str | None = Field(None, description="Why, e.g. the source that says otherwise.")


def create_app(db: str | Path = api.DEFAULT_DB) -> FastAPI:
    """Build the app serving the store at ``db`` (created, or upgraded, on the way).

    Example: ``uvicorn.run(create_app("events.duckdb"))`` (or ``eventcoder serve``).
    """
    # One read-write open applies pending migrations, so the read-only opens of the
    # routes below also work on a store written by an older eventcoder.
    Store(db).close()
    app = FastAPI(
        title="eventcoder",
        description="ACLED-style events with evidence, coded from news articles.",
        version=__version__,
    )

    @app.get("/events", response_model=list[Event])
    def list_events(
        merged: bool = Query(False, description="One row per real-world event."),
        article_id: str | None = None,
    ) -> list[Event]:
        return api.events(db=db, article_id=article_id, merged=merged)

    @app.get("/events/{event_id}", response_model=Event)
    def get_event(event_id: str) -> Event:
        with Store(db, read_only=True) as store:
            event = store.event(event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id!r} in {db}")
        return event

    @app.post("/events/{event_id}/corrections", response_model=Correction, status_code=201)
    def correct_event(event_id: str, correction: CorrectionIn) -> Correction:
        """Record a correction beside the machine-coded value (which stays as it is)."""
        with Store(db) as store:
            if store.event(event_id) is None:
                raise HTTPException(404, f"no event {event_id!r} in {db}")
            try:
                return store.add_correction(
                    event_id, correction.field, correction.value, correction.note
                )
            except InputError as exc:
                raise HTTPException(422, str(exc)) from exc

    @app.get("/corrections", response_model=list[Correction])
    def list_corrections(event_id: str | None = None) -> list[Correction]:
        """Analysts' corrections, oldest first (the latest per field is in force)."""
        with Store(db, read_only=True) as store:
            return store.corrections(event_id=event_id)

    @app.get("/articles/{article_id}", response_model=Article)
    def get_article(article_id: str) -> Article:
        with Store(db, read_only=True) as store:
            article = store.article(article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id!r} in {db}")
        return article

    @app.get("/failures", response_model=list[IngestFailure])
    def list_failures() -> list[IngestFailure]:
        return api.failures(db=db)

    @app.post("/articles", response_model=list[Event])
    def code_article(article: ArticleIn) -> list[Event]:
        """Code one article, store it with its events, and return the events."""
        return api.extract_articles([article.to_article()], db=db).events

    @app.get("/export/{fmt}")
    def export(fmt: str, merged: bool = True) -> Response:
        if fmt not in EXPORT_FORMATS:
            raise HTTPException(404, f"unknown format {fmt!r}; use {', '.join(EXPORT_FORMATS)}")
        buffer = io.BytesIO()
        export_events(api.events(db=db, merged=merged), fmt, buffer)
        return Response(buffer.getvalue(), media_type=MEDIA_TYPES[fmt])

    mount_review_page(app)
    return app
