#!/usr/bin/env python3
"""POLECAT and Phoenix readers on 1 GB (issue 20, "speed holds").

    python3 bench/readers_bench.py [--size 1G] [--runs 3] [--layouts polecat,cline,oeda]
                                   [--profile release] [--no-build] [--no-write]

1. Generates one ~1 GB file per layout with bench/gen_polecat.py and
   bench/gen_phoenix.py (--seed 42; kept in $BENCH_DIR, default
   /tmp/ordo-bench-readers, and reused when present):
   - polecat: POLECAT, tab-separated, header of 40 columns, 2022-2023;
   - cline:   Cline Center Historical Phoenix CSV with header, 1979-2015;
   - oeda:    OEDA Phoenix daily layout, 26 tab columns, 2014-2019.
2. Runs on each, page cache hot, best of --runs wall-clock times with the
   peak RSS of that run (GNU time):
   - `cat FILE > /dev/null` (anchor);
   - `ordo ingest polecat|phoenix FILE` into a fresh store;
   - DuckDB reading the same file into Parquet
     (`COPY (SELECT * FROM read_csv(FILE, ..., all_varchar=true)) TO 'x.parquet'`);
   - DuckDB's directed dyad-month counts straight from the file (actor
     codes as written, both present: events, Intensity/Goldstein sum in
     tenths, events per quad class);
   - ordo's dyad-month series over the store: `ordo events --all-dyads
     --directed --keys raw --profile source`.
3. Checks: ingest read = stored = rows generated = DuckDB's rows (nothing
   quarantined, no duplicates); ordo's dyad-months equal DuckDB's exactly
   (every group: events, Goldstein sum, quad counts); and prints three
   dyads' first months side by side.
4. Prints MB/s and the ratios ordo/DuckDB (ingest against COPY, store query
   against DuckDB's query of the file), and rewrites the block between the
   readers-bench markers in BENCHMARKS.md.
Needs: python3 with numpy and duckdb (pip install duckdb numpy); GNU time.
"""
import argparse
import csv
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import ordo_args, ordo_binary, sh, sh_quote, timed, write_block  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.join(ROOT, "bench")
BENCH = os.environ.get("BENCH_DIR", "/tmp/ordo-bench-readers")

# `--profile source` classes CAMEO rows by GDELT's QuadClass of the root
# (docs/events.md, "Scoring profiles"), not by Phoenix's own quad_class.
GDELT_QUAD = ("CASE WHEN CAST({0} AS INTEGER) <= 5 THEN 1 WHEN CAST({0} AS INTEGER) <= 9 THEN 2 "
              "WHEN CAST({0} AS INTEGER) <= 14 THEN 3 ELSE 4 END")

LAYOUTS = {
    # name: (generator command, ordo source, DuckDB read_csv options, group-by query parts)
    "polecat": dict(
        gen="gen_polecat.py",
        gen_args="",
        ext="tsv",
        source="polecat",
        read="delim='\\t', header=true, quote='', escape='', all_varchar=true",
        a='"Actor Country"', b='"Recipient Country"', month='substr("Event Date", 1, 7)',
        gold='"Intensity"', quad=("CASE \"Quad Code\" WHEN 'VERBAL COOPERATION' THEN 1 "
                                  "WHEN 'MATERIAL COOPERATION' THEN 2 WHEN 'VERBAL CONFLICT' THEN 3 "
                                  "WHEN 'MATERIAL CONFLICT' THEN 4 END"),
        missing="('', 'None')",
        dyads=[("USA", "RUS"), ("RUS", "UKR"), ("CHN", "USA")],
    ),
    "cline": dict(
        gen="gen_phoenix.py",
        gen_args="--layout cline",
        ext="csv",
        source="phoenix",
        read="delim=',', header=true, quote='\"', escape='\"', all_varchar=true",
        a="source_root", b="target_root", month="year || '-' || lpad(month, 2, '0')",
        gold="goldstein", quad=GDELT_QUAD.format("root_code"),
        missing="('')",
        dyads=[("USA", "SUN"), ("USA", "RUS"), ("ISR", "PSE")],
    ),
    "oeda": dict(
        gen="gen_phoenix.py",
        gen_args="--layout oeda --start 2014-06 --months 60",
        ext="txt",
        source="phoenix",
        read="delim='\\t', header=false, quote='', escape='', all_varchar=true",
        a="column06", b="column10", month="column02 || '-' || column03",
        gold="column16", quad=GDELT_QUAD.format("column14"),
        missing="('')",
        dyads=[("USA", "RUS"), ("RUS", "UKR"), ("CHN", "USA")],
    ),
}








def duck(sql, script):
    """A command running one DuckDB statement (from a script file: the SQL
    holds both kinds of quotes)."""
    with open(script, "w") as f:
        f.write(f"import duckdb\nduckdb.connect().execute({sql!r})\n")
    return f"python3 {script}"


def q1_sql(L, data):
    m = L["missing"]
    return (f"SELECT {L['a']} AS a, {L['b']} AS b, {L['month']} AS m, count(*) AS n, "
            f"CAST(sum(round(CAST({L['gold']} AS DOUBLE) * 10)) AS BIGINT) AS g10, "
            + ", ".join(f"count(*) FILTER (WHERE {L['quad']} = {q}) AS q{q}" for q in range(1, 5))
            + f" FROM read_csv('{data}', {L['read']}) "
            f"WHERE {L['a']} NOT IN {m} AND {L['b']} NOT IN {m} GROUP BY ALL")


def load_duck(path):
    out = {}
    with open(path) as f:
        for r in csv.DictReader(f):
            out[(r["a"], r["b"], r["m"])] = (int(r["n"]), int(r["g10"]), int(r["q1"]), int(r["q2"]),
                                             int(r["q3"]), int(r["q4"]))
    return out


def load_ordo(path):
    out = {}
    with open(path) as f:
        for r in csv.DictReader(f):
            n = int(r["events"])
            if n == 0:
                continue
            g = r["goldstein_sum"]
            out[(r["actor1"], r["actor2"], r["period"][:7])] = (
                n, round(float(g) * 10) if g else 0, int(r["verbal_coop"]), int(r["material_coop"]),
                int(r["verbal_conflict"]), int(r["material_conflict"]))
    return out


def run_layout(name, a, ordo, size_label):
    L = LAYOUTS[name]
    d = lambda n: os.path.join(BENCH, f"{name}_{n}")
    data = os.path.join(BENCH, f"{name}_{size_label}_seed42.{L['ext']}")
    if not os.path.exists(data):
        sh(f"python3 {os.path.join(HERE, L['gen'])} {L['gen_args']} --size {size_label} --seed 42 "
           f"--out {data}.part 2> {data}.log")
        os.rename(data + ".part", data)
    size = os.path.getsize(data)
    rows = sum(1 for _ in open(data, "rb")) - (0 if name == "oeda" else 1)
    store = d("store")
    sh(f"cat {data} > /dev/null")
    res = {}
    res["cat"] = timed(f"cat {data} > /dev/null", a.runs)
    res["ordo ingest"] = timed(
        f"{ordo} --store {store} ingest {L['source']} {data} --format csv > {d('ingest.csv')}",
        a.runs, before=lambda: shutil.rmtree(store, ignore_errors=True))
    pq = d("duck.parquet")
    res["duckdb COPY to parquet"] = timed(duck(
        f"COPY (SELECT * FROM read_csv('{data}', {L['read']})) TO '{pq}' (FORMAT parquet)",
        d("copy.py")), a.runs)
    res["duckdb dyad-months (file)"] = timed(duck(
        f"COPY ({q1_sql(L, data)}) TO '{d('duck_q1.csv')}' (HEADER)", d("q1.py")), a.runs)
    res["ordo dyad-months (store)"] = timed(
        f"{ordo} --store {store} events --all-dyads --directed --keys raw --profile source "
        f"--format csv --out {d('ordo_q1.csv')}", a.runs)
    import duckdb
    duck_rows = duckdb.connect().execute(f"SELECT count(*) FROM '{pq}'").fetchone()[0]
    store_bytes = sum(os.path.getsize(os.path.join(r, f))
                      for r, _, fs in os.walk(os.path.join(store, "events")) for f in fs)
    ing = list(csv.DictReader(open(d("ingest.csv"))))[0]
    checks = [(f"ingest read {int(ing['read']):,} = stored {int(ing['stored']):,} = rows generated "
               f"{rows:,} = DuckDB rows {duck_rows:,} (quarantined {ing.get('quarantined')}, "
               f"duplicates {ing.get('duplicates', '0')})",
               int(ing["read"]) == int(ing["stored"]) == rows == duck_rows)]
    dq, oq = load_duck(d("duck_q1.csv")), load_ordo(d("ordo_q1.csv"))
    diff = [k for k in set(dq) | set(oq) if dq.get(k) != oq.get(k)]
    checks.append((f"dyad-months: ordo {len(oq):,} groups, DuckDB {len(dq):,}, "
                   f"{len(diff)} differ (events, Goldstein sum, quad counts)", not diff))
    if diff:
        for k in sorted(diff)[:5]:
            print(f"  differs {k}: ordo {oq.get(k)} duckdb {dq.get(k)}")
    samples = []
    for x, y in L["dyads"]:
        ks = sorted(k for k in dq if k[:2] == (x, y))[:2]
        for k in ks:
            samples.append(f"{x}->{y} {k[2]}: ordo {oq.get(k, (0,))[0]}, DuckDB {dq[k][0]} events")
    return data, size, rows, store_bytes, res, checks, samples


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", default="1G")
    ap.add_argument("--layouts", default="polecat,cline,oeda")
    ap.add_argument("--no-build", action="store_true", help="use the built binary as it is")
    ordo_args(ap)
    a = ap.parse_args()
    os.makedirs(BENCH, exist_ok=True)
    ordo = ordo_binary(a, build=not a.no_build)
    parts, ok = [], True
    for name in a.layouts.split(","):
        data, size, rows, store_bytes, res, checks, samples = run_layout(name, a, ordo, a.size)
        lines = [f"| run | seconds | MB/s | peak RSS MiB |", "|---|---:|---:|---:|"]
        for k, (secs, rss) in res.items():
            mbs = size / 1e6 / secs if secs > 0 else float("inf")
            lines.append(f"| {k} | {secs:.2f} | {mbs:,.0f} | {rss:,.0f} |")
        ing = res["ordo ingest"][0] / res["duckdb COPY to parquet"][0]
        qr = res["ordo dyad-months (store)"][0] / res["duckdb dyad-months (file)"][0]
        text = (f"**{name}**: `{os.path.basename(data)}`, {size / 1e9:.2f} GB, {rows:,} rows; "
                f"store {store_bytes / 1e6:.0f} MB.\n\n" + "\n".join(lines) + "\n\n"
                f"ordo/DuckDB time: ingest {ing:.2f} (ordo {1 / ing:.2f}x DuckDB's speed), "
                f"dyad-months {qr:.2f}.\n\n"
                + "\n".join(("- ok: " if c else "- MISMATCH: ") + t for t, c in checks) + "\n"
                + "".join(f"- {s}\n" for s in samples))
        print(text)
        parts.append(text)
        ok &= all(c for _, c in checks)
    report = (f"`python3 bench/readers_bench.py --size {a.size} --runs {a.runs}`; ordo build "
              f"profile `{a.profile}`; best of {a.runs}.\n\n" + "\n".join(parts))
    with open(os.path.join(BENCH, "report.md"), "w") as f:
        f.write(report)
    write_block("readers-bench", report, a.no_write)
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
