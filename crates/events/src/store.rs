//! The event store: Parquet segments under `<store>/events/`, committed
//! atomically through one manifest.
//!
//! Layout:
//! ```text
//! <store>/events/manifest.json                  the commit point
//! <store>/events/segments/<id>/year=YYYY/part-N.parquet
//! <store>/events/segments/<id>/totals.parquet   events per day and state
//! <store>/events/segments/<id>/quarantine.tsv   rows not stored, and why
//! <store>/events/mentions/<id>/mentions.parquet GDELT 2.0 Mentions, per event and source
//! <store>/events/mentions/<id>/quarantine.tsv   mention rows not stored, and why
//! <store>/tmp/<id>/                             an ingest in progress
//! ```
//! An ingest writes its segment under `tmp/`, moves it into `segments/` and
//! then replaces `manifest.json` by rename. Readers list only the segments the
//! manifest names, so a run killed at any point leaves the store readers see
//! exactly as it was; the next ingest deletes what the dead run left.
//! Revisions ([`crate::revise`]: `ordo store retire`, `ordo ingest
//! --replace`) write rewritten segments the same way and commit one manifest
//! that swaps them for the old ones; its `history` keeps the records of the
//! files taken out.

use crate::EventsError;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Counts for one input file; `read = stored + duplicates + quarantined`.
/// `repaired` counts the stored rows a documented repair changed (a subset
/// of `stored`, per rule in the segment's notes).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct FileRecord {
    pub file: String,
    pub read: u64,
    pub stored: u64,
    pub duplicates: u64,
    pub quarantined: u64,
    /// Manifests written before repairs existed have none.
    #[serde(default)]
    pub repaired: u64,
    pub sha256: String,
    pub bytes: u64,
    pub family: String,
}

/// One committed ingest run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Segment {
    pub id: String,
    pub created: String,
    pub ordo_version: String,
    pub files: Vec<FileRecord>,
    /// Parquet files of events, relative to the segment directory.
    pub parquet: Vec<String>,
    pub rows: u64,
    /// Smallest and largest event id per source family, to find the
    /// segments a new file may duplicate without reading them all.
    pub id_ranges: Vec<(String, i64, i64)>,
    /// Profile-independent facts of the run: actor code scheme, layouts.
    pub notes: Vec<String>,
}

/// The manifest: every committed segment, in commit order, and the files
/// taken out of the store since.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub segments: Vec<Segment>,
    /// Files retired or replaced, oldest first. Absent from manifests of
    /// stores never revised (which then keep their bytes as before).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Revision>,
    /// GDELT 2.0 Mentions ingests ([`crate::mentions`]), in commit order.
    /// Absent from manifests of stores that never ingested any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<MentionSegment>,
}

/// One committed ingest of GDELT 2.0 Mentions files: one Parquet file of
/// (event id, source name) pairs with their mention rows and highest
/// confidence. Kept apart from the event segments because mentions are
/// facts about events, not events: they never change an event count by
/// themselves, only the filters that read them.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MentionSegment {
    pub id: String,
    pub created: String,
    pub ordo_version: String,
    /// Per file, `read = stored + duplicates + quarantined` (duplicates:
    /// rows of a file already ingested, byte for byte).
    pub files: Vec<FileRecord>,
    /// (event, source) pairs written.
    pub pairs: u64,
    /// Distinct event ids mentioned.
    pub events: u64,
}

/// A file taken out of the store, by `ordo store retire` or by a
/// re-release ingested with `ordo ingest --replace`. Its record is kept so
/// that `ordo store files` can still say what was ingested, when, and what
/// became of it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Revision {
    /// `retired` or `replaced`.
    pub action: String,
    /// The file's record as its ingest committed it.
    #[serde(flatten)]
    pub record: FileRecord,
    /// The segment that held its rows, and when that was committed.
    pub segment: String,
    pub committed: String,
    /// Stored rows taken out (the record's `stored`, counted again while
    /// the segment was rewritten).
    pub rows_removed: u64,
    /// When the file was taken out.
    pub at: String,
    /// For `replaced`: the file (or files) whose rows replaced it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// What a history entry records: the file's rows were removed on request,
/// or replaced by a re-release.
pub const RETIRED: &str = "retired";
pub const REPLACED: &str = "replaced";

/// The event store of a store directory.
#[derive(Debug, Clone)]
pub struct EventStore {
    root: PathBuf,
    tmp: PathBuf,
}

impl EventStore {
    /// The event store under a store directory (created on first ingest).
    pub fn new(store_root: &Path) -> EventStore {
        EventStore {
            root: store_root.join("events"),
            tmp: store_root.join("tmp"),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn manifest_path(&self) -> PathBuf {
        self.root.join("manifest.json")
    }

    pub fn segment_dir(&self, id: &str) -> PathBuf {
        self.root.join("segments").join(id)
    }

    pub fn mentions_dir(&self, id: &str) -> PathBuf {
        self.root.join("mentions").join(id)
    }

    /// The Mentions Parquet files the manifest names.
    pub fn mention_files(&self) -> Result<Vec<PathBuf>, EventsError> {
        let m = self.manifest()?;
        Ok(m.mentions
            .iter()
            .map(|s| self.mentions_dir(&s.id).join("mentions.parquet"))
            .collect())
    }

    pub fn tmp_dir(&self) -> &Path {
        &self.tmp
    }

    /// A new work directory under `tmp/` for a run: its id
    /// (`PREFIX-NANOS-PID`, which [`EventStore::collect_garbage`] knows
    /// how to clear once the process is dead) and its path.
    pub fn stage(&self, prefix: &str) -> Result<(String, PathBuf), EventsError> {
        std::fs::create_dir_all(&self.tmp).map_err(crate::io_err(&self.tmp))?;
        let mut nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        loop {
            // The next nanosecond on a clash (a coarse or stopped clock).
            nanos += 1;
            let id = format!("{prefix}-{nanos}-{}", std::process::id());
            let staging = self.tmp.join(&id);
            // A fresh id, never one a run of this process already used.
            if self.segment_dir(&id).exists() || self.mentions_dir(&id).exists() {
                continue;
            }
            match std::fs::create_dir(&staging) {
                Ok(()) => return Ok((id, staging)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(crate::io_err(&staging)(e)),
            }
        }
    }

    /// Moves a finished work directory to where the manifest will name it
    /// (one rename: readers see it only once the manifest is committed).
    pub fn publish(&self, staging: &Path, final_dir: &Path) -> Result<(), EventsError> {
        if let Some(parent) = final_dir.parent() {
            std::fs::create_dir_all(parent).map_err(|source| EventsError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        std::fs::rename(staging, final_dir).map_err(|source| EventsError::Io {
            path: final_dir.to_path_buf(),
            source,
        })
    }

    /// The committed manifest; empty when nothing was ingested yet.
    pub fn manifest(&self) -> Result<Manifest, EventsError> {
        let path = self.manifest_path();
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                EventsError::Data(format!(
                    "{}: not a valid event manifest: {e}",
                    path.display()
                ))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Manifest {
                format: 1,
                ..Manifest::default()
            }),
            Err(source) => Err(EventsError::Io { path, source }),
        }
    }

    /// Replaces the manifest atomically: write a sibling, flush, rename.
    pub fn commit(&self, manifest: &Manifest) -> Result<(), EventsError> {
        let path = self.manifest_path();
        let tmp = self
            .root
            .join(format!(".manifest.{}.tmp", std::process::id()));
        let io = |source| EventsError::Io {
            path: tmp.clone(),
            source,
        };
        let bytes = serde_json::to_vec_pretty(manifest)
            .map_err(|e| EventsError::Data(format!("manifest: {e}")))?;
        {
            use std::io::Write;
            let mut f = std::fs::File::create(&tmp).map_err(io)?;
            f.write_all(&bytes).map_err(io)?;
            f.sync_all().map_err(io)?;
        }
        std::fs::rename(&tmp, &path).map_err(|source| EventsError::Io { path, source })?;
        if let Ok(dir) = std::fs::File::open(&self.root) {
            let _ = dir.sync_all();
        }
        Ok(())
    }

    /// Every Parquet file of events the manifest names.
    pub fn parquet_files(&self) -> Result<Vec<PathBuf>, EventsError> {
        let m = self.manifest()?;
        Ok(m.segments
            .iter()
            .flat_map(|s| {
                s.parquet
                    .iter()
                    .map(move |p| self.segment_dir(&s.id).join(p))
            })
            .collect())
    }

    /// The totals files of the committed segments.
    pub fn totals_files(&self) -> Result<Vec<PathBuf>, EventsError> {
        let m = self.manifest()?;
        Ok(m.segments
            .iter()
            .filter(|s| !s.parquet.is_empty())
            .map(|s| self.segment_dir(&s.id).join("totals.parquet"))
            .collect())
    }

    /// Deletes what interrupted runs left: segment directories the manifest
    /// does not name, and `tmp/` work directories of dead processes.
    pub fn collect_garbage(&self, manifest: &Manifest) -> Result<Vec<PathBuf>, EventsError> {
        let mut removed = Vec::new();
        let committed: [(&str, Vec<&str>); 2] = [
            (
                "segments",
                manifest.segments.iter().map(|s| s.id.as_str()).collect(),
            ),
            (
                "mentions",
                manifest.mentions.iter().map(|s| s.id.as_str()).collect(),
            ),
        ];
        for (dir, ids) in committed {
            let Ok(entries) = std::fs::read_dir(self.root.join(dir)) else {
                continue;
            };
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().to_string();
                if !ids.contains(&name.as_str()) {
                    std::fs::remove_dir_all(e.path()).map_err(|source| EventsError::Io {
                        path: e.path(),
                        source,
                    })?;
                    removed.push(e.path());
                }
            }
        }
        if let Ok(entries) = std::fs::read_dir(&self.tmp) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().to_string();
                let pid = name.rsplit('-').next().and_then(|p| p.parse::<u32>().ok());
                let alive = pid.is_some_and(|p| Path::new(&format!("/proc/{p}")).exists());
                if (name.starts_with("events-") || name.starts_with("mentions-")) && !alive {
                    std::fs::remove_dir_all(e.path()).map_err(|source| EventsError::Io {
                        path: e.path(),
                        source,
                    })?;
                    removed.push(e.path());
                }
            }
        }
        Ok(removed)
    }
}
