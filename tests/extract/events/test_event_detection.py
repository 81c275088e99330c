"""Real-style event sentences get the right ACLED type; the sample article gives one strike."""

from __future__ import annotations

import pytest

from eventcoder.extract.events.learned import METHOD

# Hand-written reports (none is in the training data): text -> (event_type, sub_event_type).
EVENTS = [
    (
        "On 12 February 2022, soldiers and Ansaru fighters exchanged gunfire for hours near "
        "Birnin Gwari, Kaduna.",
        "Battles",
        "Armed clash",
    ),
    (
        "Government troops on Sunday recaptured the town of Palma from insurgents after a "
        "week of fighting.",
        "Battles",
        "Government regains territory",
    ),
    (
        "An Israeli air strike hit a house in Gaza City overnight, killing four people.",
        "Explosions/Remote violence",
        "Air/drone strike",
    ),
    (
        "A roadside bomb struck a minibus on the outskirts of Jalalabad on Tuesday, killing "
        "six passengers.",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    (
        "Separatist forces fired artillery rounds at residential districts of Mariupol on "
        "Saturday.",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    (
        "On 8 July 2021, armed men shot dead a cattle trader on the road to Tillaberi, Niger.",
        "Violence against civilians",
        "Attack",
    ),
    (
        "Gunmen kidnapped 17 worshippers from a church in Kajuru, Kaduna state, on Sunday.",
        "Violence against civilians",
        "Abduction/forced disappearance",
    ),
    (
        "Thousands of nurses marched peacefully through Nairobi on Thursday to demand unpaid "
        "allowances.",
        "Protests",
        "Peaceful protest",
    ),
    (
        "Police fired tear gas to disperse students protesting tuition fees in Kampala on Monday.",
        "Protests",
        "Protest with intervention",
    ),
    (
        "On 14 March 2022, rioters burned tyres and stoned police vehicles in Dakar after the "
        "arrest of an opposition figure.",
        "Riots",
        "Violent demonstration",
    ),
    (
        "Police arrested the opposition leader at his home in Harare on Wednesday.",
        "Strategic developments",
        "Arrests",
    ),
]


@pytest.mark.parametrize(("text", "event_type", "sub_type"), EVENTS, ids=[e[2] for e in EVENTS])
def test_learned_detector_classifies_real_sentences(learned, parse, text, event_type, sub_type):
    mentions = learned.detect(parse(text))
    assert [m.event_type for m in mentions] == [event_type]
    assert mentions[0].sub_event_type == sub_type
    assert 0.0 < mentions[0].confidence <= 1.0


def test_mention_carries_trigger_taxonomy_and_evidence(learned, parse):
    text = EVENTS[2][0]
    (mention,) = learned.detect(parse(text))
    assert text[mention.trigger.start : mention.trigger.end].lower() == "air strike"
    assert mention.disorder_type == "Political violence"
    assert mention.plover_type == "FIGHT/aerial"
    fields = {e.field: e for e in mention.evidence}
    assert set(fields) == {"event_type", "sub_event_type", "disorder_type"}
    assert fields["sub_event_type"].value == "Air/drone strike"
    assert fields["event_type"].method == METHOD
    assert fields["event_type"].sentence == text


def test_sample_article_has_one_drone_strike_merging_its_sentences(learned, sample_parsed):
    mentions = learned.detect(sample_parsed)
    violent = [m for m in mentions if m.event_type != "Strategic developments"]
    assert len(violent) == 1
    strike = violent[0]
    assert strike.sub_event_type == "Air/drone strike"
    texts = [sample_parsed.sentences[i].text for i in strike.sentence_indices]
    assert any(t.startswith("A raid on Idlib") for t in texts)  # the title
    assert any(t.startswith("The US military announced") for t in texts)
    assert any(t.startswith("A drone strike on September 20") for t in texts)
    # Background (HTS control, frequent strikes) is not part of any event.
    used = {i for m in mentions for i in m.sentence_indices}
    background = [s.index for s in sample_parsed.sentences if "frequent air strikes" in s.text]
    background += [s.index for s in sample_parsed.sentences if "controls half" in s.text]
    assert background and not used & set(background)
    # The Sochi summit is at most an Agreement.
    others = [m for m in mentions if m is not strike]
    assert all(m.sub_event_type == "Agreement" for m in others)
    assert len(others) <= 1


def test_two_events_in_different_places_stay_apart(learned, parse):
    text = (
        "On 2 May 2021, al-Shabaab fighters attacked an army base in Balad, Middle Shabelle. "
        "On 3 May 2021, a roadside bomb killed two soldiers in Afgoye, Lower Shabelle."
    )
    mentions = learned.detect(parse(text))
    assert [m.event_type for m in mentions] == ["Battles", "Explosions/Remote violence"]


def test_follow_up_detail_joins_the_event(learned, parse):
    text = (
        "On 4 May 2021, dozens of traders protested in Kumasi, Ashanti, against new market "
        "fees. Three people were arrested."
    )
    mentions = learned.detect(parse(text))
    assert len(mentions) == 1
    assert mentions[0].event_type == "Protests"
    assert sorted(mentions[0].sentence_indices) == [0, 1]
    # Arrests at a protest make it one with intervention, as ACLED codes it.
    assert mentions[0].sub_event_type == "Protest with intervention"


@pytest.mark.parametrize(
    ("follow_up", "sub_type"),
    [
        ("Police fired tear gas to disperse them.", "Protest with intervention"),
        (
            "Police opened fire on the crowd, killing two protesters.",
            "Excessive force against protesters",
        ),
        (
            "The protesters set fire to tyres and pelted the police with stones.",
            "Violent demonstration",
        ),
        ("The protesters also demanded the reopening of the old market.", "Peaceful protest"),
    ],
)
def test_a_demonstration_takes_its_most_severe_moment(learned, parse, follow_up, sub_type):
    text = (
        "On 4 May 2021, dozens of traders protested in Kumasi, Ashanti, against new market "
        f"fees. {follow_up}"
    )
    mentions = learned.detect(parse(text))
    assert [m.sub_event_type for m in mentions] == [sub_type]
    evidence = next(e for e in mentions[0].evidence if e.field == "sub_event_type")
    decisive = 0 if sub_type == "Peaceful protest" else 1
    assert evidence.sentence == [s.text for s in parse(text).sentences][decisive]


def test_details_after_the_event_are_its_follow_ups(learned, parse):
    text = (
        "On 9 March 2021, gunmen attacked a village near Zurmi, Zamfara. The reasons behind "
        "the attack are unclear. Unclear fatalities coded as 10.\n"
        "Separately, traders in Gusau complained about rising prices."
    )
    parsed = parse(text)
    [mention] = learned.detect(parsed)
    assert mention.sentence_indices[0] == 0
    assert 1 in mention.follow_up_indices  # no event of its own, but about this one
    assert set(mention.sentence_indices) | set(mention.follow_up_indices) == {0, 1, 2}


def test_keyword_baseline_uses_trigger_words(keyword, parse):
    (mention,) = keyword.detect(parse("A grenade exploded at a bus stop in Bujumbura on Friday."))
    assert mention.sub_event_type == "Grenade"
    assert mention.evidence[0].method.startswith("rules.events.keywords")
    assert keyword.detect(parse("The rebels threatened to attack the town.")) == []


def test_a_strategic_development_that_turns_violent_is_coded_by_its_violence(learned, parse):
    text = (
        "On 12 June 2021, in Niteroi, Rio de Janeiro, military police carried out an operation "
        "against drug trafficking in the Caramujo community. A shoot-out broke out and a "
        "suspect was shot dead."
    )
    mentions = learned.detect(parse(text))
    assert [(m.event_type, m.sub_event_type) for m in mentions] == [("Battles", "Armed clash")]


def test_nothing_is_a_demonstration_without_a_word_of_one(learned, parse):
    text = (
        "As reported on 12 May 2021, in Culiacan, Sinaloa, members of a cartel handed out "
        "boxes of groceries to families hit by the lockdown."
    )
    [mention] = learned.detect(parse(text))
    assert mention.event_type != "Protests"
    evidence = next(e for e in mention.evidence if e.field == "sub_event_type")
    assert evidence.method == "rules.events.not-demonstration.v1"


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2022, dozens of nurses protested in Kano over unpaid allowances.",
        # Demonstrations told without the word: a motorcade, taking to the streets.
        "On 4 May 2021, in Recife, Pernambuco, about 120 driving-school owners did a "
        "motorcade to demand the reopening of their businesses.",
        "On 2 May 2021, about 800 stranded labourers took to the streets in Nagpur city to "
        "demand buses home.",
    ],
)
def test_a_demonstration_told_in_other_words_stays_one(learned, parse, text):
    assert [m.sub_event_type for m in learned.detect(parse(text))] == ["Peaceful protest"]


def test_a_blocked_road_without_violence_is_a_peaceful_protest(learned, parse):
    text = (
        "On 2 May 2021, protesters demonstrating against rising fuel prices and dire economic "
        "conditions blocked the coastal highway at Jiyeh."
    )
    [mention] = learned.detect(parse(text))
    assert mention.sub_event_type == "Peaceful protest"
    burning = "On 2 May 2021, protesters blocked the coastal highway at Jiyeh and burned tyres."
    assert [m.sub_event_type for m in learned.detect(parse(burning))] == ["Violent demonstration"]
