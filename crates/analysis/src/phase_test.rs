//! The phase comparison of the hypothesis test: is a dyad's cooperation
//! lower in the crisis phases of the international order than in its
//! stable phases?
//!
//! Three answers side by side, because years are few and autocorrelated:
//! Welch's t test (unequal variances; its p-value treats years as
//! independent, which flatters significance), a permutation test of the
//! phase labels (exact under exchangeability, same caveat), and a
//! moving-block bootstrap confidence interval of the difference, which keeps
//! runs of neighbouring years together. Seeds are fixed and reported.

use crate::bootstrap::{block_bootstrap_diff, Difference};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use statrs::distribution::{ContinuousCDF, StudentsT};

/// Welch's two-sample t test of mean(b) − mean(a).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Welch {
    pub t: f64,
    /// Welch–Satterthwaite degrees of freedom.
    pub df: f64,
    /// Two-sided p-value.
    pub p: f64,
}

fn mean_var(x: &[f64]) -> (f64, f64) {
    let n = x.len() as f64;
    let m = x.iter().sum::<f64>() / n;
    let v = x.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (n - 1.0);
    (m, v)
}

/// Welch's t for mean(b) − mean(a); `None` with fewer than 2 values in a
/// group or no variance at all.
pub fn welch(a: &[f64], b: &[f64]) -> Option<Welch> {
    if a.len() < 2 || b.len() < 2 {
        return None;
    }
    let ((ma, va), (mb, vb)) = (mean_var(a), mean_var(b));
    let (sa, sb) = (va / a.len() as f64, vb / b.len() as f64);
    let se2 = sa + sb;
    if se2 <= 0.0 {
        return None;
    }
    let t = (mb - ma) / se2.sqrt();
    let df =
        se2.powi(2) / (sa.powi(2) / (a.len() as f64 - 1.0) + sb.powi(2) / (b.len() as f64 - 1.0));
    let dist = StudentsT::new(0.0, 1.0, df).ok()?;
    Some(Welch {
        t,
        df,
        p: 2.0 * (1.0 - dist.cdf(t.abs())),
    })
}

/// Two-sided permutation p-value of the difference in means: the share of
/// `reps` random relabellings (plus the observed one) whose absolute
/// difference is at least the observed one.
pub fn permutation_p(a: &[f64], b: &[f64], reps: usize, seed: u64) -> Option<f64> {
    if a.is_empty() || b.is_empty() || reps == 0 {
        return None;
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let observed = (mean(b) - mean(a)).abs();
    let mut pool: Vec<f64> = a.iter().chain(b).copied().collect();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut extreme = 0usize;
    for _ in 0..reps {
        pool.shuffle(&mut rng);
        let (x, y) = pool.split_at(a.len());
        // A tolerance for ties that differ only by rounding.
        if (mean(y) - mean(x)).abs() >= observed - 1e-12 {
            extreme += 1;
        }
    }
    Some((extreme + 1) as f64 / (reps + 1) as f64)
}

/// Hedges' g: the difference in means over the pooled SD, with the
/// small-sample correction.
pub fn hedges_g(a: &[f64], b: &[f64]) -> Option<f64> {
    if a.len() < 2 || b.len() < 2 {
        return None;
    }
    let ((ma, va), (mb, vb)) = (mean_var(a), mean_var(b));
    let (na, nb) = (a.len() as f64, b.len() as f64);
    let sp = (((na - 1.0) * va + (nb - 1.0) * vb) / (na + nb - 2.0)).sqrt();
    if sp == 0.0 {
        return None;
    }
    let j = 1.0 - 3.0 / (4.0 * (na + nb) - 9.0);
    Some(j * (mb - ma) / sp)
}

/// What a comparison says about the hypothesis (cooperation lower in
/// crisis).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Crisis lower, and the bootstrap interval excludes 0.
    Supports,
    /// Crisis higher, and the interval excludes 0.
    Contradicts,
    /// The interval contains 0 (or there are too few years).
    Silent,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supports => "supports",
            Verdict::Contradicts => "contradicts",
            Verdict::Silent => "silent",
        }
    }
}

/// Stable vs crisis for one order (or pooled).
#[derive(Debug, Clone, PartialEq)]
pub struct PhaseComparison {
    pub n_stable: usize,
    pub n_crisis: usize,
    pub mean_stable: Option<f64>,
    pub mean_crisis: Option<f64>,
    /// mean(crisis) − mean(stable).
    pub diff: Option<f64>,
    pub welch: Option<Welch>,
    pub permutation_p: Option<f64>,
    pub bootstrap: Option<Difference>,
    pub hedges_g: Option<f64>,
    pub verdict: Verdict,
}

/// Settings of the resampling tests, all reported with the results.
#[derive(Debug, Clone, Copy)]
pub struct Resampling {
    pub reps: usize,
    pub block: usize,
    pub level: f64,
    pub seed: u64,
}

/// Compares `stable` and `crisis` years (each in time order).
pub fn compare(stable: &[f64], crisis: &[f64], r: Resampling) -> PhaseComparison {
    let mean = |v: &[f64]| (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64);
    let boot = block_bootstrap_diff(stable, crisis, r.block, r.reps, r.level, r.seed);
    let verdict = match boot {
        Some(d) if d.hi < 0.0 => Verdict::Supports,
        Some(d) if d.lo > 0.0 => Verdict::Contradicts,
        _ => Verdict::Silent,
    };
    PhaseComparison {
        n_stable: stable.len(),
        n_crisis: crisis.len(),
        mean_stable: mean(stable),
        mean_crisis: mean(crisis),
        diff: mean(crisis).zip(mean(stable)).map(|(c, s)| c - s),
        welch: welch(stable, crisis),
        permutation_p: permutation_p(stable, crisis, r.reps, r.seed),
        bootstrap: boot,
        hedges_g: hedges_g(stable, crisis),
        verdict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values from scipy 1.17.1: `scipy.stats.ttest_ind(b, a,
    /// equal_var=False)` on a = [1, 2, 3, 4, 5], b = [2, 4, 9]
    /// (tests/reference/phase_test_reference.py).
    #[test]
    fn welch_matches_scipy() {
        let w = welch(&[1.0, 2.0, 3.0, 4.0, 5.0], &[2.0, 4.0, 9.0]).unwrap();
        assert!((w.t - 0.9097176522946842).abs() < 1e-12, "{}", w.t);
        assert!((w.df - 2.4717119764878763).abs() < 1e-9, "{}", w.df);
        assert!((w.p - 0.4427829935211213).abs() < 1e-6, "{}", w.p);
    }

    #[test]
    fn permutation_is_seeded_and_near_the_exact_value() {
        // Exact two-sided p for these groups, by full enumeration of the
        // 56 relabellings (reference script): 0.375.
        let (a, b) = ([1.0, 2.0, 3.0, 4.0, 5.0], [2.0, 4.0, 9.0]);
        let p = permutation_p(&a, &b, 20_000, 7).unwrap();
        assert_eq!(p, permutation_p(&a, &b, 20_000, 7).unwrap());
        assert!((p - 0.375).abs() < 0.01, "{p}");
    }
}
