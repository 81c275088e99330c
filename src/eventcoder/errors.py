"""The one exception hierarchy of eventcoder.

    EventcoderError                 base: catch this to catch everything we raise
    ├── InputError                  an input file or record cannot be read
    │   └── IngestError             one file/record of a batch; becomes an IngestFailure
    ├── ConfigError                 bad option, missing model or data file
    ├── StoreError                  the DuckDB store cannot be opened or written
    └── GoldFormatError             an evaluation/training file is not in the expected format

Messages say what went wrong, where (file, line) and what to do.
"""

from __future__ import annotations


class EventcoderError(Exception):
    """Base class of every error eventcoder raises on purpose."""


class InputError(EventcoderError):
    """An input cannot be read at all (missing path, unreadable stdin)."""


class IngestError(InputError):
    """One file or record of a batch is unusable; the rest of the batch goes on.

    ``kind`` is a short code stored in the errors table (``empty``, ``binary``,
    ``encoding``, ``malformed``, ``no-text``, ``too-large``, ``unknown-extension``).
    """

    def __init__(self, origin: str, kind: str, message: str, record: str | None = None):
        self.origin = origin
        self.kind = kind
        self.record = record
        self.message = message
        where = f"{origin}:{record}" if record else origin
        super().__init__(f"{where}: {message}")


class ConfigError(EventcoderError):
    """A setting, model file or data file is wrong or missing."""


class StoreError(EventcoderError):
    """The event store cannot be opened, migrated or written."""


class GoldFormatError(EventcoderError):
    """A gold or training file does not follow the documented format."""
