"""Publication dates: parse what a record or page says, and decide which source wins.

Precedence: the record's own date, then the page's HTML metadata, then the date given
for the batch (the CLI's ``--published``). Nothing ever falls back to today: an article
whose date is unknown keeps ``published=None`` and the date stage says so.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

# dateparser settings for publication dates. Only absolute dates count: "yesterday" or
# "3 hours ago" would be read against today, which is exactly what we must not assume,
# and a date missing its day or year would be completed from today as well.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}

# Languages tried for dates in words: those of most conflict reporting. Letting dateparser
# guess among all its ~200 locales costs about 9 s on the first string it cannot read.
DATE_LANGUAGES = ["en", "fr", "es", "pt", "ar", "ru", "uk", "tr", "de", "it", "fa", "id"]

FROM_RECORD = "record"
FROM_HTML_META = "html-meta"
FROM_CLI = "cli"


@dataclass(frozen=True, slots=True)
class Published:
    """A resolved publication date, where it came from, and a warning if one was dropped."""

    date: dt.date | None = None
    source: str | None = None
    warning: str | None = None


def parse_date(value: object) -> dt.date | None:
    """A full calendar date from an ISO string or an absolute date in words, else None.

    ``'2021-10-02'``, ``'2021-10-02T08:30:00+03:00'`` (the publisher's local date is
    kept), ``'Oct 2, 2021'`` and ``'2 octobre 2021'`` parse; ``'2021'``, ``'yesterday'``
    and non-strings do not.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    if not any(ch.isdigit() for ch in text):
        return None  # no year, so never a full date ("yesterday", "n/a")
    return _parse_words(text)


# dateparser tries every language on a string it cannot read (~100 ms), and a feed
# repeats the same few date strings; remember the last few thousand answers.
@functools.lru_cache(maxsize=4096)
def _parse_words(text: str) -> dt.date | None:
    import dateparser  # slow to import; only needed for dates not in ISO form

    parsed = dateparser.parse(text, languages=DATE_LANGUAGES, settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


def resolve_published(
    record_value: object = None,
    html_meta: dt.date | None = None,
    fallback: dt.date | None = None,
) -> Published:
    """Pick the publication date by precedence: record, HTML metadata, then ``fallback``.

    A record date that is given but cannot be parsed is not used; the next source is, and
    ``warning`` says what was dropped so it can be kept in ``Article.extra['date_warning']``.
    """
    warning = None
    if _given(record_value):
        date = parse_date(record_value)
        if date is not None:
            return Published(date, FROM_RECORD)
        warning = (
            f"publication date {record_value!r} could not be parsed as a full date; "
            "give it as YYYY-MM-DD"
        )
    if html_meta is not None:
        return Published(html_meta, FROM_HTML_META, warning)
    if fallback is not None:
        return Published(fallback, FROM_CLI, warning)
    return Published(warning=warning)


def _given(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())
