"""Event detection and classification (ACLED types and sub-types, PLOVER mapping).

LearnedEventDetector   the shipped detector: sentence classifier + vetoes + merging
KeywordEventDetector   the keyword baseline, same vetoes and merging
taxonomy               the ACLED table and PLOVER mapping (docs/taxonomy.md)
"""

from eventcoder.extract.events.keyword import KeywordEventDetector
from eventcoder.extract.events.learned import LearnedEventDetector

__all__ = ["KeywordEventDetector", "LearnedEventDetector"]
