#!/usr/bin/env python3
"""GDELT 2.0 Mentions benchmark (issue 20): `ordo ingest mentions` against
DuckDB reading the same generated file.

    python3 bench/mentions_bench.py [--size 1G] [--profile release] [--runs 3] [--ordo BINARY]

1. Generates ~1 GB of Mentions rows with bench/gen_mentions.py (--seed 42;
   kept in $BENCH_DIR, default /tmp/ordo-bench-events, reused when present).
2. Runs, page cache hot, best of --runs wall-clock times and the peak RSS
   of that run (GNU time):
   - `cat FILE > /dev/null`;
   - DuckDB: the same reduction ordo stores — per (event id, source name)
     the rows and the highest Confidence — written to Parquet
     (`COPY (SELECT … GROUP BY ALL) TO 'x.parquet'`);
   - `ordo ingest mentions FILE` into a fresh store;
   - the filter's cost: `ordo events --all-dyads --by year --min-sources 1`
     over a store holding the raw GDELT sample and these Mentions (it loads
     every pair into memory).
3. Checks that ordo's stored pairs equal DuckDB's exactly (count, sum of
   rows, sum of highest confidences, distinct events).
4. Prints MB/s and the ratio to DuckDB, and rewrites the block between the
   mentions-bench markers in BENCHMARKS.md.
Needs: python3 with duckdb and numpy (pip install duckdb numpy).
"""
import argparse
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import ordo_args, ordo_binary, sh, sh_quote, timed, write_block  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("ORDO_SHARED", os.path.join(ROOT, "..", "shared"))
BENCH = os.environ.get("BENCH_DIR", "/tmp/ordo-bench-events")
os.environ.setdefault("ORDO_DATA", os.path.join(SHARED, "data"))








COLUMNS = ("{'event_id': 'BIGINT', 'event_time': 'VARCHAR', 'mention_time': 'VARCHAR', "
           "'mention_type': 'INTEGER', 'source': 'VARCHAR', 'identifier': 'VARCHAR', "
           "'sentence': 'INTEGER', 'a1': 'INTEGER', 'a2': 'INTEGER', 'act': 'INTEGER', "
           "'raw': 'INTEGER', 'confidence': 'INTEGER', 'doclen': 'INTEGER', 'tone': 'DOUBLE', "
           "'translation': 'VARCHAR', 'extras': 'VARCHAR'}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", default="1G")
    ordo_args(ap)
    a = ap.parse_args()
    os.makedirs(BENCH, exist_ok=True)
    d = lambda n: os.path.join(BENCH, n)
    data = d(f"mentions_{a.size}.tsv")
    if not os.path.exists(data):
        sh(f"python3 {ROOT}/bench/gen_mentions.py --size {a.size} --seed 42 --out {data}.part")
        os.rename(data + ".part", data)
    size = os.path.getsize(data)
    rows = sum(1 for _ in open(data, "rb"))
    ordo = ordo_binary(a)
    store = d("mentions-store")
    sh(f"cat {data} > /dev/null")
    res = {"cat": timed(f"cat {data} > /dev/null", a.runs)}
    duck = d("duck_mentions.parquet")
    copy = ("import duckdb;c=duckdb.connect();"
            f"c.execute(\"COPY (SELECT event_id, NULLIF(trim(source), '') AS source, count(*) AS mentions, "
            f"max(confidence) AS confidence FROM read_csv('{data}', delim='\\t', header=false, quote='', "
            f"escape='', columns={COLUMNS}) GROUP BY ALL) TO '{duck}' (FORMAT parquet)\")")
    res["duckdb group by to parquet"] = timed(f"python3 -c {sh_quote(copy)}", a.runs)
    fresh = lambda: shutil.rmtree(store, ignore_errors=True)
    res["ordo ingest mentions"] = timed(
        f"{ordo} --store {store} ingest mentions {data} --format csv > {d('mentions_ingest.csv')}",
        a.runs, before=fresh)
    sample = os.path.join(SHARED, "data", "gdelt_v1_raw_sample", "events_raw.tsv")
    sh(f"{ordo} --store {store} ingest gdelt {sample} --format csv > /dev/null 2>&1")
    res["ordo events --min-sources 1 (loads the pairs)"] = timed(
        f"{ordo} --store {store} events --all-dyads --by year --min-sources 1 --format csv > /dev/null", a.runs)
    res["ordo events, no filter"] = timed(
        f"{ordo} --store {store} events --all-dyads --by year --format csv > /dev/null", a.runs)

    import duckdb
    c = duckdb.connect()
    summary = ("SELECT count(*), sum(mentions), sum(confidence), count(DISTINCT event_id), "
               "count(DISTINCT source) FROM read_parquet('{}')")
    mine = c.execute(summary.format(os.path.join(store, "events", "mentions", "*", "mentions.parquet"))).fetchone()
    theirs = c.execute(summary.format(duck)).fetchone()
    checks = [(f"pairs, rows, sum of highest confidences, events, sources: ordo {mine} == duckdb {theirs}",
               mine == theirs),
              (f"rows stored == rows in the file ({rows:,})", mine[1] == rows)]
    base = res["duckdb group by to parquet"][0]
    lines = ["| run | s | MB/s | peak RSS MiB | DuckDB time / this |", "|---|---:|---:|---:|---:|"]
    for k, (t, m) in res.items():
        t = max(t, 0.01)  # GNU time's resolution: a tiny input can time 0.00 s
        lines.append(f"| {k} | {t:.2f} | {size / 1e6 / t:,.0f} | {m:,.0f} | {base / t:.2f}x |")
    report = (f"Input: {data} ({size / 1e9:.2f} GB, {rows:,} rows, {mine[3]:,} events, "
              f"gen_mentions.py --size {a.size} --seed 42); ordo build profile `{a.profile}`; best of {a.runs}; "
              f"2 cores.\n\n" + "\n".join(lines) + "\n\n"
              + "\n".join(("- exact: " if ok else "- MISMATCH: ") + t for t, ok in checks) + "\n")
    print(report)
    write_block("mentions-bench", report, a.no_write)
    if not all(ok for _, ok in checks):
        sys.exit(1)


if __name__ == "__main__":
    main()
