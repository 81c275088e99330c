"""``eventcoder train``: train an event classifier from your own labelled data.

A thin layer over ``eventcoder.train.train_event_model``; ``cli/main.py`` registers it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventcoder.cli.options import EXIT_USAGE
from eventcoder.errors import EventcoderError

DEFAULT_OUT = Path("models/events")


def train(
    data: Annotated[
        Path, typer.Option("--data", help="ACLED CSV export or gold JSONL with labelled events.")
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="acled-csv or gold-jsonl (default: acled-csv for .csv files, else gold-jsonl).",
        ),
    ] = None,
    out: Annotated[
        Path, typer.Option("-o", "--out", help="Folder to write the model to.")
    ] = DEFAULT_OUT,
) -> None:
    """Train the event type/sub-type classifier on your data and print held-out scores.

    Your rows are combined with the shipped no-event sentences, so the model still learns
    what is not an event. Use the model with EVENTCODER_EVENT_MODEL=FOLDER.

    Example: eventcoder train --data acled_2023.csv --format acled-csv -o models/acled-2023
    """
    from eventcoder.train import train_event_model

    try:
        folder = train_event_model(data, fmt, out)
    except EventcoderError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from exc
    typer.echo(f"model written to {folder}; use it with EVENTCODER_EVENT_MODEL={folder}")
