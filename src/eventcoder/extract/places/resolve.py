"""Choose one gazetteer entry per spotted name, from the article's context.

Scores add up evidence a human coder would use: population (big places are mentioned
more), the countries the article names or whose places dominate it, the admin units it
names ("X in Y province"), the unit or town written right after it ("Reni, Odessa"),
places already pinned down nearby, and what the words around the name say ("the X
governorate" is the admin unit, "the town of X" the town). Only names used as places
count as context: "the US dollar" puts no event in the United States. A name is kept as
a place only when its best reading is plausible in this article, which is what stops
"Police" (Poland) or "Rebels" from becoming places.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from eventcoder.extract.places.gazetteer import Place
from eventcoder.extract.places.mentions import MentionSpan
from eventcoder.extract.places.names import name_key, skeleton_key
from eventcoder.geo import haversine_km

# Score weights (log10 population is 0-7). A named or dominant country outweighs any
# population gap between namesakes in different countries (Tripoli, Lebanon vs Libya).
W_NAMED_COUNTRY = 4.0
W_DOMINANT_COUNTRY = 2.0
W_FOREIGN = -4.0  # a place outside every country in play
W_ADMIN_CONTEXT1 = 3.0  # its province is named elsewhere in the article
W_ADMIN_CONTEXT2 = 2.0  # its district is named elsewhere
W_NEAR_ANCHOR = 1.5  # within ANCHOR_KM of another place pinned down in the article
W_ADMIN_CUE = 5.0  # "the X governorate" and X is an admin unit of that level
W_TOWN_CUE = 2.0  # "the town of X" and X is a populated place
W_TOWN_DEFAULT = 1.0  # a bare name is the town more often than the province named after it
W_HOLDS_NAMED = 4.0  # an admin unit that holds another place named in the same sentence
W_SKELETON = -3.0  # spelling matched only loosely
W_OWN_NAME = 2.0  # "Puno" is Puno, Peru, before Pune, India, which some call Puno
W_COUNTRY_NAME = 4.5  # "Syria" is the country, not a hamlet called Syria; "Mexico" not Mexico City
# A reading that another name in its sentence corroborates ("Phagwara city (Punjab)",
# "Saabid village (Afgooye, Lower Shabelle)"): the pair agrees on one country and region.
W_CORROBORATED = 3.0
# A reading in the country of the unit or town written right after the name ("Reni,
# Odessa"); near that town, it also counts as near an anchor.
W_HELD = 4.0
# "X (X)" and "X, X state": a repeated name is its own unit only right after itself.
NAMESAKE_GAP = 3
# How much a name with a big namesake in another country vouches for its own reading's
# country: "the Tripoli-Beirut highway" is in Lebanon, where Beirut has no rival.
AMBIGUOUS_SUPPORT = 0.5
ADMIN_PRIOR = 4.0  # prior of an admin unit, as for a town of 10,000
ANCHOR_KM = 60.0
# Plausibility: outside the countries in play, only places this big are believable.
MIN_FOREIGN_POPULATION = 100_000
# ... or this big when the words say it is a place ("in X", "the town of X").
MIN_SAID_POPULATION = 20_000
# A loose (skeleton) match must still look like the name: Binnsh ~ Binnish, not Black ~ Bratsk.
MIN_LOOSE_SIMILARITY = 75
# All-capital names this short are codes: only countries ("US", "UAE") are written so.
MAX_CODE_LENGTH = 4
# Regions named by a direction alone ("Southern", "Eastern" provinces exist in a dozen
# countries).
DIRECTION_NAMES = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"]
)
# Names this short are common words or codes ("No", "US") unless the article supports them.
MIN_FOREIGN_KEY_LENGTH = 4
# spaCy labels that vouch for a span being a place even when the gazetteer prior is weak.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class ResolvedPlace:
    """A place mention in the text with the gazetteer entry chosen for it.

    ``start``/``end`` index ``Article.text``; ``country`` is the ISO alpha-2 code;
    ``feature`` PPL, SPOT, ADM1, ADM2, ADM3 or PCLI; ``relation`` the spatial cue around the
    mention ("near", "distance", "road", "outskirts", "countryside", "border", "street") or None;
    ``is_locational`` False for metonymy ("Moscow said") and names inside other names.
    """

    start: int
    end: int
    text: str
    sentence: int
    name: str
    geonameid: int
    latitude: float
    longitude: float
    country: str
    admin1: str | None
    admin2: str | None
    admin3: str | None
    feature: str
    population: int
    is_locational: bool
    relation: str | None
    relation_start: int
    cue_end: int
    matched: str  # "exact" or "skeleton"
    confidence: float
    origin: bool  # "migrants from X": where people came from, not where they acted
    holder_start: int | None  # the place written after it as its container ("X, Y")
    part_of_holder: bool  # "X area of Y": a part of that place

    @classmethod
    def reading(
        cls,
        place: Place,
        *,
        start: int,
        end: int,
        text: str,
        sentence: int,
        is_locational: bool,
        relation: str | None,
        relation_start: int,
        cue_end: int,
        matched: str,
        confidence: float,
        origin: bool = False,
        holder_start: int | None = None,
        part_of_holder: bool = False,
    ) -> ResolvedPlace:
        """The mention at ``start:end`` read as gazetteer entry ``place``."""
        return cls(
            start=start,
            end=end,
            text=text,
            sentence=sentence,
            name=place.name,
            geonameid=place.gid,
            latitude=place.lat,
            longitude=place.lon,
            country=place.cc,
            admin1=place.admin1,
            admin2=place.admin2,
            admin3=place.admin3,
            feature=place.feature,
            population=place.population,
            is_locational=is_locational,
            relation=relation,
            relation_start=relation_start,
            cue_end=cue_end,
            matched=matched,
            confidence=confidence,
            origin=origin,
            holder_start=holder_start,
            part_of_holder=part_of_holder,
        )


@dataclass(frozen=True, slots=True)
class _Context:
    """What the article says around one mention, as ``_best`` weighs it."""

    named: Counter[str]  # countries named (or whose people are)
    support: Counter[str] = field(default_factory=Counter)  # countries vouched for
    admin1_keys: frozenset[str] = frozenset()  # provinces named anywhere
    admin2_keys: frozenset[str] = frozenset()  # districts named anywhere
    anchors: tuple[Place, ...] = ()  # places with one reading only
    contained: frozenset[str] = frozenset()  # units holding other places in the sentence
    corroborated: frozenset[int] = frozenset()  # readings another name agrees with
    held_by: Place | None = None  # reading of the unit written right after the mention


def resolve_mentions(
    mentions: Sequence[MentionSpan],
    exact: Mapping[str, list[Place]],
    loose: Mapping[str, list[Place]],
    demonym_countries: Counter[str],
) -> list[ResolvedPlace]:
    """One ResolvedPlace per mention that has a plausible reading, in text order."""
    options = [_options(m, exact, loose) for m in mentions]
    named = Counter(demonym_countries)
    for mention, opts in zip(mentions, options, strict=True):
        if not mention.locational:
            continue  # "the US dollar exchange rate" in Tripoli does not put it in the US
        for place, fuzzy in opts:
            if place.feature == "PCLI" and not fuzzy:
                named[place.cc] += 2
    contained = _contained_keys(mentions, options)
    corroborated = _corroborated(mentions, options)
    local = [
        _Context(named, contained=frozenset(contained[i]), corroborated=frozenset(found))
        for i, found in enumerate(corroborated)
    ]
    # Each name read alone, then again knowing the country of the unit written after it.
    holders = _holders(mentions)
    for _ in range(2):
        first = [
            _best(m, opts, local[i])
            for i, (m, opts) in enumerate(zip(mentions, options, strict=True))
        ]
        local = [
            replace(context, held_by=first[j][0])
            if (j := holders[i]) is not None and first[j]
            else context
            for i, context in enumerate(local)
        ]
    support = Counter(named)
    for i, (mention, pick, opts) in enumerate(zip(mentions, first, options, strict=True)):
        if pick is None or not mention.locational or _is_code(mention):
            continue  # a code ("UP") is read in a country in play, never puts one in play
        place = pick[0]
        if place.gid in corroborated[i]:
            support[place.cc] += 1  # two names agreeing vouch even when spelt loosely
            continue
        if pick[1]:  # a lone loose match never vouches for a country
            continue
        # Unambiguous names said as places ("in Binnish") vouch for their country.
        unambiguous = (
            len({p.cc for p, _ in opts}) == 1
            and not pick[1]
            and (mention.said_as_place or mention.ner_label in PLACE_LABELS)
        )
        if place.cc and (
            place.population >= MIN_FOREIGN_POPULATION
            or place.is_admin
            or unambiguous
            or _town_and_unit(opts)
        ):
            rival = any(
                p.cc != place.cc and p.population >= MIN_FOREIGN_POPULATION for p, _ in opts
            )
            support[place.cc] += AMBIGUOUS_SUPPORT if rival else 1
    if not support:
        # Nothing vouched: a big place said as a place, even spelt loosely, is still the
        # best guess at the country; so is a town the words call a place ("in the city of
        # Dar'a", "in Zahle").
        for mention, opts in zip(mentions, options, strict=True):
            if not mention.locational:
                continue
            said = mention.said_as_place
            floor = MIN_SAID_POPULATION if said else MIN_FOREIGN_POPULATION
            alike = [
                p
                for p, _ in opts
                if p.population >= floor
                and _looks_like(mention, p)
                and (p.is_admin or mention.admin_level not in (1, 2))
            ]
            if alike:
                support[max(alike, key=lambda p: p.population).cc] += 1
    admin1_keys, admin2_keys = _admin_keys(options)
    anchors = [
        pick[0]
        for pick, opts in zip(first, options, strict=True)
        if pick and len({p.gid for p, _ in opts}) == 1
    ]
    resolved = []
    for i, (mention, opts) in enumerate(zip(mentions, options, strict=True)):
        context = replace(
            local[i],
            support=support,
            admin1_keys=frozenset(admin1_keys),
            admin2_keys=frozenset(admin2_keys),
            anchors=tuple(anchors),
        )
        pick = _best(mention, opts, context)
        if pick is None:
            continue
        place, fuzzy, confidence = pick
        if not _plausible(mention, place, fuzzy, context):
            continue
        resolved.append(_record(mention, place, fuzzy, confidence))
    return resolved


def _options(m: MentionSpan, exact, loose) -> list[tuple[Place, bool]]:
    if m.key in exact:
        return [(p, False) for p in exact[m.key]]
    return [(p, True) for p in loose.get(m.skeleton, ())]


def _admin_keys(options) -> tuple[set[str], set[str]]:
    admin1, admin2 = set(), set()
    for opts in options:
        for place, fuzzy in opts:
            if fuzzy:
                continue
            if place.feature == "ADM1":
                admin1.add(name_key(place.name))
            elif place.feature == "ADM2":
                admin2.add(name_key(place.name))
    return admin1, admin2


def _contained_keys(mentions, options) -> dict[int, set[str]]:
    """Per mention, the admin1/admin2 name keys of the other places named in its
    sentence, so that in "Leon, Guanajuato" or "(Mahliyah, Marib)" the last name reads
    as the unit holding the first."""
    units: list[set[str]] = []
    for opts in options:
        keys = set()
        for place, fuzzy in opts:
            if fuzzy or place.feature in ("ADM1", "PCLI"):
                continue
            for unit in (place.admin1, place.admin2):
                if unit:  # keys and skeletons: "Al-Hasakah" holds what "Al-Hasakeh" names
                    keys.update({name_key(unit), skeleton_key(name_key(unit))} - {""})
        units.append(keys)
    contained: dict[int, set[str]] = {}
    for i, mention in enumerate(mentions):
        contained[i] = set().union(
            *(
                units[j]
                for j, other in enumerate(mentions)
                if j != i and other.sentence == mention.sentence and other.key != mention.key
            )
        )
    return contained


def _corroborated(mentions, options) -> list[set[int]]:
    """Per mention, the gazetteer ids of its readings that another name in the same
    sentence corroborates: a reading of it that lies in the province or district the other
    names, or that names the other's. (Mere nearness is no proof: London and Paris,
    Ontario lie 60 km apart.)"""
    found: list[set[int]] = [set() for _ in mentions]
    for i, mention in enumerate(mentions):
        for j, other in enumerate(mentions):
            if j == i or other.sentence != mention.sentence:
                continue
            if other.key in DIRECTION_NAMES and not other.locational:
                continue  # "the town of Eastern Sharqiya": not Egypt's Eastern province
            # "Santa Ana (Santa Ana)": a town in the district of its own name.
            namesake = other.key == mention.key
            if namesake and not 0 <= other.start - mention.end <= NAMESAKE_GAP:
                continue
            other_names = {other.key, other.skeleton} - {""}
            for place, _ in options[i]:
                # A town only under its own name: an alternate name ("California" for
                # some town) is too weak a link; units go by local names ("Lower
                # Shabelle" is Shabeellaha Hoose).
                if place.is_wide or (place.feature == "PPL" and not _called(mention, place)):
                    continue
                units = _unit_keys(place)
                if namesake:
                    if place.feature == "PPL" and units & other_names:
                        found[i].add(place.gid)
                    continue
                for reading, _ in options[j]:
                    if reading.cc != place.cc or reading.is_wide:
                        continue
                    if units & (other_names | _own_keys(reading)) or _own_keys(place) & _unit_keys(
                        reading
                    ):
                        found[i].add(place.gid)
                        break
    return found


def _called(mention: MentionSpan, place: Place) -> bool:
    """True when the mention spells the place's own name (exactly or loosely), or the
    words of it a short form keeps ("Cintalapa" for Cintalapa de Figueroa)."""
    own = name_key(place.name)
    return (
        own == mention.key
        or bool(mention.skeleton)
        and skeleton_key(own) == mention.skeleton
        or f" {mention.key} " in f" {own} "
    )


def _is_code(mention: MentionSpan) -> bool:
    """True for short all-capital names ("EU", "UP", "J&K"): codes or abbreviations."""
    return mention.text.isupper() and len(mention.text) <= MAX_CODE_LENGTH


def _looks_like(mention: MentionSpan, place: Place) -> bool:
    """True when the mention resembles the place's name or that of its unit (a town
    listed under another name: "Nabatiyeh" is Nabatiye et Tahta, in Nabatieh)."""
    names = [n for n in (place.name, place.admin1, place.admin2) if n]
    return max(fuzz.ratio(mention.key, name_key(n)) for n in names) >= MIN_LOOSE_SIMILARITY


def _town_and_unit(opts) -> bool:
    """True when every exact reading lies in one country and the name is both a town and
    the unit named after it that holds it ("Kirundo"): a real place name, not a word that
    matches a hamlet somewhere."""
    exact = [p for p, fuzzy in opts if not fuzzy]
    units = {name_key(p.name) for p in exact if p.feature.startswith("ADM")}
    return len({p.cc for p in exact}) == 1 and any(
        p.feature == "PPL" and bool(_unit_keys(p) & units) for p in exact
    )


def _own_keys(place: Place) -> set[str]:
    """Name key and skeleton of an admin unit's own name (empty for towns)."""
    if not place.feature.startswith("ADM"):
        return set()
    key = name_key(place.name)
    return {key, skeleton_key(key)} - {""}


def _unit_keys(place: Place) -> set[str]:
    """Name keys and skeletons of the province and district holding ``place``."""
    keys = set()
    for unit in (place.admin1, place.admin2):
        if unit:
            key = name_key(unit)
            keys.update({key, skeleton_key(key)})
    return keys - {""}


def _holders(mentions: Sequence[MentionSpan]) -> list[int | None]:
    """Per mention, the index of the name that holds it ("Reni, Odessa", "Teotepeque (La
    Libertad)"), or None; a repeated name ("Santa Ana (Santa Ana)") is left to
    ``_corroborated``."""
    index = {m.start: j for j, m in enumerate(mentions)}
    holders: list[int | None] = []
    for mention in mentions:
        j = index.get(mention.holder_start) if mention.holder_start is not None else None
        holders.append(j if j is not None and mentions[j].key != mention.key else None)
    return holders


def _best(m: MentionSpan, opts, context: _Context):
    if not opts:
        return None
    support = context.support
    dominant = support.most_common(1)[0][0] if support else None
    admin1_keys, admin2_keys = context.admin1_keys, context.admin2_keys
    scored = []
    for place, fuzzy in opts:
        score = _prior(place) + (W_SKELETON if fuzzy else 0.0)
        if context.named.get(place.cc):
            score += W_NAMED_COUNTRY
        if place.cc == dominant:
            score += W_DOMINANT_COUNTRY
        elif support and place.cc not in support:
            score += W_FOREIGN
        held = context.held_by
        if held is not None and place.cc == held.cc:
            score += W_HELD
            if place.gid != held.gid and _km(place, held) < ANCHOR_KM:
                score += W_NEAR_ANCHOR  # "Oleksandrivka, Donetsk": the one near Donetsk
        # Its province or district is named elsewhere (not by this very name: "Guanajuato"
        # the town does not vouch for itself through "Guanajuato" the state).
        unit1 = name_key(place.admin1) if place.admin1 else ""
        unit2 = name_key(place.admin2) if place.admin2 else ""
        if place.feature != "ADM1" and unit1 in admin1_keys and unit1 != m.key:
            score += W_ADMIN_CONTEXT1
        if place.feature not in ("ADM1", "ADM2") and unit2 in admin2_keys and unit2 != m.key:
            score += W_ADMIN_CONTEXT2
        if any(a.gid != place.gid and _km(a, place) < ANCHOR_KM for a in context.anchors):
            score += W_NEAR_ANCHOR
        if not fuzzy and _called(m, place):
            score += W_OWN_NAME
        score += _cue_bonus(m, place)
        if _holds_named(m, place, context.contained):
            score += W_HOLDS_NAMED
        if place.gid in context.corroborated:
            score += W_CORROBORATED
        scored.append((score, -place.gid, place, fuzzy))
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    top = scored[0]
    runner_up = next(
        (s[0] for s in scored[1:] if s[2].cc != top[2].cc or _km(s[2], top[2]) > ANCHOR_KM), None
    )
    margin = top[0] - runner_up if runner_up is not None else 4.0
    confidence = 0.5 + 0.45 * (1.0 - math.exp(-max(margin, 0.0) / 2.0))
    return top[2], top[3], confidence * (0.8 if top[3] else 1.0)


def _holds_named(m: MentionSpan, place: Place, contained: set[str]) -> bool:
    """True when ``place`` is an admin unit of the mention's name that holds another
    place named in the same sentence (spellings compared loosely: Hasakeh/Hasakah)."""
    if place.feature not in ("ADM1", "ADM2"):
        return False
    own = name_key(place.name)
    # "Coatzacoalcos, Veracruz": the state is Veracruz de Ignacio de la Llave.
    return _called(m, place) and bool({own, skeleton_key(own)} - {""} & contained)


def _prior(place: Place) -> float:
    if place.is_wide and not place.cc:
        # A continent or sea is in play in every article, as a named country is.
        return ADMIN_PRIOR + W_COUNTRY_NAME + W_NAMED_COUNTRY
    if place.is_wide:
        return ADMIN_PRIOR + W_COUNTRY_NAME
    if place.feature == "ADM1":
        return max(ADMIN_PRIOR, math.log10(place.population + 10))
    if place.is_admin:
        return ADMIN_PRIOR
    return math.log10(place.population + 10) + W_TOWN_DEFAULT


def _cue_bonus(m: MentionSpan, place: Place) -> float:
    if m.admin_level in (1, 2) and place.feature == f"ADM{m.admin_level}":
        return W_ADMIN_CUE
    if m.admin_level in (1, 2) and place.is_admin:
        return W_ADMIN_CUE / 2  # "district" said, but only the province is known
    if m.admin_level == 0 and not place.is_admin:
        return W_TOWN_CUE
    return 0.0


def _plausible(m: MentionSpan, place: Place, fuzzy: bool, context: _Context) -> bool:
    in_play = place.cc in context.support or place.gid in context.corroborated
    if m.key in DIRECTION_NAMES and place.cc not in context.named:
        return False  # "Eastern", "Southern": a region of a country the text must name
    if _is_code(m) and place.feature != "PCLI" and not (place.feature == "ADM1" and in_play):
        return False  # "EU", "CIS", "AI" are codes, not the towns Eu or Cis; "UP" in India is
    if fuzzy:
        # A town in a province the article names, said as a place, may be spelt far from
        # GeoNames' main name ("the town of Basira in ... Deir-ez-Zor": Al Busayrah).
        in_named_province = bool(place.admin1) and name_key(place.admin1) in context.admin1_keys
        return in_play and (_looks_like(m, place) or in_named_province and m.said_as_place)
    if in_play or place.is_wide:
        return True
    if context.support and not _called(m, place):
        return False  # "Al-msabha ... Tarhuna": not a town abroad that lists the name
    if len(m.key) < MIN_FOREIGN_KEY_LENGTH and m.ner_label not in PLACE_LABELS:
        return False
    return place.population >= MIN_FOREIGN_POPULATION or m.ner_label in PLACE_LABELS


def _record(m: MentionSpan, place: Place, fuzzy: bool, confidence: float) -> ResolvedPlace:
    return ResolvedPlace.reading(
        place,
        start=m.start,
        end=m.end,
        text=m.text,
        sentence=m.sentence,
        is_locational=m.locational,
        relation=m.relation,
        relation_start=m.relation_start,
        cue_end=m.cue_end,
        matched="skeleton" if fuzzy else "exact",
        confidence=round(confidence, 3),
        origin=m.origin,
        holder_start=m.holder_start,
        part_of_holder=m.part_of_holder,
    )


def _km(a: Place, b: Place) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)
