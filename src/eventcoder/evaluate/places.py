"""Score place mentions on geoparsing sets (records with ``places`` and no events).

Recognition: a predicted span is right when its character offsets equal those of a gold
literal toponym, a name used for the place itself ("fighting in Aleppo"). GeoWebNews also
annotates associative uses ("Turkey said", "Syrian"): a prediction there is neither right
nor wrong, since an event geoparser should skip them but a general one may not. Its other
annotations (common nouns such as "church", demonyms, languages, non-toponyms) are not
place names: predicting them is a false positive. Resolution: accuracy@161 km, the share of
recognised mentions with gold coordinates whose predicted coordinates lie within 161 km
(100 miles), the usual geoparsing figure (Gritta et al. 2019).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eventcoder.evaluate.gold import GoldPlace
from eventcoder.evaluate.report import Detection, FieldScore
from eventcoder.geo import distance_km
from eventcoder.records import ParsedArticle

# The conventional geoparsing tolerance (100 miles), so figures compare with the literature.
RESOLUTION_KM = 161.0
# GeoWebNews types of toponyms used literally (Gritta et al. 2019, "literal" group).
LITERAL_TYPES = frozenset({"Literal", "Mixed", "Coercion", "Literal_Modifier", "Embedded_Literal"})
# GeoWebNews types of toponyms used for something else (metonymy, modifiers).
ASSOCIATIVE_TYPES = frozenset({"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit"})
# spaCy entity labels that name places: countries/cities, other locations, facilities.
PLACE_ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class PlaceSpan:
    """A predicted place mention: offsets into the article text, coordinates if resolved."""

    start: int
    end: int
    latitude: float | None = None
    longitude: float | None = None


PlaceFinder = Callable[[ParsedArticle], Sequence[PlaceSpan]]


def entity_places(parsed: ParsedArticle) -> list[PlaceSpan]:
    """Baseline finder: spaCy's place entities, unresolved."""
    return [
        PlaceSpan(ent.start_char, ent.end_char)
        for ent in parsed.doc.ents
        if ent.label_ in PLACE_ENTITY_LABELS
    ]


def geoparser_places() -> PlaceFinder | None:
    """Our finder, ``Geoparser().find_places``, or None while that method does not exist."""
    try:
        from eventcoder.extract.places import Geoparser
    except ImportError:
        return None
    geoparser = Geoparser()
    find = getattr(geoparser, "find_places", None)
    if find is None:
        return None

    def finder(parsed: ParsedArticle) -> list[PlaceSpan]:
        return [
            PlaceSpan(
                int(item.start),
                int(item.end),
                getattr(item, "latitude", None),
                getattr(item, "longitude", None),
            )
            for item in find(parsed)
            if getattr(item, "is_locational", True)
        ]

    return finder


@dataclass(slots=True)
class PlaceTally:
    """Running counts of one system over a geoparsing set."""

    detection: Detection = Detection()
    resolved: int = 0
    resolvable: int = 0

    def add(self, predicted: Sequence[PlaceSpan], gold: Sequence[GoldPlace]) -> list[dict]:
        """Count one text; returns its matches (for the per-record file)."""
        wanted = {(g.start, g.end): g for g in gold if _is_literal(g)}
        neutral = {(g.start, g.end) for g in gold if g.type in ASSOCIATIVE_TYPES}
        found = {(p.start, p.end): p for p in predicted if (p.start, p.end) not in neutral}
        matched = [(found[key], wanted[key]) for key in found.keys() & wanted.keys()]
        self.detection += Detection(
            len(matched), len(found) - len(matched), len(wanted) - len(matched)
        )
        rows = []
        for span, place in sorted(matched, key=lambda m: m[0].start):
            km = _distance(span, place)
            if place.latitude is not None and place.longitude is not None:
                self.resolvable += 1
                self.resolved += km is not None and km <= RESOLUTION_KM
            rows.append({"name": place.name, "start": span.start, "end": span.end, "km": km})
        return rows

    def scores(self, resolves: bool) -> tuple[FieldScore, ...]:
        """Recognition precision/recall/F1, and accuracy@161 km if the finder resolves."""
        scores = self.detection.scores("places")
        if not resolves:
            return scores
        accuracy = self.resolved / self.resolvable if self.resolvable else None
        return (*scores, FieldScore("places.accuracy_161_km", accuracy, self.resolvable))


def _is_literal(place: GoldPlace) -> bool:
    """A gold toponym used literally; sets without types count every locational mention."""
    if place.non_locational:
        return False
    return place.type is None or place.type in LITERAL_TYPES


def _distance(span: PlaceSpan, place: GoldPlace) -> float | None:
    km = distance_km(span.latitude, span.longitude, place.latitude, place.longitude)
    return None if km is None else round(km, 1)
