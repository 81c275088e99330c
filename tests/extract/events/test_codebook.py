"""ACLED conventions on top of the classifier: shelling with small arms is a clash."""

from __future__ import annotations

import pytest

from eventcoder.extract.events.codebook import apply_codebook

SHELLING = "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rebels fired 82mm mortars and small arms at army positions near Horlivka.",
            "Armed clash",
        ),
        ("The two sides exchanged fire with machine guns and mortars overnight.", "Armed clash"),
        (
            "Troops fired with unspecified weapons on the enemy's positions near Tovuz.",
            "Armed clash",
        ),
        ("Government artillery shelled the village of Kafr Nabl on Monday.", SHELLING),
        ("Mortar rounds fired with unspecified weapons support hit the market.", SHELLING),
    ],
)
def test_small_arms_make_a_shelling_report_a_clash(text, expected):
    assert apply_codebook(text, SHELLING) == expected


def test_other_sub_types_are_left_alone():
    text = "Gunmen exchanged fire with police after robbing a bank."
    assert apply_codebook(text, "Attack") == "Attack"
