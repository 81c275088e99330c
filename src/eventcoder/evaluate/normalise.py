"""Normalise names and codes before comparing predictions with gold.

Gold sets spell the same thing differently ("Idlib governorate" in UCDP, "Idlib" in ACLED;
"Government of Syria" vs "Military Forces of Syria (2000-)"); scoring such pairs as errors
would measure spelling conventions, not coding quality.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

# token_set_ratio at or above this counts as the same actor: it forgives word order and
# extra qualifiers ("... Federal Police"), which make the shorter name a subset.
ACTOR_MATCH_MIN_RATIO = 90
# ...but a high ratio alone confuses short names that differ in one word ("Protesters
# (Iran)" vs "Protesters (Iraq)" scores 93), so every word of the shorter name must also
# have a counterpart at least this similar: "iran"/"iraq" score 75, while transliteration
# slips in longer words ("taleban"/"taliban", 86) pass.
ACTOR_WORD_MIN_RATIO = 80

# ACLED period suffixes such as "(2014-)" or "(1999-2014)" date a government, not an actor.
_PERIOD = re.compile(r"\(\s*\d{4}\s*-\s*(\d{4})?\s*\)")
# Any parenthesised aside: UCDP writes former names ("Russia (Soviet Union)").
_PARENTHESES = re.compile(r"\([^)]*\)")
# A state's forces are one actor whatever the set calls them: UCDP names the government,
# ACLED its military or police.
_STATE_ACTOR = re.compile(r"^(?:government|military forces|police forces|armed forces) of (.+)$")
_NON_WORD = re.compile(r"[^\w\s]")
# Letters transliterations disagree on (vowels, and y/w for long vowels), and doubled letters.
_VOWELISH = re.compile(r"[aeiouyw]")
_REPEATS = re.compile(r"(.)\1+")
_SPACES = re.compile(r"\s+")

# Generic words of admin-unit names: "Idlib governorate", "Borno state", "Donetsk oblast".
_ADMIN_WORDS = frozenset(
    [
        "governorate",
        "province",
        "state",
        "region",
        "district",
        "department",
        "oblast",
        "county",
        "prefecture",
        "division",
        "municipality",
        "territory",
        "raion",
        "krai",
        "republic",
        "of",
        "the",
    ]
)

# Country spellings of UCDP that differ from ACLED's beyond case and punctuation.
_COUNTRY_ALIASES = {
    "dr congo": "democratic republic of congo",
    "congo kinshasa": "democratic republic of congo",
    "drc": "democratic republic of congo",
    "bosnia herzegovina": "bosnia and herzegovina",
    "cote d ivoire": "ivory coast",
    "burma": "myanmar",
    "macedonia": "north macedonia",
}

# ACLED actor-type codes; newer exports write the names instead of the digits.
INTER_CODES = {
    "state forces": "1",
    "rebel groups": "2",
    "political militias": "3",
    "identity militias": "4",
    "rioters": "5",
    "protesters": "6",
    "civilians": "7",
    "external/other forces": "8",
    "external forces": "8",
    "other forces": "8",
}


def plain(text: str) -> str:
    """Lowercase, no diacritics, punctuation as spaces, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", _NON_WORD.sub(" ", ascii_only.lower())).strip()


def normalise_country(name: str | None) -> str | None:
    """Country name comparable across sets: "DR Congo (Zaire)" -> "democratic republic of congo"."""
    if not name:
        return None
    text = plain(_PARENTHESES.sub(" ", name))
    return _COUNTRY_ALIASES.get(text, text)


def normalise_admin(name: str | None) -> str | None:
    """Admin-unit name without generic words: "Idlib Governorate" and "Idlib" -> "idlib"."""
    if not name:
        return None
    words = plain(_PARENTHESES.sub(" ", name)).split()
    kept = [w for w in words if w not in _ADMIN_WORDS]
    return " ".join(kept or words)


def admin_key(name: str | None) -> str | None:
    """Admin-unit name reduced to its consonants, for comparing transliterations.

    Arabic and Slavic names reach English in several spellings ("Idlib"/"Idleb",
    "Al-Hasakah"/"Al-Hasakeh", "Deir ez Zor"/"Dayr az Zawr", "Hama"/"Hamah"); they differ
    in vowels, y/w and a final h. The first letter is kept, so short names stay apart
    ("Yobe"/"Abia"); two different units of one country sharing a key are rare.
    """
    plain_name = normalise_admin(name)
    if plain_name is None:
        return None
    words = []
    for word in plain_name.split():
        consonants = _VOWELISH.sub("", word)
        consonants = consonants.removesuffix("h") if len(consonants) > 1 else consonants
        words.append(_REPEATS.sub(r"\1", consonants))
    skeleton = "".join(words)
    return plain_name[0] + skeleton if skeleton else plain_name


def normalise_actor(name: str | None) -> str | None:
    """Actor name comparable across sets.

    Strips period suffixes and diacritics, and folds a state's forces into one name:
    "Military Forces of Syria (2000-)" and "Government of Syria" -> "state forces of syria".
    """
    if not name:
        return None
    text = _SPACES.sub(" ", _PERIOD.sub(" ", name)).strip()
    state = _STATE_ACTOR.match(text.lower())
    if state:
        # Qualifiers stay ("... Brazil Federal Police"); token_set_ratio forgives them.
        return f"state forces of {normalise_country(state.group(1))}"
    return plain(text)


def actors_match(predicted: str | None, gold: str | None) -> bool:
    """Same actor after normalisation, allowing small differences (see ACTOR_MATCH_MIN_RATIO)."""
    left, right = normalise_actor(predicted), normalise_actor(gold)
    if not left or not right:
        return False
    if fuzz.token_set_ratio(left, right) < ACTOR_MATCH_MIN_RATIO:
        return False
    shorter, longer = sorted((set(left.split()), set(right.split())), key=len)
    return all(
        any(fuzz.ratio(word, other) >= ACTOR_WORD_MIN_RATIO for other in longer) for word in shorter
    )


def normalise_inter(code: str | int | None) -> str | None:
    """ACLED actor-type code as one digit: "1", 1 and "State forces" -> "1"; "0" = no actor."""
    if code is None:
        return None
    text = str(code).strip().lower()
    if text.isdigit():
        return str(int(text))
    return INTER_CODES.get(text, text)


def normalise_interaction(code: str | int | None) -> str | None:
    """Interaction code with ACLED's digit order (lower first, 0 last): "71" -> "17"."""
    if code is None:
        return None
    text = str(code).strip().lower()
    if text.isdigit():
        digits = list(text)
    else:
        digits = [normalise_inter(part) or "" for part in re.split(r"\s*-\s*(?=[a-z])", text)]
    if not all(d.isdigit() and len(d) == 1 for d in digits):
        return text
    return "".join(sorted(digits, key=lambda d: (d == "0", d)))
