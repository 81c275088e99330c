"""``eventcoder evaluate``: score the pipeline against a gold file (a thin layer over
``eventcoder.evaluate.evaluate``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from eventcoder.cli.options import EXIT_OK, EXIT_USAGE
from eventcoder.errors import EventcoderError


def evaluate(
    gold: Annotated[
        Path,
        typer.Option("--gold", help="Gold JSONL file (format: shared/gold/README.md)."),
    ],
    limit: Annotated[
        int | None, typer.Option(min=1, help="Score only the first N records of the file.")
    ] = None,
    baseline: Annotated[
        bool, typer.Option("--baseline/--no-baseline", help="Also score the simple baseline.")
    ] = True,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object instead of a table.")
    ] = False,
    per_record: Annotated[
        Path | None,
        typer.Option("--per-record", help="Write each record's predictions vs gold as JSONL here."),
    ] = None,
) -> None:
    """Score events coded from gold texts, field by field, next to a baseline.

    Example: eventcoder evaluate --gold gold/dev/acled-notes-2020-dev.jsonl --limit 300 --json
    """
    from eventcoder.evaluate import evaluate as run_evaluation

    out = Console()
    errors = Console(stderr=True, soft_wrap=True)  # keep FILE:LINE messages on one line
    progress = Progress(
        TextColumn("evaluating"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("records"),
        TimeElapsedColumn(),
        console=errors,
        transient=True,
    )
    task = progress.add_task("evaluating", total=None)

    def advance(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    try:
        with progress:
            report = run_evaluation(
                gold, limit=limit, baseline=baseline, per_record=per_record, on_record=advance
            )
    except EventcoderError as error:
        errors.print(f"[red]error:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from error
    if as_json:
        print(report.to_json())
    else:
        out.print(report.table())
    if per_record is not None:
        errors.print(f"per-record predictions vs gold: {per_record}")
    raise typer.Exit(EXIT_OK)
