"""HTML pages to Articles: main text and metadata with trafilatura.

Extraction favours precision (menus, comments, teasers and footers left out) because
every sentence kept may become evidence. ``Article.text`` is trafilatura's main text, so
all offsets refer to it; the page title goes in ``Article.title`` and is never prepended.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import BinaryIO

from eventcoder.errors import IngestError
from eventcoder.ingest.dates import parse_date, resolve_published
from eventcoder.ingest.decoding import (
    MAX_ARTICLE_BYTES,
    MAX_HTML_BYTES,
    SNIFF_BYTES,
    check_not_empty,
    decode_declared,
    too_large,
)
from eventcoder.records import Article, stable_id

# htmldate options: read the date from the page's markup (meta tags, JSON-LD, <time>) or
# a date in its URL (/2023/03/14/), preferring the original publication over the last
# modification. Extensive search guesses from free text, which can pick any date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# On a page without an article (login form, index), trafilatura's fallbacks return stray
# labels such as "Home"; even a one-sentence brief is longer than this.
MIN_TEXT_CHARS = 40
# <html lang="fr-FR"> -> "fr": the page's own language tag.
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.I)


def read_html(stream: BinaryIO, origin: str, fallback: dt.date | None) -> Iterator[Article]:
    """One HTML page (``.html``, ``.htm``)."""
    data = stream.read(MAX_HTML_BYTES + 1)
    if len(data) > MAX_HTML_BYTES:
        raise too_large(origin, len(data), MAX_HTML_BYTES)
    check_not_empty(data, origin)
    yield article_from_html(data, origin, fallback)


def article_from_html(
    data: bytes,
    origin: str,
    fallback: dt.date | None,
    *,
    url: str | None = None,
    charset: str | None = None,
    extra: dict | None = None,
) -> Article:
    """The article in one HTML page, or ``IngestError`` (``encoding``, ``no-text``...).

    ``charset`` is the one an HTTP header declared (WARC); otherwise the page's own
    ``<meta charset>`` is used, else UTF-8. ``fallback`` is the batch's ``--published``.
    """
    import trafilatura  # heavy (lxml, htmldate); loaded on first HTML input only
    from trafilatura.settings import Document

    page = decode_declared(data, origin, charset)
    document = trafilatura.bare_extraction(
        page,
        url=url,
        include_comments=False,
        favor_precision=True,
        with_metadata=True,
        date_extraction_params=_DATE_PARAMS,
    )
    text = (document.text or "") if isinstance(document, Document) else ""
    if not isinstance(document, Document) or len(text.strip()) < MIN_TEXT_CHARS:
        raise IngestError(
            origin,
            "no-text",
            "no article text found in the HTML (a listing, login or empty page?); "
            "give the article page itself or its text",
        )
    size = len(text.encode("utf-8"))
    if size > MAX_ARTICLE_BYTES:
        raise too_large(origin, size, MAX_ARTICLE_BYTES)
    published = resolve_published(html_meta=parse_date(document.date), fallback=fallback)
    return Article(
        id=stable_id(text),
        text=text,
        origin=origin,
        url=url or document.url,
        outlet=document.sitename,
        title=document.title,
        published=published.date,
        published_from=published.source,
        language=document.language or _page_language(page),
        extra=dict(extra or {}),
    )


def _page_language(page: str) -> str | None:
    match = _HTML_LANG.search(page, 0, SNIFF_BYTES)
    return match.group(1).lower() if match else None
