"""The ``eventcoder`` command.

Exit codes: 0 success; 1 internal error (a bug); 2 usage error, unreadable store or
config, or no input could be read; 3 finished but some inputs failed (each named on
stderr and stored in the store's ``ingest_errors`` table).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from eventcoder import api
from eventcoder.cli import gazetteer
from eventcoder.cli.evaluate import evaluate
from eventcoder.cli.options import (
    DEFAULT_DB_PATH,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    DbOption,
    MergedOption,
)
from eventcoder.cli.tables import events_table
from eventcoder.cli.train import train
from eventcoder.errors import EventcoderError

app = typer.Typer(
    help="Code news articles into ACLED-style events with evidence, offline.\n\n"
    "Exit codes: 0 success; 1 internal error (a bug, please report it); 2 usage error, "
    "unreadable store or config, or no input could be read; 3 finished, but some inputs "
    "failed (each named on stderr and stored in the ingest_errors table).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)


def _fail(error: EventcoderError) -> typer.Exit:
    errors.print(f"[red]error:[/red] {error}")
    return typer.Exit(EXIT_USAGE)


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders (txt, html, jsonl, json, csv, warc); '-' reads stdin."
        ),
    ],
    db: DbOption = DEFAULT_DB_PATH,
    published: Annotated[
        dt.datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="Publication date for articles that carry none."),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No table, no progress bar.")
    ] = False,
) -> None:
    """Code the events in articles and store them (re-running adds nothing twice).

    Example: eventcoder extract examples/articles.jsonl --db events.duckdb
    """
    progress = Progress(
        TextColumn("coding"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles, {task.fields[events]} events"),
        TimeElapsedColumn(),
        console=errors,
        disable=quiet,
        transient=True,
    )
    task = progress.add_task("coding", total=None, events=0)
    coded = 0

    def advance(_article, events) -> None:
        nonlocal coded
        coded += len(events)
        progress.update(task, advance=1, events=coded)

    try:
        with progress:
            summary = api.extract_events(
                paths,
                db=db,
                published=published.date() if published else None,
                on_article=advance,
            )
    except EventcoderError as error:
        raise _fail(error) from error
    for failure in summary.failures:
        errors.print(f"[yellow]skipped[/yellow] {failure.describe()}", highlight=False)
    if not quiet:
        console.print(events_table(summary.events, title=f"Events coded in {db}"))
    errors.print(
        f"{summary.articles} articles, {len(summary.events)} events, "
        f"{len(summary.failures)} inputs failed; store: {db}"
    )
    if summary.failures:
        raise typer.Exit(EXIT_PARTIAL if summary.articles else EXIT_USAGE)
    raise typer.Exit(EXIT_OK)


@app.command()
def export(
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help="csv (ACLED column order), parquet, geojson or jsonl."),
    ] = "csv",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write; stdout when omitted.")
    ] = None,
    db: DbOption = DEFAULT_DB_PATH,
    merged: MergedOption = True,
) -> None:
    """Write the stored events in a standard format.

    Example: eventcoder export --format csv -o events.csv
    """
    try:
        count = api.export(db=db, fmt=fmt, out=output, merged=merged)
    except EventcoderError as error:
        raise _fail(error) from error
    if output is not None:
        errors.print(f"wrote {count} events to {output}")


@app.command()
def show(
    db: DbOption = DEFAULT_DB_PATH,
    article: Annotated[str | None, typer.Option(help="Only this article's events.")] = None,
    merged: MergedOption = False,
) -> None:
    """Print the stored events as a table.

    Example: eventcoder show --db events.duckdb --merged
    """
    try:
        events = api.events(db=db, article_id=article, merged=merged)
    except EventcoderError as error:
        raise _fail(error) from error
    console.print(events_table(events, title=f"Events in {db}"))


app.command()(evaluate)
app.command()(train)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB_PATH,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the review page (at /) and the REST API (OpenAPI docs at /docs) over the store.

    Example: eventcoder serve --db events.duckdb --port 8000
    """
    import uvicorn

    from eventcoder.server import create_app

    uvicorn.run(create_app(db), host=host, port=port)


app.add_typer(gazetteer.app, name="gazetteer")

if __name__ == "__main__":  # pragma: no cover
    app()
