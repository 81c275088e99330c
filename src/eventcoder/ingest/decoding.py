"""Bytes to text: size limits, binary sniffing and strict UTF-8 decoding.

Every check raises ``IngestError`` with a code (``too-large``, ``empty``, ``binary``,
``encoding``) and a one-line message saying what to do; the batch turns it into an
``IngestFailure`` and goes on with the next input.
"""

from __future__ import annotations

import codecs
import re
from typing import BinaryIO

from eventcoder.errors import IngestError

# One article may hold at most this much UTF-8 text: the nlp stage raises spaCy's
# max_length to 5,000,000 characters, and a UTF-8 byte count is never below the
# character count, so nothing ingested can overflow it. Real articles are under 100 kB.
MAX_ARTICLE_BYTES = 5_000_000
# Raw HTML carries markup, scripts and styles around the text; a page four times the
# text limit still fits comfortably in memory and in trafilatura's tree.
MAX_HTML_BYTES = 4 * MAX_ARTICLE_BYTES
# Binary sniffing looks at the head of an input only: enough to see a file signature
# and a few lines of text, cheap for a 50 MB file.
SNIFF_BYTES = 8192
# Share of control or undecodable characters above which the head is "mostly not text".
# Real text has almost none; random or compressed bytes have over half.
MAX_NON_TEXT_RATIO = 0.30
# A plain text file with a few stray bytes (a mangled quote from a scraper) is still
# worth reading, with those bytes replaced by U+FFFD; more than 1% means a wrong encoding
# (Latin-1, UTF-16...) and the text would be garbage.
MAX_REPLACED_RATIO = 0.01

_REPLACEMENT = "\ufffd"
_REPLACEMENT_UTF8 = _REPLACEMENT.encode("utf-8")
# Control characters that plain text legitimately contains: tab, newlines, form feed.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")
# <meta charset="..."> or <meta http-equiv="Content-Type" content="...; charset=...">.
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def megabytes(size: int) -> str:
    """``5000000`` -> ``'5.0 MB'`` for messages."""
    return f"{size / 1_000_000:.1f} MB"


def too_large(origin: str, size: int, limit: int, record: str | None = None) -> IngestError:
    return IngestError(
        origin,
        "too-large",
        f"input is {megabytes(size)}, over the {megabytes(limit)} limit per article; "
        "split it into separate articles (one file or record each)",
        record,
    )


def read_bounded(stream: BinaryIO, origin: str, limit: int) -> bytes:
    """Read a whole single-article input, refusing (without reading on) past ``limit``."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise too_large(origin, len(data), limit)
    return data


def check_not_empty(data: bytes, origin: str, record: str | None = None) -> None:
    if not data.strip():
        what = "is empty (0 bytes)" if not data else "contains only whitespace"
        raise IngestError(origin, "empty", f"input {what}; remove it or fill it", record)


def check_not_binary(head: bytes, origin: str) -> None:
    """Refuse inputs whose head has NUL bytes or is mostly control/undecodable bytes."""
    if b"\x00" in head:
        raise IngestError(
            origin,
            "binary",
            "input contains NUL bytes, so it is binary (or UTF-16) and not text; "
            "convert it to UTF-8 text or remove it",
        )
    sample = head.decode("utf-8", errors="replace")
    if not sample:
        return
    bad = sum(1 for ch in sample if ch == _REPLACEMENT or _is_control(ch))
    if bad / len(sample) > MAX_NON_TEXT_RATIO:
        raise IngestError(
            origin,
            "binary",
            f"input is mostly not text ({bad / len(sample):.0%} control or undecodable bytes); "
            "give a text, HTML, JSONL, CSV or WARC file",
        )


def _is_control(ch: str) -> bool:
    return (ch < " " or ch == "\x7f") and ch not in _TEXT_CONTROLS


def decode_utf8(data: bytes, origin: str, record: str | None = None) -> str:
    """Strict UTF-8 (a leading BOM is dropped); raise ``encoding`` when it is not."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _encoding_error(origin, exc, record) from exc


def decode_lenient(data: bytes, origin: str) -> tuple[str, str | None]:
    """UTF-8 text, tolerating under 1% invalid bytes (replaced by U+FFFD).

    Returns the text and, when bytes were replaced, a warning for ``Article.extra``.
    """
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8-sig", errors="replace")
        replaced = text.count(_REPLACEMENT) - data.count(_REPLACEMENT_UTF8)
        if replaced / len(data) >= MAX_REPLACED_RATIO:
            raise _encoding_error(origin, exc, None, replaced) from exc
        return text, f"{replaced} invalid UTF-8 byte sequence(s) replaced with U+FFFD"


def decode_declared(data: bytes, origin: str, charset: str | None) -> str:
    """Decode HTML with the charset it declares (HTTP header or ``<meta>``), else UTF-8."""
    charset = charset or declared_charset(data)
    if charset:
        try:
            codec = codecs.lookup(charset).name
        except LookupError as exc:
            raise IngestError(
                origin,
                "encoding",
                f"the page declares an unknown charset {charset!r}; re-save it as UTF-8",
            ) from exc
        if codec not in ("utf-8", "utf-8-sig"):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise _encoding_error(origin, exc, None, declared=codec) from exc
    return decode_utf8(data, origin)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its top, if any."""
    match = _META_CHARSET.search(data[:SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None


def charset_of(content_type: str | None) -> str | None:
    """``'text/html; charset=windows-1256'`` -> ``'windows-1256'``."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _encoding_error(
    origin: str,
    exc: UnicodeDecodeError,
    record: str | None,
    replaced: int | None = None,
    declared: str | None = None,
) -> IngestError:
    encoding = declared or "UTF-8"
    count = f"{replaced} invalid sequences, first" if replaced else "invalid byte"
    return IngestError(
        origin,
        "encoding",
        f"not valid {encoding} ({count} at byte {exc.start}); "
        "re-save the input as UTF-8 (e.g. iconv -f <its encoding> -t UTF-8)",
        record,
    )
