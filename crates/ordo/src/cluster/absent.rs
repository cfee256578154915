//! Distributed mode in a build without the `cluster` feature: the same
//! functions, each refusing with the way to a build that has it, so the
//! commands and flags stay the same in every build.

use ordo_store::{Engine, StoreDir, TableDef};

/// What a build without Ballista says when asked for distributed mode.
const NOT_BUILT: &str =
    "this ordo was built without distributed mode (the `cluster` cargo feature): \
     install one that has it with `cargo install --path crates/cli --locked --features cluster` \
     (docs/cluster.md)";

/// See the `cluster` build's `session::engine`.
pub fn engine(_store: &StoreDir, _defs: Vec<TableDef>, _url: &str) -> anyhow::Result<Engine> {
    anyhow::bail!(NOT_BUILT)
}

/// See the `cluster` build's `cluster::ingest`.
pub mod ingest {
    pub use super::super::options::Distributed;
    use super::super::udf::StageJob;
    use ordo_events::{EventStore, FileRecord};
    use std::path::PathBuf;

    pub fn ingest(
        _scheduler: String,
        _store: &EventStore,
        _files: &[PathBuf],
        _job: &StageJob,
        _notes: Vec<String>,
        _on_file: &mut dyn FnMut(&FileRecord),
    ) -> anyhow::Result<Distributed> {
        anyhow::bail!(super::NOT_BUILT)
    }
}

/// See the `cluster` build's `cluster::roles`.
pub mod roles {
    pub use super::super::options::{ExecutorOptions, SchedulerOptions};

    pub fn run_scheduler(_opts: &SchedulerOptions) -> anyhow::Result<()> {
        anyhow::bail!(super::NOT_BUILT)
    }

    pub fn run_executor(_opts: &ExecutorOptions) -> anyhow::Result<()> {
        anyhow::bail!(super::NOT_BUILT)
    }
}
