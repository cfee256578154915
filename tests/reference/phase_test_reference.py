#!/usr/bin/env python3
"""Reference values for ordo's phase comparison (crates/analysis/src/phase_test.rs).

    python3 tests/reference/phase_test_reference.py

Welch's t (scipy.stats.ttest_ind, equal_var=False) and the exact two-sided
permutation p-value (full enumeration) on the small example of the unit
tests, and Welch's t on the Italy-Russia cooperation index by phase (input:
the CSV of `ordo cooperation ITA RUS --format csv`, if given as argument).
"""
import csv
import itertools
import sys

from scipy import stats

a, b = [1, 2, 3, 4, 5], [2, 4, 9]
r = stats.ttest_ind(b, a, equal_var=False)
df = r.df if hasattr(r, "df") else None
print("welch small:", repr(float(r.statistic)), repr(float(df)), repr(float(r.pvalue)))
pool = a + b
obs = abs(sum(b) / len(b) - sum(a) / len(a))
count = total = 0
for idx in itertools.combinations(range(len(pool)), len(a)):
    x = [pool[i] for i in idx]
    y = [pool[i] for i in range(len(pool)) if i not in idx]
    total += 1
    count += abs(sum(y) / len(y) - sum(x) / len(x)) >= obs - 1e-12
print("exact permutation p:", repr(count / total), "of", total)

if len(sys.argv) > 1:
    rows = {int(r["year"]): float(r["index"]) for r in csv.DictReader(open(sys.argv[1])) if r["index"]}
    phases = {"interwar": ((1920, 1935), (1936, 1941)), "cold_war": ((1949, 1978), (1979, 1985)),
              "liberal": ((1992, 2007), (2008, 2020))}
    S, C = [], []
    for name, ((s0, s1), (c0, c1)) in phases.items():
        s = [v for y, v in sorted(rows.items()) if s0 <= y <= s1]
        c = [v for y, v in sorted(rows.items()) if c0 <= y <= c1]
        S += s
        C += c
        t = stats.ttest_ind(c, s, equal_var=False)
        print(name, len(s), len(c), repr(float(t.statistic)), repr(float(t.df)), repr(float(t.pvalue)))
    t = stats.ttest_ind(C, S, equal_var=False)
    print("pooled", len(S), len(C), repr(float(t.statistic)), repr(float(t.df)), repr(float(t.pvalue)))
