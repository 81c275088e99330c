"""Publication dates: parsing, and precedence record > HTML metadata > --published."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from eventcoder.ingest import parse_date
from tests.ingest.helpers import GOOD_TEXT, read_batch

CLI_DATE = dt.date(2021, 10, 2)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-10-02", dt.date(2021, 10, 2)),
        ("2021-10-02T23:30:00+03:00", dt.date(2021, 10, 2)),  # the publisher's local date
        ("2021-10-02T08:00:00Z", dt.date(2021, 10, 2)),
        ("Oct 2, 2021", dt.date(2021, 10, 2)),
        ("2 October 2021", dt.date(2021, 10, 2)),
        ("Saturday, 2 October 2021 14:05 GMT", dt.date(2021, 10, 2)),
        ("2 octobre 2021", dt.date(2021, 10, 2)),
        ("3 de marzo de 2022", dt.date(2022, 3, 3)),
    ],
)
def test_parse_date_reads_absolute_dates(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    ["yesterday", "3 hours ago", "October 2021", "2021", "Friday", "n/a", "", None, 20211002],
)
def test_parse_date_never_completes_from_today(value):
    assert parse_date(value) is None


def write_feed(tmp_path, *records) -> list:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return [feed]


def test_record_date_beats_cli_date(tmp_path):
    paths = write_feed(tmp_path, {"text": GOOD_TEXT, "published": "2021-09-30"})
    (article,), _ = read_batch(paths, published=CLI_DATE)
    assert (article.published, article.published_from) == (dt.date(2021, 9, 30), "record")


def test_cli_date_fills_records_without_one(tmp_path):
    paths = write_feed(tmp_path, {"text": GOOD_TEXT}, {"text": GOOD_TEXT, "date": None})
    articles, _ = read_batch(paths, published=CLI_DATE)
    assert [(a.published, a.published_from) for a in articles] == [(CLI_DATE, "cli")] * 2


def test_no_date_anywhere_stays_unknown(tmp_path):
    (article,), _ = read_batch(write_feed(tmp_path, {"text": GOOD_TEXT}))
    assert (article.published, article.published_from) == (None, None)
    assert "date_warning" not in article.extra


def test_unparseable_record_date_warns_and_still_ingests(tmp_path):
    paths = write_feed(tmp_path, {"id": "a", "text": GOOD_TEXT, "date": "last Tuesday"})
    (article,), failures = read_batch(paths)
    assert failures == []
    assert (article.published, article.published_from) == (None, None)
    assert "'last Tuesday'" in article.extra["date_warning"]
    assert "YYYY-MM-DD" in article.extra["date_warning"]


def test_unparseable_record_date_falls_back_to_cli_with_the_warning(tmp_path):
    paths = write_feed(tmp_path, {"text": GOOD_TEXT, "published_at": "sometime in 2021"})
    (article,), _ = read_batch(paths, published=CLI_DATE)
    assert (article.published, article.published_from) == (CLI_DATE, "cli")
    assert "sometime in 2021" in article.extra["date_warning"]


def test_plain_text_takes_the_cli_date(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text(GOOD_TEXT, encoding="utf-8")
    (article,), _ = read_batch([note], published=CLI_DATE)
    assert (article.published, article.published_from) == (CLI_DATE, "cli")


def test_html_meta_beats_cli(tmp_path, html_page):
    page = tmp_path / "borno.html"
    page.write_bytes(html_page)
    (article,), _ = read_batch([page], published=CLI_DATE)
    assert (article.published, article.published_from) == (dt.date(2023, 3, 14), "html-meta")
