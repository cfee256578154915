#!/usr/bin/env python3
"""`ordo data pull` against what a scholar would otherwise run: Python's
`rdata` + pandas reading the same 47 R `.rda` upstreams and writing CSV.

Both read the upstream bytes from the mirror directory (no network), so the
comparison is of verification + conversion + writing:

  ordo:   ordo data pull --offline --mirror MIRROR --to TMP (all 48 datasets:
          SHA-256 of every upstream, R files read by ordo's reader, CSV
          written, atomic install)
  python: rdata.read_rda + DataFrame.to_csv for each .rda upstream (no
          checksum, no install); the text upstreams are left to ordo alone,
          which favours Python.

Usage: python3 bench/pull_bench.py [--ordo target/release/ordo] [--mirror ../shared/mirror]
Needs: pip install rdata pandas
Prints the best of --repeat runs of each, and the ratio.
"""

import argparse
import csv
import os
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def best(f, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ordo", default=str(ROOT / "target" / "release" / "ordo"))
    p.add_argument("--mirror", default=str(ROOT.parent / "shared" / "mirror"))
    p.add_argument("--repeat", type=int, default=3)
    a = p.parse_args()
    mirror = Path(a.mirror)
    sources = list(csv.DictReader(open(mirror / "SOURCES.tsv"), delimiter="\t"))
    rdas = sorted({(r["url"], r["note"].split("R object ")[1].split(";")[0].split(" ")[0])
                   for r in sources if r["format"] == "rda"})

    def ordo():
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, XDG_CACHE_HOME=tmp)
            subprocess.run([a.ordo, "data", "pull", "--offline", "--mirror", str(mirror),
                            "--to", str(Path(tmp) / "data"), "--format", "csv"],
                           check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def python():
        import rdata
        with tempfile.TemporaryDirectory() as tmp:
            for url, obj in rdas:
                path = mirror / url.split("://", 1)[1]
                parsed = rdata.parser.parse_file(path)
                converted = rdata.conversion.convert(parsed, default_encoding="utf-8")
                converted[obj].to_csv(Path(tmp) / f"{obj}.csv", index=False)

    t_ordo = best(ordo, a.repeat)
    t_py = best(python, a.repeat)
    print(f"ordo data pull (48 datasets, 81 files, from a mirror directory): {t_ordo:.2f} s")
    print(f"python rdata + pandas ({len(rdas)} .rda files to CSV):          {t_py:.2f} s")
    print(f"ratio: ordo is {t_py / t_ordo:.1f}x faster")


if __name__ == "__main__":
    main()
