//! Comparing phases with a moving-block bootstrap (Künsch 1989): years are
//! autocorrelated, so the difference of phase means gets its confidence
//! interval by resampling blocks of consecutive years within each phase,
//! not single years. The generator is ChaCha8 with a fixed, printed seed, so
//! the same seed gives the same interval on every machine.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Difference of means `b − a` and its percentile interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Difference {
    pub mean_a: f64,
    pub mean_b: f64,
    pub diff: f64,
    pub lo: f64,
    pub hi: f64,
}

/// Moving-block bootstrap of `mean(b) − mean(a)`: `reps` replicates, blocks
/// of `block` consecutive values (shortened to the series length), a
/// `level` (e.g. 0.95) percentile interval. `None` if a series is empty.
pub fn block_bootstrap_diff(
    a: &[f64],
    b: &[f64],
    block: usize,
    reps: usize,
    level: f64,
    seed: u64,
) -> Option<Difference> {
    if a.is_empty() || b.is_empty() || reps == 0 {
        return None;
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut diffs: Vec<f64> = (0..reps)
        .map(|_| resample_mean(b, block, &mut rng) - resample_mean(a, block, &mut rng))
        .collect();
    diffs.sort_by(f64::total_cmp);
    let q = |p: f64| diffs[((p * (reps - 1) as f64).round() as usize).min(reps - 1)];
    let alpha = (1.0 - level) / 2.0;
    Some(Difference {
        mean_a: mean(a),
        mean_b: mean(b),
        diff: mean(b) - mean(a),
        lo: q(alpha),
        hi: q(1.0 - alpha),
    })
}

/// Mean of one moving-block resample of `x`.
fn resample_mean(x: &[f64], block: usize, rng: &mut ChaCha8Rng) -> f64 {
    let n = x.len();
    let l = block.clamp(1, n);
    let mut sum = 0.0;
    let mut taken = 0;
    while taken < n {
        let start = rng.random_range(0..=n - l);
        for v in &x[start..start + l] {
            if taken == n {
                break;
            }
            sum += v;
            taken += 1;
        }
    }
    sum / n as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_phases_give_a_degenerate_interval() {
        let d = block_bootstrap_diff(&[0.0; 10], &[1.0; 6], 3, 500, 0.95, 7).unwrap();
        assert_eq!((d.diff, d.lo, d.hi), (1.0, 1.0, 1.0));
    }

    #[test]
    fn same_seed_same_interval_and_the_interval_brackets_the_difference() {
        let a: Vec<f64> = (0..30).map(|i| (i as f64 * 0.7).sin()).collect();
        let b: Vec<f64> = (0..8).map(|i| 1.0 + (i as f64 * 1.3).cos()).collect();
        let x = block_bootstrap_diff(&a, &b, 3, 2000, 0.95, 42).unwrap();
        let y = block_bootstrap_diff(&a, &b, 3, 2000, 0.95, 42).unwrap();
        assert_eq!(x, y);
        assert!(x.lo < x.diff && x.diff < x.hi, "{x:?}");
        assert_ne!(x, block_bootstrap_diff(&a, &b, 3, 2000, 0.95, 43).unwrap());
        assert!(block_bootstrap_diff(&[], &b, 3, 10, 0.95, 1).is_none());
    }
}
