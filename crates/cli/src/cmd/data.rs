//! `ordo data status`: every dataset ordo knows, found or missing;
//! `ordo data pull`: the datasets fetched from their pinned upstreams.

use crate::context::Context;
use crate::data_pull;
use clap::{Args, Subcommand};
use ordo::frame::Frame;
use ordo::ingest::IngestOptions;
use ordo::provenance::Provenance;
use ordo::Table;
use ordo_pull::pull::{Outcome, Selection};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum DataCommand {
    /// For every dataset ordo knows: found or missing, path, version, declared
    /// and observed coverage, rows and SHA-256; a missing dataset says where
    /// to get the official release.
    ///
    /// Every file is read in full (rows are counted by parsing, years taken
    /// from the dataset's year or date columns), so a truncated or malformed
    /// file shows up as `unreadable` with the file, line and column.
    #[command(
        after_long_help = "Examples:\n  ordo data status\n  ordo data status --data ~/ir-data --format csv --out status.csv\n  ORDO_DATA=/srv/data ordo data status --format json"
    )]
    Status,
    /// Downloads the datasets that are missing from their pinned upstreams
    /// (every dataset, the named ones, or what a command needs), checks
    /// each file's SHA-256 against ordo's registry before anything is
    /// written, converts it to ordo's layout and installs each dataset
    /// atomically with a record of where it came from (shown by `ordo data
    /// status`).
    ///
    /// The registry (crates/pull/data/upstreams.toml) names every upstream
    /// by an immutable address, a repository file at a full commit. Writes
    /// to --to DIR, else --data/ORDO_DATA, else the user data directory
    /// ($XDG_DATA_HOME/ordo/data or ~/.local/share/ordo/data), where every
    /// command finds it. Partial downloads are resumed by the next pull;
    /// a failed or killed pull leaves the data directory as it was.
    #[command(
        after_long_help = "Examples:\n  ordo data pull                      # every dataset (40 MB to download)\n  ordo data pull --for report         # what `ordo report` needs\n  ordo data pull cow_nmc atop_alliance\n  ordo data pull --to ~/ir-data --mirror https://mirror.example.edu/ordo\n  ordo data pull --offline --mirror /media/usb/ordo-mirror"
    )]
    Pull(PullArgs),
}

#[derive(Args)]
pub struct PullArgs {
    /// Datasets to pull, by their folder names as `ordo data status` lists
    /// them [default: all]; or an event archive: `gdelt` (GDELT 1.0 event
    /// files for the days --from to --to), `icews` or `polecat` (their
    /// Harvard Dataverse files)
    datasets: Vec<String>,
    /// Pull what a command needs instead of naming datasets
    #[arg(long = "for", value_name = "COMMAND", value_parser = ["report"], conflicts_with = "datasets")]
    for_command: Option<String>,
    /// Data directory to write to [default: --data, else $ORDO_DATA, else
    /// the user data directory]; with `gdelt`, the last day (YYYY,
    /// YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DIR|DATE")]
    to: Option<String>,
    /// With `gdelt`: the first day (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// With an event archive: ingest the files into the store once pulled,
    /// with the per-file accounting of `ordo ingest`
    #[arg(long)]
    ingest: bool,
    /// With an event archive: the folder for its files [default:
    /// gdelt_v1_events/, icews_events/ or polecat_events/ in the data
    /// directory]
    #[arg(long, value_name = "DIR")]
    into: Option<PathBuf>,
    /// Fetch again datasets that are already present
    #[arg(long)]
    force: bool,
    /// Where partial downloads are kept for resuming [default:
    /// $XDG_CACHE_HOME/ordo/downloads, else ~/.cache/ordo/downloads]
    #[arg(long, value_name = "DIR")]
    cache: Option<PathBuf>,
}

pub fn run(ctx: &Context, cmd: DataCommand) -> anyhow::Result<()> {
    match cmd {
        DataCommand::Status => ctx.emit(&ctx.session.data_status()?),
        DataCommand::Pull(args) => pull_command(ctx, args),
    }
}

fn pull_command(ctx: &Context, args: PullArgs) -> anyhow::Result<()> {
    match args.datasets.first().map(String::as_str) {
        Some("gdelt") => return pull_gdelt(ctx, args),
        Some(name @ ("icews" | "polecat")) => {
            let collection = ordo_pull::dataverse::Collection::by_name(name)
                .expect("icews and polecat are collections");
            return pull_dataverse(ctx, collection, args);
        }
        _ => {}
    }
    if args.from.is_some() || args.ingest || args.into.is_some() {
        anyhow::bail!("--from, --ingest and --into go with `ordo data pull gdelt`");
    }
    let selection = match (&args.for_command, args.datasets.is_empty()) {
        (Some(_), _) => Selection::ForReport,
        (None, true) => Selection::All,
        (None, false) => Selection::Named(args.datasets.clone()),
    };
    let to = match args.to {
        Some(dir) => PathBuf::from(dir),
        None => ctx.pull_target()?,
    };
    let outcomes = data_pull::run_pull(ctx, &selection, &to, args.force, args.cache)?;
    let batch = Frame::new()
        .text("dataset", outcomes.iter().map(|(id, _)| Some(id.as_str())))
        .text(
            "status",
            outcomes.iter().map(|(_, o)| {
                Some(match o {
                    Outcome::Installed { .. } => "installed",
                    Outcome::AlreadyPresent => "already present",
                })
            }),
        )
        .int(
            "files",
            outcomes.iter().map(|(_, o)| match o {
                Outcome::Installed { files, .. } => Some(*files as i64),
                Outcome::AlreadyPresent => None,
            }),
        )
        .int(
            "bytes_downloaded",
            outcomes.iter().map(|(_, o)| match o {
                Outcome::Installed { bytes, .. } => Some(*bytes as i64),
                Outcome::AlreadyPresent => Some(0),
            }),
        )
        .build()?;
    let provenance = Provenance::default()
        .with(format!("data directory {}", to.display()))
        .with(format!(
            "upstreams: ordo's registry (crates/pull/data/upstreams.toml, {} datasets), each file checked against its SHA-256",
            ordo_pull::registry::builtin().datasets.len()
        ))
        .with(format!("fetched from: {}", data_pull::mirror_text(ctx)));
    ctx.emit(&Table::new(batch, provenance))
}

/// `ordo data pull icews|polecat [--into DIR] [--ingest]`.
fn pull_dataverse(
    ctx: &Context,
    collection: ordo_pull::dataverse::Collection,
    args: PullArgs,
) -> anyhow::Result<()> {
    use ordo_pull::dataverse;
    if args.datasets.len() > 1 || args.from.is_some() || args.to.is_some() {
        anyhow::bail!(
            "`ordo data pull {}` takes no dataset names and no --from/--to: it fetches the collection's files not yet here",
            collection.name
        );
    }
    if args.ingest && collection.name == "polecat" {
        anyhow::bail!("ordo cannot ingest POLECAT files yet (their PLOVER coding needs its own reader); pull without --ingest");
    }
    let dir = match args.into {
        Some(d) => d,
        None => ctx
            .pull_target()?
            .join(format!("{}_events", collection.name)),
    };
    let store = ordo_events::EventStore::new(ctx.session.store_dir()?.root());
    let ingested: std::collections::HashSet<String> = store
        .manifest()
        .map(|m| {
            m.segments
                .iter()
                .flat_map(|s| &s.files)
                .filter_map(|f| std::path::Path::new(&f.file).file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    let fetcher = data_pull::fetcher(ctx, args.cache)?;
    let mut left_out = Vec::new();
    let files = dataverse::fetch_listing(&fetcher, &collection, &mut left_out)?;
    let plan = dataverse::plan(&files, &ingested);
    for f in &plan.ingested {
        eprintln!("pull: {}: already ingested, skipped", f.name);
    }
    for (old, new) in &plan.superseded {
        eprintln!("pull: {old} (ingested) is superseded by {new}");
    }
    for l in &left_out {
        eprintln!("pull: left out {l}");
    }
    let paths = dataverse::pull_files(&fetcher, &collection, &plan.fetch, &dir, &mut |l| {
        eprintln!("pull: {l}")
    })?;
    if args.ingest {
        let data: Vec<std::path::PathBuf> = paths
            .into_iter()
            .filter(|p| {
                p.extension()
                    .is_some_and(|e| e == "tab" || e == "zip" || e == "csv" || e == "tsv")
            })
            .collect();
        return ctx.emit(&ctx.session.ingest(&IngestOptions::files("icews", data))?);
    }
    let batch = Frame::new()
        .text("file", plan.fetch.iter().map(|f| Some(f.name.as_str())))
        .int("bytes", plan.fetch.iter().map(|f| Some(f.bytes as i64)))
        .text("md5", plan.fetch.iter().map(|f| Some(f.md5.as_str())))
        .text("path", paths.iter().map(|p| Some(p.display().to_string())))
        .build()?;
    let mut provenance = Provenance::default()
        .with(format!(
            "{} ({}) on Harvard Dataverse, latest published version; each file checked by size and MD5",
            collection.title, collection.doi
        ))
        .with(format!("fetched from: {}", data_pull::mirror_text(ctx)))
        .with(format!("{} file(s) already ingested, skipped", plan.ingested.len()));
    for (old, new) in &plan.superseded {
        provenance = provenance.with(format!("{old} (ingested) is superseded by {new}"));
    }
    ctx.emit(&Table::new(batch, provenance))
}

/// `ordo data pull gdelt --from D --to D [--ingest]`.
fn pull_gdelt(ctx: &Context, args: PullArgs) -> anyhow::Result<()> {
    use ordo_pull::gdelt;
    if args.datasets.len() > 1 {
        anyhow::bail!("`ordo data pull gdelt` takes no other dataset names");
    }
    let bound = |v: &Option<String>, flag: &str, end: bool| {
        let v = v
            .as_deref()
            .ok_or_else(|| anyhow::anyhow!("`ordo data pull gdelt` needs --{flag} DATE"))?;
        gdelt::parse_bound(v, end).ok_or_else(|| {
            anyhow::anyhow!("--{flag} {v}: expected YYYY, YYYY-MM or YYYY-MM-DD, from 1979 on (GDELT 1.0 starts in 1979)")
        })
    };
    let (from, to) = (
        bound(&args.from, "from", false)?,
        bound(&args.to, "to", true)?,
    );
    if from > to {
        anyhow::bail!("--from {from} is after --to {to}");
    }
    let dir = match args.into {
        Some(d) => d,
        None => ctx.pull_target()?.join("gdelt_v1_events"),
    };
    let fetcher = data_pull::fetcher(ctx, args.cache)?;
    let files = gdelt::fetch_lists(&fetcher)?;
    let chosen = gdelt::covering(&files, from, to);
    if chosen.is_empty() {
        return Err(gdelt::GdeltError::Nothing { from, to }.into());
    }
    let paths = gdelt::pull_files(&fetcher, &chosen, &dir, &mut |l| eprintln!("pull: {l}"))?;
    if args.ingest {
        let paths = paths.into_iter().collect();
        return ctx.emit(&ctx.session.ingest(&IngestOptions::files("gdelt", paths))?);
    }
    let batch = Frame::new()
        .text("file", chosen.iter().map(|f| Some(f.name.as_str())))
        .text("first_day", chosen.iter().map(|f| Some(f.from.to_string())))
        .text("last_day", chosen.iter().map(|f| Some(f.to.to_string())))
        .int("bytes", chosen.iter().map(|f| Some(f.bytes as i64)))
        .text("md5", chosen.iter().map(|f| Some(f.md5.as_str())))
        .text("path", paths.iter().map(|p| Some(p.display().to_string())))
        .build()?;
    let provenance = Provenance::default()
        .with(format!(
            "GDELT 1.0 event files covering {from} to {to}, from GDELT's lists {}md5sums and filesizes, each checked by size and MD5",
            gdelt::GDELT1_EVENTS
        ))
        .with(format!("fetched from: {}", data_pull::mirror_text(ctx)));
    ctx.emit(&Table::new(batch, provenance))
}
