//! ordo's columnar store: every dataset ordo reads and every table it derives
//! is a table of an embedded Apache DataFusion SQL engine; derived tables are
//! cached as Parquet in the store directory, keyed by the SHA-256 of their
//! input files, ordo's version and their parameters, so a second run reads
//! the cache and a changed input is never served stale.
//!
//! Tables are materialised lazily: DataFusion asks the schema for a table
//! only when a query names it, so `SELECT … FROM cow_nmc` never builds the
//! dyad-year frame.

mod cache;
mod engine;
mod location;
mod read_only;
mod schema;

pub use cache::{cache_key, set_build_file, Cache};
pub use engine::{Engine, PlanCheck, ReadOnlyResult};
pub use location::StoreDir;
pub use schema::{Built, TableDef};

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store directory: {0}")]
    Location(String),
    #[error("{path}: {source}")]
    Io {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("building table `{table}`: {message}")]
    Build { table: String, message: String },
    #[error(transparent)]
    Sql(#[from] datafusion::error::DataFusionError),
    #[error(transparent)]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("{0}")]
    Refused(String),
}
