#!/usr/bin/env python3
"""Event-engine benchmark (issue 5): ordo against the tools users reach for.

    python3 bench/events_bench.py [--rows 3844507] [--profile release] [--runs 3]

1. Generates 1 GB of GDELT 1.0 rows with ../shared/bench/gen_gdelt.py
   (--rows 3844507 --seed 42 --version 1; kept in $BENCH_DIR, default
   /tmp/ordo-bench-events, and reused when present).
2. Runs on it, page cache hot, best of --runs wall-clock times and the peak
   RSS of that run (GNU time):
   - anchors: `cat FILE > /dev/null`; ../shared/bench/anchor_awk.sh q1 / q2grep;
     ../shared/bench/anchor_queries.py duckdb|polars q1|q2; DuckDB
     `COPY (SELECT * FROM read_csv(...)) TO 'x.parquet'`;
   - ordo: `events --raw` for all dyad-months (q1: --all-dyads --directed
     --keys raw) and for ITA-RUS (q2), `ingest`, and the same two queries over
     the store (q2 over the store by COW code, with row-group pruning).
3. Checks that ordo's results equal DuckDB's and Polars' exactly (same
   groups, counts, mention sums, QuadClass counts; Goldstein sums to 0.1).
4. Prints MB/s and the ratio to the fastest anchor of the same query, and
   rewrites the block between the events-bench markers in BENCHMARKS.md.
Needs: python3 with duckdb, polars, pyarrow (pip install duckdb polars pyarrow).
"""
import argparse
import csv
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import ordo_args, ordo_binary, sh, sh_quote, timed, write_block  # noqa: E402
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("ORDO_SHARED", os.path.join(ROOT, "..", "shared"))
BENCH = os.environ.get("BENCH_DIR", "/tmp/ordo-bench-events")
os.environ.setdefault("ORDO_DATA", os.path.join(SHARED, "data"))








def normalise_ordo(path, keys, out):
    """ordo CSV -> the anchors' dump format (sorted keys, n, gold, mentions, q1..q4)."""
    rows = []
    with open(path) as f:
        for r in csv.DictReader(f):
            month = r["period"].replace("-", "")
            k = {"q1": (r["actor1"], r["actor2"], month), "q2": (month,)}[keys]
            v = (int(r["events"]), float(r["goldstein_sum"]), int(r["mentions"]),
                 int(r["verbal_coop"]), int(r["material_coop"]), int(r["verbal_conflict"]),
                 int(r["material_conflict"]))
            if v[0] == 0:
                continue  # one-dyad series list months without events; anchors do not
            rows.append((k, v))
    rows.sort()
    with open(out, "w") as f:
        for k, v in rows:
            f.write("\t".join(k) + "\t" + "\t".join(
                f"{round(x, 1) + 0.0:.1f}" if j == 1 else str(int(x)) for j, x in enumerate(v)) + "\n")


def same(a, b):
    return open(a).read() == open(b).read()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=3844507)
    ordo_args(ap)
    a = ap.parse_args()
    os.makedirs(BENCH, exist_ok=True)
    data = os.path.join(BENCH, f"gdelt_v1_{a.rows}.tsv")
    if not os.path.exists(data):
        sh(f"python3 {SHARED}/bench/gen_gdelt.py --rows {a.rows} --seed 42 --version 1 --out {data}.part")
        os.rename(data + ".part", data)
    size = os.path.getsize(data)
    ordo = ordo_binary(a)
    store = os.path.join(BENCH, "store")
    q = os.path.join(SHARED, "bench", "anchor_queries.py")
    awk = os.path.join(SHARED, "bench", "anchor_awk.sh")
    sh(f"cat {data} > /dev/null")
    d = lambda n: os.path.join(BENCH, n)
    res = {}
    res["cat"] = timed(f"cat {data} > /dev/null", a.runs)
    res["awk q1"] = timed(f"sh {awk} q1 {data} > {d('awk_q1.tsv')}", a.runs)
    res["grep|awk q2"] = timed(f"sh {awk} q2grep {data} > {d('awk_q2.tsv')}", a.runs)
    for tool in ("duckdb", "polars"):
        for qq in ("q1", "q2"):
            res[f"{tool} {qq}"] = timed(f"python3 {q} {tool} {qq} {data} --dump {d(f'{tool}_{qq}.tsv')}", a.runs)
    copy = ("import duckdb;c=duckdb.connect();"
            f"c.execute(\"COPY (SELECT * FROM read_csv('{data}', delim='\\t', header=false, quote='', escape='', "
            f"all_varchar=true)) TO '{d('duck.parquet')}' (FORMAT parquet)\")")
    res["duckdb COPY to parquet"] = timed(f"python3 -c {sh_quote(copy)}", a.runs)
    res["ordo raw q1"] = timed(f"{ordo} events --all-dyads --directed --keys raw --raw {data} --format csv --out {d('ordo_raw_q1.csv')}", a.runs)
    res["ordo raw q2"] = timed(f"{ordo} events ITA RUS --keys raw --raw {data} --format csv --out {d('ordo_raw_q2.csv')}", a.runs)
    res["ordo raw q2 --quick"] = timed(f"{ordo} events ITA RUS --keys raw --raw {data} --quick --format csv --out {d('ordo_quick_q2.csv')}", a.runs)
    ingest_best = None
    for _ in range(a.runs):
        shutil.rmtree(store, ignore_errors=True)
        t = timed(f"{ordo} --store {store} ingest gdelt {data} --format csv > {d('ingest.csv')}", 1)
        ingest_best = t if ingest_best is None or t[0] < ingest_best[0] else ingest_best
    res["ordo ingest"] = ingest_best
    res["ordo store q1"] = timed(f"{ordo} --store {store} events --all-dyads --directed --keys raw --format csv --out {d('ordo_store_q1.csv')}", a.runs)
    res["ordo store q2"] = timed(f"{ordo} --store {store} events ITA RUS --format csv --out {d('ordo_store_q2.csv')}", a.runs)
    store_bytes = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(os.path.join(store, "events")) for f in fs)
    # Exactness.
    checks = []
    for src, qq in (("raw", "q1"), ("raw", "q2"), ("quick", "q2"), ("store", "q1"), ("store", "q2")):
        out = d(f"ordo_{src}_{qq}.norm.tsv")
        normalise_ordo(d(f"ordo_{src}_{qq}.csv"), qq, out)
        for tool in ("duckdb", "polars"):
            checks.append((f"ordo {src} {qq} == {tool}", same(out, d(f"{tool}_{qq}.tsv"))))
    ingest_rows = list(csv.DictReader(open(d("ingest.csv"))))
    checks.append(("ingest: read = stored = rows generated",
                   all(int(r["read"]) == int(r["stored"]) == a.rows for r in ingest_rows)))
    fastest = {"q1": min(res["duckdb q1"][0], res["polars q1"][0], res["awk q1"][0]),
               "q2": min(res["duckdb q2"][0], res["polars q2"][0], res["grep|awk q2"][0]),
               "ingest": res["duckdb COPY to parquet"][0]}
    lines = [f"| run | seconds | MB/s | peak RSS MiB | vs fastest anchor |", "|---|---|---|---|---|"]
    for name, (secs, rss) in res.items():
        group = "q1" if "q1" in name else "q2" if "q2" in name else "ingest" if ("ingest" in name or "COPY" in name) else None
        ratio = f"{fastest[group] / secs:.2f}x" if group else ""
        mbs = size / 1e6 / secs if secs > 0 else float("inf")
        lines.append(f"| {name} | {secs:.2f} | {mbs:,.0f} | {rss:,.0f} | {ratio} |")
    table = "\n".join(lines)
    print(table)
    for c, okk in checks:
        print(("OK   " if okk else "DIFF ") + c)
    report = (f"Input: {data} ({size / 1e9:.2f} GB, {a.rows:,} rows, gen_gdelt.py --seed 42 --version 1); "
              f"ordo build profile `{a.profile}`; best of {a.runs}; store size {store_bytes / 1e6:.0f} MB.\n\n"
              + table + "\n\n" + "\n".join(("- exact: " if okk else "- MISMATCH: ") + c for c, okk in checks) + "\n")
    with open(d("report.md"), "w") as f:
        f.write(report)
    print(f"\nreport: {d('report.md')}")
    write_block("events-bench", report, a.no_write)
    if not all(okk for _, okk in checks):
        sys.exit(1)


if __name__ == "__main__":
    main()
