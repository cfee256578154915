//! Major-power status of the two states (COW).
//!
//! `cowmaj1`, `cowmaj2`: 1 if the state was a COW major power on any day of
//! the year, 0 otherwise. The COW v2024 list is used: its spells are those of
//! v2016 with the open ones extended to 2024-12-31, so frames extended past
//! 2016 keep the majors.

use crate::column::Column;
use crate::dyads::DyadYears;
use ordo_states::{MajorPowers, StateCode};

pub const COVERAGE: (i32, i32) = (1816, 2024);

/// Whether `code` was a major on any day of `year`.
pub fn is_major_in(majors: &MajorPowers, code: u16, year: i32) -> bool {
    majors
        .spells_of(StateCode(code))
        .iter()
        .any(|s| s.touches_year(year))
}

pub fn columns(majors: &MajorPowers, keys: &DyadYears) -> Vec<Column> {
    let col = |name, codes: &[u16]| {
        let v =
            (0..keys.len()).map(|i| Some(i64::from(is_major_in(majors, codes[i], keys.year[i]))));
        Column::ints(name, "cow_majors_v2024", COVERAGE, v)
    };
    vec![col("cowmaj1", &keys.ccode1), col("cowmaj2", &keys.ccode2)]
}
