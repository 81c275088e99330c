"""Actors of an event: who did it to whom, resolved to canonical ACLED-style actors.

ActorCoder              the shipped coder (parse roles + dictionary + conventions)
KeywordActorBaseline    first/second ORG-NORP-GPE entity; the baseline we compare to
load_actor_dictionary   the editable dictionary (data/actors/actors.csv)
"""

from eventcoder.extract.actors.baseline import KeywordActorBaseline
from eventcoder.extract.actors.coder import ActorCoder, interaction
from eventcoder.extract.actors.dictionary import ActorDictionary, ActorEntry, load_actor_dictionary

__all__ = [
    "ActorCoder",
    "ActorDictionary",
    "ActorEntry",
    "KeywordActorBaseline",
    "interaction",
    "load_actor_dictionary",
]
