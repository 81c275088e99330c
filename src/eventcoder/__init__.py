"""eventcoder: news articles in, ACLED-style events with evidence out.

The public Python API (the CLI and the REST server are thin layers over it)::

    import eventcoder
    eventcoder.extract_events(["examples/articles.jsonl"], db="events.duckdb")
    eventcoder.events(db="events.duckdb", merged=True)
    eventcoder.failures(db="events.duckdb")
    eventcoder.export(db="events.duckdb", fmt="geojson", out="events.geojson")

Importing eventcoder loads no model: components are built on first use. (The function
is ``extract_events``, not ``extract``: ``eventcoder.extract`` is the extraction package.)
"""

from eventcoder.api import (
    ExtractSummary,
    events,
    export,
    extract_articles,
    extract_events,
    failures,
)

__version__ = "0.1.0"
__all__ = [
    "ExtractSummary",
    "__version__",
    "events",
    "export",
    "extract_articles",
    "extract_events",
    "failures",
]
