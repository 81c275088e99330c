"""Read the words around a place name: what they make of it.

A span's neighbours say whether it names a place at all ("Moscow said", "the US dollar",
a name inside "Syrian Observatory for Human Rights" do not), whether a town or an admin
unit is meant ("the town of X", "the X governorate"), and how the event relates to it
("20 km north of X", "the road from A to B", "X countryside"), which decides ACLED's
geo_precision. ``mentions.spot_mentions`` asks these questions of every span it finds.
"""

from __future__ import annotations

import calendar
import re

from eventcoder.extract.places.names import ARTICLES

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
        "easter",  # feasts and weather, which loose spellings make towns (Estero, El Nino)
        "christmas",
        "ramadan",
        "eid",
        "el nino",
        "la nina",
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
# Arabic articles that are English words too: alone before a name they are English.
ENGLISH_WORDS = frozenset(["at", "as", "an"])
# The possessive ending as spaCy splits it off ("Derry" "'s").
POSSESSIVES = frozenset({"'s", "’s"})
# Capitalised words that follow a name without being part of it: dates, and the small
# words of a title-case headline ("Projects in Canada That Got it Right").
TITLE_CASE_WORDS = frozenset(
    [m.lower() for m in calendar.month_name[1:] + calendar.day_name[:]]
    + ["that", "which", "who", "where", "when", "is", "was", "are", "were", "has", "had"]
    + ["the", "a", "will", "to", "for", "and", "or", "but", "with", "from", "on"]
)
# Prepositions that put what follows at a place ("in X"), unlike "of" or "from".
AT_WORDS = frozenset(["in", "at", "near", "outside", "inside", "around"])
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
# Buildings and streets, which a town's name in the possessive owns ("Harare's Third Street").
_BUILDINGS = (
    r"(?:hospital|street|road|avenue|square|market|mosque|church|school|university|"
    r"stadium|hall|park|hotel|court|cathedral|museum|library)"
)
# A site named after the town before it: a facility word, or one word then a facility word
# ("Donetsk Airport", "Donetsk Filtration Station"); read on lower-cased text.
_SITE_AFTER = re.compile(r"^\s+(?:[a-z]+\s+)?" + _FACILITIES + r"\b")
_AFTER: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "countryside",
        re.compile(
            r"^(?:'s)?\s*(?:countryside|rural areas?|outskirts|suburbs|"
            r"surroundings|environs|vicinity|hinterland)\b"
        ),
    ),
    # "the Kahnuj-Ghale Ganj road": a road to a town of one or two words.
    ("road", re.compile(r"^\s*-\s*\S+(?:\s+\S+)?\s+(?:road|highway)\b")),
    # A road named after a town ("on Murree road in Rawalpindi", "the Halba highway"):
    # the town itself only when nothing else is named.
    ("street", re.compile(r"^\s+(?:road|street|avenue|highway|boulevard)\b")),
    # "Donetsk Airport", "Rafah crossing", "Donetsk Filtration Station": a site at the
    # edge of the town.
    ("near", _SITE_AFTER),
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
# How far around a span cues are read, in characters (a clause, not the whole sentence).
CUE_WINDOW = 90


def word_before(doc, start_tok: int) -> str:
    """The lower-cased word before a name, skipping a lower-case Arabic article ("in el
    Hermel": "in"); "" at the start of the text."""
    before = index_before(doc, start_tok)
    return doc[before].lower_ if before >= 0 else ""


def index_before(doc, start_tok: int) -> int:
    """The token index of the word before a name, past a lower-case Arabic article; -1 at
    the start of the text."""
    before = start_tok - 1
    if before > 0 and doc[before].text in ARTICLES:
        before -= 1
    return before


def admin_level(before: str, after: str) -> int | None:
    match = _ADMIN_AFTER.search(after) or _ADMIN_BEFORE.search(before)
    if match:
        return 2 if match.group(1).lower() in ADMIN2_WORDS else 1
    if _TOWN_CUE.search(before) or _TOWN_AFTER.search(after):
        return 0
    return None


def ner_label(span) -> str:
    labels = {t.ent_type_ for t in span if t.ent_type_}
    return labels.pop() if len(labels) == 1 else ""


def is_partial(span, covered: set[int]) -> bool:
    """True when capitalised words glue onto the name: "Jabal al-Zawiya" is not Zawiya,
    "Ghadir al Bostan" not Boston, "Central Zone" not the village Central, "Ahim
    Junction" not Ahim; "Busra Esh-Sham", "Valenzuela City" and "Donetsk Airport" are.
    ``covered`` holds the tokens of other spotted names."""
    doc = span.doc
    i = span.start - 1
    # "Ghadir al Bostan", "Jabal al-Zawiya"; but "fire at Uri sector" ("at" is English).
    if i > 0 and doc[i].lower_ in ARTICLES - ENGLISH_WORDS | {"-"}:
        i -= 1
        if doc[i].text == "-" and i > 0:
            i -= 1
    before = doc[i] if i >= 0 and i < span.start else None
    if before is not None and doc[span.start - 1].text == "-" and before.i in covered:
        before = None  # "the Amsterdam-London leg", "the Syria-Turkey border": two places
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
        and after.lower_ not in TITLE_CASE_WORDS  # "arrive in Lagos April 4"
        and after.lower_ not in SETTLEMENT_WORDS
        and not _ADMIN_AFTER.match(after.text)  # "North Governorate" is a cue
        # "Donetsk Airport", "Donetsk Filtration Station" are near Donetsk
        and not _SITE_AFTER.match(doc.text[span.end_char : span.end_char + CUE_WINDOW].lower())
    )
    return glued_before or glued_after


def _possessive(span) -> bool:
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return following is not None and following.lower_ in POSSESSIVES


def _is_site(ent) -> bool:
    """A building, street or facility by its last word ("... Hospital", "Third Street")."""
    return bool(re.fullmatch(_FACILITIES + "|" + _BUILDINGS, ent[-1].lower_))


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


def is_locational(span, covered: set[int], person_words: frozenset[str]) -> bool:
    """False for "Moscow said" (metonymy), "US dollar" (modifier), names inside longer
    person or organisation names ("Salim Abu Ahmed", "Syrian Observatory ...") and words of
    a person's name (``person_words``) said alone."""
    for ent in span.doc.ents:
        if ent.label_ in SWALLOWING_LABELS and ent.start <= span.start and span.end <= ent.end:
            if ent.start == span.start and _possessive(span) and _is_site(ent):
                continue  # "Derry's Altnagelvin Hospital": the town owns the site
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
    if (
        len(span) == 1
        and span.text in person_words
        and word_before(span.doc, span.start) not in AT_WORDS
    ):
        return False  # "Kelly said" after "John Kelly": the person, not a town Kelly
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
    if word_before(span.doc, span.start) in AT_WORDS:
        return True  # "rioters in Tripoli and Military forces clashed": misparsed, but "in"
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


def person_words(doc) -> frozenset[str]:
    """The words of the article's full person names ("John Kelly", "Mohamed Salah"): the
    same word alone elsewhere names that person again (one sense per discourse)."""
    return frozenset(
        t.text
        for ent in doc.ents
        if ent.label_ == "PERSON" and len(ent) > 1 and not any(map(_not_of_a_name, ent))
        for t in ent
        if t.is_alpha
    )


def _not_of_a_name(token) -> bool:
    """A word no person's name has: lower-case ("Guru ki Wadali" is a village) or a unit
    ("Toungo LGA" and "Mopti Commune" are tagged PERSON by the small model)."""
    return token.is_lower or token.lower_ in ADMIN2_WORDS | SETTLEMENT_WORDS | NOT_PLACES


def read_relation(before: str, after: str, start: int, end: int) -> tuple[str | None, int, int]:
    """The spatial cue around a name at ``start:end`` of the text, from the text just
    ``before`` and ``after`` it: (relation or None, where the cue starts, where it ends)."""
    for name, pattern in _BEFORE:
        match = pattern.search(before.lower())
        if match:
            return name, start - len(before) + match.start(), end
    for name, pattern in _AFTER:
        match = pattern.search(after.lower())
        if match:
            return name, start, end + match.end()
    return None, start, end
