//! Event data: GDELT 1.0/2.0, ICEWS and generic CAMEO CSV files read as
//! streams, ingested into Parquet segments of ordo's store with nothing
//! lost (every row stored, counted as a duplicate, or quarantined with its
//! reason), scored under named profiles, and aggregated into dyad-period
//! series — from the store or straight from raw files, with the same code.

pub mod arrow;
pub mod chunk;
pub mod code;
pub mod confidence;
pub mod date;
pub mod grouped;
pub mod idset;
pub mod ingest;
pub mod layout;
pub mod lines;
mod mention_pairs;
pub mod mentions;
pub mod one_a_day;
pub mod open;
pub mod parse;
pub mod phoenix;
pub mod plover;
pub mod polecat;
pub mod profile;
pub mod query;
pub mod resolve;
pub mod revise;
pub mod scan;
pub mod series;
pub mod split;
pub mod stage;
pub mod store;

pub use chunk::Chunk;
pub use code::Code;
pub use date::Period;
pub use ingest::{ingest, IngestReport};
pub use layout::Family;
pub use profile::{Cameo, Compiled, Profile};
pub use resolve::{ActorResolver, ActorScheme};
pub use scan::{scan_file, FileScan, Quarantined, ScanOptions};
pub use series::{Actor, Aggregator, Group, GroupActor, Keys, SeriesRow, SeriesSpec, Weight};
pub use store::{EventStore, FileRecord, Manifest, MentionSegment};

/// An I/O error on `path`, for `map_err(io_err(&path))`.
pub(crate) fn io_err(path: &std::path::Path) -> impl Fn(std::io::Error) -> EventsError + '_ {
    move |source| EventsError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Errors of the event engine; each names the file (and line) it concerns.
#[derive(Debug, thiserror::Error)]
pub enum EventsError {
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Data(String),
    #[error("{path}: {source}")]
    Io {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Read(#[from] ordo_sources::ReadError),
    #[error(transparent)]
    DataDir(#[from] ordo_sources::DataError),
    #[error(transparent)]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error(transparent)]
    Arrow(#[from] arrow_schema::ArrowError),
}
