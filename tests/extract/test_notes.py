"""ACLED-style notes from coded events: the sample, and events with fields missing."""

from __future__ import annotations

import datetime as dt

from eventcoder.extract.notes import write_notes
from eventcoder.records import Event


def sample_event(**fields) -> Event:
    base = dict(
        event_id_cnty="SYR-1",
        article_id="idlib-drone-strike",
        disorder_type="Political violence",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        plover_type=None,
        confidence=0.9,
    )
    return Event(**{**base, **fields})


def test_sample_note(sample_parsed):
    event = sample_event(
        event_date=dt.date(2021, 9, 20),
        time_precision=1,
        actor1="Military Forces of the United States (2021-2025)",
        actor2="Al Qaeda",
        location="Binnish",
        admin1="Idlib",
        country="Syria",
        fatalities=1,
    )
    note = write_notes(sample_parsed, event)
    assert note.startswith("On 20 September 2021, Military Forces of the United States conducted")
    assert "Al Qaeda" in note and "Binnish (Idlib, Syria)" in note and "killing 1 person" in note
    assert "(2021-2025)" not in note
    assert note.count(".") <= 3


def test_no_civilian_casualties_from_the_article(sample_parsed):
    text = sample_parsed.article.text
    start = text.index("A drone strike")
    sentence = next(s.text for s in sample_parsed.sentences if s.start <= start < s.end)
    from eventcoder.records import Evidence

    evidence = (
        Evidence(
            "event_type",
            "Air/drone strike",
            start,
            start + 12,
            "A drone strike",
            sentence,
            "t",
            0.9,
        ),
    )
    note = write_notes(
        sample_parsed,
        sample_event(actor1="Military Forces of the United States", evidence=evidence),
    )
    assert note.endswith("No civilian casualties were reported.")


def test_missing_date_place_and_actors(parse):
    parsed = parse("Clashes were reported.")
    note = write_notes(parsed, sample_event(event_type="Battles", sub_event_type="Armed clash"))
    assert "None" not in note
    assert note == "An unidentified actor clashed."


def test_month_precision_and_no_fatalities(parse):
    parsed = parse("Protesters gathered in Lahore.")
    event = sample_event(
        event_type="Protests",
        sub_event_type="Peaceful protest",
        actor1="Protesters (Pakistan)",
        event_date=dt.date(2020, 5, 1),
        time_precision=3,
        country="Pakistan",
        fatalities=0,
    )
    assert write_notes(parsed, event) == (
        "In May 2020, Protesters (Pakistan) held a peaceful protest in Pakistan. "
        "No fatalities were reported."
    )
