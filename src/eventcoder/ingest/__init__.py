"""Ingest stage: read files, folders or stdin into ``Article`` records.

Accepted: plain text (``.txt .text .md``), HTML (``.html .htm``), JSON Lines
(``.jsonl .ndjson``), JSON (``.json``), CSV/TSV, WARC (``.warc .warc.gz``). Every bad
input becomes an ``IngestFailure`` saying what is wrong and what to do; the rest of the
batch is still read.
"""

from eventcoder.ingest.batch import ACCEPTED_EXTENSIONS, read_inputs
from eventcoder.ingest.dates import parse_date

__all__ = ["ACCEPTED_EXTENSIONS", "parse_date", "read_inputs"]
