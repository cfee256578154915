//! Change points in a yearly series: where does its mean shift?
//!
//! Three estimators on the same cost (the sum of squared deviations from
//! each segment's mean, i.e. a Gaussian change in mean):
//! - **PELT** (Killick, Fearnhead & Eckley 2012): the exact optimum of cost
//!   + penalty × number of breaks, with pruning;
//! - **binary segmentation**: split where the cost falls most, while the
//!   fall exceeds the penalty (fast, greedy, not always optimal);
//! - **Bai–Perron** (Bai & Perron 1998, 2003): the global minimum of the
//!   sum of squares for each number of breaks by dynamic programming, the
//!   number chosen by the LWZ criterion, with Bai's (1997) 95% interval for
//!   each date.
//!
//! The answer depends on the penalty, so [`penalty_path`] gives every
//! distinct segmentation between two penalties (CROPS, Haynes, Eckley &
//! Fearnhead 2017). Positions are indices into the series: a break at `k`
//! means the new regime starts with element `k`.
//!
//! Hand-written: no maintained Rust crate implements these (the references
//! are R's `changepoint`/`strucchange` and Python's `ruptures`, which the
//! tests compare against).

/// Prefix sums for O(1) segment costs.
struct Costs {
    s: Vec<f64>,
    s2: Vec<f64>,
}

impl Costs {
    fn new(x: &[f64]) -> Costs {
        let mut s = vec![0.0; x.len() + 1];
        let mut s2 = vec![0.0; x.len() + 1];
        for (i, v) in x.iter().enumerate() {
            s[i + 1] = s[i] + v;
            s2[i + 1] = s2[i] + v * v;
        }
        Costs { s, s2 }
    }

    /// Sum of squared deviations from the mean over `a..b`.
    fn cost(&self, a: usize, b: usize) -> f64 {
        let n = (b - a) as f64;
        let sum = self.s[b] - self.s[a];
        (self.s2[b] - self.s2[a] - sum * sum / n).max(0.0)
    }
}

/// Total cost (sum of squares) of a segmentation.
pub fn total_cost(x: &[f64], breaks: &[usize]) -> f64 {
    let c = Costs::new(x);
    let mut edges = vec![0];
    edges.extend_from_slice(breaks);
    edges.push(x.len());
    edges.windows(2).map(|w| c.cost(w[0], w[1])).sum()
}

/// PELT: breaks minimising cost + `penalty` × breaks, every segment at
/// least `min_size` long.
pub fn pelt(x: &[f64], penalty: f64, min_size: usize) -> Vec<usize> {
    let n = x.len();
    let m = min_size.max(1);
    if n < 2 * m {
        return Vec::new();
    }
    let c = Costs::new(x);
    let mut f = vec![f64::INFINITY; n + 1];
    let mut last = vec![0usize; n + 1];
    f[0] = -penalty;
    let mut candidates: Vec<usize> = vec![0];
    for t in m..=n {
        let mut best = f64::INFINITY;
        let mut arg = 0;
        for &tau in &candidates {
            if t - tau < m {
                continue;
            }
            let v = f[tau] + c.cost(tau, t) + penalty;
            if v < best {
                best = v;
                arg = tau;
            }
        }
        f[t] = best;
        last[t] = arg;
        // Prune: a candidate that cannot beat the optimum now never will.
        candidates.retain(|&tau| t - tau < m || f[tau] + c.cost(tau, t) <= f[t]);
        if t + 1 >= 2 * m && t >= m {
            candidates.push(t + 1 - m);
            candidates.sort_unstable();
            candidates.dedup();
        }
    }
    let mut breaks = Vec::new();
    let mut t = n;
    while t > 0 {
        let tau = last[t];
        if tau > 0 {
            breaks.push(tau);
        }
        t = tau;
    }
    breaks.reverse();
    breaks
}

/// Binary segmentation: split the segment whose best split lowers the
/// cost most, while that gain exceeds `penalty`.
pub fn binseg(x: &[f64], penalty: f64, min_size: usize) -> Vec<usize> {
    let c = Costs::new(x);
    let m = min_size.max(1);
    let mut segments = vec![(0usize, x.len())];
    let mut breaks = Vec::new();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for (i, &(a, b)) in segments.iter().enumerate() {
            if b - a < 2 * m {
                continue;
            }
            let whole = c.cost(a, b);
            for k in a + m..=b - m {
                let gain = whole - c.cost(a, k) - c.cost(k, b);
                if best.is_none_or(|(g, _, _)| gain > g) {
                    best = Some((gain, i, k));
                }
            }
        }
        match best {
            Some((gain, i, k)) if gain > penalty => {
                let (a, b) = segments[i];
                segments[i] = (a, k);
                segments.push((k, b));
                breaks.push(k);
            }
            _ => break,
        }
    }
    breaks.sort_unstable();
    breaks
}

/// One segmentation on the penalty path and the penalties it is optimal
/// for (PELT).
#[derive(Debug, Clone, PartialEq)]
pub struct PathStep {
    pub penalty_from: f64,
    pub penalty_to: f64,
    pub breaks: Vec<usize>,
    pub cost: f64,
}

/// Every distinct optimal segmentation for penalties in `lo..=hi` (CROPS):
/// PELT is run at the ends, and at the penalty where two known solutions
/// cost the same, until no solution lies between neighbours.
pub fn penalty_path(x: &[f64], lo: f64, hi: f64, min_size: usize) -> Vec<PathStep> {
    let solve = |p: f64| {
        let b = pelt(x, p, min_size);
        let q = total_cost(x, &b);
        (b, q)
    };
    let mut sols: Vec<(f64, Vec<usize>, f64)> = Vec::new();
    let (b_lo, q_lo) = solve(lo);
    let (b_hi, q_hi) = solve(hi);
    sols.push((lo, b_lo, q_lo));
    sols.push((hi, b_hi, q_hi));
    let mut todo = vec![(0usize, 1usize)];
    while let Some((i, j)) = todo.pop() {
        let (mi, mj) = (sols[i].1.len(), sols[j].1.len());
        if mi <= mj + 1 {
            continue;
        }
        // Penalty at which solutions i (more breaks) and j cost the same.
        let p = (sols[j].2 - sols[i].2) / (mi - mj) as f64;
        if !(p > sols[i].0 && p < sols[j].0) {
            continue;
        }
        let (b, q) = solve(p);
        if b.len() == mi || b.len() == mj {
            continue;
        }
        sols.push((p, b, q));
        let k = sols.len() - 1;
        todo.push((i, k));
        todo.push((k, j));
    }
    sols.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<PathStep> = Vec::new();
    for (_, b, q) in sols {
        if out.last().is_some_and(|l| l.breaks == b) {
            continue;
        }
        out.push(PathStep {
            penalty_from: lo,
            penalty_to: hi,
            breaks: b,
            cost: q,
        });
    }
    // A solution with m breaks is optimal from the penalty where it ties
    // with the next solution with more breaks to where it ties with the
    // next one with fewer: (Q_fewer - Q_more) / (m_more - m_fewer).
    for i in 1..out.len() {
        let (more, fewer) = (&out[i - 1], &out[i]);
        let tie = (fewer.cost - more.cost) / (more.breaks.len() - fewer.breaks.len()) as f64;
        out[i - 1].penalty_to = tie.clamp(lo, hi);
        out[i].penalty_from = tie.clamp(lo, hi);
    }
    out
}

/// The `m` breaks minimising the sum of squares (dynamic programming over
/// all segmentations with segments of at least `min_size`).
pub fn bai_perron(x: &[f64], m: usize, min_size: usize) -> Option<Vec<usize>> {
    let n = x.len();
    let h = min_size.max(1);
    if n < (m + 1) * h {
        return None;
    }
    let c = Costs::new(x);
    // best[j][t]: least cost of x[0..t] in j+1 segments; from[j][t]: last break.
    let mut best = vec![vec![f64::INFINITY; n + 1]; m + 1];
    let mut from = vec![vec![0usize; n + 1]; m + 1];
    for (t, b) in best[0].iter_mut().enumerate().skip(h) {
        *b = c.cost(0, t);
    }
    for j in 1..=m {
        for t in (j + 1) * h..=n {
            for k in j * h..=t - h {
                let v = best[j - 1][k] + c.cost(k, t);
                if v < best[j][t] {
                    best[j][t] = v;
                    from[j][t] = k;
                }
            }
        }
    }
    let mut breaks = Vec::new();
    let mut t = n;
    for j in (1..=m).rev() {
        t = from[j][t];
        breaks.push(t);
    }
    breaks.reverse();
    Some(breaks)
}

/// A Bai–Perron estimate: the number of breaks chosen by LWZ, the dates,
/// and 95% intervals.
#[derive(Debug, Clone, PartialEq)]
pub struct BaiPerron {
    pub breaks: Vec<usize>,
    /// Per break, the 95% interval of its position (inclusive).
    pub intervals: Vec<(usize, usize)>,
    /// The LWZ criterion for 0..=max breaks.
    pub bic: Vec<f64>,
}

/// The criterion choosing the number of breaks: Liu, Wu & Zidek's (1997)
/// modified Schwarz criterion, ln(SSR/T) + p · 0.299 (ln T)^2.1 / T with
/// p = 2m + 1 parameters (m + 1 means, m dates). Bai & Perron (2003)
/// recommend it over the BIC, which tends to add spurious breaks (it put a
/// third break in one of the 20 planted series of the tests).
fn bic(ssr: f64, n: usize, m: usize) -> f64 {
    let t = n as f64;
    (ssr / t).ln() + (2 * m + 1) as f64 * 0.299 * t.ln().powf(2.1) / t
}

/// 97.5% quantile of argmax_s { W(s) − |s|/2 } (Bai 1997, Table 1): the
/// 95% interval of a break date is k̂ ± 11.0 σ²/δ².
const BAI_95: f64 = 11.0;

/// Bai–Perron with up to `max_breaks`, chosen by the LWZ criterion, and Bai's (1997)
/// intervals for a shift in mean with homoskedastic errors: k̂ ± ⌈11.0 σ̂²
/// / δ̂²⌉, σ̂² the residual variance of the chosen model and δ̂ the shift in
/// means at that break.
pub fn bai_perron_bic(x: &[f64], max_breaks: usize, min_size: usize) -> BaiPerron {
    let n = x.len();
    let mut bics = Vec::new();
    let mut fits = Vec::new();
    for m in 0..=max_breaks {
        match bai_perron(x, m, min_size) {
            Some(b) => {
                let ssr = total_cost(x, &b);
                bics.push(bic(ssr.max(f64::MIN_POSITIVE), n, m));
                fits.push(b);
            }
            None => break,
        }
    }
    let best = (0..bics.len())
        .min_by(|&a, &b| bics[a].total_cmp(&bics[b]))
        .unwrap_or(0);
    let breaks = fits.get(best).cloned().unwrap_or_default();
    let sigma2 = total_cost(x, &breaks) / n as f64;
    let mut edges = vec![0];
    edges.extend_from_slice(&breaks);
    edges.push(n);
    let mean = |a: usize, b: usize| x[a..b].iter().sum::<f64>() / (b - a) as f64;
    let intervals = (0..breaks.len())
        .map(|i| {
            let delta = mean(edges[i + 1], edges[i + 2]) - mean(edges[i], edges[i + 1]);
            let w = (BAI_95 * sigma2 / (delta * delta)).ceil() as usize;
            let k = breaks[i];
            (k.saturating_sub(w), (k + w).min(n - 1))
        })
        .collect();
    BaiPerron {
        breaks,
        intervals,
        bic: bics,
    }
}

/// Mean distance from each break year to its nearest turning-point year.
pub fn mean_distance(breaks: &[i32], turning: &[i32]) -> Option<f64> {
    if breaks.is_empty() || turning.is_empty() {
        return None;
    }
    let d: f64 = breaks
        .iter()
        .map(|b| turning.iter().map(|t| (b - t).abs()).min().unwrap_or(0) as f64)
        .sum();
    Some(d / breaks.len() as f64)
}

/// Permutation test: the share of `reps` random placements of as many
/// breaks among `positions` (years a break could fall in) whose mean
/// distance to the turning points is at most the observed one, counting
/// the observed placement: small when breaks sit nearer the turning points
/// than chance.
pub fn distance_p(
    breaks: &[i32],
    turning: &[i32],
    positions: &[i32],
    reps: usize,
    seed: u64,
) -> Option<f64> {
    use rand::seq::SliceRandom;
    use rand::SeedableRng;
    let observed = mean_distance(breaks, turning)?;
    if positions.len() < breaks.len() || reps == 0 {
        return None;
    }
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut at_most = 0usize;
    let mut pool = positions.to_vec();
    for _ in 0..reps {
        let (pick, _) = pool.partial_shuffle(&mut rng, breaks.len());
        if mean_distance(pick, turning).is_some_and(|d| d <= observed + 1e-12) {
            at_most += 1;
        }
    }
    Some((at_most + 1) as f64 / (reps + 1) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    /// Means 0, 3, -2 over 40, 30 and 30 steps, N(0, 1) noise (Box–Muller
    /// on a seeded ChaCha8): breaks planted at 40 and 70.
    fn planted(seed: u64) -> Vec<f64> {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        (0..100)
            .map(|i| {
                let mu = if i < 40 {
                    0.0
                } else if i < 70 {
                    3.0
                } else {
                    -2.0
                };
                let (u1, u2): (f64, f64) = (rng.random::<f64>().max(1e-300), rng.random());
                mu + (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
            })
            .collect()
    }

    fn near(found: &[usize], planted: &[usize]) -> bool {
        found.len() == planted.len() && found.iter().zip(planted).all(|(f, p)| f.abs_diff(*p) <= 1)
    }

    #[test]
    fn planted_breaks_are_found_within_one_step() {
        for seed in 1..=20 {
            let x = planted(seed);
            let pen = 3.0 * (x.len() as f64).ln();
            assert!(
                near(&pelt(&x, pen, 2), &[40, 70]),
                "pelt seed {seed}: {:?}",
                pelt(&x, pen, 2)
            );
            assert!(near(&binseg(&x, pen, 2), &[40, 70]), "binseg seed {seed}");
            let bp = bai_perron_bic(&x, 5, 5);
            assert!(
                near(&bp.breaks, &[40, 70]),
                "bai-perron seed {seed}: {:?}",
                bp.breaks
            );
            for (k, (lo, hi)) in bp.breaks.iter().zip(&bp.intervals) {
                assert!(lo <= k && k <= hi);
            }
        }
    }

    #[test]
    fn pelt_is_the_exact_optimum_and_the_path_is_monotone() {
        let x = planted(3);
        let pen = 10.0;
        let b = pelt(&x, pen, 2);
        // Bai–Perron gives the least cost for each number of breaks; PELT's
        // penalised optimum must be at least as good as every one of them.
        let pelt_total = total_cost(&x, &b) + pen * b.len() as f64;
        for m in 0..6 {
            let bp = bai_perron(&x, m, 2).unwrap();
            assert!(
                pelt_total <= total_cost(&x, &bp) + pen * m as f64 + 1e-9,
                "m={m}"
            );
        }
        let path = penalty_path(&x, 1.0, 200.0, 2);
        assert!(path.len() >= 3, "{path:?}");
        for w in path.windows(2) {
            assert!(w[0].breaks.len() > w[1].breaks.len());
            assert!(w[0].penalty_to <= w[1].penalty_from);
        }
    }

    #[test]
    fn distances_to_turning_points() {
        assert_eq!(mean_distance(&[1937, 1980], &[1935, 1979]), Some(1.5));
        let positions: Vec<i32> = (1900..2000).collect();
        let p = distance_p(&[1935, 1979], &[1935, 1979], &positions, 2000, 1).unwrap();
        assert!(p < 0.01, "{p}");
        assert_eq!(
            p,
            distance_p(&[1935, 1979], &[1935, 1979], &positions, 2000, 1).unwrap()
        );
    }

    /// The same segmentations as ruptures 1.1.10 (Pelt, Binseg with the
    /// l2 cost, min_size 2; Dynp with min_size 5) on the deterministic
    /// series of tests/reference/breaks_reference.py (breaks_expected.txt).
    #[test]
    fn matches_ruptures() {
        let x: Vec<f64> = (0..120)
            .map(|i| {
                let f = i as f64;
                let mu = if i < 45 {
                    0.0
                } else if i < 80 {
                    2.5
                } else {
                    -1.0
                };
                mu + 1.4 * (1.7 * f).sin() + 0.9 * (0.37 * f).cos()
            })
            .collect();
        let cases: Vec<(f64, Vec<usize>, Vec<usize>)> = vec![
            (
                1.0,
                vec![
                    2, 4, 6, 8, 10, 12, 15, 17, 19, 21, 24, 26, 28, 30, 32, 34, 36, 39, 41, 43, 45,
                    48, 50, 52, 54, 56, 58, 60, 63, 65, 67, 69, 71, 73, 76, 78, 80, 82, 87, 89, 91,
                    93, 95, 97, 100, 102, 104, 106, 109, 111, 113, 115,
                ],
                vec![
                    2, 4, 6, 12, 15, 17, 19, 21, 24, 30, 39, 41, 43, 45, 49, 54, 56, 58, 60, 63,
                    65, 67, 69, 71, 73, 76, 78, 80, 82, 87, 89, 91, 93, 95, 97, 100, 102, 104, 106,
                    115,
                ],
            ),
            (
                3.0,
                vec![6, 12, 21, 30, 39, 45, 58, 63, 73, 80, 82, 91, 97, 106, 115],
                vec![
                    2, 6, 12, 24, 30, 39, 45, 54, 63, 73, 80, 82, 91, 100, 106, 115,
                ],
            ),
            (8.0, vec![45, 80], vec![45, 80]),
            (20.0, vec![45, 80], vec![45, 80]),
        ];
        for (pen, want_pelt, want_binseg) in cases {
            assert_eq!(pelt(&x, pen, 2), want_pelt, "pelt pen {pen}");
            assert_eq!(binseg(&x, pen, 2), want_binseg, "binseg pen {pen}");
        }
        assert_eq!(bai_perron(&x, 1, 5).unwrap(), vec![80]);
        assert_eq!(bai_perron(&x, 2, 5).unwrap(), vec![45, 80]);
        assert_eq!(bai_perron(&x, 3, 5).unwrap(), vec![39, 45, 80]);
        // LWZ picks the two breaks; Bai's intervals as the reference
        // script computes them from the same fit.
        let bp = bai_perron_bic(&x, 5, 5);
        assert_eq!(bp.breaks, vec![45, 80]);
        assert_eq!(bp.intervals, vec![(42, 48), (78, 82)]);
    }
}
