//! State attributes by (ccode, year), as columns of the state-year frame and
//! as `…1`/`…2` pairs of the dyad-year frame.
//!
//! Why one type: economy, territorial threat, fractionalization, Maoz powers,
//! rivalries by type, civil conflict and the state-year conflict counts are
//! all "a few numbers per state-year from one source, with that source's
//! years". Each source file fills a [`StateVars`] and says per variable
//! whether it is a count or flag (0 inside the source's years when the
//! source has no row) or a value (NULL whenever the source has no row).

use crate::column::{covers, Column};
use crate::dyads::DyadYears;
use crate::Map;

/// How one variable is named and filled.
#[derive(Debug, Clone, Copy)]
pub struct Var {
    /// Column name in the state-year frame.
    pub name: &'static str,
    /// Integer (flags, counts) or float.
    pub int: bool,
    /// 0 inside the coverage when the source has no row (counts, flags).
    pub zero_fill: bool,
    /// Column names in the dyad-year frame, when it has this variable.
    pub dyad: Option<(&'static str, &'static str)>,
}

impl Var {
    /// A measured value: NULL where the source has none.
    pub const fn value(name: &'static str) -> Var {
        Var {
            name,
            int: false,
            zero_fill: false,
            dyad: None,
        }
    }

    /// A count or 0/1 flag: 0 inside the coverage where the source has no
    /// row.
    pub const fn count(name: &'static str) -> Var {
        Var {
            name,
            int: true,
            zero_fill: true,
            dyad: None,
        }
    }

    /// An integer level that has no value without an event (e.g. the
    /// highest intensity of a state's conflicts).
    pub const fn level(name: &'static str) -> Var {
        Var {
            name,
            int: true,
            zero_fill: false,
            dyad: None,
        }
    }

    /// Also in dyad-year frames, as `name1`/`name2`.
    pub const fn in_dyads(mut self, one: &'static str, two: &'static str) -> Var {
        self.dyad = Some((one, two));
        self
    }
}

/// Several variables of one source by (ccode, year).
#[derive(Debug, Clone)]
pub struct StateVars {
    pub source: &'static str,
    pub coverage: (i32, i32),
    pub vars: &'static [Var],
    /// The dyad pairs of `vars`, in order (what a directed frame swaps).
    pub pairs: &'static [(&'static str, &'static str)],
    /// What the reader resolved in the source (conflicting repeats), for
    /// provenance.
    pub notes: Vec<String>,
    values: Map<(u16, i32), Vec<Option<f64>>>,
}

impl StateVars {
    pub fn new(
        source: &'static str,
        coverage: (i32, i32),
        vars: &'static [Var],
        pairs: &'static [(&'static str, &'static str)],
    ) -> StateVars {
        debug_assert_eq!(
            vars.iter().filter_map(|v| v.dyad).collect::<Vec<_>>(),
            pairs.to_vec(),
            "pairs list the dyad names of vars in order"
        );
        StateVars {
            source,
            coverage,
            vars,
            pairs,
            notes: Vec::new(),
            values: Map::default(),
        }
    }

    /// Sets the values of a state-year (in `vars` order).
    pub fn set(&mut self, code: u16, year: i32, values: Vec<Option<f64>>) {
        debug_assert_eq!(values.len(), self.vars.len());
        self.values.insert((code, year), values);
    }

    /// The value of variable `var` (an index into `vars`) for a state-year:
    /// the source's, else 0 for a zero-filled variable inside the coverage,
    /// else NULL.
    pub fn get(&self, var: usize, code: u16, year: i32) -> Option<f64> {
        match self.values.get(&(code, year)) {
            Some(v) => v[var],
            None => (self.vars[var].zero_fill && covers(self.coverage, year)).then_some(0.0),
        }
    }

    /// Whether the source has a row for the state-year.
    pub fn has(&self, code: u16, year: i32) -> bool {
        self.values.contains_key(&(code, year))
    }

    fn column(
        &self,
        var: usize,
        name: &'static str,
        rows: impl Iterator<Item = (u16, i32)>,
    ) -> Column {
        let v = rows.map(|(c, y)| self.get(var, c, y));
        if self.vars[var].int {
            Column::ints(
                name,
                self.source,
                self.coverage,
                v.map(|x| x.map(|x| x as i64)),
            )
        } else {
            Column::floats(name, self.source, self.coverage, v)
        }
    }

    /// One column per variable for the given state-years.
    pub fn state_columns(&self, rows: &[(u16, i32)]) -> Vec<Column> {
        (0..self.vars.len())
            .map(|i| self.column(i, self.vars[i].name, rows.iter().copied()))
            .collect()
    }

    /// `name1`, `name2` for each variable that dyad frames have.
    pub fn dyad_columns(&self, keys: &DyadYears) -> Vec<Column> {
        let side = |codes: &[u16]| {
            codes
                .iter()
                .zip(&keys.year)
                .map(|(&c, &y)| (c, y))
                .collect::<Vec<_>>()
        };
        let (one, two) = (side(&keys.ccode1), side(&keys.ccode2));
        self.vars
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.dyad.map(|d| (i, d)))
            .flat_map(|(i, (n1, n2))| {
                [
                    self.column(i, n1, one.iter().copied()),
                    self.column(i, n2, two.iter().copied()),
                ]
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static VARS: [Var; 2] = [
        Var::value("gdp").in_dyads("gdp1", "gdp2"),
        Var::count("wars"),
    ];

    #[test]
    fn values_null_and_counts_zero_inside_coverage() {
        let mut s = StateVars::new("test", (1900, 2000), &VARS, &[("gdp1", "gdp2")]);
        s.set(2, 1950, vec![Some(9.5), Some(2.0)]);
        assert_eq!(s.get(0, 2, 1950), Some(9.5));
        assert_eq!(s.get(1, 2, 1950), Some(2.0));
        assert_eq!(s.get(0, 2, 1951), None, "a value is NULL without a row");
        assert_eq!(s.get(1, 2, 1951), Some(0.0), "a count is 0 inside");
        assert_eq!(s.get(1, 2, 2001), None, "and NULL outside");
        let keys = DyadYears {
            ccode1: vec![2, 20],
            ccode2: vec![20, 2],
            year: vec![1950, 1950],
            directed: true,
        };
        let cols = s.dyad_columns(&keys);
        assert_eq!(
            cols.iter().map(|c| c.name).collect::<Vec<_>>(),
            ["gdp1", "gdp2"]
        );
        let floats = |c: &Column| {
            use arrow_array::cast::AsArray;
            c.values
                .as_primitive::<arrow_array::types::Float64Type>()
                .iter()
                .collect::<Vec<_>>()
        };
        assert_eq!(floats(&cols[0]), [Some(9.5), None]);
        assert_eq!(floats(&cols[1]), [None, Some(9.5)]);
    }
}
