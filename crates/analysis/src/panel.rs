//! The hypothesis over a panel of dyads: cooperation on the order's
//! instability with dyad fixed effects.
//!
//! The instability index varies only by year, so year fixed effects would
//! absorb it entirely (perfect collinearity); the model therefore has dyad
//! fixed effects only, and each dyad's own slope is estimated separately
//! (the "dyad-specific slopes"). Errors are correlated within a dyad over
//! time and across dyads within a year (one instability value hits them
//! all), so two standard errors are reported: clustered by dyad
//! (Liang–Zeger) and Driscoll–Kraay (Newey–West on the yearly sums of the
//! scores), the latter robust to both.

use statrs::distribution::{ContinuousCDF, Normal};

/// One observation: dyad index, year, outcome, regressor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Obs {
    pub dyad: usize,
    pub year: i32,
    pub y: f64,
    pub x: f64,
}

/// A fixed-effects slope with its two standard errors.
#[derive(Debug, Clone, PartialEq)]
pub struct FeFit {
    pub beta: f64,
    pub se_cluster: f64,
    pub p_cluster: f64,
    pub se_dk: f64,
    pub p_dk: f64,
    pub n: usize,
    pub dyads: usize,
    pub years: usize,
    pub lags: usize,
}

/// Within (dyad-demeaned) OLS slope of `y` on `x`, with standard errors
/// clustered by dyad — V = (G/(G−1)) Σ_g (Σ_t x̃u)² / (Σ x̃²)², no other
/// correction — and Driscoll–Kraay — V = S / (Σ x̃²)², S the Bartlett
/// long-run variance of h_t = Σ_i x̃_it u_it over `lags` lags. p-values
/// from the standard normal.
pub fn fixed_effects(obs: &[Obs], lags: usize) -> Option<FeFit> {
    let dyads = obs.iter().map(|o| o.dyad).max()? + 1;
    let mut sum = vec![(0.0, 0.0, 0usize); dyads];
    for o in obs {
        let s = &mut sum[o.dyad];
        s.0 += o.y;
        s.1 += o.x;
        s.2 += 1;
    }
    let tilde: Vec<(usize, i32, f64, f64)> = obs
        .iter()
        .map(|o| {
            let s = sum[o.dyad];
            (
                o.dyad,
                o.year,
                o.y - s.0 / s.2 as f64,
                o.x - s.1 / s.2 as f64,
            )
        })
        .collect();
    let sxx: f64 = tilde.iter().map(|t| t.3 * t.3).sum();
    if sxx <= 0.0 {
        return None;
    }
    let beta = tilde.iter().map(|t| t.3 * t.2).sum::<f64>() / sxx;
    let score = |t: &(usize, i32, f64, f64)| t.3 * (t.2 - beta * t.3);
    // Clustered by dyad.
    let mut by_dyad = vec![0.0; dyads];
    for t in &tilde {
        by_dyad[t.0] += score(t);
    }
    let g = sum.iter().filter(|s| s.2 > 0).count();
    let v_cluster = by_dyad.iter().map(|s| s * s).sum::<f64>() / (sxx * sxx) * g as f64
        / (g as f64 - 1.0).max(1.0);
    // Driscoll–Kraay: yearly sums of scores, Bartlett weights.
    let mut by_year: std::collections::BTreeMap<i32, f64> = std::collections::BTreeMap::new();
    for t in &tilde {
        *by_year.entry(t.1).or_default() += score(t);
    }
    let h: Vec<f64> = by_year.values().copied().collect();
    let mut s = h.iter().map(|v| v * v).sum::<f64>();
    for l in 1..=lags.min(h.len().saturating_sub(1)) {
        let w = 1.0 - l as f64 / (lags as f64 + 1.0);
        s += 2.0 * w * (l..h.len()).map(|t| h[t] * h[t - l]).sum::<f64>();
    }
    let v_dk = s / (sxx * sxx);
    let normal = Normal::new(0.0, 1.0).ok()?;
    let p = |se: f64| 2.0 * (1.0 - normal.cdf((beta / se).abs()));
    let (se_c, se_d) = (v_cluster.sqrt(), v_dk.max(0.0).sqrt());
    Some(FeFit {
        beta,
        se_cluster: se_c,
        p_cluster: p(se_c),
        se_dk: se_d,
        p_dk: p(se_d),
        n: obs.len(),
        dyads: g,
        years: h.len(),
        lags,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Against an independent numpy computation of the same formulas
    /// (tests/reference/panel_reference.py) on a deterministic panel of 4
    /// dyads × 12 years.
    #[test]
    fn matches_the_numpy_reference() {
        let mut obs = Vec::new();
        for d in 0..4 {
            for t in 0..12 {
                let x = ((t as f64) * 0.9).sin() + 0.1 * t as f64;
                let y = d as f64 * 0.5
                    + (0.3 * d as f64 - 0.8) * x
                    + 0.4 * ((t * (d + 2)) as f64).cos();
                obs.push(Obs {
                    dyad: d,
                    year: 2000 + t as i32,
                    y,
                    x,
                });
            }
        }
        let f = fixed_effects(&obs, 2).unwrap();
        let (beta, se_c, se_d) = REFERENCE;
        assert!((f.beta - beta).abs() < 1e-12, "{}", f.beta);
        assert!((f.se_cluster - se_c).abs() < 1e-9, "{}", f.se_cluster);
        assert!((f.se_dk - se_d).abs() < 1e-9, "{}", f.se_dk);
        assert_eq!((f.n, f.dyads, f.years), (48, 4, 12));
    }

    const REFERENCE: (f64, f64, f64) =
        (-0.4149311937549085, 0.1729424198389999, 0.05982006939496097);
}
