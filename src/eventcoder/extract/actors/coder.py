"""ActorCoder: actor1/actor2, associated actors, inter codes and interaction of an event.

Roles come from the dependency parse of the event's sentences (``roles``), names from
the dictionary and patterns (``mentions``), and the ACLED codebook conventions fill what
the text leaves implicit: protests are by "Protesters (Country)", attacks on civilians
target "Civilians (Country)", an unattributed bombing is by an "Unidentified Armed Group".
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from eventcoder.extract.actors.countries import CountryTable
from eventcoder.extract.actors.dictionary import load_actor_dictionary
from eventcoder.extract.actors.gazetteer import CountryGuesser, place_names
from eventcoder.extract.actors.lexicon import EVENT_LEMMAS, GENERIC_NAMES, PLACE_NOUNS
from eventcoder.extract.actors.mentions import ActorRef, MentionFinder
from eventcoder.extract.actors.roles import Roles, find_roles, victims
from eventcoder.extract.evidence import make_evidence
from eventcoder.records import ActorFinding, EventMention, Evidence, ParsedArticle

METHOD = "rules.actors.v1"
# Actor kinds that cannot be the perpetrator of political violence in ACLED's coding.
VICTIM_KINDS = frozenset({"civilians", "protesters"})
ARMED_KINDS = frozenset(
    {"state", "rebel", "militia", "identity", "external", "unidentified", "gang"}
)
# ACLED sub-event types where the state intervenes against the protest (actor2 = forces).
PROTEST_INTERVENTION = frozenset(
    {"Protest with intervention", "Excessive force against protesters"}
)
LOCATIVE_PREPS = frozenset({"in", "near", "at", "outside", "around"})
# Signs of organised crime rather than political violence (see ``_as_gang``).
CRIME_CUES = re.compile(
    r"drive-by|found dead|bod(?:y|ies)\b[^.]{0,60}\b(?:was|were) found|signs of torture"
    r"|hands (?:were )?tied|dismembered|beheaded|execution-style",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
# Confidence of an actor that only the event type implies (no words name it).
CONVENTION_CONFIDENCE = 0.5


class ActorCoder:
    """Codes the actors of one event mention.

    Example::

        coder = ActorCoder()
        finding = coder.extract(parsed, mention)
        finding.actor1, finding.inter1, finding.interaction
    """

    def __init__(self, dictionary: Path | str | None = None):
        self.actors = load_actor_dictionary(dictionary)
        self.countries = CountryTable.load()
        self.guesser = CountryGuesser(self.countries)
        self.finder = MentionFinder(self.actors, self.countries)

    def extract(self, parsed: ParsedArticle, mention: EventMention) -> ActorFinding:
        spans = _mention_spans(parsed, mention)
        if not spans:
            return ActorFinding()
        country = self.event_country(parsed, spans)
        year = _event_year(parsed, spans)
        trigger = _trigger_token(parsed, mention, spans[0])
        roles, seen, suffered = Roles(), [], []
        for i, span in enumerate(spans):
            refs = self.finder.find(span, country, year)
            seen += refs
            word = trigger if i == 0 else _event_word(span)
            _merge(roles, find_roles(word, refs))
            suffered += victims(span, refs, EVENT_LEMMAS)
        if not roles.patients:
            roles.patients = [r for r in suffered if r not in roles.agents]
        target_kind = roles.patients[0].kind if roles.patients else None
        # Sufferers of the event are never its unnamed perpetrator.
        seen = [r for r in seen if r not in suffered]
        if not roles.agents and mention.event_type not in {"Protests", "Riots"}:
            roles.agents = self._agent_elsewhere(parsed, spans, country, year)
        dyad = self._dyad(country, year, trigger)
        a1, a2, assoc1, assoc2 = _apply_conventions(mention, roles, seen, country, trigger, dyad)
        if a1 and a1.kind == "unidentified" and any(CRIME_CUES.search(s.text) for s in spans):
            a1 = _as_gang(a1, country)
        return replace(
            self._finding(parsed, country, a1, a2, assoc1, assoc2), target_kind=target_kind
        )

    def _dyad(self, country: str | None, year: int | None, trigger) -> tuple[ActorRef, ...]:
        """The two sides of the country's main war as actors, or () where there is none."""
        names = self.countries.default_dyad(country, year) if country else None
        refs = []
        for name in names or ():
            entry = self.actors.lookup(name, year)
            state = self.countries.by_name(name.split(" of ", 1)[-1].split(" (")[0])
            if entry:
                refs.append(_implied(name, entry.inter, entry.type, entry.country, trigger))
            elif state:  # "Military Forces of Russia (2000-)" fighting in Ukraine: inter 8
                refs.append(_implied(name, "1", "state", state.name, trigger))
        return tuple(refs) if len(refs) == 2 else ()

    def event_country(self, parsed: ParsedArticle, spans: list) -> str | None:
        """The country of the event: place names of its sentences, else of the article."""
        # Names in locative phrases are listed twice: they count double.
        names = [
            n
            for span in spans
            for n in _place_names(span, self.countries) + _located_names(span, self.countries)
        ]
        demonyms = [t.text for span in spans for t in span if t.ent_type_ == "NORP"]
        guess = self.guesser.guess(names, demonyms)
        if guess:
            return guess
        whole = parsed.doc[:]
        return self.guesser.guess(
            _place_names(whole, self.countries), [t.text for t in whole if t.ent_type_ == "NORP"]
        )

    def _agent_elsewhere(self, parsed, spans, country, year) -> list[ActorRef]:
        """An armed agent of a violent verb anywhere in the article (reports often name the
        perpetrator in a later sentence: "The US military confirmed it had killed...")."""
        for sent in parsed.doc.sents:
            if any(sent.start == s.start for s in spans):
                continue
            refs = self.finder.find(sent, country, year)
            for token in sent:
                if token.lemma_ in EVENT_LEMMAS and token.pos_ == "VERB":
                    found = [r for r in find_roles(token, refs).agents if r.kind in ARMED_KINDS]
                    if found:
                        return found[:1]
        return []

    def _finding(self, parsed, country, a1, a2, assoc1, assoc2) -> ActorFinding:
        inter1 = _inter(a1, country) if a1 else None
        inter2 = _inter(a2, country) if a2 else ("0" if a1 else None)
        evidence: list[Evidence] = []
        for field, ref in (("actor1", a1), ("actor2", a2)):
            if ref:
                evidence.append(_evidence(parsed, field, ref.name, ref))
        for field, refs in (("assoc_actor_1", assoc1), ("assoc_actor_2", assoc2)):
            evidence += [_evidence(parsed, field, r.name, r) for r in refs]
        return ActorFinding(
            actor1=a1.name if a1 else None,
            assoc_actor_1=_join(assoc1),
            inter1=inter1,
            actor2=a2.name if a2 else None,
            assoc_actor_2=_join(assoc2),
            inter2=inter2,
            interaction=interaction(inter1, inter2),
            civilian_targeting="Civilian targeting" if a2 and a2.kind == "civilians" else None,
            evidence=tuple(evidence),
        )


def interaction(inter1: str | None, inter2: str | None) -> str | None:
    """ACLED interaction: both codes, lower first, a missing side written 0 and last."""
    codes = [c for c in (inter1, inter2) if c and c != "0"]
    if not codes:
        return None
    if len(codes) == 1:
        return f"{codes[0]}0"
    return "".join(sorted(codes))


def _inter(ref: ActorRef, country: str | None) -> str | None:
    """State forces fighting outside their own country are External/Other forces (8)."""
    if ref.inter == "1" and ref.country and country and ref.country != country:
        return "8"
    return ref.inter


def _apply_conventions(mention, roles: Roles, seen: list[ActorRef], country, trigger, dyad):
    """actor1, actor2 and associated actors after ACLED's conventions by event type."""
    etype, sub = mention.event_type, mention.sub_event_type
    agents = [_as_perpetrator(r, etype, country) for r in roles.agents]
    agents = [r for r in agents if r.kind not in VICTIM_KINDS or etype in {"Protests", "Riots"}]
    patients = list(roles.patients)
    a1 = agents[0] if agents else None
    a2 = patients[0] if patients else None
    assoc1 = [r for r in agents[1:] + roles.agent_assoc if r != a2]
    assoc2 = [r for r in patients[1:] + roles.patient_assoc if r != a1]
    if etype in {"Protests", "Riots"}:
        group = "protesters" if etype == "Protests" else "rioters"
        a1 = _generic(group, country, seen, trigger)
        assoc1 = []
        forces = [r for r in seen if r.kind == "state"]
        if etype == "Protests":
            a2 = forces[0] if sub in PROTEST_INTERVENTION and forces else None
        elif a2 is None or a2.kind in VICTIM_KINDS - {"civilians"}:
            a2 = forces[0] if forces else None
        assoc2 = []
    elif etype == "Violence against civilians":
        if a1 is None or a1.kind in VICTIM_KINDS:
            armed = [r for r in seen if r.kind in ARMED_KINDS and r != a2]
            a1 = armed[0] if armed else _generic("unidentified", country, [], trigger)
        if a2 is None or a2.kind != "civilians":
            a2 = _generic("civilians", country, seen, trigger)
        assoc2 = [r for r in assoc2 if r.kind != "civilians"]
    elif a1 is None:
        armed = [r for r in seen if r.kind in ARMED_KINDS and r != a2]
        if dyad and not armed and etype in {"Battles", "Explosions/Remote violence"}:
            a1, a2 = dyad[0], a2 or dyad[1]
        else:
            a1 = armed[0] if armed else _generic("unidentified", country, [], trigger)
        if etype == "Battles" and a2 is None and len(armed) > 1:
            a2 = armed[1]
    if a2 is None and etype == "Battles":
        others = [r for r in seen if r.kind in ARMED_KINDS and r.name != a1.name]
        a2 = others[0] if others else None
    if a2 is None and sub == "Looting/property destruction" and a1 and a1.kind != "civilians":
        a2 = _generic("civilians", country, [], trigger)  # the property's owners
    if (
        a2 is not None
        and a1 is not None
        and a2.name == a1.name
        and etype not in {"Battles", "Riots"}
    ):
        a2 = None
    assoc1 = _unique(assoc1, {a1, a2})
    assoc2 = _unique(assoc2, {a1, a2, *assoc1})
    return a1, a2, assoc1, assoc2


def _generic(group: str, country: str | None, seen: list[ActorRef], trigger) -> ActorRef:
    """The generic actor of ``group``: its mention in the text if any, else implied."""
    for ref in seen:
        if ref.kind == group:
            return ref
    base, inter = GENERIC_NAMES[group]
    return _implied(f"{base} ({country})" if country else base, inter, group, country, trigger)


def _as_perpetrator(ref: ActorRef, etype: str, country: str | None) -> ActorRef:
    """A person who shoots or bombs ("a man opened fire") is an unidentified armed actor,
    not a civilian, in political violence."""
    if ref.kind != "civilians" or etype in {"Protests", "Riots", "Strategic developments"}:
        return ref
    base, inter = GENERIC_NAMES["unidentified"]
    name = f"{base} ({country})" if country else base
    return ActorRef(
        name, "3", "unidentified", ref.start, ref.end, country, confidence=ref.confidence
    )


def _as_gang(ref: ActorRef, country: str | None) -> ActorRef:
    """Unnamed killers whose modus operandi is organised crime's (drive-by shootings,
    bodies dumped with signs of torture) are coded as an unidentified gang."""
    base, inter = GENERIC_NAMES["gang"]
    name = f"{base} ({country})" if country else base
    return ActorRef(
        name,
        inter,
        "gang",
        ref.start,
        ref.end,
        country,
        method=ref.method,
        confidence=ref.confidence,
    )


def _implied(name: str, inter: str, kind: str, country: str | None, trigger) -> ActorRef:
    """An actor no words name, implied by a convention; its evidence is the trigger."""
    return ActorRef(
        name,
        inter,
        kind,
        trigger.i,
        trigger.i + 1,
        country,
        method="convention",
        confidence=CONVENTION_CONFIDENCE,
    )


def _unique(refs: list[ActorRef], exclude: set) -> list[ActorRef]:
    out: list[ActorRef] = []
    names = {r.name for r in exclude if r}
    for ref in refs:
        if ref.name not in names:
            names.add(ref.name)
            out.append(ref)
    return out


def _merge(into: Roles, found: Roles) -> None:
    """Roles from a later sentence only fill roles the earlier ones left empty."""
    for name in ("agents", "patients", "agent_assoc", "patient_assoc"):
        if not getattr(into, name):
            setattr(into, name, getattr(found, name))


def _join(refs: list[ActorRef]) -> str | None:
    return "; ".join(r.name for r in refs) or None


def _evidence(parsed: ParsedArticle, field: str, value: str, ref: ActorRef) -> Evidence:
    doc = parsed.doc
    start, end = doc[ref.start].idx, doc[ref.end - 1].idx + len(doc[ref.end - 1])
    method = METHOD if ref.resolved and ref.method != "convention" else f"{METHOD}:{ref.method}"
    return make_evidence(parsed, field, value, start, end, method, ref.confidence)


def _mention_spans(parsed: ParsedArticle, mention: EventMention) -> list:
    spans = []
    for index in mention.sentence_indices:
        if 0 <= index < len(parsed.sentences):
            sentence = parsed.sentences[index]
            span = parsed.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
    return spans


def _trigger_token(parsed: ParsedArticle, mention: EventMention, main):
    """The syntactic head of the trigger span, or the main sentence's event word."""
    span = parsed.doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return _event_word(main)
    return span.root


def _event_word(span):
    for token in span:
        if token.lemma_ in EVENT_LEMMAS:
            return token
    return span.root


def _event_year(parsed: ParsedArticle, spans: list) -> int | None:
    """The year for period-stamped names: a year in the event's sentences, else the
    publication year, else unknown (the current government is then assumed)."""
    for span in spans:
        found = YEAR.search(span.text)
        if found:
            return int(found.group(1))
    published = parsed.article.published
    return published.year if published else None


def _place_names(span, countries: CountryTable) -> list[str]:
    """Place names of a span, leaving out countries that only qualify a thing ("US
    military", "US dollar", "France embassy"); "Kandahar city" keeps its place."""
    skip = {
        t.i
        for t in span
        if t.dep_ in {"compound", "amod", "nmod"}
        and t.head.pos_ == "NOUN"
        and t.head.lower_ not in PLACE_NOUNS
        and countries.name_or_demonym(t.text)
    }
    return place_names(span, skip)


def _located_names(span, countries: CountryTable) -> list[str]:
    """Place names inside "in/near/at X" phrases: where the event happened, not what it
    was about ("a trip to the United States")."""
    names = []
    for prep in span:
        if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS:
            sub = span.doc[prep.i + 1 : prep.right_edge.i + 1]
            names += _place_names(sub, countries)
    return names
