"""Near-duplicate articles: syndicated copies of the real sample group together."""

from __future__ import annotations

from eventcoder.dedup import near_duplicate_groups
from eventcoder.records import Article


def article(article_id: str, text: str) -> Article:
    return Article(id=article_id, text=text, origin="<test>")


def test_a_republished_copy_with_a_new_dateline_groups_with_the_original(sample_text):
    body = sample_text[: sample_text.index("For Latest Updates")]
    copy = "DAMASCUS (Agency) - " + body.replace("a few days ago", "days ago")
    other = (
        "Gunmen killed two farmers in the village of Kukawa, Borno State, on Tuesday, "
        "residents said, adding that the attackers fled on motorcycles."
    )
    groups = near_duplicate_groups(
        [article("original", sample_text), article("copy", copy), article("other", other)]
    )
    assert groups == [("copy", "original")]


def test_different_reports_of_one_region_do_not_group(sample_text):
    paragraphs = [p for p in sample_text.split("\n\n") if len(p) > 150]
    articles = [article(f"p{i}", p) for i, p in enumerate(paragraphs)]
    assert near_duplicate_groups(articles) == []
