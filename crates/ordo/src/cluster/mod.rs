//! Distributed mode: the same SQL and the same event series, executed by an
//! Apache Ballista cluster (DataFusion's distributed engine) instead of in
//! this process. ordo adds no scheduler of its own: `ordo cluster scheduler`
//! and `ordo cluster executor` are Ballista's, with ordo's SQL functions
//! registered (see [`udf`]); `--cluster df://HOST:PORT` makes a command's
//! session a Ballista client.
//!
//! What travels is a plan over Parquet files at paths every executor can
//! read (the store directory, shared), never data in the client's memory:
//! in a cluster session every ordo table is served from its Parquet file in
//! the store's cache (see `ordo_store::Engine::with_session`).

//!
//! Built only with the `cluster` cargo feature (Ballista and its gRPC stack
//! roughly double a first build); without it the same commands say how to
//! get a build that has it ([`absent`]).

#[cfg(not(feature = "cluster"))]
mod absent;
#[cfg(feature = "cluster")]
pub mod check;
#[cfg(feature = "cluster")]
pub mod ingest;
mod options;
#[cfg(feature = "cluster")]
pub mod roles;
#[cfg(feature = "cluster")]
mod session;
pub mod udf;

#[cfg(not(feature = "cluster"))]
pub use absent::{engine, ingest, roles};
#[cfg(feature = "cluster")]
pub use session::{config, engine};

use anyhow::{bail, Context as _};

/// A scheduler address as `host:port`, from `df://host:port` (the form
/// Ballista documents), `host:port` or `df://host` (port 50050).
pub fn scheduler_address(url: &str) -> anyhow::Result<(String, u16)> {
    let rest = url.strip_prefix("df://").unwrap_or(url);
    if rest.is_empty() || rest.contains('/') {
        bail!("--cluster {url}: expected df://HOST:PORT (the scheduler's address)");
    }
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) => (
            h,
            p.parse::<u16>()
                .with_context(|| format!("--cluster {url}: `{p}` is not a port"))?,
        ),
        None => (rest, 50050),
    };
    if host.is_empty() {
        bail!("--cluster {url}: no host");
    }
    Ok((host.to_string(), port))
}

/// What to do about a cluster error, added to its message: a lost or
/// unreachable process is the common case, and re-running is the cure
/// (see docs/cluster.md, "Failure behaviour").
pub fn advice(error: &str) -> &'static str {
    if error.contains("GrpcConnectionError") || error.contains("Connection refused") {
        "a cluster process could not be reached (an executor lost during the query, or the scheduler down): nothing was written; check `ordo cluster` processes and run the command again"
    } else if error.contains("was refused") {
        "an executor was lost during the query and Ballista's recovery doubled part of the answer, so ordo refused it: nothing was written; run the command again"
    } else if error.contains("no executors") || error.contains("executors were lost") {
        "no executor is alive, nothing was written: start `ordo cluster executor` processes and run the command again"
    } else {
        "nothing was written"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scheduler_addresses_are_read_as_ballista_writes_them() {
        assert_eq!(
            scheduler_address("df://127.0.0.1:50070").unwrap(),
            ("127.0.0.1".to_string(), 50070)
        );
        assert_eq!(
            scheduler_address("df://sched.example").unwrap(),
            ("sched.example".to_string(), 50050)
        );
        assert_eq!(
            scheduler_address("10.0.0.2:6000").unwrap(),
            ("10.0.0.2".to_string(), 6000)
        );
        let err = scheduler_address("df://host:port").unwrap_err();
        assert!(
            format!("{err:#}").contains("`port` is not a port"),
            "{err:#}"
        );
        assert!(scheduler_address("http://x/y").is_err());
    }
}
