#!/usr/bin/env python3
"""Independent reference for ordo's dyadic cooperation index (issue 6).

    ordo dyad ITA RUS --format csv > /tmp/itarus.csv
    python3 tests/reference/cooperation_reference.py /tmp/itarus.csv

Reads the dyad-year frame ordo prints (the raw measures: COW/ATOP/UN data),
and computes the default recipe (crates/analysis/data/cooperation.toml) with
the standard library only: components atop_s (+), un_agree (+), bsv_distance
(-), trade_dep_mean = mean(trade_dep1, trade_dep2) when both exist (+),
mid_hostility = cowmid_hostlev if cowmid_ongoing = 1, 0 if 0, missing if
missing (-), war = cowwar_inter (-); event_net_coop has no data without
ingested events and drops out. Each is z-scored over the dyad's years
1816-2022 with the sample SD; the index is the mean of the available signed
z-scores (equal weights) when at least half of the usable weight (3 of 6)
exists. Prints year, index and component count for the years the Rust test
checks.
"""
import csv
import statistics
import sys

rows = list(csv.DictReader(open(sys.argv[1])))
f = lambda v: float(v) if v not in ("", None) else None


def comp(r):
    d1, d2 = f(r["trade_dep1"]), f(r["trade_dep2"])
    ongoing = f(r["cowmid_ongoing"])
    return {
        "atop_s": (f(r["atop_s"]), 1),
        "un_agree": (f(r["un_agree"]), 1),
        "bsv_distance": (f(r["bsv_distance"]), -1),
        "trade_dep_mean": ((d1 + d2) / 2 if d1 is not None and d2 is not None else None, 1),
        "mid_hostility": (None if ongoing is None else (f(r["cowmid_hostlev"]) if ongoing > 0 else 0.0), -1),
        "war": (f(r["cowwar_inter"]), -1),
    }


table = [(int(r["year"]), comp(r)) for r in rows if 1816 <= int(r["year"]) <= 2022]
names = list(table[0][1].keys())
scale = {}
for n in names:
    xs = [c[n][0] for _, c in table if c[n][0] is not None]
    scale[n] = (statistics.fmean(xs), statistics.stdev(xs))
for year, c in table:
    if year not in (1870, 1915, 1925, 1937, 1941, 1955, 1975, 1983, 1995, 2005, 2014, 2020):
        continue
    zs = [c[n][1] * (c[n][0] - scale[n][0]) / scale[n][1] for n in names if c[n][0] is not None]
    index = sum(zs) / len(zs) if len(zs) >= 3 else None
    print(year, repr(index), len(zs))
