"""Fixtures for the place tests: one Geoparser per session (the default gazetteer is
built into the cache folder on first use, ~30 s, then reused)."""

from __future__ import annotations

import pytest

from eventcoder.records import EventMention, Span


@pytest.fixture(scope="session")
def geoparser():
    from eventcoder.extract.places import Geoparser

    return Geoparser()


@pytest.fixture(scope="session")
def event_at():
    """Return a function (parsed, sentence indices, trigger words) -> EventMention for
    those sentences (all by default), with the trigger span when its words are given."""

    def _mention(parsed, sentences=None, trigger: str | None = None) -> EventMention:
        indices = (
            tuple(sentences) if sentences is not None else tuple(s.index for s in parsed.sentences)
        )
        start = parsed.article.text.find(trigger) if trigger else 0
        span = Span(start, start + len(trigger), "trigger") if trigger else Span(0, 0)
        return EventMention(
            parsed.article.id,
            indices,
            span,
            "Political violence",
            "Explosions/Remote violence",
            "Air/drone strike",
            None,
            0.9,
        )

    return _mention
