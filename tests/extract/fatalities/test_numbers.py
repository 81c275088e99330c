"""Number words and numerals as ACLED reads them."""

from __future__ import annotations

import pytest

from eventcoder.extract.fatalities.numbers import words_to_int


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200),
        ("15", 15),
        ("two", 2),
        ("twenty-five", 25),
        ("two hundred", 200),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("three thousand five hundred", 3500),
        ("8,5", None),
        ("several", None),
    ],
)
def test_words_to_int(text, value):
    assert words_to_int(text) == value
