//! Inter-state war between the two states (COW Inter-State War v4.0).
//!
//! `cowwar_inter`: 1 if the two are on opposite sides of an ongoing
//! inter-state war that year; `cowwar_onset`: 1 if such a war begins. A
//! dyad-year can belong to two wars (52 in v4.0): the maximum is taken. 0
//! inside 1816-2007 when there is none, NULL outside.

use crate::batch;
use crate::column::{flag, Column};
use crate::dyads::DyadYear;
use crate::dyads::DyadYears;
use crate::state_vars::{StateVars, Var};
use crate::Map;
use ordo_sources::datasets::war::{COVERAGE, COW_WAR_INTER};
use ordo_sources::{DataDir, DataError, SourceUse};
use std::collections::BTreeSet;

const SOURCE: &str = "cow_war_inter";

#[derive(Debug, Default)]
pub struct Wars {
    /// (ongoing, onset), maxima over the wars of the dyad-year.
    dyad_years: Map<DyadYear, (i64, i64)>,
}

/// `cowwar_count`: the number of inter-state wars a state fights in a year,
/// 0 inside 1816-2007.
static COUNT: [Var; 1] = [Var::count("cowwar_count")];

impl Wars {
    /// The dyad-year war flags, and the state-year war count.
    pub fn load(dir: &DataDir) -> Result<((Wars, StateVars), SourceUse), DataError> {
        let t = COW_WAR_INTER.read(dir)?;
        let b = &t.batch;
        let (c1, c2, y) = (
            batch::codes(b, "ccode1"),
            batch::codes(b, "ccode2"),
            batch::ints(b, "year"),
        );
        let (on, st) = (
            batch::ints(b, "cowinterongoing"),
            batch::ints(b, "cowinteronset"),
        );
        let mut dyad_years: Map<DyadYear, (i64, i64)> = Map::default();
        for i in 0..c1.len() {
            let Some(year) = y[i] else { continue };
            let e = dyad_years.entry((c1[i], c2[i], year as i32)).or_default();
            e.0 = e.0.max(on[i].unwrap_or(0));
            e.1 = e.1.max(st[i].unwrap_or(0));
        }
        let war = batch::ints(b, "warnum");
        let mut wars: Map<(u16, i32), BTreeSet<i64>> = Map::default();
        for i in 0..c1.len() {
            if let (Some(year), Some(w), Some(1)) = (y[i], war[i], on[i]) {
                wars.entry((c1[i], year as i32)).or_default().insert(w);
            }
        }
        let mut count = StateVars::new(SOURCE, COVERAGE, &COUNT, &[]);
        for ((c, year), w) in wars {
            count.set(c, year, vec![Some(w.len() as f64)]);
        }
        Ok(((Wars { dyad_years }, count), t.source))
    }

    pub fn columns(&self, keys: &DyadYears) -> Vec<Column> {
        let get = |i: usize| self.dyad_years.get(&keys.key(i));
        vec![
            Column::ints(
                "cowwar_inter",
                SOURCE,
                COVERAGE,
                (0..keys.len()).map(|i| flag(get(i).map(|r| r.0), COVERAGE, keys.year[i])),
            ),
            Column::ints(
                "cowwar_onset",
                SOURCE,
                COVERAGE,
                (0..keys.len()).map(|i| flag(get(i).map(|r| r.1), COVERAGE, keys.year[i])),
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_wars_in_a_year_take_the_maximum_and_absence_is_zero_inside_coverage() {
        let mut w = Wars::default();
        w.dyad_years.insert((255, 390, 1864), (1, 1));
        let keys = DyadYears {
            ccode1: vec![255, 255, 255],
            ccode2: vec![390, 390, 390],
            year: vec![1864, 1865, 2010],
            directed: true,
        };
        let cols = w.columns(&keys);
        let inter = cols[0]
            .values
            .as_any()
            .downcast_ref::<arrow_array::Int64Array>()
            .unwrap();
        assert_eq!(inter.iter().collect::<Vec<_>>(), [Some(1), Some(0), None]);
    }
}
