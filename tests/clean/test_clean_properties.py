"""Property tests: cleaning never moves an offset and never changes a kept character."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.clean import clean_article
from eventcoder.records import Article

# Lines that look like boilerplate, story prose or teasers, to mix into generated text.
LINES = [
    "For Latest Updates Follow us on Google\xa0News",
    "PREV",
    "NEXT Millions of users may lose access to the Internet",
    "Share this:",
    "Facebook",
    "Related",
    "Advertisement",
    "© 2024 Daily Example. All rights reserved.",
    "Click here to subscribe",
    "Gunmen killed three farmers near Konduga on Monday, police said.",
    "Two soldiers killed in clash",
    "",
    "   ",
    "\r",
]

texts = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=40)), max_size=30).map("\n".join),
)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_clean_keeps_length_and_every_kept_character(text):
    cleaned = clean_article(Article(id="p", text=text, origin="<hypothesis>"))
    assert len(cleaned.text) == len(text)
    previous_end = 0
    inside: set[int] = set()
    for span in cleaned.removed:
        assert previous_end <= span.start < span.end <= len(text)
        assert span.label.startswith("boilerplate:")
        assert "\n" not in text[span.start : span.end]
        inside.update(range(span.start, span.end))
        previous_end = span.end
    for index, (before, after) in enumerate(zip(text, cleaned.text, strict=True)):
        assert after == (" " if index in inside else before)
