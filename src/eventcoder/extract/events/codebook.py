"""ACLED codebook conventions a sentence classifier does not learn from a few examples.

Shelling is remote violence only when heavy weapons are all that is reported: an exchange
that also involves small arms, or fire from "unspecified weapons" on an enemy's positions,
is ground combat, an Armed clash.
"""

from __future__ import annotations

import re

SHELLING = "Shelling/artillery/missile attack"
ARMED_CLASH = "Armed clash"
# Weapons of ground combat: their presence makes a shelling report a clash.
GROUND_COMBAT = re.compile(
    r"\b(?:small[- ]arms?|gunfire|gun ?fights?|firefights?"
    r"|exchanged fire|exchanges? of fire|traded fire)\b",
    re.IGNORECASE,
)
# Weapons of remote violence: when named alone, the report stays a shelling.
HEAVY_WEAPONS = re.compile(
    r"\b(?:artillery|mortars?|shell(?:s|ed|ing)?|rockets?|missiles?|howitzers?|tanks?"
    r"|grad|mlrs|cannons?|(?:anti-tank|atgm)|heavy machine ?guns?)\b",
    re.IGNORECASE,
)
UNSPECIFIED = re.compile(r"\bunspecified weapons\b", re.IGNORECASE)


def apply_codebook(text: str, sub_event_type: str) -> str:
    """The sub-type of a sentence after the conventions above (unchanged if none applies).

    Example: "Forces fired mortars and small arms at the positions" -> Armed clash.
    """
    if sub_event_type != SHELLING:
        return sub_event_type
    if UNSPECIFIED.search(text) and not HEAVY_WEAPONS.search(text):
        return ARMED_CLASH
    if GROUND_COMBAT.search(text):
        return ARMED_CLASH
    return sub_event_type
