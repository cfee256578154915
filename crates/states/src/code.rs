//! `StateCode`: the Correlates of War state number, ordo's key for states.

use std::fmt;

/// A Correlates of War state code (`ccode`), e.g. 325 Italy, 365 Russia.
///
/// COW numbers are ordo's primary key because the structural datasets (NMC,
/// MIDs, trade, ATOP, …) are keyed by them; other schemes map to them through
/// the [`crate::Crosswalk`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StateCode(pub u16);

impl StateCode {
    /// Range-checked conversion from a number read in a file.
    pub fn from_i64(v: i64) -> Option<StateCode> {
        (1..=999).contains(&v).then_some(StateCode(v as u16))
    }
}

impl fmt::Display for StateCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}
