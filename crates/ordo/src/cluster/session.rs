//! A Ballista client session: ordo's engine with its queries planned for
//! and executed by the cluster.

use super::{check, scheduler_address};
use ballista_core::extension::{SessionConfigExt, SessionStateExt};
use datafusion::prelude::SessionConfig;
use ordo_store::{Engine, StoreDir, TableDef};

/// A session config for cluster work: Ballista's settings, and `partitions`
/// target partitions (tasks per stage).
pub fn config(partitions: usize) -> SessionConfig {
    SessionConfig::new_with_ballista()
        .with_target_partitions(partitions.max(1))
        .set_str(
            "ballista.planner.adaptive.enabled",
            &std::env::var("ORDO_BALLISTA_AQE").unwrap_or_else(|_| "false".into()),
        )
}

/// An engine whose queries run on the cluster at `url`.
pub fn engine(store: &StoreDir, defs: Vec<TableDef>, url: &str) -> anyhow::Result<Engine> {
    let (host, port) = scheduler_address(url)?;
    let scheduler = format!("http://{host}:{port}");
    Ok(Engine::with_session(
        store,
        defs,
        config(16),
        |state| state.upgrade_for_ballista(scheduler.clone()),
        true,
    )?
    .checked(check::job_check(scheduler))
    .located(format!(
        "queries executed by the Ballista cluster {url} over the Parquet files of {}",
        store.root().display()
    )))
}
