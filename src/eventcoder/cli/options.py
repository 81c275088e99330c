"""Options shared by several commands, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventcoder.api import DEFAULT_DB

DbOption = Annotated[
    Path,
    typer.Option("--db", help="DuckDB store to read or write.", show_default=True),
]
DEFAULT_DB_PATH = Path(DEFAULT_DB)
MergedOption = Annotated[
    bool,
    typer.Option(
        "--merged/--per-report",
        help="One row per real-world event (reports from several articles merged), "
        "or one row per article-level report.",
    ),
]

# Exit codes scripts can rely on (also listed in `eventcoder --help` and docs/cli.md).
EXIT_OK = 0
EXIT_INTERNAL = 1  # a bug: please report it with the traceback
EXIT_USAGE = 2  # bad option, unreadable store or config, or no input could be read
EXIT_PARTIAL = 3  # finished, but some inputs failed (named on stderr, stored as errors)
