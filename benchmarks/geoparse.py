"""Geoparsing benchmark: event locations on ACLED/UCDP gold, place mentions on GeoWebNews.

Prints, for the Geoparser and the first-place baseline in the same run:
- event sets: share of events within 25 km of gold, median error (km), admin1 accuracy,
  geo_precision agreement, and the gazetteer ceiling (share of gold events for which some
  gazetteer reading of some name in the text lies within 25 km of the gold point);
- GeoWebNews: place-mention precision/recall (overlapping spans, locational toponyms only)
  and accuracy@161 km of the places found;
- gazetteer load time and resident memory.

Usage: ``.venv/bin/python benchmarks/geoparse.py [--limit N] [--gold DIR]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from common import parse_records, whole_text_mention

from eventcoder.evaluate.gold import load_gold
from eventcoder.extract.places import FirstPlaceBaseline, Geoparser, haversine_km
from eventcoder.extract.places.names import name_key, skeleton_key

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "dev"
EVENT_SETS = ("acled-notes-2020-dev.jsonl", "ucdp-ged-headlines.jsonl")
NEWS_SET = "geowebnews-places.jsonl"
WITHIN_KM = 25.0
ACC_KM = 161.0
# GeoWebNews toponym types that name where something is (Gritta et al. 2019); the others
# (metonymy, demonyms, homonyms, non-toponyms) are not places.
LOCATIONAL_TYPES = frozenset(
    {"Literal", "Literal_Modifier", "Mixed", "Coercion", "Embedded_Literal"}
)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def same_admin(found: str | None, gold: str | None) -> bool:
    if not found or not gold:
        return False
    a, b = name_key(found), name_key(gold.replace(" governorate", "").replace(" province", ""))
    return a == b or (bool(skeleton_key(a)) and skeleton_key(a) == skeleton_key(b))


def score_events(name, records, parsed, geo, baseline) -> list[tuple]:
    rows = []
    results = {"geoparser": [], "baseline": []}
    ceiling_hits = 0
    events = 0
    timing = 0.0
    for record, doc in zip(records, parsed, strict=True):
        golds = [e for e in record.events if e.latitude is not None]
        if not golds:
            continue
        events += 1
        mention = whole_text_mention(doc)
        started = time.monotonic()
        ours = geo.extract(doc, mention)
        timing += time.monotonic() - started
        base = baseline.extract(doc, mention)
        for label, finding in (("geoparser", ours), ("baseline", base)):
            if finding.latitude is None:
                results[label].append((None, False, None))
                continue
            gold = min(
                golds,
                key=lambda g: haversine_km(
                    finding.latitude, finding.longitude, g.latitude, g.longitude
                ),
            )
            km = haversine_km(finding.latitude, finding.longitude, gold.latitude, gold.longitude)
            precision_ok = (
                finding.geo_precision == gold.geo_precision
                if gold.geo_precision is not None
                else None
            )
            results[label].append((km, same_admin(finding.admin1, gold.admin1), precision_ok))
        points = [(p.lat, p.lon) for _, places in geo.candidate_places(doc) for p in places]
        if any(
            haversine_km(lat, lon, g.latitude, g.longitude) <= WITHIN_KM
            for lat, lon in points
            for g in golds
        ):
            ceiling_hits += 1
    ceiling = ceiling_hits / events if events else float("nan")
    for label, values in results.items():
        kms = [km for km, _, _ in values if km is not None]
        within = sum(1 for km in kms if km <= WITHIN_KM) / events if events else float("nan")
        precisions = [ok for _, _, ok in values if ok is not None]
        rows.append(
            (
                name,
                label,
                events,
                f"{within:.3f}",
                f"{statistics.median(kms):.1f}" if kms else "-",
                f"{sum(1 for _, ok, _ in values if ok) / events:.3f}",
                f"{sum(precisions) / len(precisions):.3f}" if precisions else "-",
                f"{ceiling:.3f}",
                f"{within / ceiling:.3f}" if ceiling else "-",
            )
        )
    print(f"{name}: geoparser time {timing:.1f} s for {events} texts", file=sys.stderr)
    return rows


def score_news(records, parsed, geo) -> tuple[float, float, float, int, int]:
    true_pos = found_total = gold_total = 0
    resolved = near = 0
    for record, doc in zip(records, parsed, strict=True):
        gold = [p for p in record.places or () if p.type in LOCATIONAL_TYPES]
        found = [p for p in geo.find_places(doc) if p.is_locational]
        gold_total += len(gold)
        found_total += len(found)
        for place in found:
            match = next((g for g in gold if g.start < place.end and place.start < g.end), None)
            if match is None:
                continue
            true_pos += 1
            if match.latitude is not None:
                resolved += 1
                km = haversine_km(place.latitude, place.longitude, match.latitude, match.longitude)
                near += km <= ACC_KM
    precision = true_pos / found_total if found_total else float("nan")
    recall = true_pos / gold_total if gold_total else float("nan")
    return precision, recall, near / resolved if resolved else float("nan"), found_total, gold_total


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="records per gold file")
    ap.add_argument("--gold", type=Path, default=GOLD, help="folder with the dev gold files")
    args = ap.parse_args(argv)

    before = rss_mb()
    started = time.monotonic()
    geo = Geoparser()
    load_s = time.monotonic() - started
    load_rss = rss_mb() - before
    baseline = FirstPlaceBaseline()

    table = []
    for name in EVENT_SETS:
        records = load_gold(args.gold / name, args.limit)
        table += score_events(name.split(".")[0], records, parse_records(records), geo, baseline)
    news = load_gold(args.gold / NEWS_SET, args.limit)
    precision, recall, acc161, found, gold = score_news(news, parse_records(news), geo)

    header = (
        "set",
        "system",
        "events",
        "within25km",
        "median_km",
        "admin1_acc",
        "precision_acc",
        "ceiling",
        "share_of_ceiling",
    )
    widths = [max(len(str(r[i])) for r in [header, *table]) for i in range(len(header))]
    for row in [header, *table]:
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)))
    print(
        f"\nGeoWebNews ({len(news)} articles): mention precision {precision:.3f}, "
        f"recall {recall:.3f} ({found} found, {gold} gold locational toponyms), "
        f"accuracy@161km {acc161:.3f}"
    )
    print(
        f"gazetteer load {load_s:.2f} s, RSS +{load_rss:.0f} MiB "
        f"(process {rss_mb():.0f} MiB with spaCy)"
    )


if __name__ == "__main__":
    main()
