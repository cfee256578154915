//! Leader and challenger among the majors: power-transition indicators
//! (Organski & Kugler 1980, The War Ledger; Lemke & Kugler 1996).
//!
//! - `lead_ratio`: leader's CINC over the challenger's (first / second).
//! - `parity`: 1 when the challenger has at least 80% of the leader's
//!   capabilities (Organski & Kugler's threshold), else 0.
//! - `overtaking`: 1 when the current leader and challenger swapped ranks
//!   within the window — the sign of `cinc_leader − cinc_challenger` differs
//!   in at least one of the previous `window` years.
//! - `growth_differential`: the challenger's minus the leader's average
//!   annual log growth of CINC over the window, `(ln c_C,t − ln c_C,t−w)/w −
//!   (ln c_L,t − ln c_L,t−w)/w`; positive when the challenger is catching up.

/// Ratio and parity of the top two capabilities.
pub fn lead_ratio(leader: f64, challenger: f64) -> Option<f64> {
    (challenger > 0.0).then(|| leader / challenger)
}

/// Parity: challenger at least 80% of the leader. The comparison allows
/// 1e-12 of rounding, so that exactly 80% (0.16 of 0.20) is parity.
pub fn parity(leader: f64, challenger: f64) -> bool {
    leader > 0.0 && challenger / leader >= 0.8 - 1e-12
}

/// Whether the gap `leader − challenger` (positive now) had the other sign
/// in any of the earlier gaps.
pub fn overtaking(earlier_gaps: &[f64]) -> bool {
    earlier_gaps.iter().any(|g| *g < 0.0)
}

/// Average annual log-growth difference, challenger minus leader.
pub fn growth_differential(leader: (f64, f64), challenger: (f64, f64), window: u32) -> Option<f64> {
    let g = |(then, now): (f64, f64)| {
        (then > 0.0 && now > 0.0).then(|| (now.ln() - then.ln()) / f64::from(window))
    };
    Some(g(challenger)? - g(leader)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed_transition_indicators() {
        assert_eq!(lead_ratio(0.2, 0.1), Some(2.0));
        assert!(parity(0.20, 0.16) && !parity(0.20, 0.159));
        assert!(overtaking(&[0.01, -0.02, 0.03]) && !overtaking(&[0.01, 0.0]));
        // Challenger 0.10 -> 0.15 over 5 years, leader 0.20 -> 0.20:
        // ln(1.5)/5 = 0.0810930...
        let g = growth_differential((0.20, 0.20), (0.10, 0.15), 5).unwrap();
        assert!((g - 1.5f64.ln() / 5.0).abs() < 1e-12);
    }
}
