//! What the distributed-mode calls take and give, the same in every build:
//! defined once here, used by the `cluster` build's roles and ingest and by
//! the stand-ins of a build without it ([`super::absent`]).

use ordo_events::ingest::IngestReport;
use std::net::SocketAddr;
use std::path::PathBuf;

/// How a scheduler runs.
#[derive(Debug, Clone)]
pub struct SchedulerOptions {
    pub bind: SocketAddr,
    /// An executor silent for this long is declared lost and its tasks are
    /// run again elsewhere.
    pub executor_timeout_secs: u64,
    /// Executors alive before `/readyz` answers 200.
    pub min_executors: usize,
}

/// How an executor runs.
#[derive(Debug, Clone)]
pub struct ExecutorOptions {
    pub scheduler: (String, u16),
    pub bind: SocketAddr,
    /// Host name or address the scheduler and clients reach this executor
    /// at (default: the address it connects from).
    pub external_host: Option<String>,
    /// Tasks run at once.
    pub slots: usize,
    /// Shuffle files; one directory per executor.
    pub work_dir: PathBuf,
    /// Memory for query operators, in bytes (default: Ballista's, 70 % of
    /// the host's memory, too much for several executors on one host).
    pub memory: Option<u64>,
}

/// What the cluster did, for the command's provenance.
pub struct Distributed {
    pub report: IngestReport,
    /// Files parsed per executor host.
    pub hosts: Vec<(String, usize)>,
}
