"""Boilerplate removal on real and realistic articles: what goes, what must stay."""

from __future__ import annotations

import json

import pytest

from eventcoder.clean import clean_article
from eventcoder.clean.rules import match_rule
from eventcoder.records import Article
from tests.conftest import GOLD_DEV, GOLD_TRAIN, REPO

INPUTS = REPO / "tests" / "data" / "inputs"


def article(text: str) -> Article:
    return Article(id="t", text=text, origin="<test>")


def removed(text: str) -> list[tuple[str, str]]:
    """(label, removed text) for each span, in order."""
    cleaned = clean_article(article(text))
    return [(s.label, text[s.start : s.end]) for s in cleaned.removed]


def assert_offsets_kept(text: str) -> None:
    cleaned = clean_article(article(text))
    assert len(cleaned.text) == len(text)
    inside = {i for s in cleaned.removed for i in range(s.start, s.end)}
    for i, (before, after) in enumerate(zip(text, cleaned.text, strict=True)):
        assert after == (before if i not in inside or before == "\n" else " ")


def test_sample_loses_exactly_google_news_and_prev_next(sample_text):
    assert removed(sample_text) == [
        ("boilerplate:follow-us", "For Latest Updates Follow us on Google\xa0News"),
        (
            "boilerplate:prev-next",
            "PREV Karim Abdel Aziz, “Number One”, and I do not follow Muhammad Ramadan (video)",
        ),
        (
            "boilerplate:prev-next",
            "NEXT Millions of “Android”, “Windows” and “iPhone” users may lose access to the "
            "Internet",
        ),
    ]


def test_sample_story_is_untouched(sample_text):
    cleaned = clean_article(article(sample_text))
    story_end = sample_text.index("For Latest Updates")
    assert cleaned.text[:story_end] == sample_text[:story_end]
    assert cleaned.text[story_end:].strip() == ""
    for subhead in ("No civilian casualties", "Half the area of Idlib"):
        assert subhead in cleaned.text
    assert_offsets_kept(sample_text)


PAKISTAN = (INPUTS / "kurram-checkpoint.txt").read_text(encoding="utf-8")


def test_wire_story_with_share_bar_related_list_and_copyright():
    assert removed(PAKISTAN) == [
        ("boilerplate:advertisement", "Advertisement"),
        (
            "boilerplate:read-more",
            "Read more: Pakistan launches new operation against militants in the northwest",
        ),
        ("boilerplate:share", "Share this:"),
        ("boilerplate:social-names", "Facebook"),
        ("boilerplate:social-names", "Twitter"),
        ("boilerplate:social-names", "WhatsApp"),
        ("boilerplate:related", "Related"),
        ("boilerplate:trailer", "Two soldiers killed in North Waziristan clash"),
        ("boilerplate:trailer", "Police station attacked in Bannu"),
        ("boilerplate:copyright", "© 2023 Frontier Post. All rights reserved."),
    ]
    cleaned = clean_article(article(PAKISTAN))
    assert "urged to follow the instructions of security forces and to share" in cleaned.text
    assert cleaned.text.startswith("Militants attack checkpoint in Kurram")  # headline kept
    assert_offsets_kept(PAKISTAN)


SAHEL = (INPUTS / "boni-ambush.txt").read_text(encoding="utf-8")


def test_francophone_site_with_cookie_banner_and_prev_next_blocks():
    labels = removed(SAHEL)
    assert labels[:2] == [
        (
            "boilerplate:cookies",
            "We use cookies to give you the best experience. By continuing to browse, you "
            "agree to our use of cookies.",
        ),
        ("boilerplate:cookies", "Accept all cookies"),
    ]
    assert (
        "boilerplate:click-here",
        "To receive our breaking news alerts on WhatsApp, click here.",
    ) in labels
    assert [text for label, text in labels if label == "boilerplate:prev-next"] == [
        "Previous article",
        "Niger junta names new cabinet",
        "Next article",
        "Burkina Faso: fuel convoy attacked near Djibo",
    ]
    assert labels[-2:] == [
        ("boilerplate:follow-us", "Like us on Facebook; Follow us on Twitter; Daily Newsletter."),
        ("boilerplate:tags", "Tags: Mali, Boni, jihadists"),
    ]
    cleaned = clean_article(article(SAHEL))
    for kept in (
        "Jihadists kill 12 soldiers in central Mali",
        "killed 12 Malian soldiers",
        'several assailants were "neutralised".',
    ):
        assert kept in cleaned.text
    assert_offsets_kept(SAHEL)


@pytest.mark.parametrize(
    "line",
    [
        "Protesters vowed to follow the convoy all the way to the capital.",
        "The two factions agreed to share control of the checkpoint.",
        "Follow-up raids were carried out on Tuesday in the same district.",
        "Follow the money, investigators told the court.",
        "Share prices of defence firms rose after the strike.",
        "Next week, the army will deploy more troops to the border.",
        "NEXT Media, which owned Apple Daily, said police had raided its offices.",
        "Related incidents were reported in Kano and Kaduna on the same night.",
        "Advertising boards were torched during the riot.",
        "Copyright lawyers were among those detained.",
        "The group said on Twitter that it had carried out the attack.",
        "Read the statement in full, the spokesman told reporters, before walking out.",
        "He urged supporters to subscribe to the boycott of the elections.",
        "No civilian casualties",
        "Half the area of Idlib",
    ],
)
def test_real_sentences_that_mention_the_trigger_words_stay(line):
    text = f"Gunmen attacked a village near Konduga on Monday.\n\n{line}\n"
    assert removed(text) == []


def gold_texts(path, limit=None):
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            yield json.loads(line)["text"]


@pytest.mark.skipif(not GOLD_DEV.exists(), reason="shared gold data not beside the repo")
@pytest.mark.parametrize(
    "path",
    [GOLD_DEV / "ucdp-ged-headlines.jsonl", GOLD_TRAIN / "plover-gsr.jsonl"],
    ids=["ucdp-headlines", "plover-sentences"],
)
def test_nothing_removed_from_real_headlines_and_sentences(path):
    touched = [text for text in gold_texts(path) if clean_article(article(text)).removed]
    assert touched == []


@pytest.mark.skipif(not GOLD_DEV.exists(), reason="shared gold data not beside the repo")
def test_real_articles_lose_only_short_lines():
    """On GeoWebNews articles only short notice lines go, never a story paragraph."""
    spans = []
    for text in gold_texts(GOLD_DEV / "geowebnews-places.jsonl"):
        spans += [text[s.start : s.end] for s in clean_article(article(text)).removed]
    assert spans  # the set has a few copyright and cookie lines
    assert all(len(span) <= 400 for span in spans)
    assert any("All rights reserved" in span or "All Rights Reserved" in span for span in spans)


def test_match_rule_splits_only_on_call_to_action_separators():
    assert match_rule("Facebook | Twitter | Email") == "social-names"
    assert match_rule("Share prices fell; the army withdrew.") is None
    assert match_rule("x" * 500) is None


def test_pathological_lines_are_fast():
    """Lines built to make regexes backtrack must still be handled at once."""
    text = "\n".join(["x " * 199 + "!", "Follow us on " + "Twitter, " * 40 + "and", "a" * 399])
    assert_offsets_kept(text * 50)
