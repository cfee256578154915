//! Outlying values of a dyad's own series: the year-on-year changes, or the
//! levels, that lie more than `k` standard deviations from the series' mean.
//! The derived chronology dates its trade and UN-voting breaks and its
//! extreme event months with them; the rule is the dyad's own spread, so a
//! dyad with volatile trade needs a larger fall to be dated than a steady one.

/// A year-on-year change beyond `k` standard deviations of the dyad's
/// changes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// The year the new value is observed in.
    pub year: i32,
    pub before: f64,
    pub after: f64,
    /// `after - before`
    pub change: f64,
    /// `(change - mean) / sd` over the dyad's changes.
    pub z: f64,
}

/// Mean and sample standard deviation (n − 1); `None` below two values or
/// with no spread (a constant series has no outliers).
pub fn mean_sd(values: &[f64]) -> Option<(f64, f64)> {
    let n = values.len();
    if n < 2 {
        return None;
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
    let sd = var.sqrt();
    (sd > 0.0).then_some((mean, sd))
}

/// The changes between consecutive years (`year` and `year - 1`, both
/// present: a gap is never bridged) whose z-score exceeds `k` in absolute
/// value; nothing when fewer than `min_changes` changes exist. `series`
/// is sorted by year and holds only present values (absent years are left
/// out by the caller, never zero-filled).
pub fn outlying_changes(series: &[(i32, f64)], k: f64, min_changes: usize) -> Vec<Change> {
    let steps: Vec<(i32, f64, f64)> = series
        .windows(2)
        .filter(|w| w[1].0 == w[0].0 + 1)
        .map(|w| (w[1].0, w[0].1, w[1].1))
        .collect();
    if steps.len() < min_changes {
        return Vec::new();
    }
    let changes: Vec<f64> = steps.iter().map(|(_, b, a)| a - b).collect();
    let Some((mean, sd)) = mean_sd(&changes) else {
        return Vec::new();
    };
    steps
        .iter()
        .zip(&changes)
        .map(|(&(year, before, after), &change)| Change {
            year,
            before,
            after,
            change,
            z: (change - mean) / sd,
        })
        .filter(|c| c.z.abs() > k)
        .collect()
}

/// The positions of the levels whose z-score over `values` exceeds `k` in
/// absolute value, with the z-score; nothing below `min_values` values.
pub fn outlying_levels(values: &[f64], k: f64, min_values: usize) -> Vec<(usize, f64)> {
    if values.len() < min_values {
        return Vec::new();
    }
    let Some((mean, sd)) = mean_sd(values) else {
        return Vec::new();
    };
    values
        .iter()
        .enumerate()
        .map(|(i, v)| (i, (v - mean) / sd))
        .filter(|(_, z)| z.abs() > k)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fall_beyond_two_sd_is_dated_and_gaps_are_not_bridged() {
        // changes: +1, +1, +1, +1, -10, +1, +1, +1, +1 (1906 has no 1905)
        let mut s: Vec<(i32, f64)> = Vec::new();
        let mut v = 10.0;
        for y in 1900..1905 {
            s.push((y, v));
            v += 1.0;
        }
        s.push((1905, 4.0));
        for y in 1906..1910 {
            s.push((y, 5.0 + (y - 1906) as f64));
        }
        let c = outlying_changes(&s, 2.0, 5);
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].year, c[0].before, c[0].after), (1905, 14.0, 4.0));
        // mean of the nine changes = -2/9 ... sd by hand:
        let ch = [1.0, 1.0, 1.0, 1.0, -10.0, 1.0, 1.0, 1.0, 1.0];
        let m: f64 = ch.iter().sum::<f64>() / 9.0;
        let sd = (ch.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / 8.0).sqrt();
        assert!((c[0].z - (-10.0 - m) / sd).abs() < 1e-12);
        assert!((c[0].z + 2.6666666666666665).abs() < 1e-12, "{}", c[0].z);
        // a gap: 1905 missing, no change is dated at 1906 across it
        let gap: Vec<(i32, f64)> = s.iter().copied().filter(|(y, _)| *y != 1905).collect();
        assert!(outlying_changes(&gap, 2.0, 5).is_empty());
        assert!(outlying_changes(&s, 2.0, 10).is_empty(), "too few changes");
    }

    #[test]
    fn constant_series_have_no_outliers() {
        assert!(outlying_levels(&[1.0; 30], 2.0, 3).is_empty());
        let mut v = vec![0.0; 20];
        v[7] = 5.0;
        let o = outlying_levels(&v, 2.0, 10);
        assert_eq!(o.len(), 1);
        assert_eq!(o[0].0, 7);
    }
}
