"""Spot place-name candidates in a parsed article and read the words around them.

spaCy's small model misses many toponyms (it tags "Binnish" as a nationality), so spans
come from the gazetteer: every run of capitalised tokens (with "al-", "de", "of" inside)
whose name key is a gazetteer name is a candidate, whatever NER says. NER and the parse
are used only as cues: a span inside a longer person or organisation name, or the subject
of a verb ("Moscow said"), is kept for context but marked non-locational. A word the
article also writes in lower case ("industry") is a common word, never a place.

What the words around each span say (``cues``) is recorded with it, and so is the name
written right after it as its container ("Reni, Odessa", "X area of Y city").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from eventcoder.extract.places.abbreviations import state_after
from eventcoder.extract.places.cues import (
    CUE_WINDOW,
    DIRECTION_WORDS,
    LOCATIVE_WORDS,
    NOT_PLACES,
    POSSESSIVES,
    SETTLEMENT_WORDS,
    admin_level,
    index_before,
    is_locational,
    is_partial,
    ner_label,
    person_words,
    read_relation,
    word_before,
)
from eventcoder.extract.places.names import ARTICLES, name_key, skeleton_key
from eventcoder.records import ParsedArticle

# Longest place name we try, in tokens ("Ma'arrat al - Nu'man" is five, "Democratic
# Republic of the Congo" five).
MAX_NAME_TOKENS = 6
# Lower-case words allowed inside a multi-word name but never at its ends.
INNER_WORDS = ARTICLES | frozenset(
    {
        "de",
        "del",
        "la",
        "le",
        "los",
        "las",
        "du",
        "des",
        "da",
        "di",
        "do",
        "dos",
        "of",
        "the",
        "van",
        "der",
        "den",
        "sur",
        "upon",
        "bin",
        "bani",
        "abu",
        "-",
        "'",
        "’",
        "y",
        "and",
    }
)
# Words that title a state in its official name ("Republic of Armenia").
STATE_TITLES = frozenset(
    {"republic", "kingdom", "emirate", "sultanate", "principality", "federation", "commonwealth"}
)
# What follows the place of a dateline written in capitals: "MEXICO CITY (AP) -",
# "ALLENDALE, N.J. --", "SEVERN, Md. (ABC7) —": where the report was filed, never metonymy.
_DATELINE = re.compile(r"(?:,\s*[A-Z][\w.]*)?\s*(?:\(|--|[—–-]\s)")
# Directions that, capitalised, are part of a region's name ("North Africa").
COMPASS_WORDS = DIRECTION_WORDS - {"new", "old"}
# Words between a place and the unit or city written right after it that holds it: "X, Y",
# "X (Y", "X Y", "X town in Y", "X area of Y city".
_HOLDER_GAP = re.compile(
    r"^(?:\s+(?P<part>area|neighbou?rhood|quarter|district|sector|zone|part|suburb|"
    r"locality|village|town|city))?(?P<link>\s*[,(]\s*|\s+(?:of|in)\s+(?:the\s+)?|\s+)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class MentionSpan:
    """A span of ``Article.text`` whose name key is in the gazetteer.

    ``relation`` is the spatial cue ("near", "distance", "road", "outskirts",
    "countryside", "border", "street") or None; ``admin_level`` 1/2 when the words say
    an admin unit is meant ("the Idlib governorate"), 0 when they say a town is meant
    ("the town of X"), None when they say nothing; ``locational`` is False for metonymy
    and swallowed names.
    """

    start: int
    end: int
    text: str
    key: str
    skeleton: str
    sentence: int
    ner_label: str
    relation: str | None
    relation_start: int
    admin_level: int | None
    locational: bool
    cue_end: int
    origin: bool  # where people came from ("migrants from X"), not where they acted
    locative: bool  # introduced by a locative preposition ("in X", "near X")
    # The name written right after this one as its container ("X, Y", "X in Y", "X area
    # of Y"): its start, and whether the words say this is a part of it ("area of").
    holder_start: int | None = None
    part_of_holder: bool = False

    @property
    def said_as_place(self) -> bool:
        """True when the words around the name say it is a place: "in X", "the town of
        X", "X province", "the X-Y road", "near X"."""
        return self.locative or self.admin_level is not None or self.relation is not None


def spot_mentions(
    parsed: ParsedArticle,
    is_name: Callable[[str], bool],
    is_skeleton: Callable[[str], bool],
    exclude: Iterable[str] = (),
) -> list[MentionSpan]:
    """Longest non-overlapping gazetteer names in ``parsed``, leftmost first.

    ``is_name``/``is_skeleton`` test a key against the gazetteer; ``exclude`` lists keys
    that are never places here (demonyms: "Syrian" is context, not a location).
    """
    doc = parsed.doc
    text = parsed.article.text
    blocked = set(exclude) | NOT_PLACES | _english_stop_words() | _lower_case_words(text)
    found: list[tuple[int, int, str, str]] = []  # token start, token end, key, skeleton
    for sentence in parsed.sentences:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        tokens = list(span)
        for i, first in enumerate(tokens):
            if not _can_start(first, tokens[i + 1] if i + 1 < len(tokens) else None):
                continue
            best: tuple[int, int, str, str] | None = None
            for j in range(i, min(i + MAX_NAME_TOKENS, len(tokens))):
                token = tokens[j]
                if j > i and not (_capitalised(token) or token.lower_ in INNER_WORDS):
                    break
                if not _capitalised(token):
                    continue
                key = name_key(text[first.idx : token.idx + len(token.text)])
                if not key or key in blocked:
                    continue
                skeleton = skeleton_key(key)
                if token.lower_ in SETTLEMENT_WORDS and j > i and not is_name(key):
                    continue  # "Sidon City" is Sidon, not a loose spelling of Sydney City
                # "London and Harare" is two names, however its skeleton spells Londonderry.
                loose_ok = skeleton and _fuzzy_ok(first, token) and "and" not in key.split()
                if is_name(key) or (loose_ok and is_skeleton(skeleton)):
                    best = (first.i, token.i + 1, key, skeleton)
            if best:
                found.append(best)
    kept = _longest_first(
        [(_with_direction(doc, _with_title(doc, s)), e, key, skel) for s, e, key, skel in found]
    )
    states = _state_abbreviations(doc, text, kept, is_name)
    kept = _longest_first(states + kept)
    abbreviated = {
        (doc[s:e].start_char, doc[s:e].end_char, key)
        for s, e, key, _ in states
        if key != name_key(doc[s:e].text)
    }
    covered = {i for s, e, _, _ in kept for i in range(s, e)}
    people = person_words(doc)
    mentions = [_describe(parsed, s, e, key, skel, covered, people) for s, e, key, skel in kept]
    return _link_holders(
        text,
        [
            # "Springfield, Ill.": an abbreviation (its key is not its words) names a state.
            replace(m, admin_level=1) if (m.start, m.end, m.key) in abbreviated else m
            for m in mentions
        ],
    )


def _with_direction(doc, start_tok: int) -> int:
    """The first token of a name with the capitalised direction written before it
    ("North Africa", "Western Europe"): the same place for resolution, but the name
    the text writes. Not in "Athens-Central Athens", ACLED's "town-district" names."""
    before = doc[start_tok - 1] if start_tok > 0 else None
    if before is None or not _capitalised(before) or before.lower_ not in COMPASS_WORDS:
        return start_tok
    return start_tok if start_tok > 1 and doc[start_tok - 2].text == "-" else start_tok - 1


def _with_title(doc, start_tok: int) -> int:
    """The first token of a country's name with the title written before it ("Republic of
    Armenia", "the Kingdom of Bahrain"): "Republic" alone is a town in Washington state."""
    i = start_tok - 1
    if i > 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ != "of" or doc[i - 1].lower_ not in STATE_TITLES:
        return start_tok
    first = i - 1
    while first > 0 and (_capitalised(doc[first - 1]) or doc[first - 1].text in POSSESSIVES):
        first -= 1  # "Democratic People's Republic of Korea"
    return first if _capitalised(doc[first]) else start_tok


def _state_abbreviations(
    doc, text: str, names: list[tuple[int, int, str, str]], is_name: Callable[[str], bool]
) -> list[tuple[int, int, str, str]]:
    """Token spans and keys of the state abbreviations written after ``names``; a name
    and its abbreviation that the gazetteer knows together ("Washington, D.C.") as one."""
    states = []
    for start_tok, end_tok, _, _ in names:
        found = state_after(text, doc[start_tok:end_tok].end_char)
        if found is None:
            continue
        span = doc.char_span(found[0], found[1], alignment_mode="expand")
        whole = name_key(text[doc[start_tok].idx : found[1]])
        if span is not None and is_name(whole):
            states.append((start_tok, span.end, whole, ""))
        elif span is not None and is_name(key := name_key(found[2])):
            states.append((span.start, span.end, key, ""))
    return states


def _link_holders(text: str, mentions: list[MentionSpan]) -> list[MentionSpan]:
    """Each mention with the name written right after it as its container, if any ("Reni,
    Odessa", "Kafr Nassij in Dar'a", "Palanpur area of Surat city")."""
    linked = []
    for i, mention in enumerate(mentions):
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        gap = (
            _HOLDER_GAP.match(text[mention.end : after.start])
            if after is not None and after.sentence == mention.sentence
            else None
        )
        if gap is None:
            linked.append(mention)
            continue
        link = gap.group("link").strip().lower()
        part = gap.group("part") is not None and link == "of"
        # "On 28 April, Carora, Lara state, drivers protested": a name placed in a named
        # unit is a place, even where the parse makes it the subject of the verb.
        locational = mention.locational or (link in (",", "(") and after.admin_level is not None)
        linked.append(
            replace(mention, holder_start=after.start, part_of_holder=part, locational=locational)
        )
    return linked


@functools.lru_cache(maxsize=1)
def _english_stop_words() -> frozenset[str]:
    """Function words ("Many", "Since", "Do") that capitalised match some village."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) - {"us"}  # "US" is the United States


def _lower_case_words(text: str) -> set[str]:
    """Words the article writes in lower case: capitalised elsewhere ("Ministry of
    Industry", "Recovery Street"), they are common words, not villages of that name.
    Parts of addresses and tags ("www.kabul.gov.af", "#idlib") do not count."""
    return set(re.findall(r"(?<![\w/@#.-])[a-z]+(?![\w/@-])(?!\.\w)", text))


def _capitalised(token) -> bool:
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


def _can_start(token, following) -> bool:
    if _capitalised(token):
        return True
    # "al-Hasakeh": a lower-case article joined by a hyphen to a capitalised name.
    return token.lower_ in ARTICLES and following is not None and following.text == "-"


def _fuzzy_ok(first, last) -> bool:
    """Skeleton matches only for proper nouns, which is where transliterations vary."""
    return first.pos_ == "PROPN" and last.pos_ == "PROPN"


def _longest_first(found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    taken: set[int] = set()
    kept = []
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        cover = set(range(item[0], item[1]))
        if cover & taken:
            continue
        taken |= cover
        kept.append(item)
    return sorted(kept)


# People named by where they live ("residents of Vikasnagar protested in Lucknow").
RESIDENT_NOUNS = frozenset(
    {"residents", "locals", "villagers", "inhabitants", "natives", "people", "citizens"}
)


def _said_as_origin(doc, start_tok: int) -> bool:
    """True for "migrants from X" and "residents of X": where people came from or live."""
    before = index_before(doc, start_tok)  # "of el Mina": past the article
    if before < 0 or doc[before].lower_ != "of":
        return before >= 0 and doc[before].lower_ == "from"
    return before > 0 and doc[before - 1].lower_ in RESIDENT_NOUNS


def _is_dateline(span, text: str) -> bool:
    """True for "MEXICO CITY (AP) -": a place in capitals before an agency or a dash."""
    return span.text.isupper() and _DATELINE.match(text, span.end_char) is not None


def _describe(
    parsed: ParsedArticle,
    start_tok: int,
    end_tok: int,
    key: str,
    skeleton: str,
    covered: set[int],
    people: frozenset[str],
) -> MentionSpan:
    doc = parsed.doc
    text = parsed.article.text
    span = doc[start_tok:end_tok]
    start, end = span.start_char, span.end_char
    sentence = next((s for s in parsed.sentences if s.start <= start < s.end), None)
    sent_start = sentence.start if sentence else 0
    sent_end = sentence.end if sentence else len(text)
    before = text[max(sent_start, start - CUE_WINDOW) : start]
    after = text[end : min(sent_end, end + CUE_WINDOW)]
    relation, relation_start, cue_end = read_relation(before, after, start, end)
    return MentionSpan(
        start=start,
        end=end,
        text=span.text,
        key=key,
        skeleton=skeleton,
        sentence=sentence.index if sentence else -1,
        ner_label=ner_label(span),
        relation=relation,
        relation_start=relation_start,
        admin_level=admin_level(before, after),
        # "blocked the Zahle roundabout": a site at the town, however the parse reads it.
        locational=_is_dateline(span, text)
        or (
            (is_locational(span, covered, people) or relation == "near" and cue_end > end)
            and not is_partial(span, covered)
        ),
        cue_end=cue_end,
        origin=relation is None and _said_as_origin(doc, start_tok),
        locative=word_before(doc, start_tok) in LOCATIVE_WORDS
        # "in Mulange (Mulanje, Southern)": apposed to a named place
        or (span.root.dep_ in ("appos", "conj", "npadvmod") and span.root.head.i in covered)
        or relation == "near"
        and cue_end > end,  # "the Zahle roundabout"
    )
