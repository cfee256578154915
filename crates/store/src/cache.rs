//! The Parquet cache of derived tables.
//!
//! Key: SHA-256 over ordo's version and build (the size and modification
//! time of the file holding ordo's code: the executable, or the Python
//! extension module, so a rebuilt ordo with changed measure code does not
//! read tables the old code built), the table's name and parameters, and
//! the SHA-256 of every input file's bytes. Any change to an input, to ordo
//! or to the parameters gives a new key, so a stale table is never served.
//! Writes go to a temporary file in the cache directory and are renamed
//! into place, so an interrupted build leaves no partial Parquet file under
//! a valid name.
//!
//! Each entry records the build that wrote it (`ordo.build`: the file's
//! path, size and modification time). The first write of a process removes
//! the entries whose build is gone: its file was rebuilt, upgraded or
//! deleted, so no new process can read them again. Entries written in the
//! last hour stay whatever their build, for a process still running a
//! replaced build. Without that, every rebuild left its frames behind (a
//! directed dyad-year frame is 323 MB, and a development store grew to
//! 25 GB). Entries of builds still installed stay, so the CLI and the
//! Python module can share a store.

use crate::StoreError;
use arrow_array::RecordBatch;
use parquet::arrow::arrow_writer::compute_leaves;
use parquet::arrow::ArrowWriter;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The file holding ordo's code, when it is not the running executable:
/// the Python extension module, whose process is the Python interpreter.
static BUILD_FILE: OnceLock<PathBuf> = OnceLock::new();

/// Names the file that holds ordo's code, for a host process that is not
/// ordo itself (the Python module's `Session` calls this with the module's
/// file).
/// Must come before the first cache key; later calls are ignored.
pub fn set_build_file(path: &Path) {
    let _ = BUILD_FILE.set(path.to_path_buf());
}

/// The build that wrote or reads a cache entry: a file and its size and
/// modification time, as `PATH\tSIZE\tNANOS`.
fn build_of(path: &Path) -> Option<String> {
    let m = std::fs::metadata(path).ok()?;
    let nanos = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    Some(format!("{}\t{}\t{nanos}", path.display(), m.len()))
}

/// Identifies the running build of ordo, so a rebuilt ordo never reads
/// tables an older build cached.
fn build_id() -> &'static str {
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(|| {
        BUILD_FILE
            .get()
            .cloned()
            .or_else(|| std::env::current_exe().ok())
            // Absolute, so that a process in another directory finds it too.
            .and_then(|file| build_of(&std::fs::canonicalize(&file).unwrap_or(file)))
            .unwrap_or_else(|| "unknown".into())
    })
}

/// Whether the build recorded in an entry is still there to read it: the
/// same file with the same size and modification time.
fn build_installed(recorded: &str) -> bool {
    // From the right: the path itself may hold a tab.
    let Some(path) = recorded.rsplitn(3, '\t').nth(2) else {
        return false;
    };
    build_of(Path::new(path)).as_deref() == Some(recorded)
}

/// The cache key of a table.
pub fn cache_key(table: &str, params: &str, input_sha256: &[String]) -> String {
    let mut h = Sha256::new();
    h.update(format!(
        "ordo {} build {}\n{table}\n{params}\n",
        env!("CARGO_PKG_VERSION"),
        build_id()
    ));
    for s in input_sha256 {
        h.update(s.as_bytes());
        h.update(b"\n");
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// A directory of cached tables.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub fn new(dir: PathBuf) -> Cache {
        Cache { dir }
    }

    /// Where the table with this key is (or would be) cached.
    pub fn path(&self, table: &str, key: &str) -> PathBuf {
        self.dir
            .join(format!("{table}-{}.parquet", &key[..16.min(key.len())]))
    }

    /// Writes a table atomically, with provenance lines in its metadata.
    pub fn write(
        &self,
        path: &Path,
        batch: &RecordBatch,
        provenance: &[String],
    ) -> Result<(), StoreError> {
        let io = |source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        };
        std::fs::create_dir_all(&self.dir).map_err(io)?;
        // Unique per process and per write: the server builds tables on
        // several threads of one process at once.
        static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let tmp = self.dir.join(format!(
            ".{}.tmp-{}-{}",
            path.file_name()
                .map_or_else(|| "t".into(), |n| n.to_string_lossy()),
            std::process::id(),
            WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        let result = write_parquet(&tmp, batch, provenance, build_id())
            .and_then(|()| std::fs::rename(&tmp, path).map_err(io));
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        // Once per process; a flag rather than a `Once`, so that a panic in
        // one prune cannot poison every later write.
        static PRUNED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
        if !PRUNED.swap(true, std::sync::atomic::Ordering::Relaxed) {
            self.prune();
        }
        result
    }

    /// Removes what no build can read any more (see the module doc): the
    /// entries of a build that is gone, entries that record no build, and
    /// temporary files an interrupted write left a day ago. Returns how many
    /// files went. Kept whatever their build: the entries of the running
    /// build, and any entry written in the last hour (a process of a build
    /// replaced while it runs, or of another machine sharing the store, may
    /// be reading it now: the engine reopens files by path). Best effort: a
    /// file that cannot be opened or removed stays for the next time.
    pub fn prune(&self) -> usize {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return 0;
        };
        let mut installed = std::collections::HashMap::<String, bool>::new();
        let mut removed = 0;
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let stale = if name.starts_with('.') && name.contains(".tmp-") {
                older_than(&path, DAY)
            } else if name.ends_with(".parquet") && older_than(&path, HOUR) {
                match read_build(&path) {
                    Entry::Build(build) if build == build_id() => false,
                    Entry::Build(build) => !*installed
                        .entry(build.clone())
                        .or_insert_with(|| build_installed(&build)),
                    // Written before entries recorded their build, or not
                    // Parquet: no build can use it.
                    Entry::NoBuild => true,
                    Entry::Unopened => false,
                }
            } else {
                false
            };
            if stale && std::fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        }
        removed
    }
}

const HOUR: std::time::Duration = std::time::Duration::from_secs(3600);
const DAY: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// What a cache entry says of the build that wrote it.
enum Entry {
    Build(String),
    /// Parquet without the build key, or not Parquet at all.
    NoBuild,
    /// Could not be opened (permissions, no file handles left, I/O error):
    /// nothing is known, so it stays.
    Unopened,
}

fn read_build(path: &Path) -> Entry {
    let Ok(file) = std::fs::File::open(path) else {
        return Entry::Unopened;
    };
    let Ok(metadata) = key_values(file) else {
        return Entry::NoBuild;
    };
    metadata
        .into_iter()
        .find(|kv| kv.key == BUILD_KEY)
        .and_then(|kv| kv.value)
        .map_or(Entry::NoBuild, Entry::Build)
}

/// The key-value metadata in a Parquet file's footer.
fn key_values(file: std::fs::File) -> Result<Vec<KeyValue>, parquet::errors::ParquetError> {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let reader = SerializedFileReader::new(file)?;
    Ok(reader
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .cloned()
        .unwrap_or_default())
}

/// Whether the file was last modified longer than `age` ago (false when
/// that cannot be told).
fn older_than(path: &Path, age: std::time::Duration) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|elapsed| elapsed > age)
}

/// The metadata key of the build that wrote an entry.
const BUILD_KEY: &str = "ordo.build";

/// Rows per Parquet row group. Each group's statistics let a query skip
/// it, so a one-dyad query over a frame sorted by `ccode1` decodes one or
/// two groups of this size rather than a million rows; and each group is
/// a unit of the parallel encoding below.
const ROWS_PER_GROUP: usize = 128 * 1024;

fn write_parquet(
    path: &Path,
    batch: &RecordBatch,
    provenance: &[String],
    build: &str,
) -> Result<(), StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = provenance
        .iter()
        .enumerate()
        .map(|(i, l)| KeyValue::new(format!("ordo.source.{i}"), l.clone()))
        .chain([KeyValue::new(BUILD_KEY.into(), build.to_string())])
        .collect::<Vec<_>>();
    // No dictionary encoding: interning every value of a million-row,
    // fifty-column frame was the slowest part of writing it (1.5 s of a
    // 9 s cold build), and Snappy already shrinks the repeated codes.
    let props = WriterProperties::builder()
        .set_key_value_metadata(Some(meta))
        .set_compression(parquet::basic::Compression::SNAPPY)
        .set_dictionary_enabled(false)
        .set_max_row_group_row_count(Some(ROWS_PER_GROUP))
        .build();
    let file = std::fs::File::create(path).map_err(io)?;
    let (mut writer, columns) =
        ArrowWriter::try_new(file, batch.schema(), Some(props))?.into_serialized_writer()?;
    let schema = batch.schema();
    for (group, start) in (0..batch.num_rows()).step_by(ROWS_PER_GROUP).enumerate() {
        let part = batch.slice(start, ROWS_PER_GROUP.min(batch.num_rows() - start));
        // Leaves in schema order, each with its column writer.
        let mut leaves = Vec::new();
        for (field, array) in schema.fields().iter().zip(part.columns()) {
            leaves.extend(compute_leaves(field, array)?);
        }
        let writers = columns.create_column_writers(group)?;
        // Columns encode independently (parquet's documented way to write
        // them in parallel); this was a one-core second of every cold build.
        let chunks = writers
            .into_par_iter()
            .zip(leaves)
            .map(|(mut w, leaf)| {
                w.write(&leaf)?;
                w.close()
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut row_group = writer.next_row_group()?;
        for chunk in chunks {
            chunk.append_to_row_group(&mut row_group)?;
        }
        row_group.close()?;
    }
    let file = writer.into_inner()?;
    file.sync_all().map_err(io)
}

/// Provenance lines stored in a cached table's metadata.
pub fn read_provenance(path: &Path) -> Result<Vec<String>, StoreError> {
    let file = std::fs::File::open(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut lines: Vec<(usize, String)> = key_values(file)?
        .into_iter()
        .filter_map(|kv| {
            Some((
                kv.key.strip_prefix("ordo.source.")?.parse().ok()?,
                kv.value?,
            ))
        })
        .collect();
    lines.sort();
    Ok(lines.into_iter().map(|(_, l)| l).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_changes_with_inputs_and_parameters() {
        let a = cache_key("dyad_years", "1816-2022", &["aa".into(), "bb".into()]);
        assert_eq!(
            a,
            cache_key("dyad_years", "1816-2022", &["aa".into(), "bb".into()])
        );
        assert_ne!(
            a,
            cache_key("dyad_years", "1816-2022", &["aa".into(), "bc".into()])
        );
        assert_ne!(
            a,
            cache_key("dyad_years", "1816-2016", &["aa".into(), "bb".into()])
        );
        assert_eq!(a.len(), 64);
    }

    fn one_column() -> RecordBatch {
        let a: arrow_array::ArrayRef =
            std::sync::Arc::new(arrow_array::Int32Array::from(vec![1, 2, 3]));
        RecordBatch::try_from_iter([("x", a)]).unwrap()
    }

    /// Sets a file's modification time `secs` seconds back.
    fn age(path: &Path, secs: u64) {
        let then = std::time::SystemTime::now() - std::time::Duration::from_secs(secs);
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(then)
            .unwrap();
    }

    /// Entries of the running build and of builds still on disk stay;
    /// entries of a rebuilt or deleted build, entries that record no build
    /// or are not Parquet go once over an hour old, temporary files once a
    /// day old; other files are not touched.
    #[test]
    fn prune_removes_what_no_installed_build_can_read() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path().to_path_buf());
        let batch = one_column();
        let entry = |name: &str, build: &str| {
            let path = dir.path().join(format!("{name}.parquet"));
            write_parquet(&path, &batch, &[], build).unwrap();
            age(&path, 7200);
            path
        };
        let ours = entry("frame-ours", build_id());

        // Another build, still installed, later rebuilt (new size).
        let exe = dir.path().join("other-ordo");
        std::fs::write(&exe, b"old build").unwrap();
        let other = entry("frame-other", &build_of(&exe).unwrap());
        // A build that was deleted: an old entry of it, and one written a
        // minute ago (a process of that build may be reading it).
        let deleted = format!("{}\t9\t9", dir.path().join("nothing").display());
        let gone = entry("frame-gone", &deleted);
        let recent = entry("frame-recent", &deleted);
        age(&recent, 60);
        // From before entries recorded their build, and not Parquet at all.
        let untagged = dir.path().join("frame-untagged.parquet");
        let mut w = ArrowWriter::try_new(
            std::fs::File::create(&untagged).unwrap(),
            batch.schema(),
            None,
        )
        .unwrap();
        w.write(&batch).unwrap();
        w.close().unwrap();
        age(&untagged, 7200);
        let garbage = dir.path().join("frame-garbage.parquet");
        std::fs::write(&garbage, b"not parquet").unwrap();
        age(&garbage, 7200);
        // Interrupted writes: two hours old (may still be written), and
        // two days old.
        let fresh = dir.path().join(".frame-x.parquet.tmp-1-0");
        let stale = dir.path().join(".frame-y.parquet.tmp-1-1");
        std::fs::write(&fresh, b"partial").unwrap();
        std::fs::write(&stale, b"partial").unwrap();
        age(&fresh, 7200);
        age(&stale, 2 * 24 * 3600);
        let notes = dir.path().join("README.txt");
        std::fs::write(&notes, b"mine").unwrap();
        age(&notes, 2 * 24 * 3600);

        assert_eq!(cache.prune(), 4, "gone, untagged, garbage, stale");
        for kept in [&ours, &other, &recent, &fresh, &notes] {
            assert!(kept.exists(), "{} was removed", kept.display());
        }
        for removed in [&gone, &untagged, &garbage, &stale] {
            assert!(!removed.exists(), "{} was kept", removed.display());
        }

        std::fs::write(&exe, b"the new build").unwrap();
        assert_eq!(cache.prune(), 1);
        assert!(!other.exists() && ours.exists() && recent.exists());
        assert!(matches!(read_build(&ours), Entry::Build(b) if b == build_id()));
    }

    #[test]
    fn a_recorded_path_may_hold_tabs() {
        let dir = tempfile::tempdir().unwrap();
        let exe = dir.path().join("odd\tname");
        std::fs::write(&exe, b"x").unwrap();
        let build = build_of(&exe).unwrap();
        assert!(build_installed(&build));
        std::fs::write(&exe, b"xy").unwrap();
        assert!(!build_installed(&build));
        assert!(!build_installed("no fields"));
    }
}
