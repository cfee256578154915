#!/usr/bin/env python3
"""Independent reference for `ordo test ITA RUS --regression`: the data are
assembled here from ordo's tables and the model fitted with statsmodels.

    O=target/debug/ordo
    $O cooperation ITA RUS --format csv > /tmp/r_coop.csv
    $O instability --format csv > /tmp/r_inst.csv
    $O sql "SELECT ccode, year, leader FROM state_years WHERE ccode IN (325, 365)" --format csv > /tmp/r_lead.csv
    $O sql "SELECT year, dem_polyarchy1, dem_polyarchy2 FROM dyad_years WHERE ccode1 = 325 AND ccode2 = 365" --format csv > /tmp/r_dem.csv
    python3 tests/reference/test_regression_reference.py /tmp/r_coop.csv /tmp/r_inst.csv /tmp/r_lead.csv /tmp/r_dem.csv

Model: coop_t = b0 + b1 inst_t + b2 inst_{t-1} + b3 leader_change_t +
b4 |polyarchy1_t - polyarchy2_t|, over the years with every value;
leader_change = 1 if either state's leader (31 December) differs from the
year before (both years known). OLS with HAC (Bartlett, maxlags =
floor(4 (T/100)^(2/9)), no small-sample correction).
"""
import csv
import math
import sys

import numpy as np
import statsmodels.api as sm

coop = {int(r["year"]): float(r["index"]) for r in csv.DictReader(open(sys.argv[1])) if r["index"]}
inst = {int(r["year"]): float(r["index"]) for r in csv.DictReader(open(sys.argv[2])) if r["index"]}
lead = {(int(r["ccode"]), int(r["year"])): r["leader"] for r in csv.DictReader(open(sys.argv[3])) if r["leader"]}
dem = {}
for r in csv.DictReader(open(sys.argv[4])):
    if r["dem_polyarchy1"] and r["dem_polyarchy2"]:
        dem[int(r["year"])] = abs(float(r["dem_polyarchy1"]) - float(r["dem_polyarchy2"]))


def changed(c, y):
    if (c, y) in lead and (c, y - 1) in lead:
        return lead[(c, y)] != lead[(c, y - 1)]
    return None


rows = []
for y in sorted(coop):
    a, b = changed(325, y), changed(365, y)
    if a is None or b is None or y not in inst or y - 1 not in inst or y not in dem:
        continue
    rows.append((y, coop[y], inst[y], inst[y - 1], float(a or b), dem[y]))
Y = np.array([r[1] for r in rows])
X = np.column_stack([np.ones(len(rows))] + [[r[k] for r in rows] for k in range(2, 6)])
lags = math.floor(4 * (len(rows) / 100) ** (2 / 9))
fit = sm.OLS(Y, X).fit(cov_type="HAC", cov_kwds={"maxlags": lags, "use_correction": False})
print("n", len(rows), "years", rows[0][0], rows[-1][0], "lags", lags)
for name, b, se, p in zip(["const", "instability", "instability_lag1", "leader_change", "regime_distance"],
                          fit.params, fit.bse, fit.pvalues):
    print(name, repr(float(b)), repr(float(se)), repr(float(p)))
