"""Read a batch of inputs (files, folders, stdin) into Articles and IngestFailures.

Formats go by extension; a folder is walked recursively in sorted order, skipping hidden
files and folders (a file with another extension is reported, not read); ``-`` is stdin,
whose format is sniffed. A bad input becomes an ``IngestFailure`` and the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from eventcoder.errors import IngestError, InputError
from eventcoder.ingest.decoding import (
    MAX_ARTICLE_BYTES,
    MAX_HTML_BYTES,
    SNIFF_BYTES,
    check_not_binary,
    too_large,
)
from eventcoder.ingest.fields import as_failure
from eventcoder.ingest.formats import read_csv, read_json, read_jsonl, read_text, read_tsv
from eventcoder.ingest.html import read_html
from eventcoder.ingest.warc import read_warc
from eventcoder.records import Article, IngestFailure

Item = Article | IngestFailure
Reader = Callable[[BinaryIO, str, dt.date | None], Iterator[Item]]

STDIN = "-"
STDIN_ORIGIN = "<stdin>"


# Extension -> reader. Extensions are matched lower-cased; ``.warc.gz`` is the one
# double extension.
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".csv": read_csv,
    ".tsv": read_tsv,
    ".warc": read_warc,
    ".warc.gz": read_warc,
}
ACCEPTED_EXTENSIONS: tuple[str, ...] = tuple(READERS)
# Single-article formats are refused by file size before a byte is read.
_SIZE_LIMITS: dict[Reader, int] = {read_text: MAX_ARTICLE_BYTES, read_html: MAX_HTML_BYTES}
# Looks like HTML: a doctype, a comment or one of the usual top-level tags first.
_HTML_START = re.compile(
    rb"^\s*<(?:!doctype\s+html\b|!--|(?:html|head|body|meta|title|article)\b)", re.I
)


def read_inputs(
    paths: Iterable[str | Path], *, published: dt.date | None = None
) -> Iterator[Article | IngestFailure]:
    """Yield an Article for each article found in ``paths``, an IngestFailure for each bad input.

    ``published`` is the date for articles whose record and page give none (the CLI's
    ``--published``); ``Article.published_from`` says which source gave the date.

    Example::

        for item in read_inputs(["news/", "extra.jsonl"], published=dt.date(2021, 10, 2)):
            if isinstance(item, IngestFailure):
                print(item.describe())
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    for given in paths:
        origin = str(given)
        if origin == STDIN:
            yield from _guarded(STDIN_ORIGIN, _read_stdin(published))
        elif Path(given).is_dir():
            members, unlisted = _files_in(origin)
            yield from unlisted
            for member in members:
                yield from _guarded(member, _read_file(Path(member), member, published))
        else:
            yield from _guarded(origin, _read_file(Path(given), origin, published))


def reader_for(path: Path) -> Reader | None:
    """The reader for a file name, by extension; None for an extension we do not read."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return read_warc
    return READERS.get(Path(name).suffix)


def _guarded(origin: str, items: Iterator[Item]) -> Iterator[Item]:
    """Read one input lazily, turning its IngestError (or an OS error) into a failure."""
    try:
        yield from items
    except IngestError as exc:
        yield as_failure(exc)
    except OSError as exc:
        yield IngestFailure(
            origin,
            "unreadable",
            f"cannot be read ({exc.strerror or exc}); check that it is a readable file",
        )


def _read_file(path: Path, origin: str, published: dt.date | None) -> Iterator[Item]:
    if not path.exists():
        raise IngestError(origin, "missing", "no such file or folder; check the path")
    reader = reader_for(path)
    if reader is None:
        raise IngestError(
            origin,
            "unknown-extension",
            f"cannot read files with this extension; accepted: {', '.join(ACCEPTED_EXTENSIONS)}"
            " (or rename the file)",
        )
    size = path.stat().st_size
    if size == 0:
        raise IngestError(origin, "empty", "input is empty (0 bytes); remove it or fill it")
    limit = _SIZE_LIMITS.get(reader)
    if limit is not None and size > limit:
        raise too_large(origin, size, limit)
    with path.open("rb") as stream:
        yield from _read_stream(stream, stream.peek(SNIFF_BYTES), reader, origin, published)


def _read_stream(
    stream: BinaryIO, head: bytes, reader: Reader, origin: str, published: dt.date | None
) -> Iterator[Item]:
    """Refuse binary input (by its ``head``), then read it with ``reader``."""
    if reader is not read_warc:  # WARC is binary by design; its records are checked
        check_not_binary(head[:SNIFF_BYTES], origin)
    yield from reader(stream, origin, published)


def _read_stdin(published: dt.date | None) -> Iterator[Item]:
    """Stdin, sniffed: JSON Lines if it starts with ``{``, HTML if it looks like it, else text."""
    source = getattr(sys.stdin, "buffer", None)
    if source is None:
        raise InputError("stdin is not a byte stream; pipe the input in (cat file | ...)")
    head = source.read(SNIFF_BYTES)
    stripped = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if stripped.startswith(b"{"):
        reader: Reader = read_jsonl
    elif _HTML_START.match(stripped):
        reader = read_html
    else:
        reader = read_text
    stream = io.BufferedReader(_Prepended(head, source), buffer_size=SNIFF_BYTES)
    yield from _read_stream(stream, head, reader, STDIN_ORIGIN, published)


class _Prepended(io.RawIOBase):
    """A raw stream that gives back the head already read for sniffing, then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _files_in(folder: str) -> tuple[list[str], list[IngestFailure]]:
    """Files under ``folder``, sorted, hidden ones skipped; and a failure for each
    sub-folder that could not be listed.

    Files with other extensions are listed too, so each is reported as
    ``unknown-extension`` rather than silently left out of the batch.
    """
    found: list[str] = []
    unlisted: list[IngestFailure] = []

    def report(error: OSError) -> None:
        unlisted.append(
            IngestFailure(
                str(error.filename or folder),
                "unreadable",
                f"folder cannot be listed ({error.strerror}); check its permissions",
            )
        )

    for root, dirs, files in os.walk(folder, onerror=report):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            found.append(os.path.join(root, name))
    return found, unlisted
