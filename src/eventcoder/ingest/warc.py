"""WARC archives (``.warc``, ``.warc.gz``): the HTML pages and text records they hold.

``response`` records with an HTML body go through the HTML extractor; ``resource`` and
``conversion`` records with HTML or plain text are read as such. Everything else
(requests, metadata, images, redirects, error pages) is not an article and is skipped.
WARC-Date is when the page was crawled, not published: it is kept in
``Article.extra['crawled']`` and never used as the publication date.
"""

from __future__ import annotations

import datetime as dt
import logging
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from eventcoder.errors import IngestError
from eventcoder.ingest.dates import resolve_published
from eventcoder.ingest.decoding import (
    MAX_ARTICLE_BYTES,
    MAX_HTML_BYTES,
    charset_of,
    check_not_empty,
    decode_utf8,
    too_large,
)
from eventcoder.ingest.fields import as_failure, located
from eventcoder.ingest.html import article_from_html
from eventcoder.records import Article, IngestFailure, stable_id

logger = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
# Record types that carry a document; ``request``, ``metadata``, ``warcinfo`` and
# ``revisit`` records do not.
DOCUMENT_RECORDS = frozenset({"response", "resource", "conversion"})
# Only a successful response is the page itself; 3xx/4xx/5xx bodies are redirects and
# error pages.
OK_STATUS = "200"


def read_warc(
    stream: BinaryIO, origin: str, fallback: dt.date | None
) -> Iterator[Article | IngestFailure]:
    """Every article in a WARC file; ``record N`` counts all WARC records from 1."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            document = _document(record)
            if document is None:
                continue
            try:
                yield _article(record, document, origin, f"record {number}", fallback)
            except IngestError as exc:
                yield as_failure(exc)
    except (ArchiveLoadFailed, EOFError, OSError, zlib.error) as exc:
        raise IngestError(
            origin,
            "malformed",
            f"WARC cannot be read after record {number} ({exc}); "
            "check that the file is a complete WARC (not truncated)",
        ) from exc


def _document(record) -> tuple[str, str | None] | None:
    """``(kind, charset)`` for a record holding an HTML or text document, else None."""
    if record.rec_type not in DOCUMENT_RECORDS:
        return None
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode()
        if status != OK_STATUS:
            logger.debug("skipping %s: HTTP status %s", _uri(record), status)
            return None
        content_type = record.http_headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime in HTML_TYPES:
        return "html", charset_of(content_type)
    if mime in TEXT_TYPES:
        return "text", None  # text records are read as UTF-8
    return None


def _article(
    record, document: tuple[str, str | None], origin: str, locator: str, fallback
) -> Article:
    kind, charset = document
    limit = MAX_HTML_BYTES if kind == "html" else MAX_ARTICLE_BYTES
    data = record.content_stream().read(limit + 1)
    if len(data) > limit:
        raise too_large(origin, len(data), limit, locator)
    missing = getattr(record.raw_stream, "limit", 0)  # bytes its Content-Length promised
    if missing > 0:
        raise IngestError(
            origin,
            "malformed",
            f"record is cut off ({missing} bytes missing): the WARC file is truncated; "
            "fetch or write it again",
            locator,
        )
    check_not_empty(data, origin, locator)
    url = _uri(record)
    extra = {"crawled": record.rec_headers.get_header("WARC-Date")}
    where = located(origin, locator)
    if kind == "html":
        try:
            return article_from_html(data, where, fallback, url=url, charset=charset, extra=extra)
        except IngestError as exc:
            raise IngestError(origin, exc.kind, exc.message, locator) from exc
    text = decode_utf8(data, origin, locator)
    published = resolve_published(fallback=fallback)
    return Article(
        id=stable_id(text),
        text=text,
        origin=where,
        url=url,
        published=published.date,
        published_from=published.source,
        extra=extra,
    )


def _uri(record) -> str | None:
    return record.rec_headers.get_header("WARC-Target-URI")
