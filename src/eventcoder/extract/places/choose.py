"""Which of an article's places is an event's: the ranking behind ``Geoparser.extract``.

The event is placed at the most specific place of its own sentences, nearest its trigger,
after ruling out namesakes that their written container contradicts ("Tudun Wada (Kaduna
North LGA, Kaduna)" is not the Tudun Wada of Kano), places people only came from, and
cities that stand for their province ("Tal Tamer city in Al-Hasakeh").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rapidfuzz import fuzz

from eventcoder.extract.places.names import name_key, skeleton_key
from eventcoder.extract.places.resolve import ResolvedPlace, haversine_km
from eventcoder.records import Span

# Specificity order: the event is coded at the most specific place its sentence names.
# SPOT is an imported non-admin feature (camp, junction, hill): as precise as a town.
SPECIFICITY = {"PPL": 0, "SPOT": 0, "ADM3": 1, "ADM2": 2, "ADM1": 3, "PCLI": 4}
# Another named place within this distance corroborates a town's reading.
CORROBORATION_KM = 100.0
# A town lies within this distance of the seat of the district it is said to be in.
DISTRICT_KM = 50.0
# A part of a city ("X area of Y city") lies within this distance of it.
PART_KM = 30.0
# Two names this alike (rapidfuzz ratio) are spellings of one unit: Dar'a/Daraa is 89,
# Sa'dah/Saada 80. (On the ACLED dev notes 80 fixed seven places that 88 missed, and
# broke none.)
SAME_NAME_SIMILARITY = 80
# Places this big (or provinces, countries) weigh double for the article's country.
MAJOR_POPULATION = 100_000
# Sentences read when the event's own sentences name no place: the title and lead.
LEAD_SENTENCES = 3


def choose_event_place(
    places: Sequence[ResolvedPlace],
    sentence_indices: Sequence[int],
    named_countries: Counter[str] | None = None,
    trigger: Span | None = None,
) -> ResolvedPlace | None:
    """The place of an event: the most specific place in its main sentence, else in its
    other sentences, else in the lead. Among equals, the one nearest the event's trigger
    ("the summit ... in Sochi ... evacuating Idlib": Sochi), else the one in the
    article's dominant country; places corroborated by other places come first."""
    if not places:
        return None
    weights = Counter(named_countries or {})
    for place in places:
        # A city or a province says more about the article's country than a hamlet.
        major = place.population >= MAJOR_POPULATION or place.feature in ("ADM1", "PCLI")
        weights[place.country] += (2 if place.sentence in sentence_indices else 1) * (
            2 if major else 1
        )
    dominant = weights.most_common(1)[0][0]
    lead = range(LEAD_SENTENCES)
    anchor = trigger if trigger is not None and trigger.end > trigger.start else None
    ruled_out = frozenset(p for p in places if _contradicted(p, places))
    for sentences in [*([i] for i in sentence_indices), lead]:
        here = [p for p in places if p.sentence in sentences]
        if here:
            return min(here, key=lambda p: _rank(p, dominant, places, ruled_out, anchor))
    in_country = [p for p in places if p.country == dominant]
    if not in_country:
        return None
    return min(in_country, key=lambda p: _rank(p, dominant, places, ruled_out, None))


def _rank(
    place: ResolvedPlace,
    dominant: str,
    places: Sequence[ResolvedPlace],
    ruled_out: frozenset[ResolvedPlace],
    trigger: Span | None,
) -> tuple:
    """Sort key of a candidate event place (smaller is better); ``ruled_out`` holds the
    namesakes their containers contradict."""
    # On "the road from A to B" the smaller town is the specific one: the bigger is often
    # a provincial capital standing in for the whole province.
    road_size = place.population if place.relation == "road" else 0
    loose = place.matched != "exact"
    if trigger is not None:
        distance = min(abs(place.start - trigger.end), abs(trigger.start - place.end))
        return (
            _origin(place),
            _isolated(place, places, ruled_out),
            place in ruled_out,
            place.relation == "street",
            _container(place, places),
            _specificity(place),
            loose,
            distance,
            road_size,
            place.start,
        )
    return (
        place in ruled_out,
        _origin(place),  # "migrants from Surat ... threw stones at Halol check post": Halol
        place.country != dominant,
        _isolated(place, places, ruled_out),
        place.relation == "street",  # "Murree road in Rawalpindi": Rawalpindi
        _container(place, places),
        _specificity(place),
        loose,
        road_size,
        place.start,
    )


def _origin(place: ResolvedPlace) -> bool:
    """Where people came from, not where they acted; but a place written with its unit
    ("citizens from Redeyef (Gafsa) protested") is the one the report locates."""
    return place.origin and place.holder_start is None


def _container(place: ResolvedPlace, places: Sequence[ResolvedPlace]) -> bool:
    """True when ``place`` names the province or district of another place in its
    sentence: in "Tal Tamer city in Al-Hasakeh" the city of Al-Hasakah stands for its
    province, and the event is in Tal Tamer; in "Razih district (Sadah)", in Razih
    (spellings compared loosely)."""
    own = {name_key(place.text), name_key(place.name)}
    own |= {skeleton_key(k) for k in own} - {""}
    for other in places:
        if other.sentence != place.sentence or other.start == place.start:
            continue
        if other.feature not in ("PPL", "SPOT", "ADM3", "ADM2") or other.country != place.country:
            continue
        units = {name_key(u) for u in (other.admin1, other.admin2) if u}
        if _alike(own, units | {skeleton_key(u) for u in units}) and not own & {
            name_key(other.text),
            name_key(other.name),
        }:
            return True
    return False


def _alike(names: set[str], others: set[str]) -> bool:
    """True when a name of one set is a spelling of one of the other ("Dar'a"/"Daraa")."""
    return any(fuzz.ratio(a, b) >= SAME_NAME_SIMILARITY for a in names for b in others if a and b)


def _contradicted(place: ResolvedPlace, places: Sequence[ResolvedPlace]) -> bool:
    """A town outside the province its own sentence names is a namesake: "Tudun Wada
    (Kaduna North LGA, Kaduna)" is not the Tudun Wada of Kano; nor is a town in a
    country other than that of every unit and corroborated town its sentence names
    ("the village of Dardara in the countryside of Ras Al Ain in Al-Hasakeh")."""
    if place.feature not in ("PPL", "ADM2", "ADM3") or not place.admin1:
        return False
    # "Rio Claro, Lara state", "Reni (Odessa)": the unit or bigger town right after a town
    # holds it, so a reading in another country, far from it, is a namesake. ("Panama City
    # (Bella Vista)" names a neighbourhood after the city: it proves nothing.) Nor is a
    # place far from the city it is said to be a part of ("Palanpur area of Surat city").
    holder = _holder(place, places)
    if holder is not None:
        km = _km(place, holder)
        if (
            (holder.feature != "PPL" or holder.population > place.population)
            and holder.country != place.country
            and km > CORROBORATION_KM
        ):
            return True
        if place.part_of_holder and holder.feature == "PPL" and km > PART_KM:
            return True
        if (
            holder.feature == "ADM2"
            and km > DISTRICT_KM
            and not _alike({name_key(place.admin2 or "")}, {name_key(holder.name)})
        ):
            return True  # "Owode (Egbado South LGA, Ogun)": not the Owode of another LGA
        if km <= CORROBORATION_KM:
            return False  # "Saihwal city (Sahiwal, Sindh)": its district vouches for it
    neighbours = [
        p
        for p in places
        if p.sentence == place.sentence and p.start != place.start and p.feature != "PCLI"
    ]
    # Only when at least two neighbours agree among themselves on one other country.
    if (
        len(neighbours) >= 2
        and len({p.country for p in neighbours}) == 1
        and all(p.country != place.country and _km(place, p) > CORROBORATION_KM for p in neighbours)
    ):
        return True
    # A provincial capital named like its province stands for it when written as the
    # town's container ("Vasylivka, Donetsk"); elsewhere in the sentence it is a city
    # ("a protest in Mogilev in solidarity with the protest in Brest").
    chain = _holders_of(place, places)
    units = [
        p
        for p in places
        if p.sentence == place.sentence
        and p.start != place.start
        and p.country == place.country
        and (p.feature == "ADM1" or _names_province(p) and p in chain)
    ]
    own = name_key(place.admin1)
    if not units or any(name_key(u.admin1 or u.name) == own for u in units):
        return False
    # Admin boundaries move (GeoNames lags): only a far-away town is a namesake.
    return all(_km(place, u) > CORROBORATION_KM for u in units)


def _holder(place: ResolvedPlace, places: Sequence[ResolvedPlace]) -> ResolvedPlace | None:
    """The place written right after ``place`` as its container ("X, Y"), if resolved."""
    if place.holder_start is None:
        return None
    return next((p for p in places if p.start == place.holder_start), None)


def _holders_of(place: ResolvedPlace, places: Sequence[ResolvedPlace]) -> list[ResolvedPlace]:
    """The containers written after ``place``, innermost first ("X (Y, Z)": Y, Z)."""
    chain: list[ResolvedPlace] = []
    holder = _holder(place, places)
    while holder is not None and holder not in chain:
        chain.append(holder)
        holder = _holder(holder, places)
    return chain


def _km(a: ResolvedPlace, b: ResolvedPlace) -> float:
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def _names_province(place: ResolvedPlace) -> bool:
    """True for a city whose name is its province's (Donetsk in Donetska oblast)."""
    if place.feature != "PPL" or not place.admin1:
        return False
    name, unit = name_key(place.name), name_key(place.admin1)
    return name == unit or bool(skeleton_key(name)) and skeleton_key(name) == skeleton_key(unit)


def _specificity(place: ResolvedPlace) -> int:
    # "the town of Basira in the countryside of Deir-ez-Zor": the countryside of a town
    # is an area, less specific than a town named in it.
    if place.relation == "countryside":
        return SPECIFICITY["ADM2"]
    return SPECIFICITY.get(place.feature, 5)


def _isolated(
    place: ResolvedPlace, places: Sequence[ResolvedPlace], ruled_out: frozenset[ResolvedPlace]
) -> bool:
    """A small town far from every other place the article names is a likely misreading
    ("Central" in "the Central Zone of Sao Paulo"). A namesake ruled out by its container
    vouches for nothing ("Castilla, Piura")."""
    others = [p for p in places if p.geonameid != place.geonameid and p not in ruled_out]
    if not others or place.feature != "PPL":
        return False
    holder = _holder(place, places)
    if holder is not None and _km(place, holder) <= CORROBORATION_KM:
        return False  # "Saihwal city (Sahiwal, Sindh)": its district is named
    units = {name_key(u) for u in (place.admin1, place.admin2) if u}
    for other in others:
        if other.feature == "PCLI" and other.country == place.country:
            return False  # "Nis, Serbia"
        if other.feature.startswith("ADM") and name_key(other.name) in units:
            return False  # "Ciudad del Carmen, Campeche": its own state is named
        km = _km(place, other)
        if other.feature == "PPL" and km <= CORROBORATION_KM:
            return False
    return True
