"""``eventcoder gazetteer``: build, extend and inspect the embedded gazetteer.

A thin layer over ``eventcoder.extract.places``: the default gazetteer is built from
installed packages into the cache folder ($EVENTCODER_CACHE or ~/.cache/eventcoder);
imports go to a user layer beside it that overrides and extends the default.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from eventcoder.cli.options import EXIT_USAGE
from eventcoder.errors import EventcoderError

app = typer.Typer(
    help="Build, extend (GeoNames dumps, your own CSV of villages) and inspect the gazetteer.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)


@app.command()
def build(
    path: Annotated[
        Path | None, typer.Option(help="Where to write it (default: the cache folder).")
    ] = None,
) -> None:
    """Build the default gazetteer from installed packages (GeoNames data, no download).

    Example: eventcoder gazetteer build
    """
    from eventcoder.extract.places.build import build_default
    from eventcoder.extract.places.gazetteer import default_path

    target = path or default_path()
    started = time.monotonic()
    try:
        count = build_default(target)
    except EventcoderError as error:
        errors.print(f"[red]error:[/red] {error}")
        raise typer.Exit(EXIT_USAGE) from error
    console.print(f"built {target}: {count:,} places in {time.monotonic() - started:.0f} s")


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="GeoNames dump (.zip/.txt) or a CSV of places.")],
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="geonames or csv (default: from the extension)."),
    ] = None,
) -> None:
    """Add places to your gazetteer layer; importing the same file again replaces it.

    GeoNames: allCountries.zip, cities1000.zip, a country file (SY.zip), admin1CodesASCII.txt
    or admin2Codes.txt, downloaded by you from geonames.org. CSV header: name,
    alternate_names, latitude, longitude, country[, admin1, admin2, admin3, population].

    Example: eventcoder gazetteer import villages.csv --format csv
    """
    from eventcoder.extract.places.importers import import_file

    try:
        count = import_file(file, fmt)
    except EventcoderError as error:
        errors.print(f"[red]error:[/red] {error}")
        raise typer.Exit(EXIT_USAGE) from error
    console.print(f"imported {count:,} rows from {file}")


@app.command()
def info() -> None:
    """Show the gazetteer layers in use: path, places, names and sources.

    Example: eventcoder gazetteer info
    """
    from eventcoder.extract.places.importers import layer_info

    try:
        layers = layer_info()
    except EventcoderError as error:
        errors.print(f"[red]error:[/red] {error}")
        raise typer.Exit(EXIT_USAGE) from error
    for layer in layers:
        console.print(f"{layer['path']}: {layer['places']:,} places, {layer['names']:,} names")
        for source in layer["sources"]:
            console.print(f"  source: {source}")
