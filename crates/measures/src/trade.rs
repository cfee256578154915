//! Trade between the two states and each one's dependence on it (COW Trade
//! v4.0, current million USD, 1870-2014).
//!
//! `trade_flow1`: imports of ccode1 from ccode2; `trade_flow2`: imports of
//! ccode2 from ccode1. `trade_dep1` = (flow1 + flow2) / (imports + exports of
//! ccode1): the share of ccode1's total trade that is with ccode2 (Oneal &
//! Russett 1997, "The Classical Liberals Were Right", International Studies
//! Quarterly 41(2), use dyadic trade over GDP; total trade is the
//! denominator available for the whole period). NULL when any part is
//! missing, the total is 0, or the year is outside 1870-2014. A dyad absent
//! from the dyadic file is NULL, not 0: COW does not record it.

use crate::batch;
use crate::column::{covers, Column};
use crate::dyads::DyadYear;
use crate::dyads::DyadYears;
use crate::Map;
use ordo_sources::datasets::trade::{COVERAGE, DYADIC, NATIONAL};
use ordo_sources::{DataDir, DataError, SourceUse};

/// Imports of the lower code from the higher, and the reverse.
type Flows = (Option<f64>, Option<f64>);

#[derive(Debug, Default)]
pub struct Trade {
    /// (lower code, higher code, year) -> (imports of lower from higher, imports of higher from lower).
    dyadic: Map<DyadYear, Flows>,
    /// (code, year) -> imports + exports.
    total: Map<(u16, i32), f64>,
}

impl Trade {
    pub fn load(dir: &DataDir) -> Result<(Trade, Vec<SourceUse>), DataError> {
        let d = DYADIC.read(dir)?;
        let b = &d.batch;
        let (c1, c2, y) = (
            batch::codes(b, "ccode1"),
            batch::codes(b, "ccode2"),
            batch::ints(b, "year"),
        );
        let (f1, f2) = (batch::floats(b, "flow1"), batch::floats(b, "flow2"));
        let mut dyadic = Map::with_capacity_and_hasher(c1.len(), Default::default());
        for i in 0..c1.len() {
            let Some(year) = y[i] else { continue };
            let (lo, hi, a, z) = if c1[i] < c2[i] {
                (c1[i], c2[i], f1[i], f2[i])
            } else {
                (c2[i], c1[i], f2[i], f1[i])
            };
            dyadic.insert((lo, hi, year as i32), (a, z));
        }
        let n = NATIONAL.read(dir)?;
        let b = &n.batch;
        let (c, y, im, ex) = (
            batch::codes(b, "ccode"),
            batch::ints(b, "year"),
            batch::floats(b, "imports"),
            batch::floats(b, "exports"),
        );
        let total = (0..c.len())
            .filter_map(|i| Some(((c[i], y[i]? as i32), im[i]? + ex[i]?)))
            .collect();
        Ok((Trade { dyadic, total }, vec![d.source, n.source]))
    }

    /// Imports plus exports of a state-year.
    pub fn total(&self, code: u16, year: i32) -> Option<f64> {
        self.total.get(&(code, year)).copied()
    }

    /// (imports of `a` from `b`, imports of `b` from `a`).
    pub fn flows(&self, a: u16, b: u16, year: i32) -> (Option<f64>, Option<f64>) {
        if !covers(COVERAGE, year) {
            return (None, None);
        }
        match self.dyadic.get(&(a.min(b), a.max(b), year)) {
            None => (None, None),
            Some(&(lo_imp, hi_imp)) if a < b => (lo_imp, hi_imp),
            Some(&(lo_imp, hi_imp)) => (hi_imp, lo_imp),
        }
    }

    pub fn columns(&self, keys: &DyadYears) -> Vec<Column> {
        let flows: Vec<(Option<f64>, Option<f64>)> = (0..keys.len())
            .map(|i| self.flows(keys.ccode1[i], keys.ccode2[i], keys.year[i]))
            .collect();
        let dep = |name, code: &[u16]| {
            let v = (0..keys.len()).map(|i| {
                let total = *self.total.get(&(code[i], keys.year[i]))?;
                let (f1, f2) = flows[i];
                (total > 0.0).then_some((f1? + f2?) / total)
            });
            Column::floats(name, "cow_trade_sy", COVERAGE, v)
        };
        vec![
            Column::floats(
                "trade_flow1",
                "cow_trade_ndy",
                COVERAGE,
                flows.iter().map(|f| f.0),
            ),
            Column::floats(
                "trade_flow2",
                "cow_trade_ndy",
                COVERAGE,
                flows.iter().map(|f| f.1),
            ),
            dep("trade_dep1", &keys.ccode1),
            dep("trade_dep2", &keys.ccode2),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(rows: &[(u16, u16, i32)]) -> DyadYears {
        DyadYears {
            ccode1: rows.iter().map(|r| r.0).collect(),
            ccode2: rows.iter().map(|r| r.1).collect(),
            year: rows.iter().map(|r| r.2).collect(),
            directed: true,
        }
    }

    #[test]
    fn flows_follow_the_order_asked_and_dependence_is_share_of_total_trade() {
        // Italy (325) imports 29 from the USSR (365), exports 15 to it in 1931;
        // Italy's total trade 1,000, the USSR's 1,500 (round numbers).
        let mut t = Trade::default();
        t.dyadic.insert((325, 365, 1931), (Some(29.0), Some(15.0)));
        t.total.insert((325, 1931), 1000.0);
        t.total.insert((365, 1931), 1500.0);
        assert_eq!(t.flows(325, 365, 1931), (Some(29.0), Some(15.0)));
        assert_eq!(t.flows(365, 325, 1931), (Some(15.0), Some(29.0)));
        assert_eq!(t.flows(325, 365, 1869), (None, None), "outside 1870-2014");
        let cols = t.columns(&keys(&[(325, 365, 1931), (365, 325, 1931)]));
        let dep1 = cols[2]
            .values
            .as_any()
            .downcast_ref::<arrow_array::Float64Array>()
            .unwrap();
        // (29 + 15) / 1000 = 0.044 for Italy; (15 + 29) / 1500 for the USSR.
        assert!((dep1.value(0) - 0.044).abs() < 1e-12);
        assert!((dep1.value(1) - 44.0 / 1500.0).abs() < 1e-12);
    }
}
