"""HTML pages to Articles: main text and metadata with trafilatura.

Extraction favours precision (menus, comments, teasers and footers left out) because
every sentence kept may become evidence. ``Article.text`` is trafilatura's main text, so
all offsets refer to it; the page title goes in ``Article.title`` and is never prepended.
"""

from __future__ import annotations

import datetime as dt

from eventcoder.errors import IngestError
from eventcoder.ingest.dates import parse_date, resolve_published
from eventcoder.ingest.decoding import MAX_ARTICLE_BYTES, decode_declared, too_large
from eventcoder.records import Article, stable_id

# htmldate options: read the date from the page's markup only (meta tags, JSON-LD,
# <time>), preferring the original publication over the last modification. Extensive
# search guesses from free text and URLs, which can pick up any date on the page.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# On a page without an article (login form, index), trafilatura's fallbacks return stray
# labels such as "Home"; even a one-sentence brief is longer than this.
MIN_TEXT_CHARS = 40


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

    page = decode_declared(data, origin, charset)
    document = trafilatura.bare_extraction(
        page,
        url=url,
        include_comments=False,
        favor_precision=True,
        with_metadata=True,
        date_extraction_params=_DATE_PARAMS,
    )
    text = (document.text or "") if document is not None else ""
    if len(text.strip()) < MIN_TEXT_CHARS:
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
        language=document.language,
        extra=dict(extra or {}),
    )
