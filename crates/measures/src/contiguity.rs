//! Direct contiguity of the two states (COW Direct Contiguity v3.2).
//!
//! `cow_conttype`: 1 land border, 2 separated by <= 12 miles of water, 3 by
//! <= 24, 4 by <= 150, 5 by <= 400, 0 not directly contiguous — the closest
//! type (smallest code >= 1) of any contiguity spell overlapping the year.
//! Not an ordinal scale in substance (Stinnett et al. 2002); the smallest
//! code is taken because it is the most direct contact. NULL outside
//! 1816-2016.

use crate::batch;
use crate::column::{covers, Column};
use crate::dyads::DyadYears;
use crate::Map;
use ordo_sources::datasets::contiguity::{COVERAGE, DIRECT};
use ordo_sources::{DataDir, DataError, SourceUse};

/// One contiguity spell: type, first year, last year.
type ContSpell = (i64, i32, i32);

#[derive(Debug, Default)]
pub struct Contiguity {
    /// (lower, higher) -> (type, first year, last year) of each spell.
    spells: Map<(u16, u16), Vec<ContSpell>>,
}

impl Contiguity {
    pub fn load(dir: &DataDir) -> Result<(Contiguity, SourceUse), DataError> {
        let t = DIRECT.read(dir)?;
        let b = &t.batch;
        let (c1, c2, ty) = (
            batch::codes(b, "ccode1"),
            batch::codes(b, "ccode2"),
            batch::ints(b, "conttype"),
        );
        let (st, en) = (batch::dates(b, "stdate"), batch::dates(b, "enddate"));
        let mut spells: Map<(u16, u16), Vec<ContSpell>> = Map::default();
        for i in 0..c1.len() {
            if let (Some(t), Some(s), Some(e)) = (ty[i], st[i], en[i]) {
                let key = (c1[i].min(c2[i]), c1[i].max(c2[i]));
                spells.entry(key).or_default().push((
                    t,
                    batch::year_of_day(s),
                    batch::year_of_day(e),
                ));
            }
        }
        Ok((Contiguity { spells }, t.source))
    }

    pub fn conttype(&self, a: u16, b: u16, year: i32) -> Option<i64> {
        covers(COVERAGE, year).then(|| {
            self.spells
                .get(&(a.min(b), a.max(b)))
                .into_iter()
                .flatten()
                .filter(|(t, s, e)| *t >= 1 && *s <= year && year <= *e)
                .map(|(t, _, _)| *t)
                .min()
                .unwrap_or(0)
        })
    }

    pub fn columns(&self, keys: &DyadYears) -> Vec<Column> {
        let v =
            (0..keys.len()).map(|i| self.conttype(keys.ccode1[i], keys.ccode2[i], keys.year[i]));
        vec![Column::ints("cow_conttype", "cow_contdir", COVERAGE, v)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_type_of_spells_overlapping_the_year() {
        let mut c = Contiguity::default();
        // A sea spell (type 4) 1900-1950 and a land spell (type 1) 1920-1930.
        c.spells.insert(
            (2, 20),
            vec![(4, 1900, 1950), (1, 1920, 1930), (0, 1951, 2016)],
        );
        assert_eq!(c.conttype(20, 2, 1910), Some(4));
        assert_eq!(c.conttype(2, 20, 1925), Some(1));
        assert_eq!(
            c.conttype(2, 20, 1960),
            Some(0),
            "type 0 spells are not contiguity"
        );
        assert_eq!(
            c.conttype(2, 200, 1960),
            Some(0),
            "no spell: not contiguous"
        );
        assert_eq!(c.conttype(2, 20, 2017), None, "outside 1816-2016");
    }
}
