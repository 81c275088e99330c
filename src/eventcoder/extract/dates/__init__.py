"""Dates: resolve each event's date against the article's publication date.

``DateResolver`` is the shipped component, ``PublicationDateBaseline`` the baseline that
evaluation compares it with.
"""

from eventcoder.extract.dates.baseline import PublicationDateBaseline
from eventcoder.extract.dates.expressions import DateExpression, find_dates
from eventcoder.extract.dates.resolver import DateResolver

__all__ = ["DateExpression", "DateResolver", "PublicationDateBaseline", "find_dates"]
