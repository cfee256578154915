#!/usr/bin/env python3
"""Reference for ordo's dispute whittling (crates/measures/src/whittle.rs,
`--whittle RULES`), written from peacesciencer's documented rules
(docs/notes/peacesciencer-semantics.md, section 2), not from ordo's code.

    python3 tests/reference/whittle_reference.py > tests/reference/whittle_expected.csv

Data: $ORDO_DATA, default <repo>/../shared/data. For COW-MID v5.0
(cow_mid_dirdisps + cow_mid_disps) and GML v2.2.1 (gml_dirdisp +
gml_mid_disps), each chain is applied to the directed dispute-years:
within each (ccode1, ccode2, year) with several rows, each step keeps the
rows with the best dispute-level value (ties kept): onset (the onset rows
when some are and some are not), fatality (max, -9 counted as 0.5),
hostility (max hostlev), duration (max mindur, then max maxdur),
reciprocation (max recip), startmonth (min stmon); what is still tied is
decided by the lowest dispute number.

Output CSV `family,chain,metric,value`: `duplicated_before`, `after_<step>`,
`by_lowest_dispnum` (dyad-years still tied after the chain), `rows` (directed
dyad-years), `dispnum_sum` (sum of the kept dispute numbers, a checksum of
every choice), `differs_from_prewhittled` (dyad-years whose dispute differs
from peacesciencer's pre-whittled file), and `dispnum <c1>-<c2>-<year>` for
a few dyad-years. With the full chain both families reproduce the
pre-whittled files exactly (differs 0, by_lowest 0).
"""
import collections
import csv
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = pathlib.Path(os.environ.get("ORDO_DATA", ROOT.parent / "shared" / "data"))
FAMILIES = {
    "cow": ("cow_mid_dirdisps", "cow_mid_disps", "disponset", "cow_mid_ddydisps"),
    "gml": ("gml_dirdisp", "gml_mid_disps", "midonset", "gml_mid_ddydisps"),
}
CHAINS = [
    "onset,fatality,hostility,duration,reciprocation,startmonth",
    "onset",
    "fatality",
    "hostility,startmonth",
    "reciprocation,onset",
]
PICKS = [(220, 325, 1860), (2, 200, 1903), (365, 640, 1853), (750, 770, 1963), (2, 365, 1950), (365, 2, 1950)]


def rows_of(name):
    with open(DATA / name / f"{name}.csv", newline="") as f:
        return list(csv.DictReader(f))


def value(r, var):
    v = r[var]
    return None if v in ("", "NA") else float(v)


def best(rows, step):
    def key(r):
        if step == "onset":
            return (value(r, "onset"),)
        if step == "fatality":
            f = value(r, "fatality")
            return (0.5 if f == -9 else f,)
        if step == "hostility":
            return (value(r, "hostlev"),)
        if step == "duration":
            return (value(r, "mindur"), value(r, "maxdur"))
        if step == "reciprocation":
            return (value(r, "recip"),)
        if step == "startmonth":
            m = value(r, "stmon")
            return (None if m is None else -m,)
        raise ValueError(step)

    def rank(k):
        return tuple(float("-inf") if x is None else x for x in k)

    top = max(rank(key(r)) for r in rows)
    return [r for r in rows if rank(key(r)) == top]


def whittle(dirdisp, disps, onset_col, chain):
    level = {r["dispnum"]: r for r in disps}
    groups = collections.defaultdict(list)
    for r in dirdisp:
        d = level.get(r["dispnum"], {})
        row = {"dispnum": int(r["dispnum"]), "onset": r[onset_col]}
        for v in ("fatality", "hostlev", "mindur", "maxdur", "recip", "stmon"):
            row[v] = d.get(v, "")
        groups[(int(r["ccode1"]), int(r["ccode2"]), int(r["year"]))].append(row)
    metrics = [("duplicated_before", sum(len(g) > 1 for g in groups.values()))]
    for step in chain:
        for k in groups:
            if len(groups[k]) > 1:
                groups[k] = best(groups[k], step)
        metrics.append((f"after_{step}", sum(len(g) > 1 for g in groups.values())))
    metrics.append(("by_lowest_dispnum", sum(len(g) > 1 for g in groups.values())))
    kept = {k: min(r["dispnum"] for r in g) for k, g in groups.items()}
    return kept, metrics


def main():
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["family", "chain", "metric", "value"])
    for fam, (dd, dp, onset, pre) in FAMILIES.items():
        dirdisp, disps = rows_of(dd), rows_of(dp)
        prewhittled = {(int(r["ccode1"]), int(r["ccode2"]), int(r["year"])): int(r["dispnum"]) for r in rows_of(pre)}
        for chain in CHAINS:
            kept, metrics = whittle(dirdisp, disps, onset, chain.split(","))
            for m, v in metrics:
                w.writerow([fam, chain, m, v])
            w.writerow([fam, chain, "rows", len(kept)])
            w.writerow([fam, chain, "dispnum_sum", sum(kept.values())])
            differs = sum(1 for k, v in kept.items() if prewhittled.get(k) != v)
            w.writerow([fam, chain, "differs_from_prewhittled", differs])
            for k in PICKS:
                if k in kept:
                    w.writerow([fam, chain, f"dispnum {k[0]}-{k[1]}-{k[2]}", kept[k]])
            print(fam, chain, dict(metrics), differs, file=sys.stderr)


if __name__ == "__main__":
    main()
