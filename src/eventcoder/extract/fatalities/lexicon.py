"""What the fatality rules read words as: death words, victims, zeros, cumulative tolls.

Every set here is a judgement about English news wording; change it here, not in the
rules (``counter.py``), and add a test sentence for the change.
"""

from __future__ import annotations

import re

KILL_VERBS = frozenset(
    [
        "kill",
        "murder",
        "execute",
        "assassinate",
        "behead",
        "slaughter",
        "massacre",
        "lynch",
        "slay",
        "gun",
        "decapitate",
        "martyr",
    ]
)
DIE_VERBS = frozenset({"die", "perish", "succumb"})
DEATH_NOUNS = frozenset({"death", "fatality", "body", "corpse", "dead", "toll", "remains"})
CIVILIAN_NOUNS = frozenset(
    [
        "civilian",
        "child",
        "woman",
        "girl",
        "boy",
        "villager",
        "resident",
        "farmer",
        "student",
        "passenger",
        "pedestrian",
        "infant",
        "baby",
        "worker",
        "teacher",
        "journalist",
        "worshipper",
        "shepherd",
        "herder",
        "trader",
        "family",
        "teenager",
        "minor",
    ]
)
# Clause dependents that start another statement, whose numbers are not this clause's.
OTHER_CLAUSES = frozenset({"advcl", "relcl", "ccomp", "conj", "parataxis", "xcomp"})
# Words that make a sentence's victims additional to the ones already counted.
ADDITIVE = frozenset({"also", "another", "additional", "further", "more"})

# "no casualties", "no one was killed", "neither injuries nor fatalities were reported".
NO_DEATHS = re.compile(
    r"\b(?:no|neither|nor|without|zero|not\s+any)\b(?P<what>[^.;]{0,40}?)"
    r"(?:casualt|fatalit|deaths?\b|dead\b|killed|died|loss\s+of\s+life|lives\s+were\s+lost)"
    r"|\bno(?:body|\s+one)\s+(?:was\s+|were\s+)?(?:killed|died|hurt|harmed|injured)",
    re.IGNORECASE,
)
# Tolls that add up many days: not one event's deaths.
CUMULATIVE = re.compile(
    r"\b(?:since\s+(?:the\s+)?(?:start|beginning|outbreak|onset|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|\d{4})|so\s+far|to\s+date|"
    r"this\s+year|in\s+total|total(?:\s+death)?\s+(?:toll|of)|bringing\s+the|raising\s+the|"
    r"over\s+the\s+(?:past|last)\s+\S+\s+(?:weeks|months|years)|cumulative|overall|"
    # a toll that "tops 136,000" is a running total
    r"toll\s+(?:tops|topped|exceeds|exceeded|surpasses|surpassed|passes|passed))\b",
    re.IGNORECASE,
)
# ACLED notes say "Unknown number of fatalities coded as 10": the coder's own figure.
CODED_AS = re.compile(
    r"fatalit\w*\s+(?:were\s+|was\s+)?coded\s+as\s+(?P<n>\d+)"
    # ... "and spread across five locations in two days": a share of it is this event's
    r"(?:[^.]{0,20}?(?:spread|split|divided)\s+(?:across|among|between|over)\s+(?P<parts>\w+)"
    r"\s+\w+(?:\s+(?:in|over)\s+(?P<days>\w+)\s+days)?)?",
    re.IGNORECASE,
)

# "Fatalities split between 2 events", "[1 fatality split among 12 events]".
SPLIT = re.compile(
    r"fatalit\w*\s+(?:were\s+|was\s+)?(?:split|spread|divided)\s+(?:across|among|between|over)"
    r"\s+(?P<parts>\w+)\s+(?:events|locations|days)",
    re.IGNORECASE,
)
# Animals are not fatalities ("burned 20 huts and killed 15 livestock").
ANIMALS = frozenset(
    [
        "livestock",
        "cattle",
        "cow",
        "goat",
        "sheep",
        "camel",
        "animal",
        "dog",
        "horse",
        "donkey",
        "pig",
        "chicken",
    ]
)

# ACLED: a death reported without a count is coded 3 for a limited attack; 10 is for a
# significant attack in a war zone, which needs more than one sentence can tell, so the
# conservative figure is used and flagged as estimated.
CONVENTION_LIMITED = 3
# Event types that ACLED codes with 0 deaths: a protest with deaths is coded as
# "Excessive force against protesters"; a strategic development counts only deaths that a
# kill/die verb states (premature detonations), not deaths it mentions as background.
PROTESTS, EXCESSIVE_FORCE = "Protests", "Excessive force against protesters"
STRATEGIC = "Strategic developments"
# Event types often about an earlier death (a riot over a killing by police).
GRIEVANCE_TYPES = frozenset({"Riots", "Protests"})
# Verbs whose object is a grievance: the deaths they name happened before the event.
GRIEVANCE_VERBS = frozenset({"condemn", "protest", "denounce", "mourn", "commemorate", "demand"})
HURT_WORDS = frozenset({"injure", "injured", "wound", "wounded", "hurt", "arrest", "abduct"})
# Verbs under which a killing is not reported as done ("threatened to kill").
IRREALIS = frozenset(
    ["threaten", "plan", "try", "attempt", "want", "vow", "intend", "seek", "aim", "order", "fail"]
)
# Nouns that name the dead again rather than more dead ("his body was found").
BODY_NOUNS = frozenset({"body", "corpse", "remains"})
