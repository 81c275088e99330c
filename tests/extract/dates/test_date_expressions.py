"""find_dates on its own: spans, leftmost-longest matching, and words that are not dates."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.dates import find_dates
from eventcoder.extract.dates.fallback import parse_entity

PUBLISHED = dt.date(2021, 10, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Around 4 May 2020 (from 3 May to 4 May), militias clashed.",
            ["4 May 2020 (from 3 May to 4 May)"],
        ),
        (
            "Fighting between 18 and 20 September displaced hundreds.",
            ["between 18 and 20 September"],
        ),
        ("At least 5 may have died in the fire.", []),
        (
            "The strike on September 20 and the summit last Wednesday.",
            ["September 20", "last Wednesday"],
        ),
    ],
)
def test_spans(text, expected):
    found = find_dates(text, 0, PUBLISHED)
    assert [e.text for e in found] == expected
    assert all(text[e.start : e.end] == e.text for e in found)


def test_offsets_index_the_article():
    (expression,) = find_dates("on Friday", 100, PUBLISHED)
    assert (expression.start, expression.end) == (100, 109)


def test_year_is_the_most_recent_before_publication():
    (expression,) = find_dates("on December 30", 0, dt.date(2022, 1, 3))
    assert expression.date == dt.date(2021, 12, 30)


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        ("20.09.21", PUBLISHED, dt.date(2021, 9, 20)),
        ("Sept. 20th, 2021", None, dt.date(2021, 9, 20)),
        ("Sept. 20th", None, None),  # no year and no publication date: not guessed
        ("13 days", PUBLISHED, None),  # a duration, not a date
        ("2014", PUBLISHED, None),  # a year is too vague to code
    ],
)
def test_dateparser_fallback_reads_only_calendar_dates(text, published, date):
    expression = parse_entity(text, 0, published)
    assert (expression.date if expression else None) == date
