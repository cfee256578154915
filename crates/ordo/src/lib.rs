//! ordo as a library: how the stability of the international order shapes
//! relations between states, from the public datasets of the field.
//!
//! A [`Session`] knows where the datasets and the store are and loads each
//! dataset once; every capability is one typed call on it, taking an
//! options struct whose defaults are the CLI's and returning a [`Table`]
//! (Arrow schema and batches, and the sources behind them) or, for the
//! large SQL answers, a [`Query`] that streams. The CLI, the report, the
//! dashboard and the Python package are faces over these calls, so they
//! show the same numbers by construction.
//!
//! ```no_run
//! use ordo::{Session, SessionOptions, dyad::DyadOptions};
//! let session = Session::new(SessionOptions::default());
//! let table = session
//!     .dyad(&DyadOptions { a: "Italy".into(), b: "Soviet Union".into(), ..Default::default() })?
//!     .collect()?;
//! println!("{} rows; sources: {:?}", table.num_rows(), table.sources);
//! # Ok::<(), anyhow::Error>(())
//! ```

pub mod attach;
pub mod breaks;
pub mod chronology;
pub mod cite;
pub mod cluster;
pub mod columns;
pub mod cooperation;
pub mod coverage;
mod csv_text;
pub mod data_status;
pub mod derive;
pub mod dyad;
pub mod dyads;
mod event_frame;
pub mod event_sources;
pub mod event_store;
pub mod events;
pub mod frame;
mod frame_sql;
pub mod ingest;
pub mod instability;
pub mod leaders;
pub mod mentions;
pub mod output;
pub mod panel;
pub mod periods;
pub mod provenance;
pub mod query;
pub mod readers;
pub mod resampling;
mod session;
mod span;
pub mod spells;
pub mod sql;
pub mod state_days;
pub mod state_system;
pub mod state_years;
pub mod states;
pub mod store_files;
pub mod system;
mod table;
pub mod table1;
pub mod tables;
pub mod test;
mod whittle;

/// For a host process that is not ordo's executable (the Python module):
/// names the file holding ordo's code, which identifies the build in the
/// table cache's keys.
pub use ordo_store::set_build_file;
pub use query::Query;
pub use resampling::Resampling;
pub use session::{Session, SessionOptions};
pub use span::Span;
pub use state_system::System;
pub use table::Table;
