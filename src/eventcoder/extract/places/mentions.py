"""Spot place-name candidates in a parsed article and read the words around them.

spaCy's small model misses many toponyms (it tags "Binnish" as a nationality), so spans
come from the gazetteer: every run of capitalised tokens (with "al-", "de", "of" inside)
whose name key is a gazetteer name is a candidate, whatever NER says. NER and the parse
are used only as cues: a span inside a longer person or organisation name, or the subject
of a verb ("Moscow said"), is kept for context but marked non-locational.

The words around a span say how the place relates to the event ("20 km north of X",
"the road from A to B", "X countryside", "the X governorate"), which decides ACLED's
geo_precision and whether an admin unit or a town is meant.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

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
# Capitalised words that start sentences or titles and match some village somewhere.
NOT_PLACES = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "god",
        "allah",
        "president",
        "minister",
        "police",
        "army",
        "prev",
        "next",
        "follow",
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "col",
        "the",
        "this",
        "on",
        "in",
        "at",
        "as",
        "but",
        "after",
        "before",
        "during",
        "around",
        "about",
        "unknown",
        "islamic state",
        "taliban",
        "reuters",
        "associated press",
        "covid",
        "coronavirus",
        "a",
        "an",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "his",
        "her",
        "its",
        "their",
        "there",
        "these",
        "those",
        "some",
        "all",
        "no",
        "yes",
        "one",
        "two",
        "three",
        "governorate",
        "province",
        "district",
        "region",
        "state",
        "county",
        "city",
        "town",
        "village",
    }
)
# Entity labels whose longer spans swallow a place name ("Syrian Observatory ..." is an
# organisation, "Salim Abu Ahmed" a person): the place inside is not where things happen.
# (The model's other labels, WORK_OF_ART or EVENT, are too noisy on place lists.)
SWALLOWING_LABELS = frozenset({"PERSON", "ORG"})
# Things named after a place: "US dollar" or "Molotov cocktail" (Molotov was Perm's name)
# is never a place, however it is parsed.
THING_WORDS = frozenset(["dollar", "dollars", "pound", "euro", "currency", "cocktail", "cocktails"])
# Nouns that a place name modifies when it stands for a state or a group, not a location
# ("US dollar", "Afghan army", "Tarabin tribe").
NON_LOCATIONAL_HEADS = THING_WORDS | frozenset(
    [
        "government",
        "army",
        "forces",
        "military",
        "troops",
        "officials",
        "embassy",
        "consulate",
        "president",
        "authorities",
        "tribe",
        "clan",
        "family",
        "militia",
        "brigade",
        "battalion",
        "regiment",
        "party",
        "ministry",
        "regime",
        "media",
        "television",
        "press",
        "state",
        "national",
        "nationals",
        "citizens",
        "league",
    ]
)
# Words that make the name before them a part of a city, not a town of that name: the
# event is in the city named around it.
NEIGHBOURHOOD_WORDS = frozenset(
    ["neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods"]
)
# Capitalised words after a name that belong to it without making another place.
SETTLEMENT_WORDS = frozenset(["city", "town", "village", "municipality", "camp"])
# Capitalised words that may precede a place name without making it part of a longer one.
DIRECTION_WORDS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "greater",
        "new",
        "old",
    ]
)
# Prepositions that introduce a location ("in Binnish", "near Kabul").
LOCATIVE_WORDS = frozenset(
    [
        "in",
        "at",
        "near",
        "from",
        "to",
        "into",
        "outside",
        "around",
        "across",
        "towards",
        "toward",
        "via",
        "of",
        "between",
        "and",
    ]
)
# Verbs whose subject stays a place ("Kabul lies", "the town sits on the river").
LOCATION_VERBS = frozenset(
    [
        "be",
        "lie",
        "sit",
        "stand",
        "border",
        "host",
        "remain",
        "become",
        "have",
        "see",
        "witness",
        "experience",
        "suffer",
        "face",
    ]
)

_DIRS = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
_TOWN = r"(?:the\s+)?(?:(?:town|city|village|area|district|province|governorate)\s+of\s+)?"
# Cues read in the text just before a span (matched at its end) or just after it.
_BEFORE: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "distance",
        re.compile(
            r"\b(?:\d+(?:[.,]\d+)?|a few|several|some|about \d+)\s*-?\s*(?:km|kms|kilometers|"
            r"kilometres|miles|mi)\b[^.;]{0,30}?(?:of|from)\s+" + _TOWN + r"$"
        ),
    ),
    (
        "road",
        re.compile(
            r"\b(?:road|highway|motorway|route)\b[^.;]{0,40}?\b(?:from|between|"
            r"linking|connecting|of)\s+" + _TOWN + r"$"
        ),
    ),
    (
        "road",
        re.compile(
            r"\b(?:road|highway|motorway|route)\b[^.;]{0,40}?\b(?:from|between|"
            r"linking|connecting)\s+\S[^.;]{0,40}?\s(?:to|and|with)\s+" + _TOWN + r"$"
        ),
    ),
    (
        "outskirts",
        re.compile(
            r"\b(?:outskirts|suburbs?|edge|environs|periphery|"
            r"outside)\s+(?:of\s+)?" + _TOWN + r"$"
        ),
    ),
    (
        "countryside",
        re.compile(
            r"\b(?:countryside|rural areas?|villages|vicinity|surroundings)"
            r"\s+of\s+" + _TOWN + r"$"
        ),
    ),
    ("border", re.compile(r"\bborders? (?:with|of|between)\s+(?:the\s+)?$")),
    (
        "near",
        re.compile(
            r"\b(?:near|nearby|close to|next to|not far from|around|in the "
            r"vicinity of|" + _DIRS + r"\s+of)\s+" + _TOWN + r"$"
        ),
    ),
)
_FACILITIES = (
    r"(?:airport|air base|airbase|station|bridge|dam|junction|crossing|checkpoint|camp|"
    r"port|prison|base|roundabout|interchange)"
)
_AFTER: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "countryside",
        re.compile(
            r"^(?:'s)?\s*(?:countryside|rural areas?|outskirts|suburbs|"
            r"surroundings|environs|vicinity|hinterland)\b"
        ),
    ),
    ("road", re.compile(r"^\s*-\s*\S+\s+(?:road|highway)\b")),
    # A road named after a town ("on Murree road in Rawalpindi", "the Halba highway"):
    # the town itself only when nothing else is named.
    ("street", re.compile(r"^\s+(?:road|street|avenue|highway|boulevard)\b")),
    # "Donetsk Airport", "Rafah crossing", "Donetsk Filtration Station": a site at the
    # edge of the town.
    ("near", re.compile(r"^\s+(?:[a-z]+\s+)?" + _FACILITIES + r"\b")),
    ("border", re.compile(r"^[^.;]{0,40}?\b(?:near|close to|along|on) the (?:\w+\s+)?border\b")),
)
# Words after a name that say an admin unit is meant, with the level they point to.
_ADMIN_AFTER = re.compile(
    r"^\s*(governorate|province|region|state|oblast|prefecture|department|county|district|"
    r"municipality|division|emirate|territory|rayon|raion|muhafazah|wilayah?|lga|township|"
    r"tehsil|commune)\b",
    re.I,
)
_ADMIN_BEFORE = re.compile(
    r"\b(governorate|province|region|state|county|district|municipality|department)"
    r"\s+of\s+(?:the\s+)?$",
    re.I,
)
_TOWN_CUE = re.compile(
    r"(?:\b(?:town|city|village|hamlet|neighbou?rhood)\s+of\s+(?:the\s+)?$)", re.I
)
_TOWN_AFTER = re.compile(r"^\s*(?:town|city|village)\b", re.I)
# Local government areas (Nigeria), townships (Myanmar), tehsils (South Asia) and communes
# (Burundi, Sahel) are second-level units as ACLED codes them; written after a name they
# never make it an organisation's ("Ado LGA").
LOCAL_UNIT_WORDS = frozenset({"lga", "township", "tehsil", "commune"})
ADMIN2_WORDS = (
    frozenset({"district", "county", "municipality", "rayon", "raion", "division"})
    | LOCAL_UNIT_WORDS
)
# Words between a place and the unit or city written right after it that holds it: "X, Y",
# "X (Y", "X Y", "X town in Y", "X area of Y city".
_HOLDER_GAP = re.compile(
    r"^(?:\s+(?P<part>area|neighbou?rhood|quarter|district|sector|zone|part|suburb|"
    r"locality|village|town|city))?(?P<link>\s*[,(]\s*|\s+(?:of|in)\s+(?:the\s+)?|\s+)$",
    re.IGNORECASE,
)
# How far around a span cues are read, in characters (a clause, not the whole sentence).
CUE_WINDOW = 90


def _word_before(doc, start_tok: int) -> str:
    """The lower-cased word before a name, skipping a lower-case Arabic article ("in el
    Hermel": "in"); "" at the start of the text."""
    before = start_tok - 1
    if before > 0 and doc[before].text in ARTICLES:
        before -= 1
    return doc[before].lower_ if before >= 0 else ""


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
    blocked = set(exclude) | NOT_PLACES | _english_stop_words()
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
                if is_name(key) or (skeleton and _fuzzy_ok(first, token) and is_skeleton(skeleton)):
                    best = (first.i, token.i + 1, key, skeleton)
            if best:
                found.append(best)
    kept = _longest_first(found)
    covered = {i for s, e, _, _ in kept for i in range(s, e)}
    return _link_holders(
        text, [_describe(parsed, s, e, key, skel, covered) for s, e, key, skel in kept]
    )


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
        part = gap.group("part") is not None and gap.group("link").strip().lower() == "of"
        linked.append(replace(mention, holder_start=after.start, part_of_holder=part))
    return linked


@functools.lru_cache(maxsize=1)
def _english_stop_words() -> frozenset[str]:
    """Function words ("Many", "Since", "Do") that capitalised match some village."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) - {"us"}  # "US" is the United States


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


def _describe(
    parsed: ParsedArticle, start_tok: int, end_tok: int, key: str, skeleton: str, covered: set[int]
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
    relation, relation_start, cue_end = None, start, end
    for name, pattern in _BEFORE:
        match = pattern.search(before.lower())
        if match:
            relation, relation_start = name, start - len(before) + match.start()
            break
    if relation is None:
        for name, pattern in _AFTER:
            match = pattern.search(after.lower())
            if match:
                relation, cue_end = name, end + match.end()
                break
    return MentionSpan(
        start=start,
        end=end,
        text=span.text,
        key=key,
        skeleton=skeleton,
        sentence=sentence.index if sentence else -1,
        ner_label=_ner_label(span),
        relation=relation,
        relation_start=relation_start,
        admin_level=_admin_level(before, after),
        locational=_locational(span, covered) and not _partial(span),
        cue_end=cue_end,
        origin=relation is None and _word_before(doc, start_tok) == "from",
        locative=_word_before(doc, start_tok) in LOCATIVE_WORDS
        # "in Mulange (Mulanje, Southern)": apposed to a named place
        or (span.root.dep_ in ("appos", "conj", "npadvmod") and span.root.head.i in covered)
        or relation == "near"
        and cue_end > end,  # "the Zahle roundabout"
    )


def _admin_level(before: str, after: str) -> int | None:
    match = _ADMIN_AFTER.search(after) or _ADMIN_BEFORE.search(before)
    if match:
        return 2 if match.group(1).lower() in ADMIN2_WORDS else 1
    if _TOWN_CUE.search(before) or _TOWN_AFTER.search(after):
        return 0
    return None


def _ner_label(span) -> str:
    labels = {t.ent_type_ for t in span if t.ent_type_}
    return labels.pop() if len(labels) == 1 else ""


def _partial(span) -> bool:
    """True when capitalised words glue onto the name: "Jabal al-Zawiya" is not Zawiya,
    "Ghadir al Bostan" not Boston, "Central Zone" not the village Central, "Ahim
    Junction" not Ahim; "Busra Esh-Sham", "Valenzuela City" and "Donetsk Airport" are."""
    doc = span.doc
    i = span.start - 1
    if i > 0 and doc[i].lower_ in ARTICLES | {"-"}:  # "Ghadir al Bostan", "Jabal al-Zawiya"
        i -= 1
        if doc[i].text == "-" and i > 0:
            i -= 1
    before = doc[i] if i >= 0 and i < span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    glued_before = (
        before is not None
        and not before.is_sent_start
        and before.is_alpha
        and before.text[:1].isupper()
        and before.lower_ not in DIRECTION_WORDS
        and before.lower_ not in NOT_PLACES
    )
    glued_after = (
        after is not None
        and after.is_alpha
        and after.text[:1].isupper()
        and after.lower_ not in ARTICLES
        and after.lower_ not in SETTLEMENT_WORDS
        and not _ADMIN_AFTER.match(after.text)  # "North Governorate" is a cue
        and not _names_site(doc, span.end)  # "Donetsk Airport" is near Donetsk
    )
    return glued_before or glued_after


def _names_site(doc, i: int) -> bool:
    """True when the words from token ``i`` name a site by the town before them: a
    facility word, or one word then a facility word ("Donetsk Filtration Station")."""
    return any(j < len(doc) and re.fullmatch(_FACILITIES, doc[j].lower_) for j in (i, i + 1))


def _glued(span, ent) -> list:
    """Words of ``ent`` joined to ``span`` without punctuation ("Surman (Azzawya)" is two
    names, "Syrian Observatory for Human Rights" one)."""
    doc = span.doc
    words = []
    i = span.start - 1
    while i >= ent.start and not _separates(doc[i]):
        words.append(doc[i])
        i -= 1
    i = span.end
    while i < ent.end and not _separates(doc[i]):
        words.append(doc[i])
        i += 1
    return words


def _separates(token) -> bool:
    """Punctuation between names, but not a possessive ("International Workers' Day")."""
    return token.is_punct and token.tag_ != "POS"


def _locational(span, covered: set[int]) -> bool:
    """False for "Moscow said" (metonymy), "US dollar" (modifier) and names inside longer
    person or organisation names ("Salim Abu Ahmed", "Syrian Observatory ...")."""
    for ent in span.doc.ents:
        if ent.label_ in SWALLOWING_LABELS and ent.start <= span.start and span.end <= ent.end:
            if re.fullmatch(_FACILITIES, span.doc[ent.end - 1].lower_):
                continue  # "near Donetsk Filtration Station": a site at or by the town
            # Words of the entity that are not place names themselves ("Bamako (Bamako)"
            # and "Rafah (Rafah, North Sinai)" are lists of places, not organisations).
            # Nor is "Ado LGA" ("Harare City Council" and "Washington State University" are).
            extra = [
                t
                for t in _glued(span, ent)
                if t.i not in covered and t.text[:1].isupper() and t.lower_ not in LOCAL_UNIT_WORDS
            ]
            if extra:
                return False
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if following is not None and following.lower_ in THING_WORDS:
        return False  # "the US dollar exchange rate", parsed with "dollar" beside "US"
    if following is not None and following.lower_ in NEIGHBOURHOOD_WORDS:
        return False  # "in Bom Jardim neighborhood" of Fortaleza, not the town Bom Jardim
    root = span.root
    head = root
    for _ in range(3):  # "the US dollar exchange rate": up the noun phrase
        if head.dep_ not in ("compound", "amod", "nmod", "poss") or head.head is head:
            break
        low, high = sorted((head.i, head.head.i))
        if any(t.is_punct for t in span.doc[low + 1 : high]):
            break  # "... in eastern Ukraine - defence ministry": a headline's source
        head = head.head
        if head.lower_ == "state":
            continue  # "in Kano state" names the unit; "Kano state government" does not
        if head.lower_ in NON_LOCATIONAL_HEADS:  # "Russia's government", "US dollar"
            return False
    while root.dep_ == "conj" and root.head is not root:  # "Russia and Turkey agreed"
        root = root.head
    # The active subject of a verb acts: "Russia denied", "Moscow launched" (metonymy);
    # but not when the verb has another subject ("On 4 May, Barinas, Barinas state,
    # residents burned tires": a misparsed scene-setting place).
    other_subjects = [
        t for t in root.head.children if t.dep_ == "nsubj" and t.i != root.i and t.i > root.i
    ]
    return not (
        root.dep_ == "nsubj"
        and root.head.pos_ in ("VERB", "AUX")
        and root.head.lemma_ not in LOCATION_VERBS
        and not other_subjects
    )
