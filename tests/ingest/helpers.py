"""Helpers for ingest tests: a good article text and a batch reader that splits results."""

from __future__ import annotations

from pathlib import Path

from eventcoder.ingest import read_inputs
from eventcoder.records import Article, IngestFailure

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"

# A short report in the style of a wire story, used as the good file beside broken ones.
GOOD_TEXT = (
    "Gunmen killed three farmers near Konduga in Borno State on Monday, police said.\n\n"
    "The attackers fled on motorcycles before troops arrived, a resident told reporters.\n"
)


def read_batch(paths, **kwargs) -> tuple[list[Article], list[IngestFailure]]:
    """Read ``paths`` with ``read_inputs`` and split what comes out by type."""
    items = list(read_inputs(paths, **kwargs))
    articles = [item for item in items if isinstance(item, Article)]
    failures = [item for item in items if isinstance(item, IngestFailure)]
    assert len(articles) + len(failures) == len(items)
    return articles, failures


# The crawl date written into test WARC records: never a publication date.
CRAWL_DATE = "2024-01-05T10:00:00Z"


def write_warc(path: Path, records: list[tuple], *, gzip: bool | None = None) -> None:
    """Write a WARC with warcio. Each record is ``(uri, page)`` for a 200 HTML response,
    or ``(uri, page, rec_type, content_type, status)``; ``status`` None means no HTTP
    headers (``resource``/``conversion`` records)."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz") if gzip is None else gzip)
        for item in records:
            uri, body, rec_type, content_type, status = (
                item if len(item) == 5 else (*item, "response", "text/html; charset=utf-8", "200")
            )
            http_headers = None
            if status is not None:
                http_headers = StatusAndHeaders(
                    f"{status} X", [("Content-Type", content_type)], protocol="HTTP/1.1"
                )
            record = writer.create_warc_record(
                uri,
                rec_type,
                payload=io.BytesIO(body),
                http_headers=http_headers,
                warc_headers_dict={"WARC-Date": CRAWL_DATE},
                warc_content_type=content_type if status is None else "",
            )
            writer.write_record(record)
