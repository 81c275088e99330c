"""DateResolver on real sentences: the seed article's dates and each relative pattern."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.dates import DateResolver, PublicationDateBaseline

SEED_PUBLISHED = "2021-10-02"  # a Saturday, the day after the CENTCOM statement


@pytest.fixture(scope="module")
def resolver():
    return DateResolver()


def test_seed_strike_is_dated_to_september_20_not_the_statement(
    resolver, sample_parsed, mention_over
):
    mention = mention_over(
        sample_parsed,
        "A drone strike on September 20",
        "The US military announced, on Friday",
        "revealed in a statement Friday",
    )
    finding = resolver.extract(sample_parsed, mention)
    assert finding.event_date == dt.date(2021, 9, 20)
    assert finding.time_precision == 1
    assert finding.evidence[0].quote == "September 20"


def test_seed_statement_alone_gives_the_friday_report_date(resolver, sample_parsed, mention_over):
    mention = mention_over(sample_parsed, "revealed in a statement Friday")
    finding = resolver.extract(sample_parsed, mention)
    assert finding.event_date == dt.date(2021, 10, 1)
    assert finding.time_precision == 2
    assert "statement" in finding.reason


def test_seed_summit_last_wednesday(resolver, sample_parsed, mention_over):
    mention = mention_over(sample_parsed, "the summit that gathered in the Russian resort of Sochi")
    assert resolver.extract(sample_parsed, mention).event_date == dt.date(2021, 9, 29)


@pytest.mark.parametrize(
    ("text", "published", "date", "precision"),
    [
        (
            "Gunmen killed three villagers on Friday in Zamfara state.",
            "2021-10-02",
            "2021-10-01",
            1,
        ),
        (
            "Gunmen killed three villagers on Saturday in Zamfara state.",
            "2021-10-02",
            "2021-10-02",
            1,
        ),
        (
            "Gunmen killed three villagers last Saturday in Zamfara state.",
            "2021-10-02",
            "2021-09-25",
            1,
        ),
        (
            "Two soldiers were killed yesterday when their patrol hit a mine.",
            "2021-10-02",
            "2021-10-01",
            1,
        ),
        (
            "Two soldiers were killed two days ago when their patrol hit a mine.",
            "2021-10-02",
            "2021-09-30",
            1,
        ),
        (
            "Militants attacked a checkpoint last week, killing a policeman.",
            "2021-10-02",
            "2021-09-22",
            2,
        ),
        ("Militants attacked a checkpoint earlier this month.", "2021-10-20", "2021-10-15", 3),
        ("The leader was killed in an air strike a few days ago.", "2021-10-02", "2021-09-29", 2),
        (
            "Clashes between 18 and 20 September left 12 fighters dead.",
            "2021-10-02",
            "2021-09-19",
            2,
        ),
        ("Clashes on September 18-20, 2021 left 12 fighters dead.", None, "2021-09-19", 2),
        ("On 4 May 2020, Taliban militants attacked a checkpoint in Balkh.", None, "2020-05-04", 1),
        ("Around 4 May 2020 (as reported), gunmen killed a trader in Kano.", None, "2020-05-04", 2),
        ("On 27 April 2020 (month of), troops raided the village.", None, "2020-04-27", 3),
        ("The attack took place on 2021-09-20 near the border.", "2021-10-02", "2021-09-20", 1),
        ("The attack took place on 20/09/2021 near the border.", "2021-10-02", "2021-09-20", 1),
        (
            "On Friday, September 24, police fired on protesters in Khartoum.",
            "2021-10-02",
            "2021-09-24",
            1,
        ),
        ("The ambush happened on December 30, the army said.", "2022-01-03", "2021-12-30", 1),
    ],
)
def test_patterns(resolver, parse, mention_over, text, published, date, precision):
    parsed = parse(text, published=published)
    finding = resolver.extract(parsed, mention_over(parsed))
    assert finding.event_date == dt.date.fromisoformat(date)
    assert finding.time_precision == precision


def test_event_date_beats_the_date_of_the_statement(resolver, parse, mention_over):
    parsed = parse(
        "The ministry said on Sunday that five soldiers were killed in an ambush on Thursday.",
        published="2021-10-04",
    )
    assert resolver.extract(parsed, mention_over(parsed)).event_date == dt.date(2021, 9, 30)


def test_no_publication_date_says_why(resolver, sample_text, parse, mention_over):
    parsed = parse(sample_text)  # the article as scraped, without its metadata
    finding = resolver.extract(parsed, mention_over(parsed, "A drone strike on September 20"))
    assert finding.event_date is None
    assert finding.reason == "no publication date: 'September 20' has no year"


def test_no_date_in_text_uses_publication_date_at_week_precision(resolver, parse, mention_over):
    parsed = parse("Gunmen killed two farmers in Benue state.", published="2021-10-02")
    finding = resolver.extract(parsed, mention_over(parsed))
    assert (finding.event_date, finding.time_precision) == (dt.date(2021, 10, 2), 2)
    assert "publication date" in finding.reason
    assert finding.evidence[0].confidence < 0.5


def test_nothing_to_go_on(resolver, parse, mention_over):
    parsed = parse("Gunmen killed two farmers in Benue state.")
    finding = resolver.extract(parsed, mention_over(parsed))
    assert finding.event_date is None and "no publication date" in finding.reason


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        ("On 4 May 2020, gunmen killed a trader.", None, "2020-05-04"),
        ("Around 4 May 2020 (as reported), gunmen killed a trader.", "2020-05-06", "2020-05-06"),
        ("Gunmen killed a trader.", None, None),
    ],
)
def test_baseline(parse, mention_over, text, published, date):
    parsed = parse(text, published=published)
    finding = PublicationDateBaseline().extract(parsed, mention_over(parsed))
    assert finding.event_date == (dt.date.fromisoformat(date) if date else None)
