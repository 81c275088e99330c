"""Fatalities: count an event's deaths by ACLED's rules.

``FatalityCounter`` is the shipped component, ``FirstNumberBaseline`` the baseline that
evaluation compares it with.
"""

from eventcoder.extract.fatalities.baseline import FirstNumberBaseline
from eventcoder.extract.fatalities.counter import FatalityCounter

__all__ = ["FatalityCounter", "FirstNumberBaseline"]
