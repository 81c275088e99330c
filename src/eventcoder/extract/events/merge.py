"""From per-sentence calls to event mentions: veto non-events, merge sentences of one event.

Shared by the learned and the keyword detector, so they differ only in how they classify
a sentence. Merging works strongest call first: a sentence joins an event when it names
the same kind of event (or the classifier finds that kind likely for it), or when it has
no date or place of its own (a follow-up detail: "Three people were arrested.");
otherwise it founds a new event.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from eventcoder.extract.events.filters import DAY_LEVEL_DATE, veto_reason
from eventcoder.extract.events.taxonomy import sub_event_type
from eventcoder.extract.evidence import make_evidence
from eventcoder.records import EventMention, ParsedArticle, Sentence, Span

# A sentence joins an event of another type when the classifier gives that type at least
# this probability: a headline "coalition kills al-Qaeda coordinator" may lean to
# Violence against civilians while the body says "drone strike"; both are one event.
MERGE_MIN_TYPE_PROB = 0.2
# Entity labels that anchor a sentence to its own place.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class SentenceCall:
    """One sentence classified as reporting an event.

    ``confidence`` is the calibrated probability that the sentence reports an event of
    ``event_type``; ``type_probs`` the probability of each event type (for merging);
    ``trigger`` the article offsets of the words naming the event.
    """

    sentence: Sentence
    event_type: str
    sub_event_type: str
    confidence: float
    trigger: tuple[int, int]
    type_probs: Mapping[str, float] = field(default_factory=dict)
    # False for sentences too uncertain to report an event alone: they may only join one
    # found elsewhere (a headline or a "the military said that..." sentence).
    can_found: bool = True

    def prob_of(self, event_type: str) -> float:
        if event_type == self.event_type:
            return 1.0
        return self.type_probs.get(event_type, 0.0)


def _anchors(parsed: ParsedArticle, sentence: Sentence) -> frozenset[str]:
    """The places and day-level dates a sentence names (lower-cased entity texts)."""
    span = parsed.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return frozenset()
    return frozenset(
        ent.text.lower()
        for ent in span.ents
        if ent.label_ in PLACE_LABELS or (ent.label_ == "DATE" and DAY_LEVEL_DATE.search(ent.text))
    )


@dataclass(slots=True)
class _Group:
    calls: list[SentenceCall]
    anchors: frozenset[str]

    @property
    def founder(self) -> SentenceCall:
        return self.calls[0]

    def accepts(self, call: SentenceCall, anchors: frozenset[str]) -> bool:
        """Same kind of event, and not clearly elsewhere or on another day."""
        if self.anchors and anchors and not self.anchors & anchors:
            return False
        return (
            call.prob_of(self.founder.event_type) >= MERGE_MIN_TYPE_PROB
            or self.founder.prob_of(call.event_type) >= MERGE_MIN_TYPE_PROB
        )


def _nearest_before(groups: list[_Group], index: int) -> _Group:
    """The event whose sentences come closest before ``index`` (else the first event)."""
    preceding = [
        (max(c.sentence.index for c in g.calls if c.sentence.index < index), n)
        for n, g in enumerate(groups)
        if any(c.sentence.index < index for c in g.calls)
    ]
    return groups[max(preceding)[1]] if preceding else groups[0]


def group_calls(parsed: ParsedArticle, calls: Sequence[SentenceCall]) -> list[list[SentenceCall]]:
    """Veto non-events, then merge; each group's first call is its main sentence."""
    kept = [c for c in calls if veto_reason(parsed, c.sentence, *c.trigger) is None]
    groups: list[_Group] = []
    for call in sorted(kept, key=lambda c: (not c.can_found, -c.confidence, c.sentence.index)):
        anchors = _anchors(parsed, call.sentence)
        fitting = [g for g in groups if g.accepts(call, anchors)]
        same = [g for g in fitting if g.founder.event_type == call.event_type]
        if fitting:
            target = (same or fitting)[0]
            target.calls.append(call)
            target.anchors |= anchors
        elif not call.can_found:
            continue
        elif groups and not anchors:
            _nearest_before(groups, call.sentence.index).calls.append(call)
        else:
            groups.append(_Group([call], anchors))
    return [g.calls for g in sorted(groups, key=lambda g: g.founder.sentence.index)]


def to_mentions(
    parsed: ParsedArticle, calls: Sequence[SentenceCall], method: str
) -> list[EventMention]:
    """Event mentions (with evidence) for an article's sentence calls."""
    mentions = []
    for group in group_calls(parsed, calls):
        main = group[0]
        others = sorted(c.sentence.index for c in group[1:])
        row = sub_event_type(main.sub_event_type)
        start, end = main.trigger
        evidence = tuple(
            make_evidence(parsed, name, value, start, end, method, main.confidence)
            for name, value in (
                ("event_type", row.event_type),
                ("sub_event_type", row.name),
                ("disorder_type", row.disorder_type),
            )
        )
        mentions.append(
            EventMention(
                article_id=parsed.article.id,
                sentence_indices=(main.sentence.index, *others),
                trigger=Span(start, end, "trigger"),
                disorder_type=row.disorder_type,
                event_type=row.event_type,
                sub_event_type=row.name,
                plover_type=row.plover_type,
                confidence=round(main.confidence, 3),
                evidence=evidence,
            )
        )
    return mentions
