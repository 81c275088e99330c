"""Build Evidence records from spans of a parsed article."""

from __future__ import annotations

from eventcoder.records import Evidence, ParsedArticle, Sentence


def sentence_at(parsed: ParsedArticle, offset: int) -> Sentence | None:
    """The sentence containing character ``offset``, or None in a gap (e.g. boilerplate)."""
    for sentence in parsed.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence
    return None


def make_evidence(
    parsed: ParsedArticle,
    field: str,
    value: object,
    start: int,
    end: int,
    method: str,
    confidence: float,
) -> Evidence:
    """Evidence for ``field`` = ``value`` supported by ``Article.text[start:end]``.

    Example: ``make_evidence(parsed, "event_date", "2021-09-20", 120, 132, "rules.dates.v1", 0.9)``
    """
    text = parsed.article.text
    sentence = sentence_at(parsed, start)
    return Evidence(
        field=field,
        value="" if value is None else str(value),
        start=start,
        end=end,
        quote=text[start:end],
        sentence=sentence.text if sentence else text[start:end],
        method=method,
        confidence=round(float(confidence), 3),
    )
