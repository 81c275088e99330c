"""The shipped, editable source dictionary: canonical names, aliases and ACLED scales.

``data/sources/sources.csv`` has one row per source: ``name``, ``aliases`` (separated by
``|``), ``scale`` (ACLED source scale) and ``country``. Users add their outlets there; a
name it does not know is kept as written, with no scale.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from eventcoder.errors import ConfigError

# ACLED's source scales, in the order ACLED writes them when it combines them
# ("Local partner-Other", "New media-National", "National-International").
SCALES = (
    "Local partner",
    "Other",
    "New media",
    "Local",
    "Subnational",
    "National",
    "Regional",
    "International",
)
# Fuzzy matches below this rapidfuzz ratio are different sources ("Daily Star" vs "Daily Post").
FUZZY_THRESHOLD = 90
# Short names (acronyms) must match exactly: "AP" is 67% similar to "AFP".
FUZZY_MIN_LENGTH = 6
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_PUNCT = re.compile(r"[^\w\s/&'-]")


@dataclass(frozen=True, slots=True)
class SourceEntry:
    name: str
    scale: str | None
    country: str | None = None


def normalise(name: str) -> str:
    """Lowercase key without a leading article, punctuation or extra spaces."""
    name = _ARTICLE.sub("", " ".join(name.split()))
    return _PUNCT.sub("", name).strip().lower()


def combine_scales(scales: list[str | None]) -> str | None:
    """Distinct known scales in ACLED's order, joined by "-": ["National", "Other"] ->
    "Other-National"; None when no scale is known."""
    known = {s for s in scales if s}
    ordered = [s for s in SCALES if s in known] + sorted(known - set(SCALES))
    return "-".join(ordered) or None


class SourceDictionary:
    """Looks up a source name (or alias) and returns its canonical entry.

    Example: ``SourceDictionary.load().lookup("SOHR").name`` is
    ``"Syrian Observatory for Human Rights"``.
    """

    def __init__(self, entries: dict[str, SourceEntry]):
        self._entries = entries
        self._long_keys = [k for k in entries if len(k) >= FUZZY_MIN_LENGTH]

    @classmethod
    def load(cls, path: Path | None = None) -> SourceDictionary:
        """Read the shipped CSV, or ``path``; a malformed row raises ConfigError."""
        if path is None:
            text = (resources.files("eventcoder") / "data" / "sources" / "sources.csv").read_text(
                encoding="utf-8"
            )
            where = "eventcoder/data/sources/sources.csv"
        else:
            text, where = path.read_text(encoding="utf-8"), str(path)
        entries: dict[str, SourceEntry] = {}
        for line, row in enumerate(csv.DictReader(text.splitlines()), start=2):
            name, scale = (row.get("name") or "").strip(), (row.get("scale") or "").strip()
            if not name or (scale and scale not in SCALES):
                raise ConfigError(
                    f"{where}:{line}: each row needs a name and a scale among {', '.join(SCALES)}"
                    f" (got name={name!r}, scale={scale!r}); fix or remove the row."
                )
            entry = SourceEntry(name, scale or None, (row.get("country") or "").strip() or None)
            aliases = [a for a in (row.get("aliases") or "").split("|") if a.strip()]
            for key in (name, *aliases):
                entries.setdefault(normalise(key), entry)
        return cls(entries)

    def entries(self) -> list[SourceEntry]:
        """Each source once, in file order."""
        return list(dict.fromkeys(self._entries.values()))

    def lookup(self, surface: str) -> SourceEntry | None:
        key = normalise(surface)
        if key in self._entries:
            return self._entries[key]
        if len(key) < FUZZY_MIN_LENGTH or not self._long_keys:
            return None
        match = process.extractOne(
            key, self._long_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD
        )
        return self._entries[match[0]] if match else None
