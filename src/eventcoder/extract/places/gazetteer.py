"""Open the gazetteer (default layer + the user's imports) and look names up.

The default layer is built from installed packages into ``cache_dir()`` on first use;
``eventcoder gazetteer import`` writes the user layer beside it. A place in the user layer
replaces the default entry with the same id, so analysts can correct as well as add.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eventcoder.extract.places.store import SCHEMA_VERSION, connect
from eventcoder.paths import cache_dir

log = logging.getLogger(__name__)

# Seas, gulfs and regions (``data/places/regions.csv``); GeoNames' code for a region.
REGION_FEATURE = "RGN"
WIDE_FEATURES = frozenset({"PCLI", "CONT", REGION_FEATURE})
# Bump when the default build changes (sources, names), so old caches are rebuilt.
BUILD_VERSION = "6"
DEFAULT_FILE = f"gazetteer-v{SCHEMA_VERSION}-{BUILD_VERSION}.sqlite"
USER_FILE = f"gazetteer-user-v{SCHEMA_VERSION}.sqlite"


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry as the resolver sees it."""

    gid: int
    name: str
    lat: float
    lon: float
    cc: str
    admin1: str | None
    admin2: str | None
    admin3: str | None
    feature: str
    population: int
    source: str

    @property
    def is_admin(self) -> bool:
        return self.feature.startswith("ADM") or self.feature in WIDE_FEATURES

    @property
    def is_wide(self) -> bool:
        """A country, continent, sea or region: context for towns, never held by one."""
        return self.feature in WIDE_FEATURES


def default_path() -> Path:
    return cache_dir() / DEFAULT_FILE


def user_path() -> Path:
    return cache_dir() / USER_FILE


def ensure_default(path: Path | None = None) -> Path:
    """The default gazetteer's path, building it first when it does not exist yet."""
    path = path or default_path()
    if not path.exists():
        from eventcoder.extract.places.build import build_default

        log.warning("gazetteer %s not found; building it from installed packages (~1 min)", path)
        build_default(path)
    return path


_LOOKUP = """
SELECT n.key, n.skel, p.gid, p.name, p.lat, p.lon, p.cc, p.admin1, p.admin2, p.admin3,
       p.feature, p.population, p.source
FROM names n JOIN places p ON p.gid = n.gid AND p.source = n.source
WHERE n.{column} IN ({marks})
"""


_SEAT = """
SELECT population, lat, lon FROM places
WHERE cc = ? AND admin1 = ? {admin2} AND feature = 'PPL'
ORDER BY population DESC, gid LIMIT 1
"""


class Gazetteer:
    """Read-only access to one or more gazetteer layers (later layers win).

    Example::

        gaz = Gazetteer.open()
        gaz.lookup(["binnish"])["binnish"][0].admin1   # 'Idlib'
    """

    def __init__(self, paths: Iterable[Path]):
        started = time.monotonic()
        self.paths = [p for p in paths if p.exists()]
        self._cons = [connect(p, read_only=True) for p in self.paths]
        self.load_seconds = time.monotonic() - started

    @classmethod
    def open(cls, path: Path | None = None, extra_layers: Iterable[Path] = ()) -> Gazetteer:
        """The default gazetteer (built if missing), the user's imports unless ``path``
        names another gazetteer, then ``extra_layers``."""
        paths = [ensure_default(path)]
        if path is None and user_path().exists():
            paths.append(user_path())
        return cls([*paths, *extra_layers])

    def lookup(self, keys: Iterable[str], skeleton: bool = False) -> dict[str, list[Place]]:
        """Places per name key (or per skeleton key when ``skeleton``)."""
        wanted = sorted({k for k in keys if k})
        if not wanted:
            return {}
        column = "skel" if skeleton else "key"
        found: dict[str, dict[int, Place]] = {}
        for con in self._cons:  # later layers replace earlier entries with the same id
            query = _LOOKUP.format(column=column, marks=",".join("?" * len(wanted)))
            for row in con.execute(query, wanted).fetchall():
                key = row[1] if skeleton else row[0]
                found.setdefault(key, {})[row[2]] = Place(*row[2:])
        return {key: list(places.values()) for key, places in found.items()}

    def seat(self, cc: str, admin1: str, admin2: str | None = None) -> tuple[float, float] | None:
        """The point of the most populous town of an admin unit (admin2 None: the
        first-level unit), the seat in most countries."""
        best: tuple[int, float, float] | None = None
        for con in self._cons:
            row = con.execute(
                _SEAT.format(admin2="AND admin2 = ?" if admin2 else ""),
                [cc, admin1, *([admin2] if admin2 else [])],
            ).fetchone()
            if row and (best is None or row[0] > best[0]):
                best = row
        return (best[1], best[2]) if best else None

    def key_sets(self) -> tuple[frozenset[str], frozenset[str]]:
        """All exact keys and all skeleton keys, to test spans in memory before a query."""
        keys: set[str] = set()
        skeletons: set[str] = set()
        for con in self._cons:
            for kind, blob in con.execute(
                "SELECT key, value FROM meta WHERE key IN ('keys', 'skeletons')"
            ).fetchall():
                (keys if kind == "keys" else skeletons).update((blob or "").split("\n"))
        return frozenset(keys), frozenset(skeletons)

    def admin_name(self, code: str) -> str | None:
        """The name of a GeoNames admin code ("SY.12" -> "Idlib"), for imports."""
        for con in reversed(self._cons):
            row = con.execute("SELECT name FROM admin_codes WHERE code = ?", [code]).fetchone()
            if row:
                return row[0]
        return None

    def info(self) -> list[dict[str, object]]:
        """Per layer: path, place and name counts, sources."""
        layers = []
        for path, con in zip(self.paths, self._cons, strict=True):
            places = con.execute("SELECT count(*) FROM places").fetchone()[0]
            names = con.execute("SELECT count(*) FROM names").fetchone()[0]
            sources = con.execute(
                "SELECT substr(key, 8) || ' (' || value || ')' FROM meta "
                "WHERE key LIKE 'source:%' ORDER BY key"
            ).fetchall()
            layers.append(
                {
                    "path": str(path),
                    "places": places,
                    "names": names,
                    "sources": [s for (s,) in sources],
                }
            )
        return layers

    def close(self) -> None:
        for con in self._cons:
            con.close()
        self._cons = []
