"""Spot named sites that no gazetteer of towns holds: streets, buildings, venues, roads
and natural features ("Royal Street", "Altnagelvin Hospital", "the A417", "Lake Manassas").

A site is a run of capitalised words ending in a word for a kind of site ("... Street",
"... Hospital"), or starting with one ("Lake X", "Mount X", "University of X"), or a
British or Syrian road number after "the" ("the A417", "the M5 highway"). It lies in
the town the article places it in, so ``Geoparser.find_places`` puts it at the place
named inside it ("Manila Cathedral"), else the nearest place of its sentence, else the
nearest of the article. Sites are mentions for the reader; an event is still coded at the
town, as ACLED does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventcoder.extract.places.cues import POSSESSIVES, TITLE_CASE_WORDS
from eventcoder.records import ParsedArticle

# Last words of site names (lower case); "St." and "Ave." are read without the dot.
SITE_ENDINGS = frozenset(
    {
        "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "lane",
        "highway", "square", "bridge", "airport", "station", "stadium", "arena", "center",
        "centre", "hospital", "church", "cathedral", "basilica", "chapel", "mosque",
        "temple", "synagogue", "school", "college", "university", "hall", "theatre",
        "theater", "museum", "library", "prison", "jail", "courthouse", "park", "estate",
        "market", "mall", "hotel", "castle", "tower", "palace", "gardens", "racecourse",
        "river", "lake", "lagoon", "mountains", "island", "islands", "ocean", "sea", "bay",
        "canal", "plantation", "camp", "checkpoint", "base", "port", "harbour", "harbor",
    }
)  # fmt: skip
# First words of site names written the other way round ("Lake Manassas", "Mount Chaambi").
SITE_STARTS = frozenset({"lake", "mount", "cape", "point", "fort"})
# Words that head a site name with "of" ("University of X", "Gulf of Aden", "Sea of Azov").
OF_HEADS = frozenset({"university", "college", "school", "museum", "gulf", "bay", "sea"})
DIRECTIONS = frozenset({"north", "south", "east", "west"})
# Small words inside a site name ("University of St. Thomas", "Bains and Grants Town").
_INNER = frozenset({"of", "the", "de", "and", "&", "-"})
MAX_SITE_TOKENS = 6
# Road numbers: British A/B/M roads, Syrian M roads ("the M5 highway"), US interstates.
_ROAD = re.compile(r"(?<=\bthe )(?:[ABM]\d{1,4}|I-\d{1,3})\b(?! (?:rifle|carbine|tank|helicopter))")
# Words that start a sentence or a clause and are capitalised for that alone.
_OPENERS = frozenset({"the", "a", "an", "in", "at", "on", "from", "to", "by", "near", "and"})


@dataclass(frozen=True, slots=True)
class SiteSpan:
    """A named site: its offsets in the article text and its words."""

    start: int
    end: int
    text: str


def spot_sites(parsed: ParsedArticle) -> list[SiteSpan]:
    """Named sites in ``parsed``, leftmost first, none inside another."""
    doc = parsed.doc
    text = parsed.article.text
    spans: list[tuple[int, int]] = []
    for token in doc:
        word = token.lower_.rstrip(".")
        if not _capitalised(token) or _inside_a_name(token):
            continue
        glued = token.i > 0 and _capitalised(doc[token.i - 1]) and not token.is_sent_start
        if word in SITE_ENDINGS and glued:
            first, last = _extend_left(doc, token.i), _extend_right(doc, token.i)
        elif word in SITE_STARTS | OF_HEADS and not glued:
            first, last = token.i, _name_after(doc, token.i)
        else:
            continue
        if first < last and not all(t.is_upper for t in doc[first : last + 1] if t.is_alpha):
            spans.append((doc[first].idx, doc[last].idx + len(doc[last].text)))
    spans += [(m.start(), m.end()) for m in _ROAD.finditer(text)]
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return [SiteSpan(start, end, text[start:end]) for start, end in kept]


def _inside_a_name(token) -> bool:
    """True for "Park" in "President Park Geun-hye": a person's name goes on after it."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.ent_type_ == "PERSON" and following is not None and following.ent_iob_ == "I"


def _capitalised(token) -> bool:
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


def _extend_left(doc, i: int) -> int:
    """First token of the capitalised run that ends at token ``i`` (at most
    ``MAX_SITE_TOKENS`` long): "Crossroads Correctional Center", "St George's Chapel"."""
    sent_start = max(doc[i].sent.start, i - MAX_SITE_TOKENS + 1)
    start = i
    for j in range(i - 1, sent_start - 1, -1):
        token = doc[j]
        if token.text in POSSESSIVES:
            if j != i - 1:
                break  # "Derry's Altnagelvin Hospital": the town owns the site
            continue  # "Alder Hey Children's Hospital"
        if _capitalised(token) or token.text[:1].isdigit():
            start = j
        elif not (token.lower_ in _INNER and j > sent_start and _capitalised(doc[j - 1])):
            break
    while start < i and doc[start].lower_ in _OPENERS:
        start += 1  # "At Memorial Hospital" opening a sentence is "Memorial Hospital"
    return start


def _extend_right(doc, i: int) -> int:
    """Last token of a site name whose last word is token ``i``, past a direction
    ("Eglinton Avenue West") or an "of" name ("University of California")."""
    following = doc[i + 1] if i + 1 < doc[i].sent.end else None
    if following is not None and following.lower_ in DIRECTIONS:
        return i + 1
    if doc[i].lower_ in OF_HEADS:
        return _name_after(doc, i)
    return i


def _name_after(doc, i: int) -> int:
    """Last token of the capitalised name right after token ``i`` ("Lake Manassas",
    "Gulf of Aden"), or ``i`` when none follows."""
    j = i + 1
    end = min(doc[i].sent.end, i + MAX_SITE_TOKENS)
    if j < end and doc[j].lower_ == "of" and doc[i].lower_ in OF_HEADS:
        j += 1 + (j + 1 < end and doc[j + 1].lower_ == "the")
    last = i
    while j < end and _capitalised(doc[j]) and doc[j].lower_ not in TITLE_CASE_WORDS:
        last = j
        j += 1
    return last
