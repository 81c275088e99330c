"""Interfaces every extraction component implements, so learned models can replace rules.

A detector turns a parsed article into event mentions; a field extractor codes one group
of fields for one mention. Implementations are plain classes with one method; the
pipeline (``eventcoder.pipeline``) builds them once and calls them per article.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from eventcoder.records import EventMention, ParsedArticle

Finding_co = TypeVar("Finding_co", covariant=True)


class EventDetector(Protocol):
    """Finds the concrete events an article reports and classifies them."""

    def detect(self, parsed: ParsedArticle) -> list[EventMention]: ...


class FieldExtractor(Protocol[Finding_co]):
    """Codes one group of fields (dates, places, actors...) of one event mention."""

    def extract(self, parsed: ParsedArticle, mention: EventMention) -> Finding_co: ...
