//! Pulling datasets for a command: the plumbing `ordo data pull` and the
//! report's first run share (the mirror and offline settings, the download
//! cache, the progress shown on standard error).

use crate::context::Context;
use ordo_pull::fetch::{Fetcher, Mirror};
use ordo_pull::pull::{self, Outcome, PullOptions, Selection};
use std::io::IsTerminal;
use std::path::PathBuf;

/// Where datasets are fetched from, in words.
pub fn mirror_text(ctx: &Context) -> String {
    match ctx.mirror.as_deref() {
        Some(m) => format!("the mirror {m}"),
        None => "each upstream's own address".to_string(),
    }
}

/// Runs a pull with the context's mirror and offline settings, printing
/// each step and a progress bar on standard error.
pub fn run_pull(
    ctx: &Context,
    selection: &Selection,
    to: &std::path::Path,
    force: bool,
    cache: Option<PathBuf>,
) -> anyhow::Result<Vec<(String, Outcome)>> {
    let datasets = pull::select(selection)?;
    let options = PullOptions {
        to: to.to_path_buf(),
        fetcher: fetcher(ctx, cache)?,
        force,
        progress: std::io::stderr().is_terminal(),
    };
    Ok(pull::pull(&datasets, &options, &mut |line| {
        eprintln!("pull: {line}")
    })?)
}

/// A fetcher with the context's mirror and offline settings and the
/// download cache (`cache`, else the user's).
pub fn fetcher(ctx: &Context, cache: Option<PathBuf>) -> anyhow::Result<Fetcher> {
    let cache = cache.or_else(download_cache).ok_or_else(|| {
        anyhow::anyhow!("no download cache: pass --cache DIR, or set HOME or XDG_CACHE_HOME")
    })?;
    let mirror = ctx
        .mirror
        .as_deref()
        .map_or(Mirror::Upstream, Mirror::parse);
    Ok(Fetcher::new(mirror, cache, ctx.offline))
}

/// `$XDG_CACHE_HOME/ordo/downloads`, else `~/.cache/ordo/downloads`.
fn download_cache() -> Option<PathBuf> {
    let nonempty = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    nonempty("XDG_CACHE_HOME")
        .or_else(|| nonempty("HOME").map(|h| h.join(".cache")))
        .map(|base| base.join("ordo").join("downloads"))
}

/// When no data directory is found: pull what `ordo report` needs into the
/// user data directory (saying what, from where, how much and where to),
/// or, offline, stop with the command to run.
pub fn pull_for_report_if_no_data(ctx: &Context) -> anyhow::Result<()> {
    match ctx.session.data_dir() {
        Err(e) if is_not_found(&e) => {}
        _ => return Ok(()),
    }
    let to = ctx.pull_target()?;
    let datasets = pull::select(&Selection::ForReport)?;
    let bytes: u64 = datasets.iter().map(|d| pull::download_bytes(d)).sum();
    if ctx.offline {
        anyhow::bail!(
            "no data directory found, and --offline/ORDO_OFFLINE forbids downloading. Run `ordo data pull --for report` ({} datasets, {}) to fetch what the report needs into {}, or pass --data DIR",
            datasets.len(),
            pull::human_bytes(bytes),
            to.display()
        );
    }
    eprintln!(
        "No data directory found: pulling the {} datasets the report needs ({}) from {} into {} (`ordo data pull --for report`; --offline or ORDO_OFFLINE=1 prevents this).",
        datasets.len(),
        pull::human_bytes(bytes),
        mirror_text(ctx),
        to.display()
    );
    run_pull(ctx, &Selection::ForReport, &to, false, None)?;
    Ok(())
}

fn is_not_found(e: &anyhow::Error) -> bool {
    matches!(
        e.downcast_ref::<ordo_sources::DataError>(),
        Some(ordo_sources::DataError::NotFound { .. })
    )
}
