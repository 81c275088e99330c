"""How many people a noun phrase names: numerals, number words and vague quantities.

ACLED's rule is the most conservative figure reported, so every bound reads as its stated
number ("at least 15" and "more than 15" are 15) and a range as its lower end ("between 10
and 12" is 10). Vague quantities ("dozens", "several") get a conventional figure and are
flagged, because they are a convention and not a count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12}
# Vague quantities: the smallest number the word is commonly used for, so the figure stays
# conservative. ACLED codes "dozens" as 12 and "hundreds" as 100; "several" and "a few" as 3
# follows its "limited attack" convention; "many"/"numerous" as 10 its "significant" one.
VAGUE = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "several": 3, "few": 3,
    "some": 3, "many": 10, "numerous": 10, "multiple": 3, "tens": 10,
}  # fmt: skip
# Plural nouns that are themselves quantities: "dozens of civilians".
QUANTITY_NOUNS = frozenset({"dozens", "scores", "hundreds", "thousands", "tens", "number"})
NUMERAL = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number of people, with the token span (doc indices) it was read from."""

    value: int
    first: int  # first token index
    last: int  # last token index
    vague: bool = False


def words_to_int(text: str) -> int | None:
    """``"1,200"`` -> 1200, ``"twenty-five"`` -> 25, ``"two hundred"`` -> 200,
    ``"half a dozen"`` -> 6, ``"a dozen"`` -> 12; None if it is not a whole number."""
    text = text.strip().lower()
    if NUMERAL.match(text):
        return int(text.replace(",", ""))
    if text == "half a dozen":
        return 6
    words = [w for w in re.split(r"[\s-]+", text) if w and w != "and"]
    if not words or any(w not in UNITS and w not in SCALES for w in words):
        return None
    total, current = 0, 0
    for word in words:
        if word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            current += UNITS[word]
    return total + current


def number_value(token: Token) -> Quantity | None:
    """The number a numeral token heads, with its compound parts ("two hundred")."""
    parts = [
        c
        for c in token.lefts
        if c.dep_ in ("compound", "nummod", "quantmod") and (c.like_num or c.lower_ in UNITS)
    ] + [token]
    value = words_to_int(" ".join(p.text for p in parts))
    if value is None:
        value = words_to_int(token.text)
        parts = [token]
    if value is None:
        if token.lower_ in VAGUE:
            return Quantity(VAGUE[token.lower_], token.i, token.i, vague=True)
        return None
    return Quantity(value, min(p.i for p in parts), token.i)


def lower_bound(quantity: Quantity, token: Token) -> Quantity:
    """A range ("between 10 and 12", "10 to 12", "10-12") counts as its lower end."""
    others = [number_value(c) for c in token.children if c.dep_ in ("conj", "prep")]
    others += [number_value(g) for c in token.children if c.dep_ == "prep" for g in c.children]
    values = [q for q in others if q is not None and not q.vague]
    if not values:
        return quantity
    low = min([quantity, *values], key=lambda q: q.value)
    return Quantity(
        low.value,
        min(quantity.first, *(q.first for q in values)),
        max(quantity.last, *(q.last for q in values)),
        quantity.vague,
    )


def quantity_of(noun: Token) -> Quantity | None:
    """How many people ``noun`` names: "15 soldiers", "a dozen people", "dozens of
    civilians", "two of the soldiers", "a policeman" (1), a name (1); None when the
    number is not said ("soldiers")."""
    own = (
        number_value(noun)
        if noun.like_num or noun.lower_ in UNITS or noun.lower_ in VAGUE
        else None
    )
    if own is not None and noun.lower_ not in ("a", "an"):
        return lower_bound(own, noun)
    for child in noun.children:
        if child.dep_ == "nummod" or (child.dep_ in ("amod", "quantmod") and child.lower_ in VAGUE):
            found = number_value(child)
            if found is not None:
                return lower_bound(found, child)
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.i != head.i:
        owner = head.head  # "dozens of civilians", "two of the soldiers"
        if owner.lower_ in QUANTITY_NOUNS and owner.lower_ in VAGUE:
            return Quantity(VAGUE[owner.lower_], owner.i, noun.i, vague=True)
        if owner.like_num or owner.lower_ in UNITS:
            return number_value(owner)
    return _singular(noun)


def _singular(noun: Token) -> Quantity | None:
    """One person: "a soldier", "the commander", "he", "Salim Abu Ahmed", and a bare
    singular noun, as headlines write it ("NPA rebel killed in clash")."""
    if (
        noun.tag_ == "NN"
        or noun.tag_ == "NNP"
        and any(c.dep_ in ("det", "poss") for c in noun.children)
    ):
        return Quantity(1, noun.i, noun.i)
    if noun.ent_type_ == "PERSON" or noun.lower_ in ("he", "she", "him", "her", "other", "another"):
        return Quantity(1, noun.i, noun.i)
    return None
