"""Fixtures for ingest tests: a folder with one good article, and a real-looking HTML page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.helpers import GOOD_TEXT, INPUTS


@pytest.fixture
def folder_with_good_file(tmp_path: Path) -> Path:
    """A folder holding one good plain-text article, to put a broken file beside."""
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    return folder


@pytest.fixture
def html_page() -> bytes:
    """A hand-made news page with nav, cookie banner, share bar, sidebar and footer."""
    return (INPUTS / "borno-attack.html").read_bytes()
