"""The date baseline evaluation compares against: "On <date>", else the publication date."""

from __future__ import annotations

import datetime as dt
import re

from eventcoder.extract.dates.expressions import DAY, WEEK
from eventcoder.extract.evidence import make_evidence
from eventcoder.records import DateFinding, EventMention, ParsedArticle

METHOD = "baseline.dates.v1"
ON_DATE = re.compile(
    r"\bOn\s+(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+(\d{4})"
)
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


class PublicationDateBaseline:
    """The first "On <day> <Month> <year>" of the mention's sentences, else the
    publication date; no reasoning about what the date belongs to."""

    def extract(self, parsed: ParsedArticle, mention: EventMention) -> DateFinding:
        for index in mention.sentence_indices:
            sentence = parsed.sentences[index]
            match = ON_DATE.search(sentence.text)
            if match is None:
                continue
            try:
                date = dt.date(int(match[3]), _MONTHS.index(match[2]) + 1, int(match[1]))
            except ValueError:
                continue
            start = sentence.start + match.start()
            evidence = make_evidence(
                parsed,
                "event_date",
                date.isoformat(),
                start,
                sentence.start + match.end(),
                METHOD,
                0.9,
            )
            return DateFinding(date, DAY, None, (evidence,))
        published = parsed.article.published
        if published is None:
            return DateFinding(None, None, reason="no 'On <date>' and no publication date")
        return DateFinding(published, WEEK, reason="publication date used")
