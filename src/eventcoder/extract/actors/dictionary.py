"""The editable actor dictionary: canonical actors, their aliases and ACLED inter codes.

The shipped file is ``eventcoder/data/actors/actors.csv`` (format in the README beside
it); users may pass their own. Every row is validated on load and a bad row is reported
with its line number, so an edited dictionary never fails silently.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from eventcoder.errors import ConfigError

COLUMNS = ("name", "aliases", "inter", "country", "type", "period")
ACTOR_TYPES = frozenset(
    {"state", "rebel", "militia", "identity", "rioters", "protesters", "civilians", "external"}
)
INTER_CODES = frozenset("12345678")
_PERIOD = re.compile(r"^(\d{4})-(\d{4})?$")
# Fuzzy alias matches below this rapidfuzz ratio are rejected: 90 accepts "Hayat Tahrir
# al Sham" or "Hay'at Tahrir al-Sham" but not a different group sharing one word.
FUZZY_MIN_SCORE = 90
# Aliases this short ("IS", "AA", "HM") only match exactly and case-sensitively: fuzzy or
# lower-cased they would match ordinary words.
SHORT_ALIAS_CHARS = 3


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One canonical actor of the dictionary."""

    name: str
    aliases: tuple[str, ...]
    inter: str
    country: str | None
    type: str
    start_year: int | None = None
    end_year: int | None = None

    def active_in(self, year: int | None) -> bool:
        """Whether the actor existed in ``year`` (always True when the year is unknown)."""
        if year is None:
            return True
        if self.start_year is not None and year < self.start_year:
            return False
        return self.end_year is None or year <= self.end_year


def normalise(text: str) -> str:
    """Lower-case, strip accents and apostrophes, and turn hyphens into spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[’'`‘]", "", text.lower())
    text = re.sub(r"[-_/]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


class ActorDictionary:
    """Alias lookup over the dictionary: exact (normalised) first, then fuzzy.

    Example::

        actors = load_actor_dictionary()
        actors.lookup("Hay'at Tahrir al-Sham").name  # 'HTS: Hayat Tahrir al Sham'
    """

    def __init__(self, entries: Iterable[ActorEntry]):
        self.entries = tuple(entries)
        self._exact: dict[str, list[ActorEntry]] = {}
        self._short: dict[str, list[ActorEntry]] = {}
        for entry in self.entries:
            for alias in (entry.name, *entry.aliases):
                if len(alias) <= SHORT_ALIAS_CHARS:
                    self._short.setdefault(alias, []).append(entry)
                else:
                    self._exact.setdefault(normalise(alias), []).append(entry)
        self._keys = list(self._exact)
        self.max_alias_words = max((len(k.split()) for k in self._keys), default=1)

    def lookup(self, text: str, year: int | None = None) -> ActorEntry | None:
        """The actor ``text`` names exactly (after normalisation), or None."""
        candidates = self._short.get(text.strip()) or self._exact.get(normalise(text), [])
        return _pick(candidates, year)

    def fuzzy_lookup(self, text: str, year: int | None = None) -> tuple[ActorEntry, float] | None:
        """The closest actor by spelling, with its score 0-100, if above FUZZY_MIN_SCORE."""
        key = normalise(text)
        if len(key) <= SHORT_ALIAS_CHARS:
            return None
        match = process.extractOne(key, self._keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
        if match is None:
            return None
        entry = _pick(self._exact[match[0]], year)
        return (entry, float(match[1])) if entry else None


def _pick(candidates: list[ActorEntry], year: int | None) -> ActorEntry | None:
    active = [c for c in candidates if c.active_in(year)]
    return (active or candidates or [None])[0]


def load_actor_dictionary(path: Path | str | None = None) -> ActorDictionary:
    """Load and validate an actor dictionary CSV (the shipped one when ``path`` is None).

    Raises ConfigError naming the file and line of the first bad row.
    """
    if path is None:
        source = resources.files("eventcoder") / "data" / "actors" / "actors.csv"
        label, text = "eventcoder/data/actors/actors.csv", source.read_text(encoding="utf-8")
    else:
        label = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"Cannot read actor dictionary {label}: {exc}.") from exc
    return ActorDictionary(parse_rows(text.splitlines(), label))


def parse_rows(lines: list[str], label: str) -> list[ActorEntry]:
    """Validate the CSV lines of an actor dictionary into entries."""
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != COLUMNS:
        raise ConfigError(
            f"{label}:1: the header must be {','.join(COLUMNS)}; got {header!r}. "
            "See eventcoder/data/actors/README.md."
        )
    entries = []
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        entries.append(_entry(row, f"{label}:{line}"))
    return entries


def _entry(row: list[str], where: str) -> ActorEntry:
    if len(row) != len(COLUMNS):
        raise ConfigError(
            f"{where}: expected {len(COLUMNS)} columns ({','.join(COLUMNS)}), got {len(row)}; "
            "quote a name that contains a comma."
        )
    name, aliases, inter, country, kind, period = (cell.strip() for cell in row)
    if not name:
        raise ConfigError(f"{where}: the name column is empty; give the canonical actor name.")
    if inter not in INTER_CODES:
        raise ConfigError(f"{where}: inter code {inter!r} of {name!r} must be one digit 1-8.")
    if kind not in ACTOR_TYPES:
        raise ConfigError(
            f"{where}: type {kind!r} of {name!r} must be one of {', '.join(sorted(ACTOR_TYPES))}."
        )
    start = end = None
    if period:
        found = _PERIOD.match(period)
        if not found:
            raise ConfigError(
                f"{where}: period {period!r} of {name!r} must look like 2014- or 2012-2017."
            )
        start = int(found.group(1))
        end = int(found.group(2)) if found.group(2) else None
    alias_list = tuple(a.strip() for a in aliases.split("|") if a.strip())
    return ActorEntry(name, alias_list, inter, country or None, kind, start, end)
