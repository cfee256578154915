//! Dyad-year and state-year frames, and the measures of the field.
//!
//! Each measure lives in its own file with its formula and reference in the
//! doc comment and a unit test on a hand-computed value. Frames follow the
//! field's conventions (`ccode1`, `ccode2`, `year`, then `<source>_<measure>`)
//! so they join with peacesciencer or EUGene output. Missing is NULL, never 0:
//! a value is 0 only inside the source's coverage.

pub mod alliances;
pub mod archigos_sums;
pub mod arms_races;
mod batch;
pub mod capabilities;
pub mod civil_conflict;
pub mod column;
pub mod concentration;
pub mod contiguity;
pub mod coverage;
pub mod democracy;
pub mod disputes;
pub mod distance;
pub mod dyads;
pub mod economy;
pub mod fractionalization;
pub mod frame;
pub mod gw;
pub mod igo;
pub mod inputs;
pub mod intra_war;
pub mod leader_data;
pub mod leader_dyads;
pub mod leader_years;
pub mod leaders;
pub mod majors;
pub mod majors_rule;
pub mod maoz;
pub mod mid_participation;
pub mod middle;
pub mod mirror;
pub mod movement;
pub mod portfolio;
pub mod relevance;
pub mod rivalries;
pub mod similarity;
pub mod state_vars;
pub mod state_year;
pub mod system_year;
pub mod territory;
pub mod trade;
pub mod transition;
pub mod un;
pub mod un_votes;
pub mod war;
pub mod whittle;

pub use dyads::{DyadYears, Universe};

/// The hash map of ordo's measures: keys are small integers from trusted
/// files, so a fast non-cryptographic hasher (foldhash, hashbrown's default)
/// replaces std's DoS-resistant SipHash; lookups per dyad-year dominate the
/// frame build.
pub type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub use frame::{dyad_frame, dyad_frame_unmirrored, ColumnInfo, Frame};
pub use inputs::Inputs;
pub use relevance::politically_relevant;
