//! Agreement between two ordinal codings of the same items, computed from
//! their contingency table.
//!
//! Foreign-policy similarity in international relations compares two states'
//! positions item by item: their votes on the same UN roll calls, or their
//! alliance ties to the same third states. Each item is coded on an ordinal
//! scale `0..levels`, and every measure here is a function of the
//! `levels × levels` table of joint codes. Building the table once and
//! deriving all measures from it keeps each dyad O(items + levels⁴) whatever
//! the number of items.
//!
//! # Distance
//!
//! All distance-based measures use the **absolute distance**
//! `d(x, y) = |x − y|` (the L1 metric). Signorino and Ritter (1999) use it for
//! S; we use it for Häge's (2011) κ and π as well so that the three measures
//! share one metric. Häge's replication files build κ and π for *valued* data
//! from sums of squares and cross-products, i.e. with the **squared** distance
//! `(x − y)²`; with that metric κ equals Lin's (1989) concordance correlation
//! coefficient. Consequently ordo's κ and π equal Häge's published values on
//! binary data (where `|x − y| = (x − y)²`) but not on valued data.
//!
//! # References
//!
//! - Signorino, Curtis S., and Jeffrey M. Ritter. 1999. "Tau-b or Not Tau-b:
//!   Measuring the Similarity of Foreign Policy Positions." *International
//!   Studies Quarterly* 43(1): 115–144.
//! - Häge, Frank M. 2011. "Choice or Circumstance? Adjusting Measures of
//!   Foreign Policy Similarity for Chance Agreement." *Political Analysis*
//!   19(3): 287–305.
//! - Cohen, Jacob. 1960. "A Coefficient of Agreement for Nominal Scales."
//!   *Educational and Psychological Measurement* 20(1): 37–46.
//! - Scott, William A. 1955. "Reliability of Content Analysis: The Case of
//!   Nominal Scale Coding." *Public Opinion Quarterly* 19(3): 321–325.
//! - Kendall, Maurice G. 1945. "The Treatment of Ties in Ranking Problems."
//!   *Biometrika* 33(3): 239–251.
//! - Lin, Lawrence I-Kuei. 1989. "A Concordance Correlation Coefficient to
//!   Evaluate Reproducibility." *Biometrics* 45(1): 255–268.

use smallvec::SmallVec;

/// Largest number of levels a table can have: codes are `u8`, so no item can
/// be coded above 255. Larger requests are clamped rather than allocating a
/// table that could never be filled.
pub const MAX_LEVELS: usize = 256;

/// Joint distribution of two ordinal codings over the same items, levels
/// `0..levels`.
///
/// `x` indexes rows and `y` columns: cell `(a, b)` counts the items coded `a`
/// by the first vector and `b` by the second.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contingency {
    levels: usize,
    /// Row-major `levels × levels` counts (inline up to 4 levels, every
    /// scale ordo uses).
    counts: SmallVec<[u64; 16]>,
    n: u64,
}

impl Contingency {
    /// An empty table over `levels` codes (clamped to [`MAX_LEVELS`]).
    pub fn new(levels: usize) -> Contingency {
        let levels = levels.min(MAX_LEVELS);
        Contingency {
            levels,
            counts: smallvec::smallvec![0; levels * levels],
            n: 0,
        }
    }

    /// Table of two equally long code vectors, item `i` being `(xs[i], ys[i])`.
    ///
    /// `None` if the lengths differ or any code is `>= levels`: a silently
    /// truncated or partially counted vector would yield a plausible but wrong
    /// score, so malformed input is refused as a whole.
    pub fn from_codes(levels: usize, xs: &[u8], ys: &[u8]) -> Option<Contingency> {
        if xs.len() != ys.len() {
            return None;
        }
        let mut table = Contingency::new(levels);
        let levels = table.levels;
        if xs.iter().chain(ys).any(|&code| usize::from(code) >= levels) {
            return None;
        }
        // Codes checked above; no count can exceed the vectors' length.
        for (&x, &y) in xs.iter().zip(ys) {
            table.counts[usize::from(x) * levels + usize::from(y)] += 1;
        }
        table.n = xs.len() as u64;
        Some(table)
    }

    /// Number of codes on the scale.
    pub fn levels(&self) -> usize {
        self.levels
    }

    /// Counts one item coded `x` by the first vector and `y` by the second.
    ///
    /// Returns `false`, leaving the table unchanged, if either code is
    /// `>= levels`; a code off the scale has no distance to the others.
    pub fn add(&mut self, x: u8, y: u8) -> bool {
        self.add_count(x, y, 1)
    }

    /// Counts `count` items coded `(x, y)` at once (used when the caller has
    /// already tallied the cell, e.g. with bitset popcounts).
    ///
    /// Returns `false`, leaving the table unchanged, if either code is
    /// `>= levels`. Counts saturate at `u64::MAX` instead of overflowing.
    pub fn add_count(&mut self, x: u8, y: u8, count: u64) -> bool {
        match self.index(x, y) {
            Some(i) => {
                self.counts[i] = self.counts[i].saturating_add(count);
                self.n = self.n.saturating_add(count);
                true
            }
            None => false,
        }
    }

    /// Items coded `(x, y)`; 0 for codes off the scale.
    pub fn count(&self, x: u8, y: u8) -> u64 {
        self.index(x, y).map_or(0, |i| self.counts[i])
    }

    /// Number of items counted.
    pub fn n(&self) -> u64 {
        self.n
    }

    /// Empties the table, keeping its levels (and its allocation).
    pub fn clear(&mut self) {
        self.counts.fill(0);
        self.n = 0;
    }

    fn index(&self, x: u8, y: u8) -> Option<usize> {
        let (x, y) = (usize::from(x), usize::from(y));
        (x < self.levels && y < self.levels).then_some(x * self.levels + y)
    }

    fn cell(&self, a: usize, b: usize) -> u64 {
        self.counts[a * self.levels + b]
    }

    /// Row and column totals: each vector's frequency of each code.
    fn marginals(&self) -> (Totals, Totals) {
        let mut rows: Totals = smallvec::smallvec![0u64; self.levels];
        let mut cols: Totals = smallvec::smallvec![0u64; self.levels];
        // `max(1)`: a zero-level table has no rows, and chunks of 0 are invalid.
        let table_rows = self.counts.chunks_exact(self.levels.max(1));
        for (row, row_total) in table_rows.zip(rows.iter_mut()) {
            for (&count, col_total) in row.iter().zip(cols.iter_mut()) {
                *row_total = row_total.saturating_add(count);
                *col_total = col_total.saturating_add(count);
            }
        }
        (rows, cols)
    }
}

/// Row or column totals of a table.
type Totals = SmallVec<[u64; 4]>;

/// The measures ordo reports for one pair of vectors. A statistic is `None`
/// where it is undefined (zero expected disagreement, a constant vector, …),
/// never NaN.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Agreement {
    /// Number of items compared.
    pub n: u64,
    /// Share of items coded identically, `#{x = y} / n`.
    pub agree: f64,
    /// Signorino and Ritter's (1999) S; `None` on a one-level scale.
    pub s: Option<f64>,
    /// Häge's (2011) Cohen-type κ; `None` when no disagreement is expected.
    pub kappa: Option<f64>,
    /// Häge's (2011) Scott-type π; `None` when no disagreement is expected.
    pub pi: Option<f64>,
    /// Kendall's τ-b; `None` when either vector is constant.
    pub tau_b: Option<f64>,
}

/// All measures of the table, or `None` when it holds no item.
pub fn agreement(t: &Contingency) -> Option<Agreement> {
    if t.n == 0 {
        return None;
    }
    let n = t.n as f64;
    let (rows, cols) = t.marginals();
    let own = |counts: &[u64], a: usize| counts[a] as f64;
    let pooled = |a: usize| (rows[a] as f64 + cols[a] as f64) / 2.0;
    let observed = observed_distance(t) / n;
    Some(Agreement {
        n: t.n,
        agree: diagonal(t) as f64 / n,
        s: signorino_ritter_s(observed, t.levels),
        kappa: chance_corrected(observed, n, t.levels, |a| own(&rows, a), |b| own(&cols, b)),
        pi: chance_corrected(observed, n, t.levels, pooled, pooled),
        tau_b: kendall_tau_b(t, &rows, &cols),
    })
}

/// Items on the diagonal, i.e. coded identically.
fn diagonal(t: &Contingency) -> u64 {
    (0..t.levels).fold(0, |sum, a| sum.saturating_add(t.cell(a, a)))
}

/// Total observed distance `Σ_a Σ_b n_ab |a − b|`.
fn observed_distance(t: &Contingency) -> f64 {
    let mut total = 0.0;
    for a in 0..t.levels {
        for b in 0..t.levels {
            total += t.cell(a, b) as f64 * a.abs_diff(b) as f64;
        }
    }
    total
}

/// Signorino and Ritter's (1999) S with unit weights and absolute distance:
///
/// `S = 1 − 2 · Σ_i |x_i − y_i| / (n · d_max)`, with `d_max = levels − 1`,
///
/// here written `1 − 2 · D_o / d_max` with `D_o` the mean observed distance.
/// `d_max` is the largest distance *possible on the scale*, not the largest
/// observed, so S is comparable across dyads; S = 1 for identical vectors and
/// −1 for maximally opposed ones. `None` on a one-level scale (`d_max = 0`).
fn signorino_ritter_s(observed: f64, levels: usize) -> Option<f64> {
    let d_max = levels.checked_sub(1).filter(|&d| d > 0)? as f64;
    Some(1.0 - 2.0 * observed / d_max)
}

/// Chance-corrected agreement `1 − D_o / D_e` (Häge 2011), with
///
/// `D_e = Σ_a Σ_b p(a) q(b) |a − b|`, `p(a) = p_count(a) / n`,
/// `q(b) = q_count(b) / n`,
///
/// the mean distance expected if the two codings were independent draws
/// from `p` and `q`. With each vector's own marginals this is Cohen's (1960)
/// κ: it credits a pair only for agreement beyond what two states with their
/// own propensities (e.g. to vote yes, or to form ties) would reach by chance.
/// With the pooled marginal `(p_x + p_y) / 2` for both it is Scott's (1955) π,
/// which also penalises differences in those propensities. `None` if
/// `D_e = 0` (both codings concentrated on one and the same code), where the
/// ratio is undefined.
fn chance_corrected(
    observed: f64,
    n: f64,
    levels: usize,
    p_count: impl Fn(usize) -> f64,
    q_count: impl Fn(usize) -> f64,
) -> Option<f64> {
    let mut expected = 0.0;
    for a in 0..levels {
        for b in 0..levels {
            expected += p_count(a) * q_count(b) * a.abs_diff(b) as f64;
        }
    }
    // The sum is zero exactly when every term is: no cancellation can occur.
    (expected > 0.0).then(|| 1.0 - observed / (expected / (n * n)))
}

/// Kendall's τ-b (Kendall 1945) from the table, in O(levels⁴) rather than
/// over the O(n²) item pairs:
///
/// `τ_b = (C − D) / sqrt((n₀ − n₁)(n₀ − n₂))`, where `C = Σ n_ab n_a'b'` over
/// cells with `a < a', b < b'` (concordant pairs), `D` the same with
/// `a < a', b > b'` (discordant), `n₀ = n(n−1)/2`, `n₁ = Σ_a r_a(r_a−1)/2`
/// (pairs tied on x), `n₂ = Σ_b c_b(c_b−1)/2` (pairs tied on y).
///
/// Reported because Bueno de Mesquita (1975) introduced it for alliance
/// portfolios; Signorino and Ritter (1999) show it measures association, not
/// similarity (e.g. `y = x + 1` gives τ-b = 1). `None` if either vector is
/// constant or `n < 2` (zero denominator).
fn kendall_tau_b(t: &Contingency, rows: &[u64], cols: &[u64]) -> Option<f64> {
    let (concordant, discordant) = concordance(t);
    let pairs = |m: &u64| u128::from(*m) * u128::from(m.saturating_sub(1)) / 2;
    let n0 = pairs(&t.n);
    let n1: u128 = rows.iter().map(pairs).sum();
    let n2: u128 = cols.iter().map(pairs).sum();
    // Saturating: n₁, n₂ ≤ n₀ always, unless counts were saturated at u64::MAX.
    let untied = |ties: u128| n0.saturating_sub(ties) as f64;
    let denominator = (untied(n1) * untied(n2)).sqrt();
    (denominator > 0.0).then(|| (concordant as f64 - discordant as f64) / denominator)
}

/// Concordant and discordant item pairs, `(C, D)`. Exact in `u128`: both are
/// at most `n(n−1)/2 < 2¹²⁷`.
fn concordance(t: &Contingency) -> (u128, u128) {
    let (mut concordant, mut discordant) = (0u128, 0u128);
    for a in 0..t.levels {
        for b in 0..t.levels {
            let here = u128::from(t.cell(a, b));
            if here == 0 {
                continue;
            }
            for a2 in a + 1..t.levels {
                for b2 in 0..t.levels {
                    let there = u128::from(t.cell(a2, b2));
                    if b2 > b {
                        concordant += here * there;
                    } else if b2 < b {
                        discordant += here * there;
                    }
                }
            }
        }
    }
    (concordant, discordant)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(levels: usize, xs: &[u8], ys: &[u8]) -> Agreement {
        let table = Contingency::from_codes(levels, xs, ys).expect("valid codes");
        agreement(&table).expect("non-empty table")
    }

    fn close(got: Option<f64>, want: f64) -> bool {
        got.is_some_and(|g| (g - want).abs() < 1e-9)
    }

    /// x = [0,1,2,3], y = [0,1,3,3], levels 4 (d_max = 3), by hand:
    /// - agree = 3/4; Σ|x−y| = 1, D_o = 1/4; S = 1 − 2·1/(4·3) = 5/6.
    /// - κ: p_x = (¼,¼,¼,¼), p_y = (¼,¼,0,½). Σ_b p_y(b)|a−b| for a = 0..3 is
    ///   1.75, 1.25, 1.25, 1.25; D_e = ¼·5.5 = 1.375 = 11/8;
    ///   κ = 1 − (1/4)/(11/8) = 9/11.
    /// - π: pooled p = (¼,¼,⅛,⅜). D_e = 2·Σ_{a<b} p_a p_b (b−a)
    ///   = 2·(1/16 + 1/16 + 9/32 + 1/32 + 3/16 + 3/64) = 43/32;
    ///   π = 1 − (1/4)/(43/32) = 35/43.
    /// - τ-b: of the 6 item pairs, 5 are concordant and (3,4) is tied on y;
    ///   n₀ = 6, n₁ = 0, n₂ = 1; τ-b = 5/√(6·5) = 5/√30.
    #[test]
    fn hand_computed_four_items() {
        let got = scores(4, &[0, 1, 2, 3], &[0, 1, 3, 3]);
        assert_eq!(got.n, 4);
        assert!((got.agree - 0.75).abs() < 1e-12);
        assert!(close(got.s, 5.0 / 6.0));
        assert!(close(got.kappa, 9.0 / 11.0));
        assert!(close(got.pi, 35.0 / 43.0));
        assert!(close(got.tau_b, 5.0 / 30f64.sqrt()));
    }

    /// Reference values printed by tests/reference/similarity_reference.py
    /// (case "hand"), which computes from the vectors, not from a table.
    #[test]
    fn reference_hand_case() {
        let got = scores(4, &[0, 1, 2, 3], &[0, 1, 3, 3]);
        assert!(close(got.s, 0.833333333333));
        assert!(close(got.kappa, 0.818181818182));
        assert!(close(got.pi, 0.813953488372));
        assert!(close(got.tau_b, 0.912870929175));
    }

    /// Reference values printed by tests/reference/similarity_reference.py
    /// (case "ties"): ties on both vectors.
    #[test]
    fn reference_ties() {
        let xs = [0, 0, 1, 1, 2, 2, 2, 0, 1, 2];
        let ys = [0, 1, 1, 1, 2, 0, 2, 0, 2, 2];
        let got = scores(3, &xs, &ys);
        assert!((got.agree - 0.7).abs() < 1e-12);
        assert!(close(got.s, 0.6));
        assert!(close(got.kappa, 0.555555555556));
        assert!(close(got.pi, 0.555555555556));
        assert!(close(got.tau_b, 0.545454545455));
    }

    /// Reference values printed by tests/reference/similarity_reference.py
    /// (case "constant"): a constant vector leaves τ-b undefined but κ and π
    /// defined, since the other vector varies. κ is exactly 0: with x ≡ c,
    /// D_e = Σ_b p_y(b)|c − b| is the observed mean distance itself.
    #[test]
    fn reference_constant_vector() {
        let got = scores(3, &[1, 1, 1, 1, 1, 1], &[0, 1, 2, 1, 1, 2]);
        assert!((got.agree - 0.5).abs() < 1e-12);
        assert!(close(got.s, 0.5));
        assert!(close(got.kappa, 0.0));
        assert!(close(got.pi, -0.161290322581));
        assert_eq!(got.tau_b, None);
    }

    #[test]
    fn empty_table_has_no_agreement() {
        assert_eq!(agreement(&Contingency::new(3)), None);
        assert_eq!(agreement(&Contingency::new(0)), None);
    }

    #[test]
    fn identical_constant_vectors_leave_chance_measures_undefined() {
        let got = scores(3, &[2; 5], &[2; 5]);
        assert_eq!(got.agree, 1.0);
        assert_eq!(got.s, Some(1.0));
        assert_eq!((got.kappa, got.pi, got.tau_b), (None, None, None));
    }

    #[test]
    fn one_level_scale_has_no_s() {
        let got = scores(1, &[0, 0], &[0, 0]);
        assert_eq!((got.agree, got.s), (1.0, None));
    }

    #[test]
    fn single_item_has_no_tau() {
        let got = scores(2, &[0], &[1]);
        assert_eq!(got.s, Some(-1.0));
        assert_eq!(got.tau_b, None);
    }

    #[test]
    fn maximal_opposition_gives_s_minus_one() {
        let got = scores(3, &[0, 2, 0, 2], &[2, 0, 2, 0]);
        assert_eq!(got.agree, 0.0);
        assert!(close(got.s, -1.0));
        assert!(close(got.tau_b, -1.0));
    }

    #[test]
    fn measures_are_symmetric_in_the_two_vectors() {
        let xs = [0, 2, 1, 1, 0, 2, 2];
        let ys = [1, 2, 0, 1, 0, 0, 2];
        assert_eq!(scores(3, &xs, &ys), scores(3, &ys, &xs));
    }

    #[test]
    fn off_scale_codes_are_refused_not_counted() {
        let mut table = Contingency::new(3);
        assert!(table.add(0, 2));
        assert!(!table.add(3, 0));
        assert!(!table.add_count(0, 200, 5));
        assert_eq!((table.n(), table.count(0, 2), table.count(3, 0)), (1, 1, 0));
        assert_eq!(Contingency::from_codes(3, &[0, 3], &[0, 0]), None);
        assert_eq!(Contingency::from_codes(3, &[0, 1], &[0]), None);
    }

    #[test]
    fn clear_empties_the_table() {
        let mut table = Contingency::from_codes(2, &[0, 1], &[1, 1]).expect("valid codes");
        table.clear();
        assert_eq!((table.n(), table.count(1, 1), table.levels()), (0, 0, 2));
    }

    #[test]
    fn levels_are_clamped_to_the_u8_range() {
        let mut table = Contingency::new(usize::MAX);
        assert_eq!(table.levels(), MAX_LEVELS);
        assert!(table.add(255, 0));
        assert_eq!(agreement(&table).map(|a| a.s), Some(Some(-1.0)));
    }

    #[test]
    fn add_count_equals_repeated_add() {
        let mut bulk = Contingency::new(3);
        let mut single = Contingency::new(3);
        assert!(bulk.add_count(1, 2, 3));
        for _ in 0..3 {
            assert!(single.add(1, 2));
        }
        assert_eq!(bulk, single);
    }
}
