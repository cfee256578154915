#!/usr/bin/env python3
"""The full directed dyad-year frame into Python: ordo's Python call against
the CLI writing Parquet and pyarrow reading it back (what a notebook user
would otherwise do). Prints a Markdown table for BENCHMARKS.md.

    python3 bench/python_bench.py --so target/debug/deps/lib_ordo.so --ordo target/debug/ordo

`--so` is the native module `cargo test --workspace` (or `cargo build -p
ordo-python`) builds; it is copied as `ordo/_ordo.abi3.so` beside the
package's Python sources in a temporary directory, so no install is needed.
Both sides read the same warm store (the frame is built once, before the
timings, and cached as Parquet): the comparison is of handing the data over,
not of building it. Run by hand, not by the tests.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def package(so: Path, into: Path) -> None:
    """The Python package with the native module, in `into`."""
    shutil.copytree(ROOT / "python" / "ordo", into / "ordo")
    shutil.copy(so, into / "ordo" / "_ordo.abi3.so")
    sys.path.insert(0, str(into))


def best(label: str, repeat: int, run) -> tuple[str, float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = run()
        times.append(time.perf_counter() - t)
    return label, min(times), out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--so", type=Path, default=ROOT / "target/debug/deps/lib_ordo.so")
    ap.add_argument("--ordo", type=Path, default=ROOT / "target/debug/ordo")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp())
    try:
        package(args.so, work)
        import ordo
        import pyarrow as pa
        import pyarrow.parquet as pq

        store = work / "store"
        env = dict(os.environ, ORDO_DATA=str(args.data), ORDO_STORE=str(store))
        s = ordo.Session(data=str(args.data), store=str(store))
        s.dyads(directed=True)  # builds and caches the frame once
        out = work / "x.parquet"

        def cli():
            subprocess.run(
                [str(args.ordo), "dyads", "--directed", "--out", str(out)],
                env=env, check=True, capture_output=True,
            )
            return pq.read_table(out)

        rows = [
            best("ordo Python `s.dyads(directed=True)` → `pyarrow.table`", args.repeat,
                 lambda: pa.table(s.dyads(directed=True))),
            best("`ordo dyads --directed --out x.parquet` + `pyarrow.parquet.read_table`",
                 args.repeat, cli),
        ]
        n = rows[0][2].num_rows
        assert n == rows[1][2].num_rows, "the two ways disagree on the row count"
        assert rows[0][2].column_names == rows[1][2].column_names
        print(f"{n:,} rows x {rows[0][2].num_columns} columns, best of {args.repeat}, warm store\n")
        print("| path | wall s | ratio |")
        print("|---|---|---|")
        for label, secs, _ in rows:
            print(f"| {label} | {secs:.2f} | {secs / rows[0][1]:.2f}x |")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\npeak RSS of this Python process: {peak:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
