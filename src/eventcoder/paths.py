"""Where eventcoder keeps artefacts it builds at first use (gazetteer, model caches)."""

from __future__ import annotations

import os
from pathlib import Path

# Environment variable that moves every cache, e.g. to a shared disk on a server.
CACHE_ENV = "EVENTCODER_CACHE"


def cache_dir() -> Path:
    """``$EVENTCODER_CACHE`` or ``~/.cache/eventcoder``, created on demand."""
    path = Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "eventcoder")
    path.mkdir(parents=True, exist_ok=True)
    return path
