//! `ordo store files` and `ordo store retire`: which event files the store
//! holds, and taking one out.
//!
//! The manifest is the store's record of what was ingested: one record per
//! file and run, with its counts and SHA-256, and a history of the files
//! since retired or replaced by a re-release. Listing reads only the
//! manifest; retiring rewrites the segments holding the file's rows and
//! commits atomically (see `ordo_events::revise`).

use crate::frame::Frame;
use crate::provenance::Provenance;
use crate::{Session, Table};
use ordo_events::store::{Revision, REPLACED};
use ordo_events::{EventStore, FileRecord, Manifest};

/// Options of [`Session::store_files`].
#[derive(Debug, Clone, Default)]
pub struct StoreFilesOptions {
    /// Only the files whose rows are in the store (leave out the retired
    /// and replaced ones)
    pub active: bool,
}

/// Options of [`Session::store_retire`].
#[derive(Debug, Clone, Default)]
pub struct StoreRetireOptions {
    /// Files to take out: the path as `ordo store files` lists it, or the
    /// file name when a single ingested file has it
    pub files: Vec<String>,
}

/// One line of the listing: a record and what became of it.
struct Line<'a> {
    record: &'a FileRecord,
    segment: &'a str,
    committed: &'a str,
    status: String,
    revised: Option<&'a str>,
}

fn lines(manifest: &Manifest, active_only: bool) -> Vec<Line<'_>> {
    let line = |f, segment, committed| Line {
        record: f,
        segment,
        committed,
        status: "active".into(),
        revised: None,
    };
    let active = manifest
        .segments
        .iter()
        .flat_map(|s| s.files.iter().map(move |f| line(f, &s.id, &s.created)));
    // Mentions files (`ordo ingest mentions`) are listed with the events
    // files they qualify; retiring them is not supported.
    let mentions = manifest
        .mentions
        .iter()
        .flat_map(|s| s.files.iter().map(move |f| line(f, &s.id, &s.created)));
    let active = active.chain(mentions);
    let gone = manifest.history.iter().map(|h: &Revision| Line {
        record: &h.record,
        segment: &h.segment,
        committed: &h.committed,
        status: match (&h.by, h.action.as_str()) {
            (Some(by), REPLACED) => format!("replaced by {by}"),
            _ => h.action.clone(),
        },
        revised: Some(&h.at),
    });
    if active_only {
        active.collect()
    } else {
        active.chain(gone).collect()
    }
}

fn listing(lines: &[Line<'_>]) -> anyhow::Result<arrow_array::RecordBatch> {
    let int = |f: fn(&FileRecord) -> u64| lines.iter().map(move |l| Some(f(l.record) as i64));
    Frame::new()
        .text("file", lines.iter().map(|l| Some(l.record.file.as_str())))
        .text(
            "family",
            lines.iter().map(|l| Some(l.record.family.as_str())),
        )
        .text("segment", lines.iter().map(|l| Some(l.segment)))
        .text("committed", lines.iter().map(|l| Some(l.committed)))
        .text(
            "sha256",
            lines.iter().map(|l| Some(l.record.sha256.as_str())),
        )
        .int("bytes", int(|r| r.bytes))
        .int("read", int(|r| r.read))
        .int("stored", int(|r| r.stored))
        .int("duplicates", int(|r| r.duplicates))
        .int("quarantined", int(|r| r.quarantined))
        .int("repaired", int(|r| r.repaired))
        .text("status", lines.iter().map(|l| Some(l.status.as_str())))
        .text("revised", lines.iter().map(|l| l.revised))
        .build()
}

/// Active files of segments committed after `segment` that counted rows as
/// duplicates: some may have been copies of the rows just removed.
fn later_duplicates(manifest: &Manifest, removed: &[Revision]) -> Vec<String> {
    let first = removed.iter().map(|r| r.committed.as_str()).min();
    let Some(first) = first else {
        return Vec::new();
    };
    manifest
        .segments
        .iter()
        .filter(|s| s.created.as_str() >= first)
        .flat_map(|s| s.files.iter())
        .filter(|f| f.duplicates > 0)
        .map(|f| format!("{} ({} duplicates)", f.file, f.duplicates))
        .collect()
}

impl Session {
    /// The event files ingested into the store, one row per file and run,
    /// in commit order: family, segment, commit time, SHA-256, bytes, and
    /// the rows read, stored, duplicates, quarantined and repaired; then
    /// the files since retired or replaced by a re-release (`status`
    /// `retired` or `replaced by FILE`, `revised` when). Reads only the
    /// manifest.
    pub fn store_files(&self, options: &StoreFilesOptions) -> anyhow::Result<Table> {
        let dir = self.store_dir()?;
        let store = EventStore::new(dir.root());
        let manifest = store.manifest()?;
        let lines = lines(&manifest, options.active);
        let stored: u64 = manifest.segments.iter().map(|s| s.rows).sum();
        let files: usize = manifest.segments.iter().map(|s| s.files.len()).sum();
        let summary = if store.manifest_path().exists() {
            format!(
                "event store {}: {} segments, {files} file records, {stored} rows stored; {} files retired or replaced",
                store.manifest_path().display(),
                manifest.segments.len(),
                manifest.history.len()
            )
        } else {
            format!(
                "no events ingested in the store {} yet (`ordo ingest` adds them)",
                dir.root().display()
            )
        };
        let prov = Provenance::default().with(summary);
        Ok(Table::new(listing(&lines)?, prov))
    }

    /// Takes event files out of the store: every stored row that came from
    /// them, in one atomic commit (interrupted, the store stays as it
    /// was). Their records move to the store's history, which `ordo store
    /// files` lists. A file is named by its path as recorded, or by its
    /// file name when a single ingested file has it; an unknown, ambiguous
    /// or already retired file is an error naming it.
    pub fn store_retire(&self, options: &StoreRetireOptions) -> anyhow::Result<Table> {
        if options.files.is_empty() {
            anyhow::bail!("name the files to retire (`ordo store files` lists them)");
        }
        let store = EventStore::new(self.store_dir()?.root());
        let removed = ordo_events::revise::retire(&store, &options.files)?;
        let manifest = store.manifest()?;
        let batch = Frame::new()
            .text("file", removed.iter().map(|r| Some(r.record.file.as_str())))
            .text(
                "family",
                removed.iter().map(|r| Some(r.record.family.as_str())),
            )
            .text("segment", removed.iter().map(|r| Some(r.segment.as_str())))
            .text(
                "sha256",
                removed.iter().map(|r| Some(r.record.sha256.as_str())),
            )
            .int(
                "stored",
                removed.iter().map(|r| Some(r.record.stored as i64)),
            )
            .int(
                "rows_removed",
                removed.iter().map(|r| Some(r.rows_removed as i64)),
            )
            .text("action", removed.iter().map(|r| Some(r.action.as_str())))
            .build()?;
        let gone: u64 = removed.iter().map(|r| r.rows_removed).sum();
        let left: u64 = manifest.segments.iter().map(|s| s.rows).sum();
        let mut prov = Provenance::default().with(format!(
            "committed {}: {gone} rows removed; {left} rows left in the store",
            store.manifest_path().display()
        ));
        let later = later_duplicates(&manifest, &removed);
        if !later.is_empty() {
            prov = prov.with(format!(
                "files ingested since counted rows as duplicates: {}; those that were copies of the removed rows are not in the store now (retire such a file and ingest it again to restore them)",
                later.join(", ")
            ));
        }
        Ok(Table::new(batch, prov))
    }
}
