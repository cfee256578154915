//! One file per subcommand: its help text, its arguments and its `run`.

pub mod breaks;
pub mod chronology;
pub mod cite;
pub mod cluster;
pub mod cooperation;
pub mod coverage;
pub mod data;
pub mod dyad;
pub mod dyads;
pub mod events;
pub mod ingest;
pub mod instability;
pub mod leaders;
pub mod panel;
pub mod periods;
pub mod report;
pub mod serve;
pub mod sql;
pub mod state;
pub mod states;
pub mod store;
pub mod system;
pub mod table1;
pub mod test;
