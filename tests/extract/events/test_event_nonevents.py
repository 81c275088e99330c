"""Sentences that mention violence but report no concrete event must give no event.

One group per kind of non-event named in issue 4 part 1, on hand-written news sentences
(none of them is in the training data).
"""

from __future__ import annotations

import pytest

from eventcoder.extract.events.filters import veto_reason

NON_EVENTS = {
    "background": [
        "Boko Haram has waged an insurgency in north-eastern Nigeria since 2009.",
        "The town fell to the rebels in 2013 and was retaken by the army a year later.",
    ],
    "analysis": [
        "Analysts say the surge in banditry is rooted in decades of neglect of rural areas.",
        "The ambush suggests the insurgents still have the capacity to strike at will.",
    ],
    "policy statement": [
        "The foreign ministry called for restraint and urged both sides to return to talks.",
        "The prime minister said the government would not negotiate with terrorists.",
    ],
    "threat": [
        "The militia threatened to attack the oil installations if its demands are not met.",
        "Al-Shabaab vowed to carry out more bombings in the capital.",
    ],
    "denial": [
        "The army denied that its soldiers had shot civilians at the market in Gao.",
        "The rebel group denied carrying out the kidnapping of the aid workers.",
    ],
    "future or hypothetical": [
        "The opposition plans to hold mass protests across the country next week.",
        "If talks fail, the army could launch a new offensive against the militants.",
    ],
    "negated": [
        "No clashes were reported in the city over the weekend, police said.",
        "The soldiers did not open fire on the crowd, the ministry insisted.",
    ],
    "general trend": [
        "Villages in the region face frequent air strikes by government forces.",
        "Kidnappings for ransom have become increasingly common on the highway.",
    ],
    "metaphor": [
        "Liverpool launched a blistering attack in the second half and scored twice.",
        "Tech stocks were hammered on Tuesday as investors fled the sector.",
    ],
}
CASES = [(kind, text) for kind, texts in NON_EVENTS.items() for text in texts]


@pytest.mark.parametrize(
    ("kind", "text"), CASES, ids=[f"{k}-{i % 2}" for i, (k, _) in enumerate(CASES)]
)
def test_learned_detector_reports_no_event(learned, parse, kind, text):
    mentions = learned.detect(parse(text))
    assert mentions == [], f"{kind}: {[(m.sub_event_type, m.confidence) for m in mentions]}"


@pytest.mark.parametrize(
    ("text", "trigger", "reason"),
    [
        ("The rebels threatened to attack the town.", "attack", "irrealis"),
        ("The army denied that it had bombed the village.", "bombed", "irrealis"),
        ("The insurgents would attack again, officials warned.", "attack", "modal"),
        ("No clashes were reported in Gao.", "clashes", "negated"),
        ("The convoy reached Gao without being attacked.", "attacked", "negated"),
        ("The area is subjected to frequent air strikes.", "strikes", "habitual"),
        ("Rebels regularly attack villages in the area.", "attack", "habitual"),
        ("The group carried out bombings in the capital in 2015.", "bombings", "history"),
    ],
)
def test_vetoes_name_the_reason(parse, text, trigger, reason):
    parsed = parse(text)
    start = text.index(trigger)
    assert veto_reason(parsed, parsed.sentences[0], start, start + len(trigger)) == reason


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("On 3 May 2021, gunmen attacked a police post in Gao.", "attacked"),
        ("The clashes ended after two hours, leaving five dead.", "clashes"),
        ("A drone strike on September 20 targeted a car near Binnish.", "strike"),
    ],
)
def test_vetoes_leave_real_events_alone(parse, text, trigger):
    parsed = parse(text)
    start = text.index(trigger)
    assert veto_reason(parsed, parsed.sentences[0], start, start + len(trigger)) is None
