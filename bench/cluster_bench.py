#!/usr/bin/env python3
"""Distributed-mode benchmark (issue 8): embedded ordo against a Ballista
cluster of 1 and 2 executors on this machine, and the cluster size the full
GDELT archive would need.

    python3 bench/cluster_bench.py [--rows 3844507] [--profile release] [--runs 3] [--files 8]

1. Input: ../shared/bench/gen_gdelt.py --rows N --seed 42 --version 1 (the
   1 GB file of bench/events_bench.py, kept in $BENCH_DIR, default
   /tmp/ordo-bench-events, and reused), cut into --files pieces by lines so
   that a distributed ingest has files to spread.
2. Ingests the pieces locally and through each cluster (the stores must
   give identical series), then times `ordo events --all-dyads` (the full
   dyad-month aggregation) embedded and through each cluster: best of
   --runs wall-clock times, page cache hot.
   Clusters: 1 executor with 2 slots; 2 executors with 1 slot each (this
   machine has 2 cores, so neither can be faster than embedded).
3. Prints rows/s per executor core and extrapolates the executor cores
   needed to aggregate 1e9 rows (the order of the full GDELT 1.0 + 2.0
   event archive) in under 5 minutes; rewrites the block between the
   cluster-bench markers in BENCHMARKS.md.
Needs: python3 with numpy (for the generator); GNU time.
"""
import argparse
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("ORDO_SHARED", os.path.join(ROOT, "..", "shared"))
BENCH = os.environ.get("BENCH_DIR", "/tmp/ordo-bench-events")
os.environ.setdefault("ORDO_DATA", os.path.join(SHARED, "data"))
os.environ.pop("ORDO_CLUSTER", None)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import events_bench  # noqa: E402  (its timer: GNU time, best of n)

ARCHIVE_ROWS = 1_000_000_000
TARGET_SECS = 300


def sh(cmd):
    return subprocess.run(cmd, shell=True, check=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(cmd, runs):
    """Best wall time (s) of `runs` runs and that run's peak RSS (MiB)."""
    return events_bench.timed(" ".join(shlex.quote(c) for c in cmd), runs)


class Cluster:
    """A scheduler and executors as child processes, stopped on exit."""

    def __init__(self, ordo, slots, work):
        self.procs = []
        port = free_port()
        self.url = f"df://127.0.0.1:{port}"
        log = open(os.path.join(work, "cluster.log"), "w")
        self.procs.append(subprocess.Popen(
            [ordo, "cluster", "scheduler", "--bind", f"127.0.0.1:{port}",
             "--min-executors", str(len(slots))], stdout=log, stderr=log))
        time.sleep(1)
        for i, n in enumerate(slots):
            self.procs.append(subprocess.Popen(
                [ordo, "cluster", "executor", "--scheduler", f"127.0.0.1:{port}",
                 "--bind", f"127.0.0.1:{free_port()}", "--slots", str(n),
                 "--memory-mib", "4096", "--work-dir", os.path.join(work, f"exec-{i}")],
                stdout=log, stderr=log))
        deadline = time.time() + 120
        while not self.ready(port):
            if time.time() > deadline:
                self.stop()
                sys.exit("the cluster did not become ready")
            time.sleep(0.3)

    @staticmethod
    def ready(port):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
                s.sendall(b"GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                return b" 200 " in s.recv(200)
        except OSError:
            return False

    def stop(self):
        for p in self.procs:
            p.kill()
            p.wait()

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.stop()


def split(data, n, out_dir):
    """Cuts `data` into n files of whole lines (same rows, same order)."""
    os.makedirs(out_dir, exist_ok=True)
    paths = [os.path.join(out_dir, f"part-{i:02d}.tsv") for i in range(n)]
    if all(os.path.exists(p) for p in paths):
        return paths
    size = os.path.getsize(data)
    with open(data, "rb") as f:
        for i, p in enumerate(paths):
            end = size * (i + 1) // n
            with open(p + ".tmp", "wb") as o:
                while f.tell() < end:
                    o.write(f.readline())
            os.replace(p + ".tmp", p)
    return paths


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=3_844_507)
    ap.add_argument("--profile", default="release")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--files", type=int, default=8)
    a = ap.parse_args()
    sh(f"cd {ROOT} && cargo build -q --profile {a.profile} -p ordo-cli")
    ordo = os.path.join(ROOT, "target", "release" if a.profile == "release" else "debug", "ordo")
    os.makedirs(BENCH, exist_ok=True)
    data = os.path.join(BENCH, f"gdelt_v1_{a.rows}.tsv")
    if not os.path.exists(data):
        sh(f"python3 {SHARED}/bench/gen_gdelt.py --rows {a.rows} --seed 42 --version 1 --out {data}.part")
        os.replace(data + ".part", data)
    parts = split(data, a.files, os.path.join(BENCH, f"parts-{a.files}"))
    work = os.path.join(BENCH, "cluster")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)

    def store(name):
        return os.path.join(work, f"store-{name}")

    results = {}
    out = {}
    ingest = ["ingest", "gdelt"] + parts + ["--format", "csv"]
    def series(name):
        return ["events", "--all-dyads", "--out", os.path.join(work, f"{name}.csv")]

    results["ingest embedded"] = timed([ordo, "--store", store("local")] + ingest, 1)
    results["events embedded"] = timed([ordo, "--store", store("local")] + series("embedded"), a.runs)
    out["embedded"] = open(os.path.join(work, "embedded.csv")).read()
    for label, slots in (("1 executor x 2 slots", [2]), ("2 executors x 1 slot", [1, 1])):
        with Cluster(ordo, slots, work) as c:
            name = f"{len(slots)}x{slots[0]}"
            results[f"ingest {label}"] = timed(
                [ordo, "--store", store(name), "--cluster", c.url] + ingest, 1)
            results[f"events {label}"] = timed(
                [ordo, "--store", store(name), "--cluster", c.url] + series(name), a.runs)
            if len(slots) == 2:
                r = subprocess.run([ordo, "--store", store(name), "--cluster", c.url, "-v"]
                                   + series(name), capture_output=True, text=True, check=True)
                m = re.search(r"cluster answered (\d+) groups in ([\d.]+) s; folded here in ([\d.]+) s",
                              r.stderr)
                split_info = (int(m.group(1)), float(m.group(2)), float(m.group(3)))
            text = open(os.path.join(work, f"{name}.csv")).read()
            if text != out["embedded"]:
                sys.exit(f"{label}: the series differ from the embedded run")
    rows = a.rows
    size = os.path.getsize(data)
    lines = []
    lines.append(f"Input: {data} ({size / 1e9:.2f} GB, {rows:,} rows, gen_gdelt.py --seed 42 --version 1), "
                 f"cut into {a.files} files; ordo build profile `{a.profile}`; best of {a.runs} "
                 f"(ingest: 1 run); {os.cpu_count()} cores; all series identical to the embedded run.")
    lines.append("")
    lines.append("| run | wall | peak RSS (client) | rows/s | vs embedded |")
    lines.append("|---|---|---|---|---|")
    for what in ("events", "ingest"):
        base = results[f"{what} embedded"][0]
        for k, (secs, mib) in results.items():
            if not k.startswith(what):
                continue
            lines.append(f"| {k} | {secs:.2f} s | {mib:.0f} MiB | {rows / secs / 1e6:.2f} M | "
                         f"{base / secs:.2f}x |")
    groups, answered, folded = split_info
    per_core = rows / answered / 2
    fold_rate = groups / folded
    archive_groups = ARCHIVE_ROWS * groups / rows
    fold_secs = archive_groups / fold_rate
    cores = ARCHIVE_ROWS / (per_core * (TARGET_SECS - fold_secs))
    lines.append("")
    lines.append(
        f"Split of one `-v` run with 2 executors: the cluster answered {groups:,} groups "
        f"({groups / rows:.2f} per row) in {answered:.2f} s, i.e. {per_core / 1e6:.2f} M rows/s per "
        f"executor core (scan, grouping, shuffle and result transfer); the client folded them in "
        f"{folded:.2f} s ({fold_rate / 1e6:.1f} M groups/s, serial).")
    lines.append("")
    lines.append(
        f"Extrapolation to {ARCHIVE_ROWS:.0e} rows in {TARGET_SECS} s, at these rates and this "
        f"group ratio: the client's fold takes {fold_secs:.0f} s ({archive_groups / 1e6:.0f} M groups, "
        f"about {archive_groups * 100 / 2**30:.0f} GiB of client memory), leaving "
        f"{TARGET_SECS - fold_secs:.0f} s for the cluster, which then needs about {cores:.1f} executor "
        f"cores ({max(1, -(-int(cores * 10) // 80))} executor(s) of 8 slots; double it for network "
        f"shuffle and shared storage, which loopback does not pay). The serial fold, not the "
        f"executors, is the limit: see docs/cluster.md.")
    report = "\n".join(lines)
    print(report)
    bench_md = os.path.join(ROOT, "BENCHMARKS.md")
    text = open(bench_md).read()
    block = f"<!-- cluster-bench:start -->\n{report}\n<!-- cluster-bench:end -->"
    if "<!-- cluster-bench:start -->" in text:
        text = re.sub(r"<!-- cluster-bench:start -->.*?<!-- cluster-bench:end -->", block, text,
                      flags=re.S)
    else:
        text += "\n" + block + "\n"
    open(bench_md, "w").write(text)


if __name__ == "__main__":
    main()
