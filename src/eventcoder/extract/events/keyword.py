"""The keyword baseline: the first matching trigger word decides the sub-type.

Kept as the yardstick the learned detector must beat (``benchmarks/events.py`` and
``eventcoder evaluate`` run both). It shares vetoes and merging with the learned detector,
so the comparison measures classification, not plumbing.
"""

from __future__ import annotations

from eventcoder.extract.events.lexicon import first_trigger
from eventcoder.extract.events.merge import SentenceCall, to_mentions
from eventcoder.extract.events.taxonomy import sub_event_type
from eventcoder.records import EventMention, ParsedArticle

METHOD = "rules.events.keywords.v1"
# A keyword match is right about the event type roughly half the time on ACLED notes
# (measured with benchmarks/events.py), so that is the confidence it reports.
KEYWORD_CONFIDENCE = 0.5


class KeywordEventDetector:
    """Sentence contains a trigger word -> an event of that word's sub-type.

    Example::

        mentions = KeywordEventDetector().detect(parsed)
    """

    def detect(self, parsed: ParsedArticle) -> list[EventMention]:
        calls = []
        for sentence in parsed.sentences:
            found = first_trigger(sentence.text)
            if found is None:
                continue
            sub_type, start, end = found
            calls.append(
                SentenceCall(
                    sentence=sentence,
                    event_type=sub_event_type(sub_type).event_type,
                    sub_event_type=sub_type,
                    confidence=KEYWORD_CONFIDENCE,
                    trigger=(sentence.start + start, sentence.start + end),
                )
            )
        return to_mentions(parsed, calls, METHOD)
