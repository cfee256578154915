#!/usr/bin/env python3
"""Independent reference values for crates/measures/src/similarity.rs.

Computes Signorino-Ritter S, Haege's (2011) Cohen-type kappa and Scott-type pi
(with the absolute distance |x - y|), and Kendall's tau-b directly from the
item vectors -- never through a contingency table -- so that it checks the
Rust table-based code independently:

- S     = 1 - 2 * mean|x_i - y_i| / d_max, d_max = levels - 1
- kappa = 1 - D_o / D_e, D_e = mean over ALL n*n cross pairs (i, j) of
          |x_i - y_j| (the expectation when x and y are drawn independently
          from their own empirical marginals)
- pi    = 1 - D_o / D_e, D_e = mean over all (2n)*(2n) pairs of the pooled
          vector z = x ++ y of |z_i - z_j| (both drawn from the pooled marginal)
- tau-b = scipy.stats.kendalltau (variant "b", its default), cross-checked by a
          brute-force O(n^2) loop over item pairs.

Undefined values (zero denominator) print as None.
Run: python3 tests/reference/similarity_reference.py  (needs numpy, scipy)
The printed numbers are pasted into the Rust unit tests, which do not need
Python.
"""

import itertools
import math

import numpy as np
from scipy.stats import kendalltau

CASES = [
    # name, levels, x, y, offset subtracted from the codes
    ("hand", 4, [0, 1, 2, 3], [0, 1, 3, 3], 0),
    ("ties", 3, [0, 0, 1, 1, 2, 2, 2, 0, 1, 2], [0, 1, 1, 1, 2, 0, 2, 0, 2, 2], 0),
    ("constant", 3, [1, 1, 1, 1, 1, 1], [0, 1, 2, 1, 1, 2], 0),
    # UN votes coded 1 = yes, 2 = abstain, 3 = no, mapped to 0..2.
    ("un_votes", 3,
     [1, 1, 1, 3, 2, 1, 3, 3, 1, 2, 1, 1],
     [1, 3, 1, 3, 1, 1, 3, 2, 2, 2, 1, 3], 1),
    # Alliance portfolios over 10 states, tie levels 0..3 (items 0 and 1 are
    # the pair itself: self-tie 3 and the mutual defence pact 3).
    ("portfolio", 4,
     [3, 3, 0, 0, 1, 2, 0, 0, 3, 0],
     [3, 3, 3, 0, 0, 2, 0, 1, 0, 0], 0),
]


def ratio_or_none(num, den):
    return None if den == 0 else num / den


def s_score(x, y, levels):
    d_max = levels - 1
    return None if d_max == 0 else 1 - 2 * np.mean(np.abs(x - y)) / d_max


def kappa(x, y):
    observed = np.mean(np.abs(x - y))
    expected = np.mean(np.abs(x[:, None] - y[None, :]))
    r = ratio_or_none(observed, expected)
    return None if r is None else 1 - r


def pi(x, y):
    observed = np.mean(np.abs(x - y))
    z = np.concatenate([x, y])
    expected = np.mean(np.abs(z[:, None] - z[None, :]))
    r = ratio_or_none(observed, expected)
    return None if r is None else 1 - r


def tau_b_brute(x, y):
    conc = disc = tie_x = tie_y = 0
    for i, j in itertools.combinations(range(len(x)), 2):
        dx, dy = np.sign(x[i] - x[j]), np.sign(y[i] - y[j])
        conc += dx * dy > 0
        disc += dx * dy < 0
        tie_x += dx == 0
        tie_y += dy == 0
    n0 = len(x) * (len(x) - 1) // 2
    den = math.sqrt((n0 - tie_x) * (n0 - tie_y))
    return ratio_or_none(conc - disc, den)


def tau_b(x, y):
    brute = tau_b_brute(x, y)
    scipy_value = kendalltau(x, y).statistic
    if brute is None:
        assert math.isnan(scipy_value), scipy_value
        return None
    assert abs(brute - scipy_value) < 1e-12, (brute, scipy_value)
    return scipy_value


def fmt(value):
    return "None" if value is None else f"{value:.12g}"


def main():
    for name, levels, x, y, offset in CASES:
        x = np.asarray(x, dtype=float) - offset
        y = np.asarray(y, dtype=float) - offset
        agree = np.mean(x == y)
        values = [s_score(x, y, levels), kappa(x, y), pi(x, y), tau_b(x, y)]
        print(f"{name}: n={len(x)} agree={fmt(agree)} "
              + " ".join(f"{k}={fmt(v)}" for k, v in zip(["s", "kappa", "pi", "tau_b"], values)))


if __name__ == "__main__":
    main()
