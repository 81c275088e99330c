"""Rules that veto a candidate event: the trigger is negated, hypothetical, habitual or history.

The classifier learns most non-events from examples; these rules add precision where the
grammar decides, e.g. "rebels threatened to attack the town" reads like an attack to a
bag of words but the dependency parse puts "attack" under "threaten". Each rule looks at
the trigger word and the chain of words that govern it in the spaCy parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eventcoder.records import ParsedArticle, Sentence

# Modal auxiliaries: "would attack", "could resume" describe possible, not actual, events.
MODALS = frozenset({"will", "would", "could", "may", "might", "should", "shall", "can", "must"})
# Governing verbs that put what they govern in the future, a threat, a wish or a denial.
IRREALIS_VERBS = frozenset(
    {
        "threaten",
        "vow",
        "warn",
        "plan",
        "deny",
        "aim",
        "seek",
        "intend",
        "pledge",
        "promise",
        "hope",
        "want",
        "fear",
        "expect",
        "urge",
        "prepare",
        "propose",
        "consider",
        "reject",
        "dismiss",
        "prevent",
        "avert",
        "end",
        "schedule",
    }
)
# Nouns that do the same: "the threat of an attack", "plans for an offensive".
IRREALIS_NOUNS = frozenset(
    {"threat", "plan", "risk", "fear", "possibility", "warning", "denial", "prospect"}
)
# Words that make an event generic: "frequent air strikes", "regularly attack".
HABITUAL = frozenset(
    {
        "frequent",
        "frequently",
        "regular",
        "regularly",
        "often",
        "repeatedly",
        "routinely",
        "common",
        "usually",
        "increasingly",
        "repeated",
        "recurrent",
        "constant",
        "constantly",
        "sporadic",
        "occasional",
    }
)
# Verbs of trends: "attacks have risen", "kidnappings have become common".
TREND_VERBS = frozenset({"rise", "increase", "surge", "decline", "drop", "become", "double"})
NEGATORS = frozenset({"not", "no", "never", "n't", "without", "neither", "nor"})
# Background dates: a bare year, a decade, "years ago", "last year" with no day-level date
# in the same sentence (ACLED notes and news give a day for the event they report).
HISTORY_DATE = re.compile(
    r"\b(?:in|since|during|until|by|from) (?:the )?(?:early |late |mid-)?(?:1[89]|20)\d{2}s?\b"
    r"|\b(?:years|decades|a decade) ago\b|\blast year\b|\bin the past\b",
    re.IGNORECASE,
)
DAY_LEVEL_DATE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b"
    r"|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b"
    r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\byesterday\b|\btoday\b|\btonight\b",
    re.IGNORECASE,
)


def _governors(token) -> Iterator:
    """The trigger token, then each word above it up to the sentence root."""
    yield token
    while token.head.i != token.i:  # spaCy makes a new Token object per access: compare .i
        token = token.head
        yield token


def _local(token) -> list:
    """The trigger and the words above it up to its nearest governing verb (inclusive)."""
    chain = []
    for word in _governors(token):
        chain.append(word)
        if word.i != token.i and word.pos_ in ("VERB", "AUX"):
            break
    return chain


def veto_reason(parsed: ParsedArticle, sentence: Sentence, start: int, end: int) -> str | None:
    """Why the event named by ``Article.text[start:end]`` is not a concrete event, or None.

    Reasons: ``negated``, ``modal``, ``irrealis`` (threat, plan, denial...), ``habitual``
    (a general trend) or ``history`` (background dated years back).
    """
    if HISTORY_DATE.search(sentence.text) and not DAY_LEVEL_DATE.search(sentence.text):
        return "history"
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    trigger = span.root
    local = _local(trigger)
    for word in local:
        if word.lower_ in NEGATORS and word.i != trigger.i:
            return "negated"
        for child in word.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return "negated"
            if child.dep_ in ("aux", "auxpass") and child.lemma_.lower() in MODALS:
                return "modal"
            if child.lemma_.lower() in HABITUAL and child.dep_ in ("amod", "advmod", "acomp"):
                return "habitual"
        if word.i != trigger.i and word.lemma_.lower() in TREND_VERBS:
            return "habitual"
    below = trigger
    for word in _governors(trigger):
        lemma = word.lemma_.lower()
        # "clashes ended" reports clashes; "to end the clashes" does not: only what a verb
        # governs as object or complement is put in doubt by it, never its subject.
        if (
            word.i != trigger.i
            and not below.dep_.startswith("nsubj")
            and (
                (word.pos_ == "VERB" and lemma in IRREALIS_VERBS)
                or (word.pos_ == "NOUN" and lemma in IRREALIS_NOUNS)
            )
        ):
            return "irrealis"
        below = word
    return None
