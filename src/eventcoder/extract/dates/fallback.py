"""dateparser as a fallback for DATE entities our own patterns do not read.

spaCy marks a date entity; if none of ``expressions.PATTERNS`` matched it, dateparser
(English, relative to the publication date, preferring the past) gets a try. Only
calendar-like entities are passed ("Sept. 20th, 2021", "20.09.21"): dateparser also turns
bare durations ("13 days", "2014") into dates, which is wrong for an event date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from eventcoder.extract.dates.expressions import DAY, MONTH, DateExpression

# Periods dateparser reports, as ACLED time precisions; years are too vague to code.
PRECISIONS = {"day": DAY, "month": MONTH}
_CALENDAR = re.compile(
    r"\d{1,4}[/.-]\d{1,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b",
    re.IGNORECASE,
)
_DURATION = re.compile(r"^\W*(?:the\s+)?(?:past|last|next)?\s*\d+\s+\w+\W*$", re.IGNORECASE)


@functools.lru_cache(maxsize=8)
def _parser(published: dt.date | None):  # -> dateparser.date.DateDataParser
    from dateparser.date import DateDataParser  # heavy: loaded on first use, not at import

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


def parse_entity(text: str, start: int, published: dt.date | None) -> DateExpression | None:
    """A DateExpression for a calendar-like DATE entity at ``start``, or None."""
    if not _CALENDAR.search(text) or _DURATION.match(text):
        return None
    has_year = bool(re.search(r"\b(?:19|20)\d\d\b", text))
    if published is None and not has_year:
        return None  # the year would be guessed from today's date
    data = _parser(published).get_date_data(text)
    precision = PRECISIONS.get(data.period or "")
    if data.date_obj is None or precision is None:
        return None
    return DateExpression(
        start=start,
        end=start + len(text),
        text=text,
        date=data.date_obj.date(),
        precision=precision,
        relative=not has_year,
        reason="read by dateparser",
    )
