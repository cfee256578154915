//! Leaders in office (Archigos v4.1): who led a state on 31 December.
//!
//! Archigos is keyed by Gleditsch-Ward codes; the COW state's GW code on that
//! day comes from ordo's crosswalk (so Germany after 1990, COW 255, reads GW
//! 260). Coverage 1875-2015.

use crate::batch;
use crate::Map;
use ordo_sources::datasets::archigos::LEADERS;
use ordo_sources::{DataDir, DataError, SourceUse};
use ordo_states::{Scheme, StateCode, States};

pub const COVERAGE: (i32, i32) = (1875, 2015);

#[derive(Debug, Default)]
pub struct Leaders {
    /// GW code -> (start day, end day, leader name).
    spells: Map<u16, Vec<(i32, i32, String)>>,
}

impl Leaders {
    pub fn load(dir: &DataDir) -> Result<(Leaders, SourceUse), DataError> {
        let t = LEADERS.read(dir)?;
        let b = &t.batch;
        let (gw, st, en, name) = (
            batch::codes(b, "gwcode"),
            batch::dates(b, "startdate"),
            batch::dates(b, "enddate"),
            batch::texts(b, "leader"),
        );
        let mut spells: Map<u16, Vec<(i32, i32, String)>> = Map::default();
        for i in 0..gw.len() {
            if let (Some(s), Some(e), Some(n)) = (st[i], en[i], name[i]) {
                spells.entry(gw[i]).or_default().push((s, e, n.to_string()));
            }
        }
        Ok((Leaders { spells }, t.source))
    }

    /// The leader of a COW state in office on 31 December of `year`.
    pub fn on_dec31(&self, states: &States, code: u16, year: i32) -> Option<String> {
        let day = chrono::NaiveDate::from_ymd_opt(year, 12, 31)?;
        let n = batch::day_number(day)?;
        states
            .crosswalk
            .codes_of(StateCode(code), Scheme::Gw, Some(day))
            .iter()
            .filter_map(|m| m.code.parse::<u16>().ok())
            .find_map(|gw| {
                self.spells
                    .get(&gw)?
                    .iter()
                    .find(|(s, e, _)| *s <= n && n <= *e)
                    .map(|(_, _, l)| l.clone())
            })
    }
}
