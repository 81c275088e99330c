"""The CLI on real inputs: a folder mixing good and broken files, exports, help texts."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventcoder.cli.main import app
from eventcoder.cli.options import EXIT_OK, EXIT_PARTIAL
from tests.conftest import EXAMPLES

runner = CliRunner(env={"COLUMNS": "200"})  # a wide terminal: table cells stay on one line

STORY = (
    "On 3 March 2021, gunmen killed two farmers in the village of Kukawa, Borno State, "
    "Nigeria, residents said.\n"
)


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory):
    """Two good articles and one file for every kind of bad input the issue lists."""
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "good.txt").write_text(STORY, encoding="utf-8")
    records = [
        {"id": "ok-1", "text": STORY.replace("two farmers", "a trader"), "published": "2021-03-04"},
        "{not json",
        {"id": "no-text", "title": "headline only"},
    ]
    (folder / "batch.jsonl").write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "latin1.txt").write_bytes("Caf\xe9 bombing in B\xe9ja".encode("latin-1") * 50)
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
        handle.seek(0)
        handle.write(b"A long article. ")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not supported")
    return folder


@pytest.fixture(scope="module")
def mixed_run(mixed_folder, tmp_path_factory):
    db = tmp_path_factory.mktemp("db") / "events.duckdb"
    result = runner.invoke(app, ["extract", str(mixed_folder), "--db", str(db), "--quiet"])
    return db, result


def test_mixed_folder_stores_good_articles_and_names_every_broken_file(mixed_run):
    import eventcoder
    from eventcoder.store import Store

    db, result = mixed_run
    assert result.exit_code == EXIT_PARTIAL, result.output
    for name in ("empty.txt", "binary.txt", "latin1.txt", "huge.txt", "notes.docx"):
        assert name in result.output
    assert "batch.jsonl:line 2" in result.output  # the malformed line
    assert "batch.jsonl:line 3" in result.output  # the record without text
    with Store(db, read_only=True) as store:
        assert {a.id for a in store.articles()} >= {"ok-1"}
        assert len(store.articles()) == 2
    kinds = {f.kind for f in eventcoder.failures(db=db)}
    assert kinds == {
        "empty",
        "binary",
        "encoding",
        "too-large",
        "unknown-extension",
        "malformed",
        "no-text",
    }


def test_sample_extract_then_every_export_format(tmp_path):
    db = tmp_path / "events.duckdb"
    result = runner.invoke(app, ["extract", str(EXAMPLES / "articles.jsonl"), "--db", str(db)])
    assert result.exit_code == EXIT_OK, result.output
    assert "Air/drone strike" in result.output
    for fmt in ("csv", "parquet", "geojson", "jsonl"):
        out = tmp_path / f"events.{fmt}"
        result = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "-o", str(out)])
        assert result.exit_code == EXIT_OK, result.output
        assert out.stat().st_size > 0
    header = (tmp_path / "events.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("event_id_cnty,event_date,year,time_precision,disorder_type")
    line = json.loads((tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert line["article_id"] == "idlib-drone-strike" and line["evidence"]
    shown = runner.invoke(app, ["show", "--db", str(db)])
    assert shown.exit_code == EXIT_OK and "Air/drone strike" in shown.output


def test_unknown_export_format_is_a_usage_error(tmp_path):
    db = tmp_path / "events.duckdb"
    runner.invoke(app, ["extract", str(EXAMPLES / "articles.jsonl"), "--db", str(db), "-q"])
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "xlsx"])
    assert result.exit_code == 2
    assert "csv" in result.output


def test_every_command_has_an_example_in_its_help():
    import typer.main

    command = typer.main.get_command(app)
    for name, sub in command.commands.items():
        subcommands = getattr(sub, "commands", {name: sub})
        for sub_name, leaf in subcommands.items():
            assert "Example:" in (leaf.help or ""), f"{name} {sub_name} has no example"
