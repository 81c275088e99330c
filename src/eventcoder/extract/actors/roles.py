"""Who did it to whom: agent and patient of the event word, from the dependency parse.

The event word is the trigger ("strike", "killed"). Its verb is the trigger itself or,
for a noun trigger, the verb it hangs from ("conducted a strike", "a strike targeted").
Agent: the active subject, or "by X" in the passive. Patient: the object, the passive
subject, "on/against X", or the object of "targeting X". Coordinated actors ("X and Y")
and "backed by / with the support of" phrases give the associated actors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eventcoder.extract.actors.mentions import ActorRef

SUBJECT_DEPS = frozenset({"nsubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr"})
# Prepositions whose object is the target: "an attack on X", "fired at X".
TARGET_PREPS = frozenset({"on", "against", "at", "upon", "targeting"})
# Prepositions whose object acts with the agent: "with the support of X", "alongside X".
SUPPORT_WORDS = frozenset({"support", "backing", "help", "assistance", "cooperation"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "who", "which", "that"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Verbs whose subject reports the event rather than doing it ("the OSCE observed").
REPORT_LEMMAS = frozenset(
    {"observe", "report", "say", "announce", "confirm", "record", "claim", "state", "document"}
)
# Words of two-sided fighting, whose "with X" is the other side.
CLASH_WORDS = frozenset(
    {
        "clash",
        "firefight",
        "fight",
        "exchange",
        "encounter",
        "gunfight",
        "battle",
        "skirmish",
        "engage",
    }
)
# Nouns that name an attack, whose "by X" is the agent.
EVENT_NOUNS = frozenset(
    {
        "attack",
        "strike",
        "airstrike",
        "raid",
        "ambush",
        "assault",
        "offensive",
        "shelling",
        "bombing",
    }
)
# How far up the tree to climb from the trigger looking for a clause with a subject.
MAX_CLIMB = 4


@dataclass(slots=True)
class Roles:
    """Actors by role, each list in order of confidence (first = the actor)."""

    agents: list[ActorRef] = field(default_factory=list)
    patients: list[ActorRef] = field(default_factory=list)
    agent_assoc: list[ActorRef] = field(default_factory=list)
    patient_assoc: list[ActorRef] = field(default_factory=list)


def find_roles(trigger, refs: list[ActorRef]) -> Roles:
    """Agent/patient actors of the event word ``trigger`` (a spaCy Token) among ``refs``."""
    roles = Roles()
    verbs = _event_verbs(trigger)
    for verb in verbs:
        for child in verb.children:
            if (
                child.dep_ in SUBJECT_DEPS
                and child.i != trigger.i
                and verb.lemma_ not in REPORT_LEMMAS
            ):
                _add(roles.agents, roles.agent_assoc, _resolve(_antecedent(child, verb), refs))
            elif child.dep_ == "agent":
                for obj in child.children:
                    _add(roles.agents, roles.agent_assoc, _resolve(obj, refs))
            elif child.dep_ in PASSIVE_SUBJECT_DEPS or child.dep_ in OBJECT_DEPS:
                if child.i != trigger.i:
                    _add(roles.patients, roles.patient_assoc, _resolve(child, refs))
            elif child.dep_ in {"xcomp", "advcl"} and child.lower_ in TARGET_PREPS:
                for obj in child.children:
                    if obj.dep_ in OBJECT_DEPS:
                        _add(roles.patients, roles.patient_assoc, _resolve(obj, refs))
    # Event nouns hanging from the verb by a preposition ("killed following an attack by X").
    nouns = [
        obj
        for verb in verbs
        for prep in verb.children
        if prep.dep_ == "prep"
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.lemma_ in EVENT_NOUNS | CLASH_WORDS
    ]
    for word in [trigger, *verbs, *nouns]:
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPS:
                for obj in prep.children:
                    _add(roles.patients, roles.patient_assoc, _resolve(obj, refs))
            elif prep.dep_ == "prep" and prep.lower_ == "by" and word.pos_ == "NOUN":
                for obj in prep.children:
                    _add(roles.agents, roles.agent_assoc, _resolve(obj, refs))
            elif prep.dep_ == "prep" and prep.lower_ == "between" and word.lemma_ in CLASH_WORDS:
                _between(prep, refs, roles)  # "clashes between X and Y"
            elif prep.dep_ == "prep" and prep.lower_ == "with" and word.lemma_ in CLASH_WORDS:
                for obj in prep.children:  # "clashed with X": X is the other side
                    _add(roles.patients, roles.patient_assoc, _resolve(obj, refs))
    for token in trigger.sent:
        if token.lower_ in SUPPORT_WORDS or (token.lower_ == "backed" and token.dep_ != "amod"):
            for helper in _support_objects(token):
                for ref in _resolve(helper, refs):
                    if ref not in roles.agents and ref not in roles.agent_assoc:
                        roles.agent_assoc.append(ref)
    roles.agents = [r for r in roles.agents if r not in roles.patients] or roles.agents
    for name in ("agents", "patients"):  # a resolved actor beats a surface name
        setattr(roles, name, sorted(getattr(roles, name), key=lambda r: not r.resolved))
    return roles


def _event_verbs(trigger) -> list:
    """The verb(s) whose arguments are the event's: the trigger, its head, its conjuncts."""
    verb = trigger
    for _ in range(MAX_CLIMB):
        if verb.pos_ in {"VERB", "AUX"} or verb.head is verb:
            break
        verb = verb.head
    verbs = [verb]
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        verbs.append(verb.head)  # "shot and killed": the subject hangs from "shot"
    if trigger is not verb and trigger not in verbs:
        verbs.insert(0, trigger)
    return verbs


def _antecedent(subject, verb):
    """A pronoun subject ("it had killed") stands for the subject of the clause above."""
    if subject.lower_ not in PRONOUNS:
        return subject
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    head = verb
    for _ in range(MAX_CLIMB):
        if head.head is head:
            break
        head = head.head
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS and child.lower_ not in PRONOUNS:
                return child
    return subject


def _between(prep, refs: list[ActorRef], roles: Roles) -> None:
    """ "between X and Y": X is one side (agent), Y the other (patient)."""
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        first = [r for r in refs if r.covers(obj.i) or obj.left_edge.i <= r.start < obj.i]
        _add(roles.agents, roles.agent_assoc, first)
        for conj in (c for c in obj.children if c.dep_ == "conj"):
            lo = min(conj.left_edge.i, conj.i)
            second = [r for r in refs if r.covers(conj.i) or lo <= r.start < conj.i]
            _add(roles.patients, roles.patient_assoc, second)


def _support_objects(word):
    """Objects of "with the support of X" / "backed by X"."""
    for prep in word.children:
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"of", "by", "from"}:
            yield from (c for c in prep.children if c.dep_ == "pobj")


def _resolve(token, refs: list[ActorRef]) -> list[ActorRef]:
    """Actors that the phrase headed by ``token`` names, the head's own first.

    "leaders of a faction close to al-Qaeda" names no actor at its head, so the actors
    inside the phrase count; "Turkish and Russian forces" names two.
    """
    # The head's own actor, then actors in its pre-modifiers ("IS fighters", "Turkish
    # and Russian forces"), then coordinated heads ("X and Y").
    direct = [r for r in refs if r.covers(token.i)]
    lo = token.left_edge.i
    direct += [r for r in refs if lo <= r.start and r.end <= token.i and r not in direct]
    for conj in (c for c in token.children if c.dep_ == "conj"):
        direct += [r for r in refs if r.covers(conj.i) and r not in direct]
    if direct:
        return direct
    lo, hi = token.left_edge.i, token.right_edge.i
    return [r for r in refs if lo <= r.start and r.end - 1 <= hi]


def _add(main: list[ActorRef], assoc: list[ActorRef], found: list[ActorRef]) -> None:
    for ref in found:
        if not main:
            main.append(ref)
        elif ref not in main and ref not in assoc:
            assoc.append(ref)


def victims(sent, refs: list[ActorRef], lemmas: frozenset[str]) -> list[ActorRef]:
    """Patients of every event verb of the sentence ("leaders ... had been killed"): they
    suffered the event, so they are never its perpetrators."""
    found: list[ActorRef] = []
    for token in sent:
        if token.lemma_ in lemmas and token.pos_ == "VERB":
            for ref in find_roles(token, refs).patients:
                if ref not in found:
                    found.append(ref)
    return found
