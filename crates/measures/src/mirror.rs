//! A directed frame from the unordered pairs of its keys.
//!
//! Why: most measures are symmetric in the two states (capital distance, UN
//! agreement, portfolio similarity, the capability ratio) or come in pairs
//! that swap when the states do (`nmc_cinc1` / `nmc_cinc2`). A directed frame
//! has every pair twice, so these are computed once per unordered pair and
//! placed on both orderings. Only measures whose sources are directed (ATOP
//! pledges, MIDs, wars) are looked up for each ordered pair, because there
//! `(b, a)` can differ from `(a, b)`. A test builds frames both ways on the
//! real data and requires them equal.

use crate::column::Column;
use crate::dyads::{DyadYear, DyadYears};
use arrow_array::Array;
use arrow_select::interleave::interleave;

/// How a group of measure columns behaves when the two states swap places.
#[derive(Debug, Clone, Copy)]
pub enum Sides {
    /// The source is directed: `(b, a)` has values of its own.
    Directed,
    /// `(b, a)` has the values of `(a, b)`, except for the listed pairs of
    /// columns, whose values trade places (`x1` of `(b, a)` is `x2` of
    /// `(a, b)`).
    Symmetric(&'static [(&'static str, &'static str)]),
}

/// The keys of a directed frame as unordered pairs.
#[derive(Debug)]
pub struct Pairs {
    /// Each dyad-year once, `ccode1 < ccode2`, sorted.
    pub keys: DyadYears,
    /// For each directed row: which way round it is (0 as in `keys`, 1
    /// reversed) and its pair's index in `keys`, in the form arrow's
    /// `interleave` takes.
    rows: Vec<(usize, usize)>,
}

fn unordered((a, b, y): DyadYear) -> DyadYear {
    (a.min(b), a.max(b), y)
}

/// A key as one integer with the same order (years are positive).
fn packed((a, b, y): DyadYear) -> u64 {
    (u64::from(a) << 48) | (u64::from(b) << 32) | u64::from(y as u32)
}

impl Pairs {
    pub fn of(directed: &DyadYears) -> Pairs {
        // One sort of the rows by their pair, packed into an integer: under
        // 0.1 s for the full directed frame.
        let mut order: Vec<(u64, u32)> = (0..directed.len())
            .map(|i| (packed(unordered(directed.key(i))), i as u32))
            .collect();
        order.sort_unstable();
        let mut keys = DyadYears::default();
        let mut rows = vec![(0, 0); directed.len()];
        let mut last = None;
        for (pair, i) in order {
            let (a, b, y) = directed.key(i as usize);
            if last != Some(pair) {
                keys.push(a.min(b), a.max(b), y);
                last = Some(pair);
            }
            rows[i as usize] = (usize::from(a > b), keys.len() - 1);
        }
        Pairs { keys, rows }
    }

    /// Columns computed on `self.keys`, placed on the directed rows.
    pub fn place(&self, columns: &[Column], swapped: &[(&str, &str)]) -> Vec<Column> {
        columns
            .iter()
            .map(|c| {
                let partner = swapped
                    .iter()
                    .find_map(|&(x1, x2)| match c.name {
                        n if n == x1 => Some(x2),
                        n if n == x2 => Some(x1),
                        _ => None,
                    })
                    .map_or(&c.values, |p| {
                        &columns
                            .iter()
                            .find(|d| d.name == p)
                            .expect("a swapped pair names two columns of its group")
                            .values
                    });
                let sides: [&dyn Array; 2] = [c.values.as_ref(), partner.as_ref()];
                Column {
                    name: c.name,
                    source: c.source,
                    coverage: c.coverage,
                    values: interleave(&sides, &self.rows)
                        .expect("both sides of a pair have one type"),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::cast::AsArray;
    use arrow_array::types::Float64Type;

    #[test]
    fn pairs_are_placed_on_both_orderings_and_paired_columns_swap() {
        // Italy (325) and Russia (365), 1900, both ways; Italy and France
        // (220) only as (325, 220).
        let directed = DyadYears {
            ccode1: vec![325, 325, 365],
            ccode2: vec![220, 365, 325],
            year: vec![1900, 1900, 1900],
            directed: true,
        };
        let p = Pairs::of(&directed);
        assert_eq!(p.keys.len(), 2);
        assert_eq!(p.keys.key(0), (220, 325, 1900));
        assert_eq!(p.keys.key(1), (325, 365, 1900));
        let floats = |name, v: Vec<Option<f64>>| Column::floats(name, "test", (1816, 2016), v);
        // Values for (220, 325) and (325, 365).
        let cols = [
            floats("x1", vec![Some(0.1), Some(0.3)]),
            floats("x2", vec![Some(0.2), None]),
            floats("dist", vec![Some(5.0), Some(7.0)]),
        ];
        let placed = p.place(&cols, &[("x1", "x2")]);
        let values = |k: usize| -> Vec<Option<f64>> {
            placed[k]
                .values
                .as_primitive::<Float64Type>()
                .iter()
                .collect()
        };
        // Rows (325, 220), (325, 365), (365, 325).
        assert_eq!(values(0), [Some(0.2), Some(0.3), None]);
        assert_eq!(values(1), [Some(0.1), None, Some(0.3)]);
        assert_eq!(values(2), [Some(5.0), Some(7.0), Some(7.0)]);
        assert_eq!(placed[1].name, "x2");
    }
}
