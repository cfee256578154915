//! Dyad-year and state-year frames, and the measures of the field.
//!
//! Each measure lives in its own file with its formula and reference in the
//! doc comment and a unit test on a hand-computed value. Frames follow the
//! field's conventions (`ccode1`, `ccode2`, `year`, then `<source>_<measure>`)
//! so they join with peacesciencer or EUGene output. Missing is NULL, never 0:
//! a value is 0 only inside the source's coverage.

pub mod portfolio;
pub mod similarity;
pub mod un_votes;
