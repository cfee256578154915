//! Distribution of capabilities among the major powers: shares,
//! concentration, Herfindahl-Hirschman index and effective number of poles.
//!
//! - Shares: each major's CINC over the sum of the majors' CINCs.
//! - CON (Ray & Singer 1973, "Measuring the Concentration of Power in the
//!   International System", Sociological Methods & Research 1(4): 403-437):
//!   `sqrt((Σ s² − 1/N) / (1 − 1/N))`, 0 when capabilities are equal, 1 when
//!   one major holds everything; undefined (NULL) with fewer than 2 majors.
//! - HHI: `Σ s²`; effective number of poles (Laakso & Taagepera 1979):
//!   `1 / HHI`.

/// Shares of a set of capabilities; `None` if the total is not positive.
pub fn shares(capabilities: &[f64]) -> Option<Vec<f64>> {
    let total: f64 = capabilities.iter().sum();
    (total > 0.0).then(|| capabilities.iter().map(|c| c / total).collect())
}

/// Ray-Singer concentration of shares summing to 1; `None` for N < 2.
pub fn concentration(shares: &[f64]) -> Option<f64> {
    let n = shares.len() as f64;
    if shares.len() < 2 {
        return None;
    }
    let sum_sq: f64 = shares.iter().map(|s| s * s).sum();
    // Rounding can push the radicand a hair below zero for equal shares.
    Some(((sum_sq - 1.0 / n) / (1.0 - 1.0 / n)).max(0.0).sqrt())
}

/// Herfindahl-Hirschman index of shares.
pub fn hhi(shares: &[f64]) -> Option<f64> {
    (!shares.is_empty()).then(|| shares.iter().map(|s| s * s).sum())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn con_of_half_three_tenths_one_fifth() {
        // Σs² = 0.25 + 0.09 + 0.04 = 0.38; (0.38 − 1/3) / (2/3) = 0.07;
        // sqrt(0.07) = 0.264575131...
        let con = concentration(&[0.5, 0.3, 0.2]).unwrap();
        assert!((con - 0.07f64.sqrt()).abs() < 1e-12);
        assert!((con - 0.264575).abs() < 1e-6);
        assert!((hhi(&[0.5, 0.3, 0.2]).unwrap() - 0.38).abs() < 1e-12);
        assert!((1.0 / hhi(&[0.5, 0.3, 0.2]).unwrap() - 2.631578947368421).abs() < 1e-12);
    }

    #[test]
    fn extremes_and_undefined_cases() {
        assert_eq!(concentration(&[0.25; 4]), Some(0.0));
        assert!((concentration(&[1.0, 0.0, 0.0]).unwrap() - 1.0).abs() < 1e-12);
        assert_eq!(concentration(&[1.0]), None, "one major: no distribution");
        assert_eq!(concentration(&[]), None);
        assert_eq!(shares(&[0.0, 0.0]), None);
        assert_eq!(shares(&[1.0, 3.0]), Some(vec![0.25, 0.75]));
    }
}
