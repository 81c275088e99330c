"""Name keys that make spelling variants of one place meet in the gazetteer index.

Two keys per name:

- ``name_key``: transliterated to ASCII, lower-cased, apostrophes and ayn marks dropped,
  punctuation to spaces and a leading Arabic article removed, so "al-Hasakeh",
  "Al Hasakeh" and "Hasakeh" meet, as do "Ma'arrat" and "Maarrat".
- ``skeleton_key``: the name key without vowels (after the first letter) and with doubled
  letters collapsed, so transliteration variants meet: Binnish/Binnsh/Binish -> "bnsh",
  Idlib/Idleb -> "idlb". It is looser, so it is only trusted inside the countries in play.
"""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

# Arabic definite article in its usual transliterations ("al-", "el-", sun-letter forms);
# a leading one is dropped and an inner one written "al", as GeoNames and news disagree.
ARTICLES = frozenset(
    {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "ez", "ed", "es", "er"}
)
# Skeletons of short names collide too often ("bnsh" is fine, "kl" is not).
MIN_SKELETON_LETTERS = 5
_APOSTROPHES = re.compile(r"['’‘`ʿʾʻ´]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_VOWELS = re.compile(r"(?<=.)[aeiouy]")
_DOUBLES = re.compile(r"(.)\1+")


def name_key(name: str) -> str:
    """The exact-match key of a place name ("" when nothing letter-like is left)."""
    text = _APOSTROPHES.sub("", unidecode(name).lower())
    tokens = _NON_ALNUM.sub(" ", text).split()
    if len(tokens) > 1 and tokens[0] in ARTICLES:
        tokens = tokens[1:]
    return " ".join("al" if i and t in ARTICLES else t for i, t in enumerate(tokens))


def skeleton_key(key: str) -> str:
    """The loose key of a name key, or "" when the name is too short to be trusted."""
    letters = key.replace(" ", "")
    if len(letters) < MIN_SKELETON_LETTERS:
        return ""
    skeleton = _DOUBLES.sub(r"\1", _VOWELS.sub("", letters))
    return skeleton if len(skeleton) >= 3 else ""


def is_latin(name: str) -> bool:
    """True when every letter is Latin script (other scripts do not occur in English news)."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in name)
