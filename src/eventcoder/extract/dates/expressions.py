"""Find date expressions in a sentence and resolve them against the publication date.

Each pattern turns the words into a calendar date with an ACLED time precision
(1 day, 2 week, 3 month). Relative expressions ("on Friday", "yesterday", "September 20")
need the publication date; without it they come back with ``date=None`` and a reason.
Our own patterns come first because dateparser misreads news phrasing (bare durations
such as "13 days" become dates); ``fallback.py`` hands it only the calendar-like DATE
entities that no pattern here read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

# ACLED time precision codes.
DAY, WEEK, MONTH = 1, 2, 3
# ACLED codes a date known to the week on the middle of that week (its "midweek").
MIDWEEK = 2  # Wednesday, with Monday = 0
# ...and a date known to the month on the middle of the month.
MID_MONTH = 15
# "a few days ago" has no count; three days is the smallest number "a few" usually means.
FEW_DAYS = 3

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

_MONTH = (
    r"(?P<{name}>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|"
    r"July?|Aug(?:ust|\.)?|Sep(?:t(?:ember)?)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|"
    r"Dec(?:ember|\.)?)"
)
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:,?\s+(?P<{name}>(?:19|20)\d\d)(?!\d))"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_TO = r"\s*(?:-|–|—|to|and|until|till)\s*"
_NUM = r"(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


def _g(piece: str, name: str) -> str:
    """Name the group of a reusable piece (_DAY, _MONTH, _YEAR)."""
    return piece.replace("{name}", name)


_LEAD = r"(?:(?:on\s+)?" + _WEEKDAY + r",?\s+(?:the\s+)?)?"
# An ACLED-style qualifier after a full date: "(as reported)", "(week of)", "(month of)".
_QUALIFIER = (
    r"(?:\s*\((?P<qual>(?:as reported|week|month|or around|midweek|end of|beginning|from|"
    r"between|\d)[^()]{0,40})\))?"
)


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date expression of a sentence: ``start``/``end`` index ``Article.text``."""

    start: int
    end: int
    text: str
    date: dt.date | None
    precision: int | None
    relative: bool  # needed the publication date to be placed
    reason: str | None = None  # why the date is missing or approximate


Resolved = tuple[dt.date | None, int | None, str | None]
Handler = Callable[[re.Match[str], dt.date | None], Resolved]


def _month(name: str) -> int:
    return MONTHS[name[:3].lower()]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _place_year(month: int, day: int, published: dt.date) -> dt.date | None:
    """The most recent (month, day) on or before publication: events precede reports."""
    for year in (published.year, published.year - 1):
        date = _safe_date(year, month, day)
        if date is not None and date <= published:
            return date
    return None


def _calendar(
    match: re.Match[str],
    published: dt.date | None,
    day_group: str,
    month_group: str,
    year_group: str,
) -> Resolved:
    month, day, year = _month(match[month_group]), int(match[day_group]), match[year_group]
    if year:
        date = _safe_date(int(year), month, day)
        return date, DAY, None if date else f"'{match[0]}' is not a valid date"
    if published is None:
        return None, None, f"no publication date: '{match[0].strip()}' has no year"
    return _place_year(month, day, published), DAY, None


def _qualified(resolved: Resolved, match: re.Match[str]) -> Resolved:
    """Apply an ACLED qualifier: "(month of)" is month precision, any other is week."""
    qual = match.groupdict().get("qual")
    date, precision, reason = resolved
    if not qual or date is None:
        return resolved
    qual_precision = MONTH if "month" in qual.lower() and "end" not in qual.lower() else WEEK
    return date, max(precision or DAY, qual_precision), f"approximate date ({qual.strip()})"


def _day_month(match: re.Match[str], published: dt.date | None) -> Resolved:
    return _qualified(_calendar(match, published, "d", "m", "y"), match)


def _range(match: re.Match[str], published: dt.date | None) -> Resolved:
    """A range of days is coded on its middle day, week precision (ACLED: span <= a week)."""
    month2 = _month(match["m"])
    month1 = _month(match["m1"]) if match.groupdict().get("m1") else month2
    day1, day2, year = int(match["d1"]), int(match["d2"]), match["y"]
    if year:
        last = _safe_date(int(year), month2, day2)
    elif published is None:
        return None, None, f"no publication date: '{match[0].strip()}' has no year"
    else:
        last = _place_year(month2, day2, published)
    first = (
        _safe_date(last.year if month1 <= month2 else last.year - 1, month1, day1) if last else None
    )
    if first is None or last is None or first > last:
        return None, None, f"'{match[0]}' is not a valid range of dates"
    middle = first + (last - first) // 2
    precision = WEEK if (last - first).days <= 7 else MONTH
    return middle, precision, f"range {first.isoformat()} to {last.isoformat()}: middle day coded"


def _month_year(match: re.Match[str], published: dt.date | None) -> Resolved:
    date = dt.date(int(match["y"]), _month(match["m"]), MID_MONTH)
    return date, MONTH, f"only the month is given ('{match[0]}'): middle of the month coded"


def _numeric(match: re.Match[str], published: dt.date | None) -> Resolved:
    """ISO dates, and d/m/yyyy (day first unless impossible: most outlets outside the US)."""
    if match["iso"]:
        y, m, d = int(match["iy"]), int(match["im"]), int(match["id"])
    else:
        a, b, y = int(match["a"]), int(match["b"]), int(match["ny"])
        d, m = (b, a) if b > 12 >= a else (a, b)
    date = _safe_date(y, m, d)
    return date, DAY, None if date else f"'{match[0]}' is not a valid date"


def _weekday(match: re.Match[str], published: dt.date | None) -> Resolved:
    """The most recent such weekday on or before publication; "last Friday" on a Friday is
    a week back; "next Friday" looks forward."""
    if published is None:
        return None, None, f"no publication date: '{match[0].strip()}' cannot be placed"
    target = WEEKDAYS.index(match["wd"].lower())
    back = (published.weekday() - target) % 7
    modifier = (match["mod"] or "").lower()
    if modifier == "next":
        return published + dt.timedelta(days=(target - published.weekday()) % 7 or 7), DAY, None
    if modifier == "last" and back == 0:
        back = 7
    return published - dt.timedelta(days=back), DAY, None


def _count(word: str | None) -> int | None:
    if word is None:
        return None
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())


def _days_ago(match: re.Match[str], published: dt.date | None) -> Resolved:
    if published is None:
        return None, None, f"no publication date: '{match[0].strip()}' cannot be placed"
    count = _count(match.groupdict().get("n"))
    unit = match["unit"].lower()
    if count is None:  # "a few/several days ago"
        return published - dt.timedelta(days=FEW_DAYS), WEEK, f"'{match[0]}' has no count"
    if unit.startswith("day"):
        return published - dt.timedelta(days=count), DAY, None
    if unit.startswith("week"):
        return published - dt.timedelta(weeks=count), WEEK, None
    year, month = divmod(published.month - 1 - count, 12)
    return dt.date(published.year + year, month + 1, MID_MONTH), MONTH, None


_DAY_OFFSETS = {
    "yesterday": 1, "last night": 1, "the day before yesterday": 2, "today": 0,
    "this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0,
}  # fmt: skip


def _fixed(match: re.Match[str], published: dt.date | None) -> Resolved:
    if published is None:
        return None, None, f"no publication date: '{match[0].strip()}' cannot be placed"
    words = " ".join(match[0].lower().split())
    return published - dt.timedelta(days=_DAY_OFFSETS[words]), DAY, None


def _period(match: re.Match[str], published: dt.date | None) -> Resolved:
    """Weeks and months named relative to publication, coded on their middle (ACLED),
    never after the publication date."""
    if published is None:
        return None, None, f"no publication date: '{match[0].strip()}' cannot be placed"
    which, unit = match["which"].lower(), match["unit"].lower()
    reason = f"'{match[0].strip()}': middle of the {unit} coded"
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday())
        if which in ("last", "past", "previous"):
            monday -= dt.timedelta(weeks=1)
        return min(monday + dt.timedelta(days=MIDWEEK), published), WEEK, reason
    # "earlier this month" is before the publication day, unless that is the 1st.
    latest = (
        published - dt.timedelta(days=1) if match[0].lower().startswith("earlier") else published
    )
    first = published.replace(day=1)
    if which in ("last", "past", "previous"):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return max(first, min(first.replace(day=MID_MONTH), latest)), MONTH, reason


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + pattern + r"(?![\w])", re.IGNORECASE)


# (pattern, handler), most specific first: a span claimed by
# an earlier pattern is not matched again by a later one.
PATTERNS: tuple[tuple[re.Pattern[str], Handler], ...] = (
    # "between 18 and 20 September", "30 April - 2 May 2020", "18-20 Sept"
    (
        _compile(
            r"(?:between\s+|from\s+)?"
            + _g(_DAY, "d1")
            + r"(?:\s+"
            + _g(_MONTH, "m1")
            + r")?"
            + _TO
            + _g(_DAY, "d2")
            + r"(?:\s+of)?\s+"
            + _g(_MONTH, "m")
            + r"(?:"
            + _g(_YEAR, "y")
            + r")?"
        ),
        _range,
    ),
    # "September 18-20, 2021"
    (
        _compile(
            r"(?:between\s+|from\s+)?"
            + _g(_MONTH, "m")
            + r"\s+"
            + _g(_DAY, "d1")
            + _TO
            + _g(_DAY, "d2")
            + r"(?:"
            + _g(_YEAR, "y")
            + r")?"
        ),
        _range,
    ),
    # "(Friday,) 20 September (2021) (as reported)", "2nd of May"
    (
        _compile(
            _LEAD
            + _g(_DAY, "d")
            + r"(?:\s+of)?\s+"
            + _g(_MONTH, "m")
            + r"(?:"
            + _g(_YEAR, "y")
            + r")?"
            + _QUALIFIER
        ),
        _day_month,
    ),
    # "(Friday,) September 20(, 2021)"
    (
        _compile(
            _LEAD
            + _g(_MONTH, "m")
            + r"\.?\s+"
            + _g(_DAY, "d")
            + r"(?:"
            + _g(_YEAR, "y")
            + r")?"
            + _QUALIFIER
        ),
        _day_month,
    ),
    # "May 2020", "late May 2020"
    (
        _compile(
            r"(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[\s-]+)?"
            + _g(_MONTH, "m")
            + _g(_YEAR, "y")
        ),
        _month_year,
    ),
    # "2020-05-04", "4/5/2020"
    (
        _compile(
            r"(?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))|"
            r"(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<ny>(?:19|20)\d\d)"
        ),
        _numeric,
    ),
    (
        _compile(
            r"the\s+day\s+before\s+yesterday|yesterday|last\s+night|today|tonight|"
            r"this\s+(?:morning|afternoon|evening)"
        ),
        _fixed,
    ),
    # "on Friday", "last Wednesday", "Sunday night"
    (
        _compile(
            r"(?:(?P<mod>last|this|past|next|on|early|late)\s+)?(?P<wd>" + _WEEKDAY + r")"
            r"(?:\s+(?:morning|afternoon|evening|night))?"
        ),
        _weekday,
    ),
    # "two days ago", "a few days ago", "three weeks ago"
    (
        _compile(
            r"(?:(?:a\s+)?(?:few|several|couple\s+of)|" + _NUM + r")\s+"
            r"(?P<unit>days?|weeks?|months?)\s+ago"
        ),
        _days_ago,
    ),
    # "last week", "earlier this month"
    (
        _compile(
            r"(?:earlier\s+|later\s+)?(?P<which>this|last|past|previous)\s+(?P<unit>week|month)"
        ),
        _period,
    ),
)


def find_dates(text: str, offset: int, published: dt.date | None) -> list[DateExpression]:
    """Date expressions of ``text`` (a sentence starting at ``offset`` in the article),
    in text order, each resolved against ``published``.

    Overlapping matches are settled leftmost-longest, so "4 May 2020 (from 3 May to 4 May)"
    is one expression and "between 18 and 20 September" is a range, not "20 September".

    Example: ``find_dates("A drone strike on September 20 ...", 0, date(2021, 10, 2))``
    gives one expression dated 2021-09-20 with precision 1.
    """
    matches = [
        (match, handler)
        for pattern, handler in PATTERNS
        for match in pattern.finditer(text)
        if _capitalised_month(match)
    ]
    matches.sort(key=lambda mh: (mh[0].start(), -mh[0].end()))
    found: list[DateExpression] = []
    taken_until = -1
    for match, handler in matches:
        if match.start() < taken_until:
            continue
        taken_until = match.end()
        date, precision, reason = handler(match, published)
        hedge = _HEDGE.search(text, 0, match.start())
        if hedge and date is not None:
            precision = max(precision or DAY, WEEK)
            reason = reason or f"approximate date ('{hedge[1]} {match[0]}')"
        found.append(
            DateExpression(
                start=offset + match.start(),
                end=offset + match.end(),
                text=match[0],
                date=date,
                precision=precision if date else None,
                relative=handler not in (_month_year, _numeric) and not match.groupdict().get("y"),
                reason=reason,
            )
        )
    return found


# "Around 4 May 2020", "As reported on 4 May 2020": ACLED codes these at week precision.
_HEDGE = re.compile(
    r"\b(around|about|approximately|circa|as\s+reported\s+on|reported\s+on)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _capitalised_month(match: re.Match[str]) -> bool:
    """Month names must be capitalised: "5 may have died" is not the 5th of May."""
    groups = match.groupdict()
    return all(groups.get(g) is None or groups[g][0].isupper() for g in ("m", "m1"))
