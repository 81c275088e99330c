"""The ``gazetteer`` sub-command: documented commands, import and info on a temporary
cache folder (the default layer is linked in, so nothing is rebuilt)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from eventcoder.cli.gazetteer import app
from eventcoder.extract.places.gazetteer import DEFAULT_FILE, ensure_default

runner = CliRunner()


@pytest.mark.parametrize("command", ["build", "import", "info"])
def test_every_command_has_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Example: eventcoder gazetteer" in result.output


@pytest.fixture
def cache(tmp_path, monkeypatch):
    default = ensure_default()
    (tmp_path / DEFAULT_FILE).symlink_to(default)
    monkeypatch.setenv("EVENTCODER_CACHE", str(tmp_path))
    return tmp_path


def test_import_then_info_lists_the_user_layer(cache):
    villages = cache / "villages.csv"
    villages.write_text(
        "name,alternate_names,latitude,longitude,country\nKansafra,,35.7375,36.5561,SY\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", str(villages)])
    assert result.exit_code == 0 and "imported 1 rows" in result.output
    result = runner.invoke(app, ["info"])
    assert result.exit_code == 0
    assert "csv:villages.csv" in result.output and "cities500" in result.output


def test_import_of_a_missing_file_is_a_usage_error(cache):
    result = runner.invoke(app, ["import", str(cache / "nope.zip")])
    assert result.exit_code == 2
