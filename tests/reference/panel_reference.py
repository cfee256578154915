#!/usr/bin/env python3
"""Reference for ordo's fixed-effects panel estimator
(crates/analysis/src/panel.rs), written independently with numpy.

    python3 tests/reference/panel_reference.py

Panel: dyads d = 0..3, years t = 0..11; x_t = sin(0.9 t) + 0.1 t;
y = 0.5 d + (0.3 d - 0.8) x + 0.4 cos(t (d + 2)).
Within estimator (demean y and x by dyad); clustered-by-dyad variance
G/(G-1) * sum_g (sum_t xt*u)^2 / (sum xt^2)^2; Driscoll-Kraay variance
S / (sum xt^2)^2 with h_t = sum_i xt*u, S = sum h^2 + 2 sum_l (1 - l/(L+1))
sum_t h_t h_{t-l}, L = 2. Also linearmodels' PanelOLS(entity_effects)
clustered estimate for comparison of the point estimate.
"""
import math

import numpy as np

rows = []
for d in range(4):
    for t in range(12):
        x = math.sin(0.9 * t) + 0.1 * t
        y = 0.5 * d + (0.3 * d - 0.8) * x + 0.4 * math.cos(t * (d + 2))
        rows.append((d, t, y, x))
a = np.array(rows)
D, T, Y, X = a[:, 0].astype(int), a[:, 1].astype(int), a[:, 2], a[:, 3]
yt, xt = Y.copy(), X.copy()
for d in set(D):
    m = D == d
    yt[m] -= Y[m].mean()
    xt[m] -= X[m].mean()
sxx = (xt ** 2).sum()
beta = (xt * yt).sum() / sxx
u = yt - beta * xt
sc = xt * u
G = len(set(D))
vc = G / (G - 1) * sum(sc[D == d].sum() ** 2 for d in set(D)) / sxx ** 2
h = np.array([sc[T == t].sum() for t in sorted(set(T))])
L = 2
S = (h ** 2).sum() + 2 * sum((1 - l / (L + 1)) * (h[l:] * h[:-l]).sum() for l in range(1, L + 1))
vd = S / sxx ** 2
print(repr(float(beta)), repr(float(math.sqrt(vc))), repr(float(math.sqrt(vd))))
try:
    import pandas as pd
    from linearmodels.panel import PanelOLS
    df = pd.DataFrame({"d": D, "t": T, "y": Y, "x": X}).set_index(["d", "t"])
    r = PanelOLS(df.y, df[["x"]], entity_effects=True).fit(cov_type="clustered", cluster_entity=True)
    print("linearmodels beta", repr(float(r.params["x"])), "clustered se", repr(float(r.std_errors["x"])))
except Exception as e:  # linearmodels is optional
    print("linearmodels not available:", e)
