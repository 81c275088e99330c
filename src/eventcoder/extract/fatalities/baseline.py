"""The fatality baseline evaluation compares against: the first number before a death word."""

from __future__ import annotations

import re

from eventcoder.extract.evidence import make_evidence
from eventcoder.extract.fatalities.numbers import words_to_int
from eventcoder.records import EventMention, FatalityFinding, ParsedArticle

METHOD = "baseline.fatalities.v1"
FIRST_NUMBER = re.compile(
    r"\b(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|hundred)\b"
    # not the day of a date ("On 4 May 2020") nor a year: a fair baseline skips dates
    r"(?!\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b)(?<!\b(?:19|20)\d\d)(?=[^.]*?\b(?:killed|dead|died)\b)",
    re.IGNORECASE,
)


class FirstNumberBaseline:
    """The first number that comes before "killed", "dead" or "died" in the mention's
    sentences, else 0."""

    def extract(self, parsed: ParsedArticle, mention: EventMention) -> FatalityFinding:
        for index in mention.sentence_indices:
            sentence = parsed.sentences[index]
            for match in FIRST_NUMBER.finditer(sentence.text):
                value = words_to_int(match[1])
                if value is None:
                    continue
                start = sentence.start + match.start()
                evidence = make_evidence(
                    parsed, "fatalities", value, start, sentence.start + match.end(), METHOD, 0.5
                )
                return FatalityFinding(value, None, False, (evidence,))
        return FatalityFinding(0)
