//! The two processes of a cluster: Ballista's scheduler and executor,
//! configured for ordo. Both use Ballista's pull-staged scheduling (each
//! executor asks for work; one port per executor, no callbacks into
//! executors) and know ordo's SQL functions. Neither can be stopped from
//! inside (Ballista has no shutdown call): stop them with a signal, which
//! an executor answers by finishing its tasks and deregistering.

pub use super::options::{ExecutorOptions, SchedulerOptions};
use super::udf;
use anyhow::Context as _;
use ballista_core::config::TaskSchedulingPolicy;
use ballista_core::registry::BallistaFunctionRegistry;
use ballista_executor::executor_process::{start_executor_process, ExecutorProcessConfig};
use ballista_scheduler::cluster::BallistaCluster;
use ballista_scheduler::config::SchedulerConfig;
use datafusion::execution::FunctionRegistry;
use std::sync::Arc;

/// Ballista's log lines (executors joining and lost, jobs, task failures
/// and retries) on standard error; `RUST_LOG` overrides the level.
fn logs() {
    let env = env_logger::Env::default().default_filter_or(
        "warn,ballista_scheduler=info,ballista_executor=info,ballista_core=info",
    );
    let _ = env_logger::Builder::from_env(env).try_init();
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")
}

/// Runs a scheduler until the process is stopped.
pub fn run_scheduler(opts: &SchedulerOptions) -> anyhow::Result<()> {
    logs();
    let timeout = opts.executor_timeout_secs.max(2);
    let config = SchedulerConfig {
        bind_host: opts.bind.ip().to_string(),
        bind_port: opts.bind.port(),
        external_host: opts.bind.ip().to_string(),
        scheduling_policy: TaskSchedulingPolicy::PullStaged,
        executor_timeout_seconds: timeout,
        expire_dead_executor_interval_seconds: (timeout / 4).max(1),
        no_executors_grace_period_seconds: timeout,
        min_ready_executors: opts.min_executors.max(1),
        override_session_builder: Some(Arc::new(|config| {
            let mut state = ballista_core::utils::default_session_builder(config)?;
            for f in udf::functions() {
                state.register_udf(Arc::new(f))?;
            }
            Ok(state)
        })),
        ..Default::default()
    };
    eprintln!(
        "ordo cluster scheduler: listening on {} (Ballista {}, pull-staged; executors lost after {timeout} s of silence)",
        opts.bind,
        ballista_core::BALLISTA_VERSION,
    );
    runtime()?.block_on(async {
        let cluster = BallistaCluster::new_from_config(&config)
            .await
            .context("setting up the scheduler's state")?;
        ballista_scheduler::scheduler_process::start_server(cluster, opts.bind, Arc::new(config))
            .await
            .with_context(|| format!("the scheduler on {} stopped", opts.bind))
    })
}

/// Runs an executor until the process is stopped.
pub fn run_executor(opts: &ExecutorOptions) -> anyhow::Result<()> {
    logs();
    std::fs::create_dir_all(&opts.work_dir)
        .with_context(|| format!("creating the work directory {}", opts.work_dir.display()))?;
    let mut registry = BallistaFunctionRegistry::default();
    for f in udf::functions() {
        registry
            .scalar_functions
            .insert(f.name().to_string(), Arc::new(f));
    }
    let config = ExecutorProcessConfig {
        bind_host: opts.bind.ip().to_string(),
        port: opts.bind.port(),
        // Bound only under push scheduling; kept distinct anyway.
        grpc_port: opts.bind.port().wrapping_add(1),
        external_host: opts.external_host.clone(),
        scheduler_host: opts.scheduler.0.clone(),
        scheduler_port: opts.scheduler.1,
        scheduler_connect_timeout_seconds: 30,
        vcores: opts.slots.max(1),
        task_scheduling_policy: TaskSchedulingPolicy::PullStaged,
        work_dir: Some(opts.work_dir.display().to_string()),
        executor_heartbeat_interval_seconds: 1,
        memory_pool_size: opts.memory,
        override_function_registry: Some(Arc::new(registry)),
        ..Default::default()
    };
    eprintln!(
        "ordo cluster executor: flight on {}, scheduler {}:{}, {} slots, work dir {}",
        opts.bind,
        opts.scheduler.0,
        opts.scheduler.1,
        config.vcores,
        opts.work_dir.display()
    );
    runtime()?.block_on(async {
        start_executor_process(Arc::new(config))
            .await
            .context("the executor stopped")
    })
}
