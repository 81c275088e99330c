"""Find the words of a sentence that name actors, and resolve each to a canonical actor.

Four kinds of mention, tried in this order on every sentence:

1. dictionary aliases ("HTS", "al-Shabaab"), exact after normalisation, then fuzzy;
2. state forces: a force noun with a country or demonym ("Afghan security forces", "US
   military", "forces of Nigeria", "Russian warplanes"), or without one (the event's
   country: "police", "the army");
3. generic groups: protesters, rioters, civilians, unidentified gunmen, gangs;
4. other named groups (ORG/NORP entities): kept under their own name, flagged unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventcoder.extract.actors.countries import Country, CountryTable
from eventcoder.extract.actors.dictionary import ActorDictionary, normalise
from eventcoder.extract.actors.gazetteer import place_index
from eventcoder.extract.actors.lexicon import (
    ARMED_WORDS,
    BARE_STATE_NOUNS,
    FACILITY_NOUNS,
    GENERIC_GROUPS,
    GENERIC_NAMES,
    MILITARY_NOUNS,
    PLACE_NOUNS,
    POLICE_NOUNS,
    STATE_FACILITY_OWNERS,
    STATE_MODIFIERS,
)

# Words that make an unknown name an organisation rather than a place or a person.
GROUP_WORDS = frozenset(
    {
        "brigade",
        "brigades",
        "army",
        "front",
        "movement",
        "party",
        "group",
        "militia",
        "forces",
        "force",
        "union",
        "council",
        "committee",
        "units",
        "battalion",
        "guard",
        "guards",
        "organization",
        "organisation",
        "association",
        "coalition",
        "alliance",
        "cartel",
        "gang",
        "clan",
        "tribe",
        "rebels",
        "fighters",
        "militants",
        "network",
        "faction",
        "factions",
        "commandos",
        "regiment",
        "corps",
        "league",
        "congress",
        "federation",
        "division",
        "squad",
        "resistance",
        "mujahideen",
        "jihad",
        "liberation",
        "defence",
        "defense",
        "self-defense",
    }
)
# Owners that make a facility the forces' of the event's country with no country named.
REGIME_WORDS = frozenset({"government", "governmental", "regime"})
# Entity labels that can name a group of people that acts.
ACTOR_ENTITY_LABELS = frozenset({"ORG", "NORP"})
# Confidence by how the actor was resolved: exact alias, pattern, fuzzy, unresolved.
EXACT_CONFIDENCE = 0.9
PATTERN_CONFIDENCE = 0.8
GENERIC_CONFIDENCE = 0.7
FUZZY_CONFIDENCE = 0.65
UNRESOLVED_CONFIDENCE = 0.35


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor mention: the tokens that name it and what it resolved to.

    ``country`` is the actor's own country (foreign state forces get inter 8); ``kind``
    is the dictionary type or a generic group name; ``resolved`` is False for a surface
    name kept for review.
    """

    name: str
    inter: str | None
    kind: str
    start: int  # token indices in the Doc, end exclusive
    end: int
    country: str | None = None
    resolved: bool = True
    method: str = "pattern"
    confidence: float = PATTERN_CONFIDENCE

    def covers(self, token_i: int) -> bool:
        return self.start <= token_i < self.end


class MentionFinder:
    """Finds ActorRefs in a sentence; ``country`` fills in generic and bare state actors."""

    def __init__(self, actors: ActorDictionary, countries: CountryTable):
        self.actors = actors
        self.countries = countries

    def find(self, sent, country: str | None, year: int | None) -> list[ActorRef]:
        """All actor mentions in the spaCy span ``sent``, in text order, non-overlapping."""
        refs: list[ActorRef] = []
        taken: set[int] = set()

        def add(ref: ActorRef | None) -> None:
            if ref and not any(i in taken for i in range(ref.start, ref.end)):
                refs.append(ref)
                taken.update(range(ref.start, ref.end))

        for ref in self._dictionary_refs(sent, year):
            add(ref)
        for start, end in _proper_runs(sent, taken):
            add(self._fuzzy_ref(sent.doc[start:end], year))
        for token in sent:
            if token.i not in taken:
                for ref in self._state_refs(token, country, year, taken):
                    add(ref)
        for token in sent:
            if token.i not in taken:
                add(self._generic_ref(token, country, taken))
        for ent in sent.ents:
            if any(t.i in taken for t in ent):
                continue
            if ent.label_ in ACTOR_ENTITY_LABELS:
                add(self._entity_ref(ent, year))
            elif ent.label_ == "GPE" and _is_subject(ent.root):
                add(self._country_subject(ent, year))
        return sorted(refs, key=lambda r: r.start)

    def _dictionary_refs(self, sent, year: int | None) -> list[ActorRef]:
        refs = []
        i, end = sent.start, sent.end
        doc = sent.doc
        while i < end:
            for n in range(min(self.actors.max_alias_words, end - i), 0, -1):
                span = doc[i : i + n]
                entry = self.actors.lookup(span.text, year)
                if entry and not _is_country_word(self.countries, span.text):
                    name = (
                        self.countries.stamp_period(entry.name, year)
                        if entry.type == "state"
                        else entry.name
                    )
                    refs.append(
                        ActorRef(
                            name,
                            entry.inter,
                            entry.type,
                            i,
                            i + n,
                            entry.country,
                            method="alias",
                            confidence=EXACT_CONFIDENCE,
                        )
                    )
                    i += n
                    break
            else:
                i += 1
        return refs

    def _state_refs(
        self, token, country: str | None, year: int | None, taken: set[int]
    ) -> list[ActorRef]:
        """State forces named by the force noun ``token``; "Turkish and Russian forces"
        gives two, the second spanning only its own country word."""
        word = token.lower_
        owned = token.lemma_ in FACILITY_NOUNS and any(
            c.lower_ in STATE_FACILITY_OWNERS for c in token.children
        )
        if owned:
            word = "forces"  # "regime positions", "governmental positions" name the forces there
        elif word not in MILITARY_NOUNS and word not in POLICE_NOUNS:
            return []
        facility = token.dep_ == "compound" and token.head.lemma_ in FACILITY_NOUNS
        if (token.dep_ in {"compound", "amod"} and not facility) or token.pos_ not in {
            "NOUN",
            "PROPN",
            "ADJ",
        }:
            return []  # "military reinforcements", "police station"; "army forces" via its head
        kind = "Police Forces" if _is_police(token) else "Military Forces"
        start = token.i
        owner: Country | None = None
        partners: list[tuple[Country, int]] = []
        modifiers = _modifiers(token)
        if any(m.i in taken for m in modifiers):
            return []  # "GNA soldiers", "Houthi forces": the named actor is the actor
        for mod in sorted(modifiers, key=lambda t: t.i):
            found = self.countries.name_or_demonym(_own_text(mod))
            if found or mod.lower_ in STATE_MODIFIERS:
                start = min(start, mod.left_edge.i)
            owner = owner or found
            for conj in (c for c in mod.children if c.dep_ == "conj"):
                partner = self.countries.name_or_demonym(_own_text(conj))
                if partner:
                    partners.append((partner, conj.i))
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                found = self.countries.by_name(_own_text(obj))
                if found:
                    owner = owner or found
                for conj in (c for c in obj.children if c.dep_ == "conj"):
                    partner = self.countries.by_name(_own_text(conj))
                    if partner:
                        partners.append((partner, conj.i))
        if word in {"officer", "officers"} and not _is_police(token):
            return []  # army officers are counted by "army"; other officers are not forces
        has_state_modifier = any(
            m.lower_ in STATE_MODIFIERS | STATE_FACILITY_OWNERS | MILITARY_NOUNS | POLICE_NOUNS
            for m in modifiers
        )
        if owner is None and not (has_state_modifier or word in BARE_STATE_NOUNS):
            return []
        if owned and owner is None and not any(m.lower_ in REGIME_WORDS for m in modifiers):
            return []  # "a joint military patrol" belongs to whoever holds it, not the host
        actor_country = owner.name if owner else country
        if actor_country is None:
            return [
                ActorRef(
                    kind,
                    "1",
                    "state",
                    start,
                    token.i + 1,
                    None,
                    resolved=False,
                    method="unresolved",
                    confidence=UNRESOLVED_CONFIDENCE,
                )
            ]
        refs = [
            ActorRef(
                self.countries.state_actor(kind, actor_country, year),
                "1",
                "state",
                start,
                token.i + 1,
                actor_country,
            )
        ]
        for partner, i in partners:
            name = self.countries.state_actor(kind, partner.name, year)
            refs.append(ActorRef(name, "1", "state", i, i + 1, partner.name))
        return refs

    def _generic_ref(self, token, country: str | None, taken: set[int]) -> ActorRef | None:
        group = GENERIC_GROUPS.get(token.lower_)
        modifiers = {c.lower_ for c in token.children if c.dep_ in {"amod", "compound"}}
        if modifiers & ARMED_WORDS and token.lower_ in {
            "men",
            "man",
            "people",
            "group",
            "individuals",
            "persons",
        }:
            group = "unidentified"
        if group is None or token.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            return None
        if any(c.i in taken for c in token.children if c.dep_ in {"compound", "amod", "nmod"}):
            return None  # "IS fighters": the named group is the actor
        if group == "civilians" and token.dep_ == "compound":
            return None
        if group in {"civilians", "protesters", "rioters"} and _inside_a_name(token):
            return None  # "the Donbass People's Militia" is an armed group, not people
        if group in {"civilians", "protesters", "rioters"}:
            # "Malian refugees" in Burkina Faso are Civilians (Mali).
            country = next(
                (
                    found.name
                    for c in token.children
                    if c.dep_ in {"amod", "compound"}
                    if (found := self.countries.name_or_demonym(c.text))
                ),
                country,
            )
        base, inter = GENERIC_NAMES[group]
        name = f"{base} ({country})" if country else base
        start = min(
            [token.i]
            + [
                c.left_edge.i
                for c in token.children
                if c.i < token.i and c.dep_ in {"amod", "compound"}
            ]
        )
        return ActorRef(
            name, inter, group, start, token.i + 1, country, confidence=GENERIC_CONFIDENCE
        )

    def _country_subject(self, ent, year: int | None) -> ActorRef | None:
        """A country that acts ("Turkey and Russia conducted a joint patrol") acts
        through its armed forces."""
        country = self.countries.by_name(re.sub(r"^(the|The)\s+", "", ent.text))
        verb = ent.root.head.head if ent.root.dep_ == "conj" else ent.root.head
        if country is None or verb.pos_ != "VERB":
            return None
        name = self.countries.state_actor("Military Forces", country.name, year)
        return ActorRef(name, "1", "state", ent.start, ent.end, country.name)

    def _fuzzy_ref(self, span, year: int | None) -> ActorRef | None:
        """A misspelt alias ("Hayat Tahrir al-Shaam") among runs of proper nouns."""
        found = self.actors.fuzzy_lookup(span.text, year)
        if found is None:
            return None
        entry, score = found
        return ActorRef(
            entry.name,
            entry.inter,
            entry.type,
            span.start,
            span.end,
            entry.country,
            method="fuzzy",
            confidence=FUZZY_CONFIDENCE * score / 100,
        )

    def _entity_ref(self, ent, year: int | None) -> ActorRef | None:
        text = re.sub(r"^(the|The)\s+", "", ent.text).strip()
        if (
            self.countries.name_or_demonym(text)
            or len(text) < 2
            or normalise(text) in place_index()
        ):
            return None  # a country or a place mistagged as an organisation
        fuzzy = self.actors.fuzzy_lookup(text, year)
        if fuzzy:
            entry, score = fuzzy
            return ActorRef(
                entry.name,
                entry.inter,
                entry.type,
                ent.start,
                ent.end,
                entry.country,
                method="fuzzy",
                confidence=FUZZY_CONFIDENCE * score / 100,
            )
        if ent.root.dep_ in {"compound", "amod"} and ent.root.head.lower_ in PLACE_NOUNS:
            return None  # "Zaghniya village"
        if ent.label_ == "NORP" and not _names_people(ent):
            return None  # a mistagged place ("Maarrat Misrin")
        if ent.label_ != "NORP" and not _looks_like_group(text):
            return None  # "Kansafra", "Hajlah": an unknown single name is more often a place
        inter = "4" if ent.label_ == "NORP" else "3"
        return ActorRef(
            text,
            inter,
            "unknown",
            ent.start,
            ent.end,
            resolved=False,
            method="unresolved",
            confidence=UNRESOLVED_CONFIDENCE,
        )


def _looks_like_group(text: str) -> bool:
    """An organisation name: it has a group word ("Zarqawi Brigade") or is an acronym."""
    words = text.split()
    acronym = len(words) == 1 and text.isalpha() and text.isupper() and len(text) >= 2
    return acronym or any(w.lower() in GROUP_WORDS for w in words)


def _is_subject(token) -> bool:
    """The subject of a clause, or coordinated with one ("Russia and Turkey held")."""
    return token.dep_ == "nsubj" or (token.dep_ == "conj" and token.head.dep_ == "nsubj")


def _names_people(ent) -> bool:
    """A NORP entity that names people: plural ("Tuaregs") or qualifying a group noun
    ("Fulani herders", "Dinka militia")."""
    head = ent.root.head.lower_
    qualifies = ent.root.dep_ in {"compound", "amod"} and (
        head in GENERIC_GROUPS or head in GROUP_WORDS
    )
    return qualifies or ent.text.endswith("s")


def _proper_runs(sent, taken: set[int]):
    """(start, end) of runs of two or more proper-noun tokens not yet claimed."""
    start = None
    for token in [*sent, None]:
        inside = (
            token is not None
            and token.i not in taken
            and (token.pos_ == "PROPN" or (start is not None and token.text in {"-", "'", "al"}))
        )
        if inside and start is None:
            start = token.i
        elif not inside and start is not None:
            end = token.i if token is not None else sent.end
            if end - start >= 2:
                yield start, end
            start = None


def _modifiers(token) -> list:
    """Pre-modifiers of a force noun, including those of its force-noun compounds
    ("Turkish Military forces": "Turkish" may hang from "Military")."""
    forces = MILITARY_NOUNS | POLICE_NOUNS
    found = []
    for child in token.children:
        if child.i < token.i and child.dep_ in {"amod", "compound", "nmod", "poss"}:
            found.append(child)
            if child.lower_ in forces:
                found += [
                    c for c in child.children if c.dep_ in {"amod", "compound", "nmod", "poss"}
                ]
    return sorted(found, key=lambda t: t.i)


def _is_police(token) -> bool:
    """Police nouns, or any force noun qualified as police ("riot squad", "police officers")."""
    if token.lower_ in POLICE_NOUNS - {"officer", "officers"}:
        return True
    words = {c.lower_ for c in token.children if c.dep_ in {"amod", "compound"}}
    return bool(words & {"police", "riot"})


def _own_text(token) -> str:
    """The modifier with its own compounds ("United States"), without coordinated ones."""
    start = token.i
    while (
        start > 0
        and token.doc[start - 1].dep_ == "compound"
        and token.doc[start - 1].head.i == token.i
    ):
        start -= 1
    text = token.doc[start : token.i + 1].text
    return text.removeprefix("the ").removeprefix("The ")


def _is_country_word(countries: CountryTable, text: str) -> bool:
    """Country names and demonyms are places or modifiers here, never actors themselves."""
    return countries.name_or_demonym(text) is not None


def _inside_a_name(token) -> bool:
    """True for a capitalised word inside a longer organisation name (mid-sentence)."""
    doc = token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return (
        token.text[:1].isupper()
        and not token.is_sent_start
        and token.ent_type_ == "ORG"
        and any(t.ent_type_ == "ORG" for t in neighbours)
    )
