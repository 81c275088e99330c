"""The keyword baseline the issue compares ActorCoder against.

actor1 = the first ORG/NORP/GPE entity of the event's main sentence, actor2 = the second,
taken as written: no parse, no dictionary, no conventions, no inter codes.
"""

from __future__ import annotations

from eventcoder.extract.evidence import make_evidence
from eventcoder.records import ActorFinding, EventMention, ParsedArticle

METHOD = "baseline.actors.keyword.v1"
ENTITY_LABELS = frozenset({"ORG", "NORP", "GPE"})
# A surface entity is a guess: low confidence, the same for every value.
CONFIDENCE = 0.3


class KeywordActorBaseline:
    """Same interface as ActorCoder: ``extract(parsed, mention) -> ActorFinding``."""

    def extract(self, parsed: ParsedArticle, mention: EventMention) -> ActorFinding:
        if not mention.sentence_indices or mention.sentence_indices[0] >= len(parsed.sentences):
            return ActorFinding()
        sentence = parsed.sentences[mention.sentence_indices[0]]
        span = parsed.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        entities = [e for e in (span.ents if span is not None else ()) if e.label_ in ENTITY_LABELS]
        found = entities[:2]
        evidence = tuple(
            make_evidence(parsed, field, ent.text, ent.start_char, ent.end_char, METHOD, CONFIDENCE)
            for field, ent in zip(("actor1", "actor2"), found, strict=False)
        )
        return ActorFinding(
            actor1=found[0].text if found else None,
            actor2=found[1].text if len(found) > 1 else None,
            evidence=evidence,
        )
