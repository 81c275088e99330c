"""From per-sentence calls to event mentions: veto non-events, merge sentences of one event.

Shared by the learned and the keyword detector, so they differ only in how they classify
a sentence. Merging works strongest call first: a sentence joins an event when it names
the same kind of event (or the classifier finds that kind likely for it), or when it has
no date or place of its own (a follow-up detail: "Three people were arrested.");
otherwise it founds a new event.

A demonstration is coded by its most severe moment, as ACLED does: a protest founded by
one sentence becomes "Protest with intervention" when a sentence of the same event reports
arrests or dispersal, and so on up the ladder in codebook.PROTEST_ESCALATION; one read as
violent whose sentences report no violence or damage is peaceful. An event read as a
demonstration whose sentences have no word of one takes the classifier's best reading of
another event type.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from eventcoder.extract.events.codebook import (
    ARRESTS,
    DEMONSTRATION_WORDS,
    PEACEFUL,
    PROTEST_ESCALATION,
    apply_codebook,
    demonstration_acts,
    unreported_violence,
)
from eventcoder.extract.events.filters import DAY_LEVEL_DATE, veto_reason
from eventcoder.extract.events.taxonomy import (
    POLITICAL_VIOLENCE,
    PROTESTS,
    STRATEGIC,
    sub_event_type,
)
from eventcoder.extract.evidence import make_evidence
from eventcoder.records import EventMention, ParsedArticle, Sentence, Span

# A sentence joins an event of another type when the classifier gives that type at least
# this probability: a headline "coalition kills al-Qaeda coordinator" may lean to
# Violence against civilians while the body says "drone strike"; both are one event.
MERGE_MIN_TYPE_PROB = 0.2
# Entity labels that anchor a sentence to its own place.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Evidence method of a sub-type decided by the words of the acts at a demonstration.
CODEBOOK_METHOD = "rules.events.demonstration.v1"
# Evidence method of a sub-type taken instead of a demonstration no words report.
NOT_DEMONSTRATION_METHOD = "rules.events.not-demonstration.v1"
# A joined sentence escalates a demonstration only when this sure of its own reading:
# follow-ups that merely echo a grievance ("protesters also demanded the return of looted
# funds") read as weak riots or arrests. On 1,500 ACLED dev notes 0.8 scored best
# (Protest with intervention F1 0.55; 0.7: 0.47, 0.9: 0.49).
ESCALATION_MIN_CONFIDENCE = 0.8


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
    sub_probs: Mapping[str, float] = field(default_factory=dict)
    # False for sentences too uncertain to report an event alone: they may only join one
    # found elsewhere (a headline or a "the military said that..." sentence).
    can_found: bool = True

    def prob_of(self, event_type: str) -> float:
        if event_type == self.event_type:
            return 1.0
        return self.type_probs.get(event_type, 0.0)

    def best_outside(self, event_type: str) -> str | None:
        """The likeliest sub-type of another event type, after the codebook (None if the
        classifier gave no alternatives)."""
        others = {
            name: p
            for name, p in self.sub_probs.items()
            if sub_event_type(name).event_type != event_type
        }
        if not others:
            return None
        return apply_codebook(self.sentence.text, max(others, key=others.__getitem__))


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
    anchored = {c.sentence.index: _anchors(parsed, c.sentence) for c in kept}
    groups: list[_Group] = []
    # Sentences with a place or date of their own found events first; a detail without
    # one ("Three people were arrested.") then joins them, however sure its own reading.
    order = sorted(
        kept,
        key=lambda c: (
            not c.can_found,
            not anchored[c.sentence.index],
            -c.confidence,
            c.sentence.index,
        ),
    )
    for call in order:
        anchors = anchored[call.sentence.index]
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
    groups = group_calls(parsed, calls)
    claimed = {c.sentence.index for group in groups for c in group}
    for group in groups:
        main = group[0]
        others = sorted(c.sentence.index for c in group[1:])
        follow_ups = _follow_ups(parsed, group, claimed)
        deciding, name = _most_severe(group)
        cue, how = deciding.trigger, method
        sentences = [c.sentence for c in group] + [parsed.sentences[i] for i in follow_ups]
        if unreported_violence(sentences, name):
            name, how = PEACEFUL, CODEBOOK_METHOD
        acts = demonstration_acts(sentences, name)
        if acts is not None:
            name, sentence, (start, end) = acts
            cue, how = (sentence.start + start, sentence.start + end), CODEBOOK_METHOD
        other = (
            deciding.best_outside(PROTESTS)
            if sub_event_type(name).event_type == PROTESTS
            and not any(DEMONSTRATION_WORDS.search(s.text) for s in sentences)
            else None
        )
        if other is not None:
            name, how = other, NOT_DEMONSTRATION_METHOD
        row = sub_event_type(name)
        start, end = main.trigger
        evidence = tuple(
            make_evidence(parsed, field, value, *cue, how, deciding.confidence)
            for field, value in row.type_fields().items()
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
                follow_up_indices=follow_ups,
            )
        )
    return mentions


def _follow_ups(
    parsed: ParsedArticle, group: Sequence[SentenceCall], claimed: set[int]
) -> tuple[int, ...]:
    """Unclaimed sentences after each of the event's, up to the paragraph's end or the
    next sentence of any event."""
    text = parsed.cleaned.text
    follow_ups: set[int] = set()
    for call in group:
        previous = call.sentence
        for sentence in parsed.sentences[previous.index + 1 :]:
            if sentence.index in claimed or "\n" in text[previous.end : sentence.start]:
                break
            follow_ups.add(sentence.index)
            previous = sentence
    return tuple(sorted(follow_ups))


def _most_severe(group: Sequence[SentenceCall]) -> tuple[SentenceCall, str]:
    """The call that decides the event's sub-type, and that sub-type.

    The main call decides, except for a demonstration (an event with a demonstration
    sentence), which takes the most severe PROTEST_ESCALATION step its sentences report,
    and for a strategic development that turned violent ("police carried out an
    operation ... A shoot-out broke out"), which ACLED codes by its violence.
    """
    if group[0].event_type == STRATEGIC:
        violent = [
            c
            for c in group[1:]
            if sub_event_type(c.sub_event_type).disorder_type == POLITICAL_VIOLENCE
            and c.confidence > group[0].confidence
        ]
        if violent:
            call = max(violent, key=lambda c: c.confidence)
            return call, call.sub_event_type
    steps = [
        (PROTEST_ESCALATION[c.sub_event_type], c)
        for c in group
        if c.sub_event_type in PROTEST_ESCALATION
        and (c is group[0] or c.confidence >= ESCALATION_MIN_CONFIDENCE)
    ]
    if not any(c.sub_event_type != ARRESTS for _, c in steps):
        return group[0], group[0].sub_event_type
    (_, name), call = max(steps, key=lambda step: step[0][0])
    return call, name
