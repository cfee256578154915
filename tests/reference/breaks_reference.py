#!/usr/bin/env python3
"""Reference change points from `ruptures` 1.1.10 for ordo's estimators
(crates/analysis/src/breaks.rs).

    pip install ruptures; python3 tests/reference/breaks_reference.py

Series: x_i = mu_i + 1.4 sin(1.7 i) + 0.9 cos(0.37 i), i = 0..119, with
mu = 0 (i < 45), 2.5 (45 <= i < 80), -1 (i >= 80) — deterministic, so the
Rust test builds the same numbers. ruptures returns segment ends (the last
is n); ordo returns the starts of new segments, i.e. the same numbers
without n.
"""
import math

import ruptures as rpt

x = [(0 if i < 45 else 2.5 if i < 80 else -1) + 1.4 * math.sin(1.7 * i) + 0.9 * math.cos(0.37 * i)
     for i in range(120)]
import numpy as np

sig = np.array(x)
for pen in (1.0, 3.0, 8.0, 20.0):
    p = rpt.Pelt(model="l2", min_size=2, jump=1).fit(sig).predict(pen=pen)
    b = rpt.Binseg(model="l2", min_size=2, jump=1).fit(sig).predict(pen=pen)
    print(f"pen {pen}: pelt {p[:-1]} binseg {b[:-1]}")
for k in (1, 2, 3):
    d = rpt.Dynp(model="l2", min_size=5, jump=1).fit(sig).predict(n_bkps=k)
    print(f"dynp {k}: {d[:-1]}")

# Bai (1997) 95% intervals for the 2-break least-squares fit (min_size 5):
# k +/- ceil(11.0 * sigma2 / delta^2), sigma2 = SSR / T of the fit, delta the
# shift in means at the break; clipped to [0, T - 1].
bk = rpt.Dynp(model="l2", min_size=5, jump=1).fit(sig).predict(n_bkps=2)[:-1]
edges = [0] + bk + [len(x)]
ssr = sum(((sig[a:b] - sig[a:b].mean()) ** 2).sum() for a, b in zip(edges, edges[1:]))
s2 = ssr / len(x)
for i, k in enumerate(bk):
    d = sig[edges[i + 1]:edges[i + 2]].mean() - sig[edges[i]:edges[i + 1]].mean()
    w = math.ceil(11.0 * s2 / d ** 2)
    print(f"bai interval {k}: {max(k - w, 0)} {min(k + w, len(x) - 1)}")
