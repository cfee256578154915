#!/usr/bin/env python3
"""Compare two dyad-year frames (CSV) cell by cell.

    python3 bench/compare_frames.py A.csv B.csv [--tol 1e-9] [--keys ccode1,ccode2,year]

Reports rows only in A / only in B (by key), columns only in one file, and for
each common column the number of differing cells among the common rows, with
up to 5 example keys. NaN == NaN counts as equal (empty cells, NA, NaN are all
missing). Numeric cells are equal when |a - b| <= tol or
|a - b| <= tol * max(|a|, |b|). Exit status 1 if anything differs, else 0.
"""

from __future__ import annotations

import argparse
import sys

import numpy as np
import pandas as pd

NA = ["", "NA", "NaN", "nan", "NULL", "null"]


def read(path: str, keys: list[str]) -> pd.DataFrame:
    df = pd.read_csv(path, keep_default_na=False, na_values=NA, low_memory=False)
    for c in df.columns:
        if df[c].dtype == object or pd.api.types.is_string_dtype(df[c]):
            num = pd.to_numeric(df[c], errors="coerce")
            if (num.notna() | df[c].isna()).all():  # every non-missing cell parses as a number
                df[c] = num
    df = df.copy()  # defragment after column replacement
    missing = [k for k in keys if k not in df.columns]
    if missing:
        sys.exit(f"{path}: key column(s) missing: {missing}")
    return df


def fmt_key(row, keys) -> str:
    return "(" + ", ".join(f"{k}={row[k]}" for k in keys) + ")"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--tol", type=float, default=1e-9)
    ap.add_argument("--keys", default="ccode1,ccode2,year", help="comma-separated key columns")
    args = ap.parse_args(argv)
    keys = args.keys.split(",")

    A, B = read(args.a, keys), read(args.b, keys)
    differs = False
    print(f"A: {args.a}  {len(A)} rows x {A.shape[1]} cols")
    print(f"B: {args.b}  {len(B)} rows x {B.shape[1]} cols")

    for name, df in (("A", A), ("B", B)):
        dup = df.duplicated(keys, keep=False)
        if dup.any():
            differs = True
            ex = df.loc[dup, keys].head(5)
            print(f"{name}: {int(dup.sum())} rows with duplicated keys, e.g. "
                  + "; ".join(fmt_key(r, keys) for r in ex.to_dict("records")))
            df.drop_duplicates(keys, keep="first", inplace=True)

    only_a = [c for c in A.columns if c not in B.columns]
    only_b = [c for c in B.columns if c not in A.columns]
    if only_a:
        differs = True
        print(f"columns only in A ({len(only_a)}): {', '.join(only_a)}")
    if only_b:
        differs = True
        print(f"columns only in B ({len(only_b)}): {', '.join(only_b)}")
    common = [c for c in A.columns if c in B.columns and c not in keys]

    m = A.merge(B, on=keys, how="outer", suffixes=("\x00a", "\x00b"), indicator=True, sort=True)
    for side, label in (("left_only", "only in A"), ("right_only", "only in B")):
        sel = m[m["_merge"] == side]
        print(f"rows {label}: {len(sel)}")
        if len(sel):
            differs = True
            print("  e.g. " + "; ".join(fmt_key(r, keys) for r in sel[keys].head(5).to_dict("records")))
    both = m[m["_merge"] == "both"]
    print(f"common rows: {len(both)}")

    ndiff_cols = 0
    for c in common:
        a, b = both[c + "\x00a"], both[c + "\x00b"]
        if pd.api.types.is_numeric_dtype(a) and pd.api.types.is_numeric_dtype(b):
            x, y = a.to_numpy(np.float64), b.to_numpy(np.float64)
            xn, yn = np.isnan(x), np.isnan(y)
            with np.errstate(invalid="ignore"):
                d = np.abs(x - y)
                close = (d <= args.tol) | (d <= args.tol * np.maximum(np.abs(x), np.abs(y))) | (x == y)
            bad = np.where(xn | yn, xn != yn, ~close)
        else:
            an, bn = a.isna().to_numpy(), b.isna().to_numpy()
            bad = np.where(an | bn, an != bn, a.astype(str).to_numpy() != b.astype(str).to_numpy())
        n = int(bad.sum())
        if n:
            differs = True
            ndiff_cols += 1
            ex = both.loc[bad, keys + [c + "\x00a", c + "\x00b"]].head(5)
            print(f"column {c}: {n} cells differ")
            for r in ex.to_dict("records"):
                print(f"    {fmt_key(r, keys)}  A={r[c + chr(0) + 'a']}  B={r[c + chr(0) + 'b']}")
    print(f"columns compared: {len(common)}, differing: {ndiff_cols}")
    print("DIFFERENT" if differs else "IDENTICAL (within tolerance)")
    return 1 if differs else 0


if __name__ == "__main__":
    sys.exit(main())
