#!/usr/bin/env python3
"""Reference OLS with Newey-West (HAC) errors for ordo's estimator
(crates/analysis/src/regression.rs), from statsmodels.

    pip install statsmodels; python3 tests/reference/regression_reference.py

Series (deterministic, rebuilt identically by the Rust test), i = 0..39:
x1 = sin(0.3 i) + 0.05 i; x2 = (7 i mod 5) - 2;
y = 1 + 2 x1 - 0.5 x2 + 0.7 cos(1.1 i).
Fit: OLS(y, [1, x1, x2]).fit(cov_type="HAC", cov_kwds={"maxlags": 2,
"use_correction": False}) -- Bartlett kernel, no small-sample correction,
normal p-values (statsmodels' default for HAC).
"""
import math

import numpy as np
import statsmodels.api as sm

n = 40
x1 = [math.sin(0.3 * i) + 0.05 * i for i in range(n)]
x2 = [((i * 7) % 5) - 2.0 for i in range(n)]
y = [1 + 2 * x1[i] - 0.5 * x2[i] + 0.7 * math.cos(1.1 * i) for i in range(n)]
X = np.column_stack([np.ones(n), x1, x2])
fit = sm.OLS(np.array(y), X).fit(cov_type="HAC", cov_kwds={"maxlags": 2, "use_correction": False})
for b, se, p in zip(fit.params, fit.bse, fit.pvalues):
    print(f"({float(b)!r}, {float(se)!r}, {float(p)!r}),")
print("r2", repr(float(fit.rsquared)))
