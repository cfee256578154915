//! Movement of capability shares among the major powers (MOVE).
//!
//! Singer, Bremer & Stuckey (1972, "Capability Distribution, Uncertainty, and
//! Major Power War, 1820-1965") measure how much capability changed hands
//! among the majors between two years. ordo implements, over the majors
//! present at **both** ends of the window (shares renormalised among them at
//! each end):
//!
//! `MOVE = Σ |s_i,t − s_i,t−k| / (2 · (1 − min_i s_i,t−k))`
//!
//! The numerator counts every share point twice (what one major loses
//! another gains); the denominator is the largest value the numerator can
//! take given the starting shares — all capability moving to the major that
//! started smallest, `Σ|Δs| = 2(1 − s_min)` — so MOVE runs from 0 (no change)
//! to 1 (the maximum possible shift). Caveat: this normalisation is ordo's
//! reading of SBS 1972; the original text could not be checked here, and
//! EUGene's implementation (to 2007) may differ in detail.

/// MOVE between two share vectors of the same majors; `None` with fewer than
/// two majors or no possible movement.
pub fn movement(before: &[f64], after: &[f64]) -> Option<f64> {
    if before.len() < 2 || before.len() != after.len() {
        return None;
    }
    let min = before.iter().copied().fold(f64::INFINITY, f64::min);
    let max_move = 2.0 * (1.0 - min);
    let moved: f64 = before.iter().zip(after).map(|(b, a)| (a - b).abs()).sum();
    (max_move > 0.0).then(|| moved / max_move)
}

#[cfg(test)]
mod tests {
    use super::movement;

    #[test]
    fn hand_computed_movement() {
        // Shares 0.5/0.3/0.2 become 0.4/0.3/0.3: Σ|Δs| = 0.1 + 0 + 0.1 = 0.2;
        // maximum 2·(1 − 0.2) = 1.6; MOVE = 0.125.
        assert!((movement(&[0.5, 0.3, 0.2], &[0.4, 0.3, 0.3]).unwrap() - 0.125).abs() < 1e-12);
        // Everything moves to the smallest: MOVE = 1.
        assert!((movement(&[0.5, 0.3, 0.2], &[0.0, 0.0, 1.0]).unwrap() - 1.0).abs() < 1e-12);
        assert_eq!(movement(&[0.5, 0.5], &[0.5, 0.5]), Some(0.0));
        assert_eq!(movement(&[1.0], &[1.0]), None);
    }
}
