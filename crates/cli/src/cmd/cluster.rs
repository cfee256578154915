//! `ordo cluster scheduler|executor`: the processes of an Apache Ballista
//! cluster that runs ordo's queries (see docs/cluster.md).

use crate::context::Context;
use clap::{Args, Subcommand};
use ordo::cluster::roles::{run_executor, run_scheduler, ExecutorOptions, SchedulerOptions};
use std::net::SocketAddr;
use std::path::PathBuf;

/// A cluster's processes. Run one scheduler and any number of executors;
/// then give `--cluster df://SCHEDULER:PORT` (or set ORDO_CLUSTER) to `ordo
/// sql`, `ordo events`, `ordo ingest` or `ordo panel`. The store directory
/// (and, for ingest, the data directory and the raw files) must be at the
/// same path on every host.
#[derive(Subcommand)]
#[command(
    after_long_help = "Examples:\n  ordo cluster scheduler --bind 0.0.0.0:50050\n  ordo cluster executor --scheduler sched-host:50050 --bind 0.0.0.0:50051 --slots 8 --work-dir /scratch/ordo-exec\n  ordo --cluster df://sched-host:50050 events --all-dyads --format parquet --out dyad-months.parquet"
)]
pub enum ClusterCommand {
    /// Ballista's scheduler: plans queries into stages and hands tasks to executors.
    Scheduler(SchedulerArgs),
    /// Ballista's executor: runs tasks, keeps shuffle files, serves results.
    Executor(ExecutorArgs),
}

#[derive(Args)]
pub struct SchedulerArgs {
    /// Address to listen on (gRPC for clients and executors, and /healthz, /readyz)
    #[arg(long, default_value = "127.0.0.1:50050")]
    bind: SocketAddr,
    /// Seconds without a heartbeat after which an executor is declared lost
    /// and its tasks run again elsewhere
    #[arg(long, default_value_t = 30)]
    executor_timeout: u64,
    /// Executors that must be alive before /readyz answers 200
    #[arg(long, default_value_t = 1)]
    min_executors: usize,
}

#[derive(Args)]
pub struct ExecutorArgs {
    /// The scheduler, HOST:PORT or df://HOST:PORT
    #[arg(long, default_value = "127.0.0.1:50050")]
    scheduler: String,
    /// Address of this executor's Arrow Flight service (results and shuffle data)
    #[arg(long, default_value = "127.0.0.1:50051")]
    bind: SocketAddr,
    /// Name or address others reach this executor at [default: the address it connects from]
    #[arg(long)]
    external_host: Option<String>,
    /// Tasks run at once [default: the cores of this host]
    #[arg(long)]
    slots: Option<usize>,
    /// Directory for shuffle files, one per executor
    #[arg(long)]
    work_dir: PathBuf,
    /// Memory for query operators, in MiB [default: 70 % of the host's]
    #[arg(long)]
    memory_mib: Option<u64>,
}

pub fn run(_ctx: &Context, cmd: ClusterCommand) -> anyhow::Result<()> {
    match cmd {
        ClusterCommand::Scheduler(a) => run_scheduler(&SchedulerOptions {
            bind: a.bind,
            executor_timeout_secs: a.executor_timeout,
            min_executors: a.min_executors,
        }),
        ClusterCommand::Executor(a) => run_executor(&ExecutorOptions {
            scheduler: ordo::cluster::scheduler_address(&a.scheduler)?,
            bind: a.bind,
            external_host: a.external_host,
            slots: a.slots.unwrap_or_else(ordo::event_store::threads),
            work_dir: a.work_dir,
            memory: a.memory_mib.map(|m| m * 1024 * 1024),
        }),
    }
}
