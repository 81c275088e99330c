"""Map one JSONL/JSON/CSV record (a dict) to an ``Article``.

Fields are ``id, url, outlet, title, published, language, text``, and common aliases
are accepted: ``body``/``content`` for ``text``; ``date``/``publication_date``/
``published_at`` for ``published``; ``source``/``site`` for ``outlet``. When a record has
several names for one field, the first in that order wins and the others are kept, like
every unknown field, in ``Article.extra``. A structured value (an object or a list)
never fills a text field: ``{"source": {"repo": ...}}`` is provenance, not an outlet, and
stays in ``extra``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from eventcoder.errors import IngestError
from eventcoder.ingest.dates import resolve_published
from eventcoder.ingest.decoding import MAX_ARTICLE_BYTES, too_large
from eventcoder.records import Article, IngestFailure, stable_id

# Our field name -> the record keys that may hold it, preferred first.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "url": ("url",),
    "outlet": ("outlet", "source", "site"),
    "title": ("title",),
    "published": ("published", "date", "publication_date", "published_at"),
    "language": ("language",),
    "text": ("text", "body", "content"),
}
TEXT_KEYS = FIELD_ALIASES["text"]

# Keys we add to Article.extra ourselves (never taken from a record's own fields).
DATE_WARNING = "date_warning"
ENCODING_WARNING = "encoding_warning"


def as_failure(error: IngestError) -> IngestFailure:
    """The record of a failed input, to store and report while the batch goes on."""
    return IngestFailure(
        origin=error.origin, kind=error.kind, message=error.message, record=error.record
    )


def located(origin: str, record: str | None) -> str:
    """``Article.origin`` of one record of a file: ``'batch.jsonl:line 3'``."""
    return f"{origin}:{record}" if record else origin


def article_from_record(
    record: Mapping[str, Any],
    origin: str,
    locator: str | None,
    fallback: dt.date | None,
) -> Article:
    """Build the Article of one record, or raise ``IngestError`` (``no-text``, ``too-large``).

    ``origin`` is the file as given and ``locator`` where the record is in it
    (``'line 3'``); ``fallback`` is the batch's publication date (``--published``).
    """
    values, extra = _split_fields(record)
    text = values.get("text")
    if not isinstance(text, str) or not text.strip():
        raise IngestError(origin, "no-text", _no_text_message(text), locator)
    size = len(text.encode("utf-8"))
    if size > MAX_ARTICLE_BYTES:
        raise too_large(origin, size, MAX_ARTICLE_BYTES, locator)
    published = resolve_published(values.get("published"), fallback=fallback)
    if published.warning:
        extra[DATE_WARNING] = published.warning
    given_id = _optional_str(values.get("id"))
    return Article(
        id=given_id or stable_id(text),
        text=text,
        origin=located(origin, locator),
        url=_optional_str(values.get("url")),
        outlet=_optional_str(values.get("outlet")),
        title=_optional_str(values.get("title")),
        published=published.date,
        published_from=published.source,
        language=_optional_str(values.get("language")),
        extra=extra,
    )


def _split_fields(record: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Our fields (first alias present and non-empty wins) and everything else."""
    values: dict[str, Any] = {}
    used: set[str] = set()
    for name, keys in FIELD_ALIASES.items():
        for key in keys:
            value = record.get(key)
            if _usable(name, value):
                values[name] = value
                used.add(key)
                break
        else:
            used.update(key for key in keys if key in record and _blank(record[key]))
    extra = {str(key): value for key, value in record.items() if key not in used}
    return values, extra


def _usable(name: str, value: object) -> bool:
    """Whether ``value`` can fill field ``name``; any non-blank ``text`` is taken, so that
    a wrong type is reported as ``no-text`` rather than ignored."""
    if _blank(value):
        return False
    return name == "text" or not isinstance(value, dict | list)


def _blank(value: object) -> bool:
    return value is None or value == ""


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _no_text_message(text: object) -> str:
    keys = "/".join(TEXT_KEYS)
    if text is None:
        return f"record has no text (expected a non-empty '{keys}' field); add the article text"
    if isinstance(text, str):
        return "record's text is blank; add the article text or drop the record"
    return (
        f"record's text is a {type(text).__name__}, not a string; "
        "give the article text as one string"
    )
