"""Detectors built once per test session (the default model trains on first use, then
comes from the cache)."""

from __future__ import annotations

import pytest

from eventcoder.extract.events import KeywordEventDetector, LearnedEventDetector


@pytest.fixture(scope="session")
def learned() -> LearnedEventDetector:
    detector = LearnedEventDetector()
    assert detector.model.labels  # load (or build) now, not inside the first test
    return detector


@pytest.fixture(scope="session")
def keyword() -> KeywordEventDetector:
    return KeywordEventDetector()
