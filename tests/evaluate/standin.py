"""A tiny, real rule-based component set for testing the evaluation runner.

It is deliberately simple (keywords, the first written date), so runner tests do not
depend on the shipped components, which are developed and scored separately.
"""

from __future__ import annotations

import re

import dateparser

from eventcoder.extract.evidence import make_evidence
from eventcoder.pipeline import Components
from eventcoder.records import (
    ActorFinding,
    DateFinding,
    EventMention,
    FatalityFinding,
    ParsedArticle,
    PlaceFinding,
    SourceFinding,
    Span,
)

# keyword -> (event_type, sub_event_type, disorder_type); first hit in a sentence wins.
KEYWORDS = {
    "protest": ("Protests", "Peaceful protest", "Demonstrations"),
    "clash": ("Battles", "Armed clash", "Political violence"),
    "shell": (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "Political violence",
    ),
    "airstrike": ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
    "killed": ("Violence against civilians", "Attack", "Political violence"),
}
WRITTEN_DATE = re.compile(
    r"\b\d{1,2} (January|February|March|April|May|June|July|August|"
    r"September|October|November|December) \d{4}\b"
)
KILLED = re.compile(r"\bkill(?:ed|ing) (\d+)\b")


class KeywordDetector:
    """One event per sentence that contains a keyword."""

    def detect(self, parsed: ParsedArticle) -> list[EventMention]:
        mentions = []
        for sentence in parsed.sentences:
            lowered = sentence.text.lower()
            for keyword, (event_type, sub_type, disorder) in KEYWORDS.items():
                at = lowered.find(keyword)
                if at < 0:
                    continue
                start = sentence.start + at
                mentions.append(
                    EventMention(
                        article_id=parsed.article.id,
                        sentence_indices=(sentence.index,),
                        trigger=Span(start, start + len(keyword), "trigger"),
                        disorder_type=disorder,
                        event_type=event_type,
                        sub_event_type=sub_type,
                        plover_type=None,
                        confidence=0.5,
                        evidence=(
                            make_evidence(
                                parsed,
                                "event_type",
                                event_type,
                                start,
                                start + len(keyword),
                                "test.keywords",
                                0.5,
                            ),
                        ),
                    )
                )
                break
        return mentions


class FirstWrittenDate:
    """The first "4 May 2020" in the text, else the publication date."""

    def extract(self, parsed: ParsedArticle, mention: EventMention) -> DateFinding:
        found = WRITTEN_DATE.search(parsed.article.text)
        if found:
            return DateFinding(dateparser.parse(found.group(0)).date(), 1)
        return DateFinding(parsed.article.published, 3 if parsed.article.published else None)


class PublicationDate:
    def extract(self, parsed: ParsedArticle, mention: EventMention) -> DateFinding:
        return DateFinding(parsed.article.published, 3 if parsed.article.published else None)


class KilledCount:
    def extract(self, parsed: ParsedArticle, mention: EventMention) -> FatalityFinding:
        found = KILLED.search(parsed.article.text)
        return FatalityFinding(int(found.group(1)) if found else 0)


class Nothing:
    """Codes nothing for its field group (a valid, empty finding)."""

    def __init__(self, finding):
        self.finding = finding

    def extract(self, parsed: ParsedArticle, mention: EventMention):
        return self.finding


def no_notes(parsed: ParsedArticle, event) -> str:
    return ""


def standin_components(dates=None) -> Components:
    return Components(
        detector=KeywordDetector(),
        dates=dates or FirstWrittenDate(),
        places=Nothing(PlaceFinding()),
        actors=Nothing(ActorFinding()),
        fatalities=KilledCount(),
        sources=Nothing(SourceFinding()),
        notes=no_notes,
    )
