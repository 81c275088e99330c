"""Choose an event's date among the date expressions of its sentences.

A news report carries two kinds of dates: when the event happened ("a drone strike on
September 20") and when someone spoke about it ("revealed in a statement Friday"). A date
attached to a reporting verb or noun only bounds the event from above, so it is used only
when the event's sentences give no other date, at week precision, as ACLED codes events
known only "as reported on" a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventcoder.extract.dates.expressions import DAY, WEEK, DateExpression, find_dates
from eventcoder.extract.dates.fallback import parse_entity
from eventcoder.extract.evidence import make_evidence
from eventcoder.records import DateFinding, EventMention, ParsedArticle, Sentence

METHOD = "rules.dates.v1"

# Verbs and nouns whose dates are the date of a statement, not of the event.
REPORTING_VERBS = frozenset(
    [
        "announce",
        "say",
        "reveal",
        "confirm",
        "report",
        "state",
        "tell",
        "add",
        "claim",
        "publish",
        "release",
        "disclose",
        "declare",
        "acknowledge",
        "admit",
        "deny",
        "note",
        "explain",
        "post",
        "tweet",
        "identify",
        "name",
    ]
)
REPORTING_NOUNS = frozenset(
    [
        "statement",
        "report",
        "announcement",
        "conference",
        "briefing",
        "communique",
        "communiqué",
        "interview",
        "video",
        "tweet",
        "post",
        "release",
        "bulletin",
        "update",
    ]
)
# Bodies found on a day may have died earlier: ACLED codes such deaths at week precision.
FOUND_DEAD = re.compile(r"\b(found|discovered|recovered)\b", re.IGNORECASE)
FOUND_WHAT = re.compile(r"\b(dead|body|bodies|remains|corpses?|head)\b", re.IGNORECASE)

# Confidence by how the date was fixed; lower where we inferred more.
CONFIDENCE_EXPLICIT = 0.95  # a full date with its year, attached to the event
CONFIDENCE_RELATIVE = 0.85  # placed against the publication date ("on Friday")
CONFIDENCE_APPROXIMATE = 0.6  # week or month precision
CONFIDENCE_REPORT_DATE = 0.5  # only the date of a statement about the event
# With no date in its sentences, an event is dated to its report: news mostly reports
# events of the same or previous days, so the publication date is within a week of it.
CONFIDENCE_PUBLICATION = 0.35


@dataclass(frozen=True, slots=True)
class _Candidate:
    expression: DateExpression
    reporting: bool
    sentence_rank: int  # 0 for the mention's main sentence

    def key(self) -> tuple[bool, int, int, int]:
        """Event dates before report dates, day precision before vaguer, then the
        mention's main sentence first, then text order."""
        return (
            self.reporting,
            self.expression.precision or 9,
            self.sentence_rank,
            self.expression.start,
        )


class DateResolver:
    """Codes ``event_date`` and ``time_precision`` of an event mention.

    Example::

        finding = DateResolver().extract(parsed, mention)
        finding.event_date, finding.time_precision, finding.reason
    """

    def extract(self, parsed: ParsedArticle, mention: EventMention) -> DateFinding:
        published = parsed.article.published
        candidates = self.candidates(parsed, mention)
        placed = [c for c in candidates if c.expression.date is not None]
        past = [c for c in placed if published is None or c.expression.date <= published]
        pool = past or placed
        if pool:
            return self._finding(parsed, mention, min(pool, key=_Candidate.key))
        if candidates:  # dates we could not place: say why
            first = min(candidates, key=_Candidate.key).expression
            return DateFinding(None, None, reason=first.reason)
        if published is not None:
            return DateFinding(
                published,
                WEEK,
                reason="no date in the event's sentences: publication date used",
                evidence=(
                    make_evidence(
                        parsed,
                        "event_date",
                        published.isoformat(),
                        *_main_span(parsed, mention),
                        METHOD,
                        CONFIDENCE_PUBLICATION,
                    ),
                ),
            )
        return DateFinding(
            None, None, reason="no date in the event's sentences and no publication date"
        )

    def candidates(self, parsed: ParsedArticle, mention: EventMention) -> list[_Candidate]:
        """Every date expression of the mention's sentences, marked event or report date."""
        published = parsed.article.published
        found: list[_Candidate] = []
        for rank, index in enumerate(dict.fromkeys(mention.sentence_indices)):
            if not 0 <= index < len(parsed.sentences):
                continue
            sentence = parsed.sentences[index]
            expressions = find_dates(sentence.text, sentence.start, published)
            expressions += _entity_dates(parsed, sentence, expressions)
            for expression in expressions:
                found.append(_Candidate(expression, _is_report_date(parsed, expression), rank))
        return found

    def _finding(
        self, parsed: ParsedArticle, mention: EventMention, best: _Candidate
    ) -> DateFinding:
        expression = best.expression
        assert expression.date is not None
        precision = expression.precision or DAY
        reason = expression.reason
        if best.reporting:
            precision = max(precision, WEEK)
            reason = f"only the date of a statement about the event ('{expression.text}')"
        elif _bodies_found(parsed, mention) and precision == DAY:
            precision, reason = WEEK, "bodies found that day: the deaths may be earlier"
        confidence = (
            CONFIDENCE_REPORT_DATE
            if best.reporting
            else CONFIDENCE_APPROXIMATE
            if precision > DAY
            else CONFIDENCE_RELATIVE
            if expression.relative
            else CONFIDENCE_EXPLICIT
        )
        evidence = make_evidence(
            parsed,
            "event_date",
            expression.date.isoformat(),
            expression.start,
            expression.end,
            METHOD,
            confidence,
        )
        return DateFinding(expression.date, precision, reason, (evidence,))


def _entity_dates(
    parsed: ParsedArticle, sentence: Sentence, known: list[DateExpression]
) -> list[DateExpression]:
    """spaCy DATE entities of the sentence that no pattern read, through dateparser."""
    out: list[DateExpression] = []
    for ent in parsed.doc.ents:
        if ent.label_ != "DATE" or not sentence.start <= ent.start_char < sentence.end:
            continue
        if any(e.start < ent.end_char and ent.start_char < e.end for e in known):
            continue
        expression = parse_entity(ent.text, ent.start_char, parsed.article.published)
        if expression is not None:
            out.append(expression)
    return out


def _is_report_date(parsed: ParsedArticle, expression: DateExpression) -> bool:
    """True when the date hangs off a reporting verb ("announced on Friday") or noun
    ("in a statement Friday") before it reaches any other verb."""
    span = parsed.doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    for _ in range(len(parsed.doc)):  # bounded walk up the head chain
        if token.lemma_.lower() in REPORTING_NOUNS and token.pos_ in ("NOUN", "PROPN"):
            return True
        if token.pos_ in ("VERB", "AUX") and token.i not in range(span.start, span.end):
            return token.lemma_.lower() in REPORTING_VERBS
        if token.head.i == token.i:  # the root
            return False
        token = token.head
    return False


def _bodies_found(parsed: ParsedArticle, mention: EventMention) -> bool:
    main = mention.sentence_indices[0] if mention.sentence_indices else None
    if main is None or not 0 <= main < len(parsed.sentences):
        return False
    text = parsed.sentences[main].text
    return bool(FOUND_DEAD.search(text) and FOUND_WHAT.search(text))


def _main_span(parsed: ParsedArticle, mention: EventMention) -> tuple[int, int]:
    """Where the event is reported: its trigger, else its main sentence."""
    if mention.trigger.end > mention.trigger.start:
        return mention.trigger.start, mention.trigger.end
    sentence = parsed.sentences[mention.sentence_indices[0]]
    return sentence.start, sentence.end
