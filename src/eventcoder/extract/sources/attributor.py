"""Who reported an event: attributions in its sentences plus the article's outlet.

Attributions are read from the parse: "according to X", "X said/reported/announced/
confirmed", "reported by X", "an official told X", and "a spokesman for X said" (X, not
the spokesman). Each name is resolved against the source dictionary; names it does not
know are kept as written with no scale, so an analyst sees them and can add them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventcoder.extract.evidence import make_evidence
from eventcoder.extract.sources.dictionary import SourceDictionary, combine_scales
from eventcoder.records import EventMention, Evidence, ParsedArticle, SourceFinding

METHOD = "rules.sources.v1"
METHOD_OUTLET = "metadata.outlet.v1"

REPORTING_VERBS = frozenset(
    [
        "say",
        "report",
        "announce",
        "confirm",
        "state",
        "tell",
        "reveal",
        "add",
        "publish",
        "quote",
        "cite",
        "broadcast",
        "tweet",
        "post",
        "write",
        "deny",
        "acknowledge",
        "note",
    ]
)
# People who speak for an organisation: the organisation is the source.
SPOKESPEOPLE = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "officer",
        "source",
        "commander",
        "director",
        "head",
        "minister",
        "chief",
        "representative",
        "member",
        "correspondent",
        "reporter",
        "statement",
    ]
)
# Unnamed speakers that no coder records as a source.
GENERIC = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "who",
        "which",
        "that",
        "this",
        "official",
        "officials",
        "source",
        "sources",
        "resident",
        "residents",
        "witness",
        "witnesses",
        "people",
        "man",
        "woman",
        "statement",
        "police",
        "report",
        "reports",
    ]
)
CONFIDENCE_KNOWN = 0.85  # the name is in the dictionary
CONFIDENCE_UNKNOWN = 0.55  # kept as written, scale unknown
CONFIDENCE_OUTLET = 0.95  # the article's own metadata
# Attributions outside the event's sentences may belong to other events of the article.
ARTICLE_WIDE_FACTOR = 0.7


@dataclass(frozen=True, slots=True)
class _Attribution:
    name: str  # surface name
    start: int  # the attribution words, in Article.text
    end: int


class SourceAttributor:
    """Codes ``source`` and ``source_scale`` of a mention.

    Example: an article from outlet "Enab Baladi" saying "according to the Syrian
    Observatory for Human Rights" gives source "Enab Baladi; Syrian Observatory for
    Human Rights" and scale "Other-National".
    """

    def __init__(self, dictionary: SourceDictionary | None = None):
        self.dictionary = dictionary or SourceDictionary.load()

    def extract(self, parsed: ParsedArticle, mention: EventMention) -> SourceFinding:
        wanted = [
            i for i in dict.fromkeys(mention.sentence_indices) if 0 <= i < len(parsed.sentences)
        ]
        found = [(a, 1.0) for i in wanted for a in attributions(parsed, i)]
        # Sentences naming the event's people are about the event too ("a spokesman
        # for X revealed that <the man killed> was ..."): their sources count, less surely.
        linked = [i for i in _linked_sentences(parsed, wanted) if i not in wanted]
        found += [(a, ARTICLE_WIDE_FACTOR) for i in linked for a in attributions(parsed, i)]
        if not found:  # the article's other sentences, nearest to the event first
            main = wanted[0] if wanted else 0
            others = sorted(range(len(parsed.sentences)), key=lambda i: (abs(i - main), i))
            found = [
                (a, ARTICLE_WIDE_FACTOR)
                for i in others
                if i not in wanted
                for a in attributions(parsed, i)
            ]
        names: dict[str, str | None] = {}
        evidence: list[Evidence] = []
        outlet = parsed.article.outlet
        if outlet:
            entry = self.dictionary.lookup(outlet)
            name = entry.name if entry else outlet.strip()
            names[name] = entry.scale if entry else None
            evidence.append(
                make_evidence(parsed, "source", name, 0, 0, METHOD_OUTLET, CONFIDENCE_OUTLET)
            )
        for attribution, factor in found:
            entry = self.dictionary.lookup(attribution.name)
            name = entry.name if entry else attribution.name
            if name in names:
                continue
            names[name] = entry.scale if entry else None
            confidence = (CONFIDENCE_KNOWN if entry else CONFIDENCE_UNKNOWN) * factor
            evidence.append(
                make_evidence(
                    parsed, "source", name, attribution.start, attribution.end, METHOD, confidence
                )
            )
        if not names:
            return SourceFinding()
        return SourceFinding(
            "; ".join(names), combine_scales(list(names.values())), tuple(evidence)
        )


def _linked_sentences(parsed: ParsedArticle, wanted: list[int]) -> list[int]:
    """Sentences that name a person also named in the event's sentences."""
    people = {
        ent.text
        for i in wanted
        for ent in parsed.doc.char_span(
            parsed.sentences[i].start, parsed.sentences[i].end, alignment_mode="expand"
        ).ents
        if ent.label_ == "PERSON"
    }
    if not people:
        return []
    return [s.index for s in parsed.sentences if any(person in s.text for person in people)]


def attributions(parsed: ParsedArticle, index: int) -> list[_Attribution]:
    """The attributions of sentence ``index``, in text order."""
    sentence = parsed.sentences[index]
    span = parsed.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return []
    found: list[_Attribution] = []
    for token in span:
        for speaker, cue in _speakers(token):
            name_span = _name(speaker)
            if name_span is None:
                continue
            start = min(name_span.start_char, cue.idx)
            end = max(name_span.end_char, cue.idx + len(cue.text))
            found.append(_Attribution(name_span.text, start, end))
    return sorted(found, key=lambda a: a.start)


def _speakers(token: Token) -> list[tuple[Token, Token]]:
    """(speaker, cue word) pairs for an attribution cue ``token``."""
    lemma = token.lemma_.lower()
    if lemma == "accord":  # "according to X"
        return [
            (g, token)
            for c in token.children
            if c.lower_ == "to"
            for g in c.children
            if g.dep_ == "pobj"
        ]
    if token.pos_ != "VERB" or lemma not in REPORTING_VERBS:
        return []
    out = [(c, token) for c in token.children if c.dep_ == "nsubj"]
    out += [
        (g, token)
        for c in token.children
        if c.dep_ == "agent"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if lemma == "tell":  # "an official told AFP": the outlet that heard it
        out += [
            (c, token)
            for c in token.children
            if c.dep_ in ("dobj", "dative") and c.ent_type_ == "ORG"
        ]
    return out


def _name(token: Token) -> SpacySpan | None:
    """The name a speaker token stands for, or None for unnamed speakers."""
    for _ in range(3):  # "a spokesman for the US Central Command" -> the Command
        if token.lemma_.lower() not in SPOKESPEOPLE:
            break
        owners = [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in ("for", "of", "from", "at")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if not owners:
            return None
        token = owners[0]
    if token.ent_type_ == "PERSON":
        appositions = [c for c in token.children if c.dep_ == "appos"]
        return _name(appositions[0]) if appositions else None
    doc = token.doc
    entity = next((e for e in doc.ents if e.start <= token.i < e.end and e.label_ != "DATE"), None)
    if entity is not None and entity.label_ in (
        "ORG",
        "NORP",
        "FAC",
        "WORK_OF_ART",
        "PRODUCT",
        "GPE",
    ):
        return _trim(entity)
    if token.lower_ in GENERIC or token.pos_ == "PRON":
        return None
    lefts = [
        c
        for c in token.lefts
        if c.dep_ in ("compound", "amod", "nmod")
        and c.i == token.i - 1
        or c.dep_ in ("compound", "amod", "nmod")
    ]
    first = min([token.i, *(c.left_edge.i for c in lefts)])
    return _trim(doc[first : token.i + 1])


def _trim(span: SpacySpan) -> SpacySpan | None:
    """Drop a leading article and possessive; None when nothing named is left."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end] if end > start else None
