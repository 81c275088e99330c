"""A mention over chosen sentences of a parsed text, for the field extractors' tests."""

from __future__ import annotations

import pytest

from eventcoder.records import EventMention, ParsedArticle, Span


@pytest.fixture(scope="session")
def mention_over():
    """Return ``(parsed, *needles, event_type=...) -> EventMention`` over the sentences that
    contain the needles (main sentence first), or all sentences when none is given."""

    def _mention(
        parsed: ParsedArticle, *needles: str, event_type: str = "Battles", sub_event_type: str = ""
    ):
        if needles:
            indices = tuple(
                next(s.index for s in parsed.sentences if needle in s.text) for needle in needles
            )
        else:
            indices = tuple(s.index for s in parsed.sentences)
        return EventMention(
            article_id=parsed.article.id,
            sentence_indices=indices,
            trigger=Span(0, 0),
            disorder_type="Political violence",
            event_type=event_type,
            sub_event_type=sub_event_type,
            plover_type=None,
            confidence=1.0,
        )

    return _mention
