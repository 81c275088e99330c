"""Count an event's deaths from the dependency parse, by ACLED's rules.

A death word (killed, died, dead, deaths, bodies, lost their lives, death toll) is linked
to its victims through the parse ("gunmen killed 3 soldiers and 2 civilians": 5); numbers
attached to injuries, arrests or abductions never are. Per sentence the distinct victim
groups are summed; across sentences the largest figure is kept, because news repeats one
toll many times, unless a sentence adds victims ("another", "also"). Explicit zeros ("no
casualties") count; cumulative tolls ("since the start of the war") do not.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventcoder.extract.dates import find_dates
from eventcoder.extract.evidence import make_evidence
from eventcoder.extract.fatalities.lexicon import (
    ADDITIVE,
    ANIMALS,
    BODY_NOUNS,
    CIVILIAN_NOUNS,
    CODED_AS,
    CONVENTION_LIMITED,
    CUMULATIVE,
    DEATH_NOUNS,
    DIE_VERBS,
    EXCESSIVE_FORCE,
    GRIEVANCE_TYPES,
    GRIEVANCE_VERBS,
    HURT_WORDS,
    IRREALIS,
    KILL_VERBS,
    NO_DEATHS,
    OTHER_CLAUSES,
    PROTESTS,
    SPLIT,
    STRATEGIC,
)
from eventcoder.extract.fatalities.numbers import Quantity, number_value, quantity_of, words_to_int
from eventcoder.records import EventMention, FatalityFinding, ParsedArticle

METHOD = "rules.fatalities.v1"


CONFIDENCE_COUNT = 0.85
CONFIDENCE_ZERO = 0.8
CONFIDENCE_VAGUE = 0.5
CONFIDENCE_CONVENTION = 0.3


@dataclass(frozen=True, slots=True)
class _Group:
    """One group of victims in one sentence: "3 soldiers" killed."""

    quantity: Quantity | None  # None: deaths without a count ("leaders were killed")
    victim: Token | None
    anchor: Token
    civilian: bool


class FatalityCounter:
    """Codes ``fatalities`` (and ``civilian_fatalities`` where the text says) of a mention.

    Example: "Gunmen killed 3 soldiers and 2 civilians" gives fatalities 5, civilian 2.
    """

    def extract(self, parsed: ParsedArticle, mention: EventMention) -> FatalityFinding:
        if mention.event_type == PROTESTS and mention.sub_event_type != EXCESSIVE_FORCE:
            return FatalityFinding(0, None, False, ())
        verbs_only = mention.event_type == STRATEGIC
        totals: list[tuple[int, list[_Group], bool]] = []  # (count, groups, additive)
        uncounted: list[_Group] = []
        zero_total = zero_civilian = None
        coded = split = None
        for index in dict.fromkeys(mention.sentence_indices + mention.follow_up_indices):
            if not 0 <= index < len(parsed.sentences):
                continue
            sentence = parsed.sentences[index]
            span = parsed.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if span is None:
                continue
            coded = coded or _coded_as(parsed, sentence.start, sentence.text)
            split = split or _split_parts(sentence.text)
            for match in NO_DEATHS.finditer(sentence.text):
                target = sentence.start + match.start(), sentence.start + match.end()
                if "civilian" in (match["what"] or "").lower():
                    zero_civilian = zero_civilian or target
                else:
                    zero_total = zero_total or target
            dates = _date_tokens(span, sentence.text, sentence.start)
            groups = _groups(span, dates, verbs_only, mention.event_type)
            counted = [g for g in groups if g.quantity is not None]
            uncounted += [g for g in groups if g.quantity is None]
            if counted:
                additive = any(t.lower_ in ADDITIVE for g in counted for t in _near(g))
                totals.append((_sentence_toll(counted), counted, additive))
        if coded is not None:
            return coded
        if totals:
            return self._counted(parsed, totals, zero_civilian, split or 1)
        if zero_total is not None:
            evidence = make_evidence(parsed, "fatalities", 0, *zero_total, METHOD, CONFIDENCE_ZERO)
            return FatalityFinding(0, 0, False, (evidence,))
        if uncounted and not verbs_only:
            anchor = uncounted[0].anchor
            evidence = make_evidence(
                parsed,
                "fatalities",
                CONVENTION_LIMITED,
                anchor.idx,
                anchor.idx + len(anchor.text),
                METHOD,
                CONFIDENCE_CONVENTION,
            )
            return FatalityFinding(CONVENTION_LIMITED, _zero_if(zero_civilian), True, (evidence,))
        return FatalityFinding(0, _zero_if(zero_civilian), False, ())

    def _counted(self, parsed: ParsedArticle, totals, zero_civilian, parts: int) -> FatalityFinding:
        """The largest sentence toll, plus the tolls of sentences that add victims
        ("7 militants were also killed")."""
        restated = [t for t in totals if not t[2]]
        chosen = [t for t in totals if t[2]]
        if restated:
            chosen.append(max(restated, key=lambda t: t[0]))
        groups = [g for _, gs, _ in chosen for g in gs]
        total = _share(sum(count for count, _, _ in chosen), parts)
        civilians = sum(g.quantity.value for g in groups if g.civilian)
        vague = all(g.quantity.vague for g in groups)
        confidence = CONFIDENCE_VAGUE if vague else CONFIDENCE_COUNT
        evidence = tuple(
            make_evidence(
                parsed, "fatalities", g.quantity.value, *_char_span(g), METHOD, confidence
            )
            for g in groups
        )
        civilian = civilians if civilians else (0 if zero_civilian else None)
        return FatalityFinding(total, civilian, vague, evidence)


def _coded_as(parsed: ParsedArticle, offset: int, text: str) -> FatalityFinding | None:
    match = CODED_AS.search(text)
    if match is None:
        return None
    parts = (words_to_int(match["parts"] or "one") or 1) * (
        words_to_int(match["days"] or "one") or 1
    )
    value = _share(int(match["n"]), parts)
    evidence = make_evidence(
        parsed,
        "fatalities",
        value,
        offset + match.start(),
        offset + match.end(),
        METHOD,
        CONFIDENCE_VAGUE,
    )
    return FatalityFinding(value, None, True, (evidence,))


def _split_parts(text: str) -> int | None:
    match = SPLIT.search(text)
    return words_to_int(match["parts"]) if match else None


def _share(total: int, parts: int) -> int:
    """This event's share of a toll split over ``parts`` events, rounded half up as
    ACLED hands out the remainder."""
    return int(total / parts + 0.5) if parts > 1 else total


def _zero_if(target) -> int | None:
    return 0 if target else None


def _sentence_toll(groups: list[_Group]) -> int:
    """Distinct victim groups add up; bodies found are the same dead (and mentioned again
    as "his body was found"), so they only raise the figure when they are all it says."""
    killed = sum(g.quantity.value for g in groups if not _is_body(g))
    bodies = max((g.quantity.value for g in groups if _is_body(g)), default=0)
    return max(killed, bodies)


def _is_body(group: _Group) -> bool:
    words = [group.anchor] + ([group.victim] if group.victim is not None else [])
    return any(w.lemma_.lower() in BODY_NOUNS for w in words)


def _date_tokens(sentence: SpacySpan, text: str, offset: int) -> set[int]:
    """Token indices inside date expressions: "On 4 May 2020" holds no victims."""
    inside: set[int] = set()
    for expression in find_dates(text, offset, None):
        for token in sentence:
            if expression.start <= token.idx < expression.end:
                inside.add(token.i)
    return inside


def _groups(
    sentence: SpacySpan, dates: set[int], verbs_only: bool, mention_type: str = ""
) -> list[_Group]:
    """Victim groups of one sentence, each victim noun once, cumulative tolls left out."""
    seen: set[int] = set()
    groups: list[_Group] = []
    for token in sentence:
        if token.i in dates or _not_done(token) or verbs_only and token.pos_ != "VERB":
            continue
        if mention_type in GRIEVANCE_TYPES and _background(token):
            continue
        victims = [(v, q) for v, q in _victims(token) if v is None or _plausible(v, dates)]
        if any(v is not None and _nobody(v) for v, _ in victims):
            continue  # "no one was killed": a zero, read by NO_DEATHS
        death_verb = token.lemma_.lower() in KILL_VERBS | DIE_VERBS or _shot_dead(token)
        if death_verb and token.pos_ == "VERB" and all(v is None for v, _ in victims):
            # the small parser often misses the victims of headline-style clauses
            # ("At least one soldier killed and two wounded"): take the nearest count before
            fallback = _nearest_number_before(token, dates)
            victims = [fallback] if fallback[0] is not None else victims or [(None, None)]
        for victim, quantity in victims:
            if quantity is not None and any(i in dates for i in (quantity.first, quantity.last)):
                quantity = None
            key = victim.i if victim is not None else -1 - token.i
            if key in seen or _cumulative(token):
                continue
            seen.add(key)
            civilian = victim is not None and victim.lemma_.lower() in CIVILIAN_NOUNS
            groups.append(_Group(quantity, victim, token, civilian))
    return groups


def _nobody(victim: Token) -> bool:
    """ "no one", "nobody", "no civilians", "none of them"."""
    if victim.lower_ in ("nobody", "none", "noone"):
        return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in victim.children):
        return True
    return victim.lower_ == "one" and victim.i > 0 and victim.doc[victim.i - 1].lower_ == "no"


def _plausible(victim: Token, dates: set[int]) -> bool:
    """Places, dates and animals are not victims, whatever the parse says."""
    if victim.lemma_.lower() in ANIMALS:
        return False
    return victim.i not in dates and victim.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME")


def _background(token: Token) -> bool:
    """A death that a protest or riot is about, not one it caused ("demonstrated against
    the death of an adolescent", "a commemoration for people killed in 2014")."""
    for _ in range(4):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.dep_ == "prep" and token.lower_ in ("against", "over", "for"):
            return True
        if token.lemma_.lower() in GRIEVANCE_VERBS:
            return True
    return False


def _not_done(token: Token) -> bool:
    """A negated, intended or hypothetical killing ("not killed", "threatened to kill")."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if any(
        c.dep_ == "cc" and c.lower_ == "or" for w in (token, *token.conjuncts) for c in w.children
    ):
        return True  # "killing, injuring or capturing 2 PKK members": not a count of dead
    clause = _clause_head(token)  # "not specified whether there were any deaths"
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children):
        return True
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in IRREALIS


def _nearest_number_before(anchor: Token, dates: set[int]) -> tuple[Token | None, Quantity | None]:
    """The nearest counted noun before the death word, in its clause: for when the parse
    took a date or place for the victims ("On 3 May 2020, ..., five members died"), or a
    bare number right before it ("1 killed, three injured")."""
    if anchor.i > anchor.sent.start:
        previous = anchor.doc[anchor.i - 1]
        quantity = number_value(previous) if previous.like_num else None
        if quantity is not None and previous.i not in dates:
            return previous, quantity
    for token in reversed(list(anchor.sent[: anchor.i - anchor.sent.start])):
        if token.i in dates or token.text in (";", ":") or token.lemma_.lower() in HURT_WORDS:
            break
        counted = any(c.dep_ == "nummod" for c in token.children)
        if token.pos_ in ("NOUN", "PROPN") and counted:
            quantity = quantity_of(token)
            if quantity is not None and not any(
                i in dates for i in (quantity.first, quantity.last)
            ):
                return token, quantity
    return None, None


def _subjects(verb: Token, roles: tuple[str, ...]) -> list[Token]:
    """The verb's dependents in ``roles``, or those of the verb it is coordinated with
    ("a man was killed and found dead")."""
    while True:
        found = [c for c in verb.children if c.dep_ in roles]
        if found or verb.dep_ != "conj":
            return found
        verb = verb.head


def _victims(token: Token) -> list[tuple[Token | None, Quantity | None]]:
    """The (victim, how many) pairs that a death word ``token`` points to, or []."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in KILL_VERBS or _shot_dead(token):
        nouns = _subjects(token, ("nsubjpass", "dobj"))
        if (
            not nouns
            and token.tag_ == "VBN"
            and not any(c.lemma_ == "have" for c in token.children)
        ):
            nouns = _subjects(token, ("nsubj",))  # headlines: "Officer killed, 4 troops hurt"
        if (
            not nouns
            and token.dep_ in ("acl", "amod", "relcl")
            and token.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON")
        ):
            nouns = [token.head]  # "three people killed in ...", "soldiers who were killed"
        return _with_conjuncts(nouns) or [(None, None)]
    if token.pos_ == "VERB" and lemma in DIE_VERBS:
        nouns = _subjects(token, ("nsubj",))
        if not nouns and token.dep_ in ("relcl", "acl"):
            nouns = [token.head]
        return _with_conjuncts(nouns) or [(None, None)]
    if lemma == "death" and token.head.lower_ == "to" and token.head.head.pos_ == "VERB":
        verb = token.head.head  # "stabbed a man to death", "was shot to death"
        return _with_conjuncts(_subjects(verb, ("dobj", "nsubjpass"))) or [(None, None)]
    if lemma == "life" and token.head.lemma_.lower() in ("lose", "claim"):
        owners = _subjects(token.head, ("nsubj",)) if token.head.lemma_.lower() == "lose" else []
        owners += [
            g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
        return _with_conjuncts(owners) or [(None, None)]
    if lemma in DEATH_NOUNS and token.pos_ in ("NOUN", "ADJ", "PROPN"):
        return _death_noun(token)
    return []


def _death_noun(token: Token) -> list[tuple[Token | None, Quantity | None]]:
    """ "15 deaths", "1 fatality", "the bodies of 3 men", "3 dead", "death toll rose to 15"."""
    lemma = token.lemma_.lower()
    if lemma == "toll":
        numbers = [
            g
            for c in token.subtree
            if c.like_num and c.dep_ in ("pobj", "attr", "nummod", "dobj")
            for g in [c]
        ]
        if not numbers and token.head.pos_ in ("VERB", "AUX"):
            numbers = [
                t
                for c in token.head.children
                if c.dep_ in ("prep", "attr", "dobj")
                for t in c.subtree
                if t.like_num
            ]
        return [(n, number_value(n)) for n in numbers[:1]] or [(None, None)]
    if lemma == "dead" and token.pos_ == "ADJ":
        if token.dep_ == "amod":
            return _with_conjuncts([token.head])  # "3 people dead"
        holder = token.head  # "found dead", "shot dead", "left 3 dead"
        nouns = [n for n in _subjects(holder, ("nsubjpass", "dobj", "nsubj")) if n.i != token.i]
        own = quantity_of(token)
        if own is not None:
            return [(token, own)]
        return _with_conjuncts(nouns) or [(None, None)]
    own = quantity_of(token) if lemma != "remains" else None
    of_nouns = [
        g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
    ]
    if of_nouns:
        return _with_conjuncts(of_nouns)
    if own is not None and not (own.first == own.last == token.i and token.lower_ in ("dead",)):
        return [(token, own)]
    if lemma in ("body", "corpse", "remains", "death", "fatality") and token.tag_ in ("NNS",):
        return [(token, None)]
    return []


def _with_conjuncts(nouns: list[Token]) -> list[tuple[Token | None, Quantity | None]]:
    """Each noun and the nouns coordinated with it ("3 soldiers and 2 civilians")."""
    out: list[tuple[Token | None, Quantity | None]] = []
    for noun in nouns:
        for member in [noun, *(c for c in noun.conjuncts if not _hurt_only(c))]:
            if member.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ") and member.lower_ not in (
                "it",
                "that",
                "which",
            ):
                out.append((member, quantity_of(member)))
    return out


def _hurt_only(noun: Token) -> bool:
    """A coordinated group that was hurt, not killed: "3 dead and 6 others injured"."""
    return any(c.lemma_.lower() in HURT_WORDS for c in noun.children)


def _shot_dead(token: Token) -> bool:
    """ "shot dead", and any "fatally shot/stabbed/wounded"."""
    if token.pos_ != "VERB":
        return False
    words = {c.lower_ for c in token.children}
    return "fatally" in words or token.lemma_.lower() == "shoot" and "dead" in words


def _cumulative(token: Token) -> bool:
    """True when the death word's own clause sums many days ("since the start of the war")."""
    clause = _clause_head(token)
    words = [t for t in clause.subtree if not _inside_other_clause(t, clause)]
    text = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    return bool(CUMULATIVE.search(text))


def _clause_head(token: Token) -> Token:
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _inside_other_clause(token: Token, clause: Token) -> bool:
    while token.i != clause.i and token.head.i != token.i:
        if token.dep_ in OTHER_CLAUSES:
            return True
        token = token.head
    return False


def _near(group: _Group) -> list[Token]:
    """Words around a group's anchor and victim, where "also"/"another" would be."""
    tokens = list(group.anchor.children)
    if group.victim is not None:
        tokens += list(group.victim.children)
    return tokens


def _char_span(group: _Group) -> tuple[int, int]:
    doc = group.anchor.doc
    q = group.quantity
    indices = [group.anchor.i] + ([q.first, q.last] if q else [])
    first, last = doc[min(indices)], doc[max(indices)]
    return first.idx, last.idx + len(last.text)
