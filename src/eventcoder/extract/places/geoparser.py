"""The place fields of an event: find places in the article, then pick the event's one.

``Geoparser.find_places`` resolves every place mention in an article; ``extract`` picks
the one the event happened at (``choose.choose_event_place``: from the event's own
sentences, main sentence first, the most specific place there) and codes ACLED's fields
with evidence. Places named only in
other sentences (a summit in Sochi) never become the place of an Idlib drone strike.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from unidecode import unidecode

from eventcoder.extract.actors.dictionary import load_actor_dictionary
from eventcoder.extract.evidence import make_evidence, sentence_at
from eventcoder.extract.places.choose import choose_event_place
from eventcoder.extract.places.countries import capital_point, countries, country
from eventcoder.extract.places.gazetteer import REGION_FEATURE, Gazetteer, Place
from eventcoder.extract.places.mentions import MentionSpan, spot_mentions
from eventcoder.extract.places.names import name_key
from eventcoder.extract.places.resolve import (
    ResolvedPlace,
    resolve_mentions,
)
from eventcoder.extract.places.sites import spot_sites
from eventcoder.records import EventMention, Evidence, ParsedArticle, PlaceFinding

METHOD = "geo.gazetteer.v1"
METHOD_LOOSE = "geo.gazetteer.skeleton.v1"
METHOD_RELATIVE = "geo.relative.v1"
METHOD_CONTEXT = "geo.context.v1"
METHOD_DEMONYM = "geo.demonym.v1"
# A country read only from a nationality word ("Three Turkish soldiers killed"): often
# right, but the soldiers may have died abroad.
CONFIDENCE_DEMONYM = 0.4
CONFIDENCE_SITE = 0.3  # a site is placed at its town, not resolved itself
# Relations that put the event near, not at, the named town (ACLED geo_precision 2).
# Words after a nationality that make it name the country's land ("the Turkish border",
# "the Syrian-Turkish border").
_LAND_AFTER = re.compile(
    r"(?:-?\w+)?\s+(?:border|borders|frontier|capital|cities|city|towns?|villages?|islands?|"
    r"coast|coastline|territory|territories|soil|enclave|mainland|countryside|airspace|"
    r"waters|provinces?|regions?|states)\b"
)
NEAR_RELATIONS = frozenset({"near", "distance", "road", "outskirts", "countryside", "border"})
# ACLED geo_precision by feature (``precision_of`` makes a town 2 when the event is near it).
PRECISION = {"PPL": 1, "SPOT": 1, "ADM3": 2, "ADM2": 2, "ADM1": 3, "PCLI": 3}
# Lookups cached per process: the same names recur across a batch of articles.
CACHE_LIMIT = 200_000


class Geoparser:
    """Places from an embedded gazetteer, resolved in context.

    Example::

        geo = Geoparser()
        finding = geo.extract(parsed, mention)   # PlaceFinding(country='Syria', ...)
    """

    def __init__(self, gazetteer_path: Path | None = None, extra_layers: Sequence[Path] = ()):
        """``gazetteer_path`` replaces the default layer (and skips the user's imports);
        ``extra_layers`` are gazetteer files read on top (tests, one-off imports)."""
        started = time.monotonic()
        self.gazetteer = Gazetteer.open(gazetteer_path, extra_layers=extra_layers)
        self._keys, self._skeletons = self.gazetteer.key_sets()
        self._exact: dict[str, list[Place]] = {}
        self._loose: dict[str, list[Place]] = {}
        self._demonyms = {
            name_key(d + plural): c.iso2
            for c in countries().values()
            for d in c.demonyms
            for plural in ("", "s")
        }
        # Armed groups and other actors named like places are not places.
        self._actor_names = {
            name_key(alias) for entry in load_actor_dictionary().entries for alias in entry.aliases
        }
        self._last: tuple[ParsedArticle, list[ResolvedPlace]] | None = None
        self._own_points: dict[int, tuple[float, float]] = {}  # admin units (_at_seat)
        self.load_seconds = time.monotonic() - started

    def find_places(self, parsed: ParsedArticle) -> list[ResolvedPlace]:
        """Every place mention in the article, resolved (non-locational ones flagged), each
        at its own point: "California" is the state, not its biggest city."""
        found = [
            replace(p, latitude=own[0], longitude=own[1])
            if (own := self._own_points.get(p.geonameid))
            else p
            for p in self._resolve(parsed)
        ]
        found += self._countries_said_as_places(parsed)
        return sorted(_with_sites(parsed, found), key=lambda p: p.start)

    def _countries_said_as_places(self, parsed: ParsedArticle) -> list[ResolvedPlace]:
        """Nationality words used for the country's land: "the Syrian capital", "the
        Turkish border", "the Greek islands" (not "Syrian forces"). Events are not coded
        there: the town or border area named with them is the place."""
        found = []
        text = parsed.article.text
        for iso2, start, end in self._demonym_spans(parsed):
            if not _LAND_AFTER.match(text, end):
                continue
            entry = country(iso2)
            key = name_key(entry.name) if entry else ""
            land = [p for p in self._lookup([key], self._exact, False).get(key, []) if p.cc == iso2]
            if land:
                found.append(
                    ResolvedPlace.reading(
                        next((p for p in land if p.feature == "PCLI"), land[0]),
                        start=start,
                        end=end,
                        text=text[start:end],
                        sentence=sentence.index if (sentence := sentence_at(parsed, start)) else -1,
                        is_locational=True,
                        relation=None,
                        relation_start=start,
                        cue_end=end,
                        matched="demonym",
                        confidence=CONFIDENCE_DEMONYM,
                    )
                )
        return found

    def _resolve(self, parsed: ParsedArticle) -> list[ResolvedPlace]:
        """Every place mention resolved, admin units at their seat (``_at_seat``)."""
        mentions, exact, loose = self._spot(parsed)
        return resolve_mentions(mentions, exact, loose, self._demonym_counts(parsed))

    def candidate_places(self, parsed: ParsedArticle) -> list[tuple[MentionSpan, list[Place]]]:
        """Every gazetteer reading of every spotted name, before resolution (the ceiling
        of what resolution can reach with this gazetteer)."""
        mentions, exact, loose = self._spot(parsed)
        return [(m, exact.get(m.key) or loose.get(m.skeleton, [])) for m in mentions]

    def _spot(self, parsed: ParsedArticle):
        mentions = [
            m
            for m in spot_mentions(
                parsed,
                is_name=self._keys.__contains__,
                is_skeleton=self._skeletons.__contains__,
                exclude=self._demonyms,
            )
            # "a Hamas military post" (Hamm, Germany); but "in al-Hirak" is the town.
            if m.key not in self._actor_names or m.said_as_place
        ]
        exact = self._lookup([m.key for m in mentions], self._exact, skeleton=False)
        loose = self._lookup(
            [m.skeleton for m in mentions if m.key not in exact], self._loose, skeleton=True
        )
        return mentions, exact, loose

    def extract(self, parsed: ParsedArticle, mention: EventMention) -> PlaceFinding:
        """The place fields of one event of ``parsed``, with evidence."""
        if self._last is None or self._last[0] is not parsed:  # articles have many events
            self._last = (parsed, self._resolve(parsed))
        # A continent is never an ACLED location, nor a region at its approximate centre.
        places = [
            p
            for p in self._last[1]
            if p.is_locational and p.country and p.feature != REGION_FEATURE
        ]
        chosen = choose_event_place(
            places, mention.sentence_indices, self._demonym_counts(parsed), mention.trigger
        )
        if chosen is None:
            return self._country_from_demonyms(parsed, mention)
        return _finding(parsed, chosen, places)

    def _country_from_demonyms(self, parsed: ParsedArticle, mention: EventMention) -> PlaceFinding:
        """Only the country, where the event's sentences name no place but one nationality
        ("Three Turkish soldiers killed"): no location, so no coordinates."""
        wanted = set(mention.sentence_indices)
        spans = [
            (iso2, start, end)
            for iso2, start, end in self._demonym_spans(parsed)
            if (sentence := sentence_at(parsed, start)) is not None and sentence.index in wanted
        ]
        if len({iso2 for iso2, _, _ in spans}) != 1:
            return PlaceFinding()
        iso2, start, end = spans[0]
        entry = country(iso2)
        if entry is None:
            return PlaceFinding()
        evidence = make_evidence(
            parsed, "country", entry.name, start, end, METHOD_DEMONYM, CONFIDENCE_DEMONYM
        )
        return PlaceFinding(
            country=entry.name,
            iso=entry.iso_numeric,
            region=entry.region,
            evidence=(evidence,),
        )

    def _lookup(
        self, keys: Sequence[str], cache: dict[str, list[Place]], skeleton: bool
    ) -> dict[str, list[Place]]:
        missing = [k for k in set(keys) if k and k not in cache]
        if missing:
            found = self.gazetteer.lookup(missing, skeleton=skeleton)
            if len(cache) > CACHE_LIMIT:
                cache.clear()
            for key in missing:
                cache[key] = [self._at_seat(place) for place in found.get(key, [])]
        return {k: cache[k] for k in keys if k and cache.get(k)}

    def _at_seat(self, place: Place) -> Place:
        """``at_seat``, keeping an admin unit's own point for ``find_places``."""
        moved = at_seat(self.gazetteer, place)
        if moved is not place:
            self._own_points[place.gid] = (place.lat, place.lon)
        return moved

    def _demonym_counts(self, parsed: ParsedArticle) -> Counter[str]:
        return Counter(iso2 for iso2, _, _ in self._demonym_spans(parsed))

    def _demonym_spans(self, parsed: ParsedArticle) -> list[tuple[str, int, int]]:
        """(ISO2, start, end) of each nationality word ("Afghan", "South Sudanese")."""
        found = []
        doc = parsed.doc
        for i, token in enumerate(doc):
            if not token.text[:1].isupper():
                continue
            pair = doc[i : i + 2] if i + 1 < len(doc) and doc[i + 1].is_alpha else None
            if pair is not None and name_key(pair.text) in self._demonyms:
                found.append((self._demonyms[name_key(pair.text)], pair.start_char, pair.end_char))
            elif (key := name_key(token.text)) in self._demonyms:
                found.append((self._demonyms[key], token.idx, token.idx + len(token.text)))
        return found


class FirstPlaceBaseline:
    """Baseline: the first place name spaCy's NER finds -> the most populous namesake."""

    def __init__(self, gazetteer_path: Path | None = None):
        self.gazetteer = Gazetteer.open(gazetteer_path)

    def extract(self, parsed: ParsedArticle, mention: EventMention) -> PlaceFinding:
        for ent in parsed.doc.ents:
            if ent.label_ not in ("GPE", "LOC"):
                continue
            key = name_key(ent.text)
            matches = self.gazetteer.lookup([key]).get(key)
            if matches:
                place = at_seat(self.gazetteer, max(matches, key=lambda p: (p.population, -p.gid)))
                resolved = ResolvedPlace.reading(
                    place,
                    start=ent.start_char,
                    end=ent.end_char,
                    text=ent.text,
                    sentence=-1,
                    is_locational=True,
                    relation=None,
                    relation_start=ent.start_char,
                    cue_end=ent.end_char,
                    matched="exact",
                    confidence=0.5,
                )
                return _finding(parsed, resolved, [resolved])
        return PlaceFinding()


def _with_sites(parsed: ParsedArticle, places: list[ResolvedPlace]) -> list[ResolvedPlace]:
    """``places`` with the named sites of the article (``spot_sites``), each placed at the
    place named in it ("Manila Cathedral"), else the nearest one in its sentence, else the
    nearest town or unit of the article; a place named inside a site is not a mention."""
    anchors = [p for p in places if p.is_locational and p.country]
    sites = []
    for site in spot_sites(parsed):
        if any(p.start <= site.start and site.end <= p.end for p in places):
            continue  # the gazetteer knows it ("Gulf of Aden")
        sentence = sentence_at(parsed, site.start)
        index = sentence.index if sentence else -1
        inside = [p for p in anchors if site.start <= p.start and p.end <= site.end]
        near = inside or [p for p in anchors if p.sentence == index] or anchors
        if not near:
            continue
        anchor = min(near, key=lambda p: (p.feature == "PCLI", abs(p.start - site.start)))
        sites.append(
            replace(
                anchor,
                start=site.start,
                end=site.end,
                text=site.text,
                sentence=index,
                name=site.text,
                geonameid=0,  # not a gazetteer entry: at the point of ``anchor``
                feature="SPOT",
                population=0,
                relation=None,
                relation_start=site.start,
                cue_end=site.end,
                matched="site",
                confidence=CONFIDENCE_SITE,
            )
        )
    kept = [p for p in places if not any(s.start < p.end and p.start < s.end for s in sites)]
    return kept + sites


def at_seat(gazetteer: Gazetteer, place: Place) -> Place:
    """An admin unit moved to its seat (its most populous town): ACLED codes a region-only
    report there (geo_precision 3), and resolution weighs distances from there."""
    if place.feature not in ("ADM1", "ADM2") or not place.admin1:
        return place
    admin2 = place.admin2 if place.feature == "ADM2" else None
    seat = gazetteer.seat(place.cc, place.admin1, admin2)
    return place if seat is None else replace(place, lat=seat[0], lon=seat[1])


def precision_of(place: ResolvedPlace) -> int:
    """ACLED geo_precision: 1 the town itself, 2 near it or a district, 3 a region."""
    if place.feature in ("PPL", "SPOT") and place.relation in NEAR_RELATIONS:
        return 2
    return PRECISION.get(place.feature, 3)


def _finding(
    parsed: ParsedArticle, place: ResolvedPlace, places: Sequence[ResolvedPlace]
) -> PlaceFinding:
    entry = country(place.country)
    method = METHOD if place.matched == "exact" else METHOD_LOOSE
    precision = precision_of(place)

    def evidence(field: str, value: object, start: int, end: int, how: str) -> Evidence:
        return make_evidence(parsed, field, value, start, end, how, place.confidence)

    # ACLED codes an event reported only at country level at the capital.
    capital = capital_point(place.country) if place.feature == "PCLI" else None
    latitude, longitude = capital or (place.latitude, place.longitude)
    span = (place.start, place.end)
    admin_span = _naming(places, place.admin1, "ADM1") or span
    country_span = _naming(places, entry.name if entry else None, "PCLI") or span
    relation_span = (place.relation_start, max(place.cue_end, place.end))
    items = [
        evidence("location", unidecode(place.name), *span, method),
        evidence("latitude", latitude, *span, method),
        evidence("longitude", longitude, *span, method),
        evidence(
            "admin1", place.admin1, *admin_span, METHOD_CONTEXT if admin_span != span else method
        ),
        evidence(
            "country",
            entry.name if entry else place.country,
            *country_span,
            METHOD_CONTEXT if country_span != span else method,
        ),
        evidence(
            "geo_precision",
            precision,
            *relation_span,
            METHOD_RELATIVE if place.relation else method,
        ),
    ]
    if place.admin2:
        items.append(evidence("admin2", place.admin2, *span, method))
    return PlaceFinding(
        country=entry.name if entry else None,
        iso=entry.iso_numeric if entry else None,
        region=entry.region if entry else None,
        admin1=place.admin1,
        admin2=place.admin2,
        admin3=place.admin3,
        location=unidecode(place.name),  # ACLED writes names in ASCII ("Kandahar")
        latitude=latitude,
        longitude=longitude,
        geo_precision=precision,
        geonameid=place.geonameid,
        evidence=tuple(items),
    )


def _naming(places: Sequence[ResolvedPlace], name: str | None, feature: str):
    """The span of a mention that names ``name`` as a unit of ``feature``, if any."""
    if not name:
        return None
    key = name_key(name)
    for p in places:
        if p.feature == feature and name_key(p.name) == key:
            return (p.start, p.end)
    return None
