"""Command-line interface: a thin Typer layer over ``eventcoder.api``."""
