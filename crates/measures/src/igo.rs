//! Shared IGO memberships (COW IGO v3.0): the number of intergovernmental
//! organizations in which both states are full members that year
//! (Pevehouse et al. 2020). NULL outside 1816-2014 or when the dyad-year is
//! absent from the source.

use crate::batch;
use crate::column::Column;
use crate::dyads::DyadYear;
use crate::dyads::DyadYears;
use crate::Map;
use ordo_sources::datasets::igo::{COVERAGE, DYADIC, STATE};
use ordo_sources::{DataDir, DataError, SourceUse};

#[derive(Debug, Default)]
pub struct Igos {
    shared: Map<DyadYear, i64>,
    /// Full memberships by state-year (`sum_igo_full`).
    full: Map<(u16, i32), i64>,
}

impl Igos {
    pub fn load(dir: &DataDir) -> Result<(Igos, Vec<SourceUse>), DataError> {
        let t = DYADIC.read(dir)?;
        let b = &t.batch;
        let (c1, c2, y, n) = (
            batch::codes(b, "ccode1"),
            batch::codes(b, "ccode2"),
            batch::ints(b, "year"),
            batch::ints(b, "dyadigos"),
        );
        let shared = (0..c1.len())
            .filter_map(|i| Some(((c1[i].min(c2[i]), c1[i].max(c2[i]), y[i]? as i32), n[i]?)))
            .collect();
        let s = STATE.read(dir)?;
        let b = &s.batch;
        let (c, y, n) = (
            batch::codes(b, "ccode"),
            batch::ints(b, "year"),
            batch::ints(b, "sum_igo_full"),
        );
        let full = (0..c.len())
            .filter_map(|i| Some(((c[i], y[i]? as i32), n[i]?)))
            .collect();
        Ok((Igos { shared, full }, vec![t.source, s.source]))
    }

    /// Full IGO memberships of a state-year.
    pub fn full_memberships(&self, code: u16, year: i32) -> Option<i64> {
        self.full.get(&(code, year)).copied()
    }

    pub fn columns(&self, keys: &DyadYears) -> Vec<Column> {
        let v = (0..keys.len()).map(|i| {
            let (a, b, y) = keys.key(i);
            self.shared.get(&(a.min(b), a.max(b), y)).copied()
        });
        vec![Column::ints("igo_shared", "cow_igo_ndy", COVERAGE, v)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_memberships_are_found_in_either_order() {
        let mut i = Igos::default();
        i.shared.insert((325, 365, 1938), 17);
        let keys = DyadYears {
            ccode1: vec![365, 325],
            ccode2: vec![325, 365],
            year: vec![1938, 1939],
            directed: true,
        };
        let col = &i.columns(&keys)[0];
        let v: Vec<_> = col
            .values
            .as_any()
            .downcast_ref::<arrow_array::Int64Array>()
            .unwrap()
            .iter()
            .collect();
        assert_eq!(v, [Some(17), None]);
    }
}
