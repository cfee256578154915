//! event files into the store.

use crate::event_store::threads;
use crate::frame::Frame;
use crate::provenance::Provenance;
use crate::{Session, Table};
use indicatif::{ProgressBar, ProgressStyle};
use ordo_events::revise::Supersede;
use ordo_events::{EventStore, Family, ScanOptions};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

/// Options of [`Session::ingest`].
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Event source: gdelt, icews, polecat, phoenix or csv; or `mentions`
    /// (GDELT 2.0 Mentions files, for `--min-confidence`/`--min-sources`)
    pub source: String,
    /// Files, directories or glob patterns
    pub paths: Vec<PathBuf>,
    /// Map a field to a column of a header file: id, date, actor1, actor2,
    /// code, is_root, quad, goldstein, mentions, sources, articles, url
    pub map: Vec<String>,
    /// How actor columns are coded: cameo, iso3, cow, gw, icews [default:
    /// icews names for ICEWS, CAMEO country codes otherwise]
    pub codes: Option<String>,
    /// Replace the rows of the stored files these files supersede, in the
    /// same commit: a file of the same name, and for ICEWS an annual
    /// `events.YYYY.*` supersedes the weekly, daily and monthly files of
    /// year YYYY and older annual releases of it
    pub replace: bool,
    /// Replace the rows of these stored files (path as `ordo store files`
    /// lists it, or a unique file name) instead of those found by name;
    /// implies `replace`
    pub supersedes: Vec<String>,
}

impl IngestOptions {
    /// Files of `source`, as `ordo ingest SOURCE PATHS…` takes them.
    pub fn files(source: &str, paths: Vec<PathBuf>) -> IngestOptions {
        IngestOptions {
            source: source.into(),
            paths,
            map: Vec::new(),
            codes: None,
            replace: false,
            supersedes: Vec::new(),
        }
    }

    /// What the ingest replaces.
    fn supersede(&self) -> Supersede {
        if !self.supersedes.is_empty() {
            Supersede::Files(self.supersedes.clone())
        } else if self.replace {
            Supersede::ByName
        } else {
            Supersede::Nothing
        }
    }
}

fn run(session: &Session, args: &IngestOptions) -> anyhow::Result<Table> {
    if args.source == "mentions" {
        return crate::mentions::ingest(session, args);
    }
    let family = Family::parse(&args.source)?;
    let setup = session.event_setup(family, args.codes.as_deref())?;
    let store_dir = session.store_dir()?;
    let store = EventStore::new(store_dir.root());
    let files = ordo_events::open::expand(&args.paths)?;
    let total: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} ingest [{elapsed_precise}] {bar:30} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let base = AtomicU64::new(0);
    let progress = |bytes: u64| bar.set_position(base.load(Ordering::Relaxed) + bytes);
    let opts = ScanOptions {
        family,
        ctx: setup.row_context(),
        map: crate::event_store::parse_map(&args.map)?,
        threads: threads(),
        progress: &progress,
        hook: None,
        prefilter: None,
    };
    let notes = vec![format!("actor codes read as {:?}", setup.actors)];
    let mut rows_so_far = 0u64;
    let mut on_file = |rec: &ordo_events::FileRecord| {
        base.fetch_add(rec.bytes, Ordering::Relaxed);
        rows_so_far += rec.read;
        bar.set_position(base.load(Ordering::Relaxed));
        bar.set_message(format!("{rows_so_far} rows"));
    };
    let mut cluster_notes = Vec::new();
    let supersede = args.supersede();
    let report = match session.cluster() {
        None => ordo_events::ingest::ingest_replacing(
            &store,
            &files,
            &opts,
            notes,
            &supersede,
            &mut on_file,
        )?,
        Some(url) if supersede != Supersede::Nothing => {
            anyhow::bail!(
                "--replace and --supersedes are not available with --cluster {url} yet: run this ingest without --cluster (parsing locally gives the same store)"
            )
        }
        Some(url) => {
            let (host, port) = crate::cluster::scheduler_address(url)?;
            let job = crate::cluster::udf::StageJob {
                data_dir: std::path::absolute(session.data_dir()?.root())?,
                family: family.name().to_string(),
                codes: args.codes.clone(),
                map: opts.map.clone(),
            };
            bar.set_message("parsing on the cluster");
            let done = crate::cluster::ingest::ingest(
                format!("http://{host}:{port}"),
                &store,
                &files,
                &job,
                notes,
                &mut on_file,
            )?;
            for (h, n) in &done.hosts {
                cluster_notes.push(format!("cluster {url}: {n} files parsed on {h}"));
            }
            done.report
        }
    };
    bar.finish_and_clear();
    let r = &report.files;
    let mut frame = Frame::new()
        .text("file", r.iter().map(|f| Some(f.file.as_str())))
        .int("read", r.iter().map(|f| Some(f.read as i64)))
        .int("stored", r.iter().map(|f| Some(f.stored as i64)))
        .int("duplicates", r.iter().map(|f| Some(f.duplicates as i64)))
        .int("quarantined", r.iter().map(|f| Some(f.quarantined as i64)))
        .int("repaired", r.iter().map(|f| Some(f.repaired as i64)));
    if supersede != Supersede::Nothing {
        frame = replaced_columns(frame, &report);
    }
    let batch = frame.build()?;
    let mut prov = Provenance::default();
    for f in r {
        prov = prov.with(format!(
            "{}: {} bytes, sha256 {}",
            f.file, f.bytes, f.sha256
        ));
    }
    for g in &report.replaced {
        prov = prov.with(format!(
            "replaced {} ({} rows removed, sha256 {}, committed {}) by {}",
            g.record.file,
            g.rows_removed,
            g.record.sha256,
            g.committed,
            g.by.as_deref().unwrap_or("?")
        ));
    }
    for n in report.notes.iter().chain(&cluster_notes) {
        prov = prov.with(n.clone());
    }
    prov = prov.with(match &report.segment {
        Some(s) => format!("committed segment {s} to {}", store.root().display()),
        None => "nothing new: the store is unchanged".to_string(),
    });
    if let Some(q) = &report.quarantine {
        prov = prov.with(format!("quarantined rows: {}", q.display()));
    }
    for p in &setup.provenance {
        prov = prov.with(p.clone());
    }
    Ok(Table::new(batch, prov))
}

/// With `--replace`: per new file, the stored files it replaced and their
/// rows removed. A file replaced by several new files (`--supersedes`
/// with several inputs) is counted on the first of them.
fn replaced_columns(frame: Frame, report: &ordo_events::IngestReport) -> Frame {
    let first_of = |by: &str| by.split("; ").next().unwrap_or_default().to_string();
    let mine = |file: &str| {
        report
            .replaced
            .iter()
            .filter(|g| g.by.as_deref().map(first_of).as_deref() == Some(file))
            .collect::<Vec<_>>()
    };
    let files = &report.files;
    let replaces: Vec<Option<String>> = files
        .iter()
        .map(|f| {
            let names: Vec<&str> = mine(&f.file)
                .iter()
                .map(|g| g.record.file.as_str())
                .collect();
            (!names.is_empty()).then(|| names.join("; "))
        })
        .collect();
    let removed = files
        .iter()
        .map(|f| Some(mine(&f.file).iter().map(|g| g.rows_removed as i64).sum()));
    frame
        .text("replaces", replaces)
        .int("rows_removed", removed)
}

impl Session {
    /// Reads event files into the store as Parquet (by year, sorted by dyad and
    /// day), resolving actor codes to COW states on the day of each event.
    /// Every row is stored, dropped as a duplicate (the same event id and
    /// date: GDELT's GLOBALEVENTID, ICEWS's Event ID, POLECAT's and Phoenix's
    /// ids) or quarantined with its file, line and reason; the table printed
    /// gives, per file, read = stored + duplicates + quarantined, and
    /// `repaired`: the stored rows a documented erratum repair changed
    /// (docs/events.md). Re-ingesting a file changes nothing. The run
    /// commits atomically: interrupted, it leaves the store as it was.
    ///
    /// GDELT files without a header are recognised per row by their width (57:
    /// 1.0 back-file, 58: 1.0 daily, 61: 2.0); files with a header (R-written
    /// extracts, ICEWS, CSV) are mapped by column names. Plain, .gz and .zip
    /// files, directories and globs are accepted.
    ///
    /// With `replace` (or `supersedes`), the stored files the new ones
    /// supersede are taken out in the same commit, so a re-release's rows
    /// replace the old ones instead of being dropped as their duplicates.
    pub fn ingest(&self, options: &IngestOptions) -> anyhow::Result<Table> {
        run(self, options)
    }
}
