"""Sources: who reported an event, resolved against the shipped source dictionary."""

from eventcoder.extract.sources.attributor import SourceAttributor, attributions
from eventcoder.extract.sources.dictionary import SourceDictionary, SourceEntry, combine_scales

__all__ = ["SourceAttributor", "SourceDictionary", "SourceEntry", "attributions", "combine_scales"]
