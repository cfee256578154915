//! Time-series regression with heteroskedasticity- and autocorrelation-
//! consistent (Newey–West) standard errors: the dyad's cooperation on the
//! order's instability, with lags and controls.
//!
//! Linear algebra by nalgebra; the estimator is written here because no
//! maintained Rust crate provides OLS with HAC errors.

use nalgebra::{DMatrix, DVector};
use statrs::distribution::{ContinuousCDF, Normal};

/// One coefficient.
#[derive(Debug, Clone, PartialEq)]
pub struct Coefficient {
    pub name: String,
    pub estimate: f64,
    /// Newey–West standard error.
    pub se: f64,
    /// estimate / se.
    pub z: f64,
    /// Two-sided p from the standard normal (as statsmodels' HAC default).
    pub p: f64,
}

/// An OLS fit with Newey–West errors.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    pub coefficients: Vec<Coefficient>,
    pub n: usize,
    pub lags: usize,
    pub r2: f64,
}

/// The lag rule of Newey & West (1994) as most software applies it:
/// floor(4 (T/100)^(2/9)).
pub fn default_lags(n: usize) -> usize {
    (4.0 * (n as f64 / 100.0).powf(2.0 / 9.0)).floor() as usize
}

/// OLS of `y` on the columns of `x` (each `names[i]`; include a constant
/// column yourself) with Bartlett-kernel Newey–West covariance over `lags`
/// lags, without small-sample correction. Rows must be consecutive in time.
/// `None` when the design is singular or there are no more rows than
/// columns.
pub fn ols_newey_west(y: &[f64], x: &[Vec<f64>], names: &[&str], lags: usize) -> Option<Fit> {
    let (n, k) = (y.len(), x.len());
    if n <= k || x.iter().any(|c| c.len() != n) {
        return None;
    }
    let xm = DMatrix::from_fn(n, k, |i, j| x[j][i]);
    let yv = DVector::from_column_slice(y);
    let xtx_inv = (xm.transpose() * &xm).try_inverse()?;
    let beta = &xtx_inv * xm.transpose() * &yv;
    let u = &yv - &xm * &beta;
    let mut s = DMatrix::<f64>::zeros(k, k);
    for t in 0..n {
        let xt = xm.row(t).transpose();
        s += &xt * xt.transpose() * (u[t] * u[t]);
    }
    for l in 1..=lags.min(n - 1) {
        let w = 1.0 - l as f64 / (lags as f64 + 1.0);
        for t in l..n {
            let (xt, xl) = (xm.row(t).transpose(), xm.row(t - l).transpose());
            let g = &xt * xl.transpose() * (u[t] * u[t - l]);
            s += (&g + g.transpose()) * w;
        }
    }
    let v = &xtx_inv * s * &xtx_inv;
    let mean = y.iter().sum::<f64>() / n as f64;
    let tss: f64 = y.iter().map(|v| (v - mean).powi(2)).sum();
    let rss: f64 = u.iter().map(|v| v * v).sum();
    let normal = Normal::new(0.0, 1.0).ok()?;
    let coefficients = (0..k)
        .map(|j| {
            let se = v[(j, j)].max(0.0).sqrt();
            let z = beta[j] / se;
            Coefficient {
                name: names[j].to_string(),
                estimate: beta[j],
                se,
                z,
                p: 2.0 * (1.0 - normal.cdf(z.abs())),
            }
        })
        .collect();
    Some(Fit {
        coefficients,
        n,
        lags,
        r2: 1.0 - rss / tss,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Against statsmodels 0.14 (`OLS(y, X).fit(cov_type="HAC",
    /// cov_kwds={"maxlags": 2, "use_correction": False})`) on the series
    /// of tests/reference/regression_reference.py.
    #[test]
    fn matches_statsmodels_hac() {
        let n = 40;
        let x1: Vec<f64> = (0..n)
            .map(|i| (i as f64 * 0.3).sin() + 0.05 * i as f64)
            .collect();
        let x2: Vec<f64> = (0..n).map(|i| ((i * 7) % 5) as f64 - 2.0).collect();
        let y: Vec<f64> = (0..n)
            .map(|i| 1.0 + 2.0 * x1[i] - 0.5 * x2[i] + 0.7 * (i as f64 * 1.1).cos())
            .collect();
        let fit = ols_newey_west(&y, &[vec![1.0; n], x1, x2], &["const", "x1", "x2"], 2).unwrap();
        let want = REFERENCE;
        for (c, (b, se, p)) in fit.coefficients.iter().zip(want) {
            assert!((c.estimate - b).abs() < 1e-9, "{} {}", c.name, c.estimate);
            assert!((c.se - se).abs() < 1e-6, "{} se {}", c.name, c.se);
            assert!((c.p - p).abs() < 1e-6, "{} p {}", c.name, c.p);
        }
        assert!((fit.r2 - 0.9120150981849982).abs() < 1e-9);
        assert_eq!(default_lags(100), 4);
        assert_eq!(default_lags(60), 3);
    }

    // (estimate, se, p) per coefficient, from the reference script.
    const REFERENCE: [(f64, f64, f64); 3] = [
        (
            1.0251127053841262,
            0.14773199957651695,
            3.948783165593926e-12,
        ),
        (
            1.9750068775102076,
            0.11997873420058686,
            6.958068278227521e-61,
        ),
        (
            -0.4989942176962803,
            0.04754071653322988,
            8.998082994186764e-26,
        ),
    ];
}
