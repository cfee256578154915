#!/usr/bin/env python3
"""Reference totals of the GEO-RUS event series (Georgia files, both
directions, de-duplicated) under each scoring profile, for the Rust tests.

    python3 tests/reference/events_profiles_reference.py

Independent of ordo's Rust code: reads the raw files with events_reference.py,
classes by longest CAMEO prefix from crates/events/data/schemes/*.csv, and
Goldstein weights from the GDELT or ICEWS table (profile `source`: the
row's own GoldsteinScale). Stdlib only.
"""
import csv
import math
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import events_reference as ref  # noqa: E402

SCHEMES = os.path.join(os.path.dirname(__file__), "../../crates/events/data/schemes")
PROFILES = [("gdelt", "gdelt", "gdelt_quad"), ("icews", "icews", "icews_quad"),
            ("phoenix", "gdelt", "phoenix_pentaclass"), ("plover", "gdelt", "plover"),
            ("source", "row", "gdelt_quad")]


def scheme(name):
    rows = [l for l in open(os.path.join(SCHEMES, name + ".csv")) if not l.startswith("#")]
    return [(p, c, s) for p, c, s in csv.reader(rows[1:])]


def classify(sch, code):
    best = max((p for p in sch if code.startswith(p[0])), key=lambda p: len(p[0]))
    return best[1], best[2]


def main():
    gdelt = {r[0]: float(r[1]) for r in csv.reader(open(ref.GOLD), delimiter="\t") if r[0] != "CAMEOEVENTCODE"}
    icews = {r["code"]: float(r["goldstein"]) for r in csv.DictReader(open(ref.ICEWS_GOLD))}
    seen, rows = set(), []
    for _, _, _, _, frows in ref.read_georgia():
        for r in frows:
            if (r["id"], r["date"]) not in seen:
                seen.add((r["id"], r["date"]))
                rows.append(r)
    both = [r for r in rows if r["a1"] and r["a2"]]
    for title, sel in [("GEO-RUS, both directions", [r for r in rows if {r["a1"], r["a2"]} == {"GEO", "RUS"}]),
                       ("every row with both actor country codes (ordo --keys raw --all-dyads)", both)]:
        print(f"\n### {title}\n")
        table_for(sel, gdelt, icews)


def table_for(dyad, gdelt, icews):
    print("| profile | events | coop | conflict | neutral | goldstein_sum | classes |")
    print("|---|---|---|---|---|---|---|")
    for name, table, sch_name in PROFILES:
        sch = scheme(sch_name)
        counts, stance = {}, {"coop": 0, "conflict": 0, "neutral": 0}
        gold = []
        for r in dyad:
            c, s = classify(sch, r["code"])
            counts[c] = counts.get(c, 0) + 1
            stance[s] += 1
            g = {"gdelt": gdelt, "icews": icews}.get(table)
            gold.append(float(r["gs"]) if g is None else g[r["code"]])
        print(f"| {name} | {len(dyad)} | {stance['coop']} | {stance['conflict']} | {stance['neutral']} | "
              f"{round(math.fsum(gold), 6)} | {dict(sorted(counts.items()))} |")


if __name__ == "__main__":
    main()
