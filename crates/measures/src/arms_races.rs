//! Conventional arms races during rivalry (Gibler, Rider & Hutchison 2005):
//! `grh_armsrace` is 1 if the two states (in either order) are in an arms
//! race that year (first to last year inclusive), 0 inside the study's
//! 1816-1993, NULL after.

use crate::batch;
use crate::column::{flag, Column};
use crate::dyads::DyadYears;
use crate::Map;
use ordo_sources::datasets::arms_races::{COVERAGE, GRH};
use ordo_sources::{DataDir, DataError, SourceUse};

#[derive(Debug, Default)]
pub struct ArmsRaces {
    /// (lower, higher) -> (first year, last year) of each race.
    races: Map<(u16, u16), Vec<(i32, i32)>>,
}

impl ArmsRaces {
    pub fn load(dir: &DataDir) -> Result<(ArmsRaces, SourceUse), DataError> {
        let t = GRH.read(dir)?;
        let b = &t.batch;
        let (c1, c2) = (batch::codes(b, "ccode1"), batch::codes(b, "ccode2"));
        let (s, e) = (batch::ints(b, "styear"), batch::ints(b, "endyear"));
        let mut races: Map<(u16, u16), Vec<(i32, i32)>> = Map::default();
        for i in 0..c1.len() {
            if let (Some(s), Some(e)) = (s[i], e[i]) {
                let key = (c1[i].min(c2[i]), c1[i].max(c2[i]));
                races.entry(key).or_default().push((s as i32, e as i32));
            }
        }
        Ok((ArmsRaces { races }, t.source))
    }

    pub fn in_race(&self, a: u16, b: u16, year: i32) -> bool {
        self.races
            .get(&(a.min(b), a.max(b)))
            .is_some_and(|v| v.iter().any(|(s, e)| *s <= year && year <= *e))
    }

    pub fn columns(&self, keys: &DyadYears) -> Vec<Column> {
        let v = (0..keys.len()).map(|i| {
            let (a, b, y) = keys.key(i);
            flag(
                Some(i64::from(self.in_race(a, b, y))).filter(|v| *v == 1),
                COVERAGE,
                y,
            )
        });
        vec![Column::ints("grh_armsrace", "grh_arms_races", COVERAGE, v)]
    }
}
