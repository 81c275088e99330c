"""Fixtures shared by all tests: paths to real text and a parse helper.

The shared folder (samples, gold) sits beside the repository, as in CI.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventcoder.records import EventMention, ParsedArticle, Span

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"
GOLD_DEV = SHARED / "gold" / "dev"
GOLD_TRAIN = SHARED / "gold" / "train"


@pytest.fixture(scope="session")
def sample_text() -> str:
    """The real machine-translated Idlib article, boilerplate included."""
    return (EXAMPLES / "idlib-drone-strike.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def parse():
    """Return a function text -> ParsedArticle (clean + spaCy), for tests on real sentences.

    Example: ``parsed = parse("Gunmen killed 3 people in Kano.", published="2021-10-02")``
    """
    from eventcoder.clean import clean_article
    from eventcoder.nlp import Parser
    from eventcoder.records import Article, stable_id

    parser = Parser()

    def _parse(text: str, published: str | None = None, article_id: str | None = None, **meta):
        article = Article(
            id=article_id or stable_id(text),
            text=text,
            origin="<test>",
            published=dt.date.fromisoformat(published) if published else None,
            published_from="record" if published else None,
            **meta,
        )
        return next(parser.parse([clean_article(article)]))

    return _parse


@pytest.fixture(scope="session")
def sample_parsed(parse, sample_text):
    """The Idlib article parsed, with its real publication date (2021-10-02)."""
    return parse(sample_text, published="2021-10-02", article_id="idlib-drone-strike")


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
