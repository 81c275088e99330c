"""What every benchmark does between reading gold records (``evaluate.gold.load_gold``) and
scoring: clean and parse their texts, and give a component an event mention to work on.

Kept in one place so the benchmarks measure their components on the same inputs, prepared
the same way as the pipeline prepares articles.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventcoder.clean import clean_article
from eventcoder.evaluate.gold import GoldRecord
from eventcoder.nlp import Parser
from eventcoder.records import Article, EventMention, ParsedArticle, Span

# Gold texts have no trigger words marked; an empty span makes a component fall back to
# the main sentence's event word, as it does for a mention without a usable trigger.
NO_TRIGGER = Span(0, 0)


def parse_records(records: Sequence[GoldRecord]) -> list[ParsedArticle]:
    """Clean and parse each record's text (with its publication date), in record order."""
    articles = (
        Article(id=r.id, text=r.text, origin="<gold>", published=r.published) for r in records
    )
    return list(Parser().parse(clean_article(a) for a in articles))


def whole_text_mention(
    parsed: ParsedArticle,
    event_type: str | None = None,
    sub_event_type: str | None = None,
    *,
    disorder_type: str | None = None,
    trigger: Span = NO_TRIGGER,
) -> EventMention:
    """One event mention covering every sentence of a text, the first as the main one.

    Gold texts report one event each, so a benchmark can skip event detection and give a
    field extractor the whole text, with the gold types where the extractor uses them.
    """
    return EventMention(
        article_id=parsed.article.id,
        sentence_indices=tuple(range(len(parsed.sentences))),
        trigger=trigger,
        disorder_type=disorder_type or "",
        event_type=event_type or "",
        sub_event_type=sub_event_type or "",
        plover_type=None,
        confidence=1.0,
    )
