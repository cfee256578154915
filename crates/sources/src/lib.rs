//! Where ordo finds the public datasets, what each one is, and how their files
//! are read.
//!
//! Third-party data are never copied into the ordo repository: they are read at
//! run time from a data directory ([`DataDir`]) whose layout is the one of
//! `../shared/data` (one folder per dataset, see its `PROVENANCE.md`). Every
//! dataset ordo knows is described once in [`catalog`], with its version,
//! coverage, citation and where to get the official release, so that every
//! number ordo prints can name the data behind it.

pub mod bibliography;
pub mod catalog;
mod data_dir;
pub mod datasets;
mod hashing;
pub mod pull_record;
pub mod status;
mod table;
pub mod typed;

pub use catalog::{DatasetSpec, FileSpec, Layout};
pub use data_dir::{user_data_dir, DataDir, DataError, Origin};
pub use hashing::sha256_file;
pub use pull_record::PullRecord;
pub use table::{Col, CsvTable, ReadError, Row, SourceUse};
