//! Democracy of the two states and the distance between them: V-Dem
//! electoral democracy (polyarchy, 0-1), Polity2 (-10..10) and the extended
//! Unified Democracy Scores (latent), from peacesciencer's
//! `ccode_democracy`, 1816-2020.
//!
//! Distances are absolute differences, `|x1 - x2|`, the usual regime
//! dissimilarity term (e.g. Oneal & Russett 1997 use the lower score; the
//! distance keeps both directions symmetric). NULL when either is missing.

use crate::batch;
use crate::column::{distance, float_pairs, Column};
use crate::dyads::DyadYears;
use crate::Map;
use ordo_sources::datasets::democracy::{COVERAGE, DEMOCRACY};
use ordo_sources::{DataDir, DataError, SourceUse};

const SOURCE: &str = "ccode_democracy";

/// (polyarchy, polity2, uds) by (ccode, year).
#[derive(Debug, Default)]
pub struct Democracy {
    scores: Map<(u16, i32), [Option<f64>; 3]>,
}

impl Democracy {
    pub fn load(dir: &DataDir) -> Result<(Democracy, SourceUse), DataError> {
        let t = DEMOCRACY.read(dir)?;
        let b = &t.batch;
        let (c, y) = (batch::codes(b, "ccode"), batch::ints(b, "year"));
        let cols = ["v2x_polyarchy", "polity2", "xm_qudsest"].map(|n| batch::floats(b, n));
        let scores = (0..c.len())
            .filter_map(|i| Some(((c[i], y[i]? as i32), [cols[0][i], cols[1][i], cols[2][i]])))
            .collect();
        Ok((Democracy { scores }, t.source))
    }

    /// Score `k` (0 polyarchy, 1 polity2, 2 UDS) of a state-year.
    pub fn score(&self, code: u16, year: i32, k: usize) -> Option<f64> {
        self.scores.get(&(code, year)).and_then(|s| s[k])
    }

    pub fn columns(&self, keys: &DyadYears) -> Vec<Column> {
        let names = [
            ("dem_polyarchy1", "dem_polyarchy2", "dem_polyarchy_dist"),
            ("dem_polity2_1", "dem_polity2_2", "dem_polity2_dist"),
            ("dem_uds1", "dem_uds2", "dem_uds_dist"),
        ];
        // One lookup per state-year serves the three scores.
        let scores = |codes: &[u16]| -> Vec<Option<&[Option<f64>; 3]>> {
            codes
                .iter()
                .zip(&keys.year)
                .map(|(&c, &y)| self.scores.get(&(c, y)))
                .collect()
        };
        let (first, second) = (scores(&keys.ccode1), scores(&keys.ccode2));
        let mut out = Vec::new();
        for (k, (n1, n2, nd)) in names.into_iter().enumerate() {
            let pick = |name, found: &[Option<&[Option<f64>; 3]>]| {
                let v = found.iter().map(|s| s.and_then(|s| s[k]));
                Column::floats(name, SOURCE, COVERAGE, v)
            };
            let (a, b) = (pick(n1, &first), pick(n2, &second));
            let d = float_pairs(&a, &b).map(|(x, y)| distance(x, y));
            let d = Column::floats(nd, SOURCE, COVERAGE, d);
            out.extend([a, b, d]);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_absolute_differences() {
        let mut d = Democracy::default();
        // Italy 1938: polity2 -9; USSR 1938: -9 -> distance 0. UK 1938: 10.
        d.scores
            .insert((325, 1938), [Some(0.058), Some(-9.0), None]);
        d.scores.insert((200, 1938), [Some(0.8), Some(10.0), None]);
        let keys = DyadYears {
            ccode1: vec![200],
            ccode2: vec![325],
            year: vec![1938],
            directed: false,
        };
        let cols = d.columns(&keys);
        let get = |name: &str| {
            let c = cols.iter().find(|c| c.name == name).unwrap();
            c.values
                .as_any()
                .downcast_ref::<arrow_array::Float64Array>()
                .unwrap()
                .iter()
                .next()
                .unwrap()
        };
        assert_eq!(get("dem_polity2_dist"), Some(19.0));
        assert!((get("dem_polyarchy_dist").unwrap() - 0.742).abs() < 1e-12);
        assert_eq!(get("dem_uds_dist"), None, "missing in either: NULL");
    }
}
