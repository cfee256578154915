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
//! deleted, so nothing can ever read them again. Without that, every
//! rebuild left its frames behind (a directed dyad-year frame is 323 MB,
//! and a development store grew to 25 GB). Entries of builds still
//! installed stay, so the CLI and the Python module can share a store.

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
/// ordo itself (the Python module calls this at import with its own path).
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
        let file = BUILD_FILE
            .get()
            .cloned()
            .or_else(|| std::env::current_exe().ok());
        file.as_deref()
            .and_then(build_of)
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
        static PRUNED: std::sync::Once = std::sync::Once::new();
        PRUNED.call_once(|| {
            self.prune();
        });
        result
    }

    /// Removes the entries no installed build can read (see the module
    /// doc), and temporary files an interrupted write left over an hour
    /// ago. Returns how many files went. Best effort: a file that cannot be
    /// read or removed (another process holds it) stays for the next time.
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
                older_than_an_hour(&path)
            } else if name.ends_with(".parquet") {
                match read_build(&path) {
                    Some(build) => !*installed
                        .entry(build.clone())
                        .or_insert_with(|| build_installed(&build)),
                    // Written before entries recorded their build, or not a
                    // readable Parquet file: no build can use it.
                    None => true,
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

/// The build recorded in a cache entry's metadata.
fn read_build(path: &Path) -> Option<String> {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let reader = SerializedFileReader::new(std::fs::File::open(path).ok()?).ok()?;
    let kv = reader.metadata().file_metadata().key_value_metadata()?;
    kv.iter()
        .find(|kv| kv.key == BUILD_KEY)
        .and_then(|kv| kv.value.clone())
}

fn older_than_an_hour(path: &Path) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > std::time::Duration::from_secs(3600))
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
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let file = std::fs::File::open(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let reader = SerializedFileReader::new(file)?;
    let mut lines: Vec<(usize, String)> = reader
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .into_iter()
        .flatten()
        .filter_map(|kv| {
            Some((
                kv.key.strip_prefix("ordo.source.")?.parse().ok()?,
                kv.value.clone()?,
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

    /// Entries of the running build and of builds still on disk stay;
    /// entries of a rebuilt or deleted build, entries that record no build
    /// and temporary files over an hour old go; other files are not touched.
    #[test]
    fn prune_removes_what_no_installed_build_can_read() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path().to_path_buf());
        let batch = one_column();
        let ours = cache.path("frame", &cache_key("frame", "a", &[]));
        write_parquet(&ours, &batch, &[], build_id()).unwrap();

        // Another build, still installed, then rebuilt (new size).
        let exe = dir.path().join("other-ordo");
        std::fs::write(&exe, b"old build").unwrap();
        let other = dir.path().join("frame-other.parquet");
        write_parquet(&other, &batch, &[], &build_of(&exe).unwrap()).unwrap();
        // A build that was deleted, and an entry from before builds were recorded.
        let gone = dir.path().join("frame-gone.parquet");
        write_parquet(
            &gone,
            &batch,
            &[],
            &format!("{}\t9\t9", dir.path().join("nothing").display()),
        )
        .unwrap();
        let untagged = dir.path().join("frame-untagged.parquet");
        let props = WriterProperties::builder().build();
        let mut w = ArrowWriter::try_new(
            std::fs::File::create(&untagged).unwrap(),
            batch.schema(),
            Some(props),
        )
        .unwrap();
        w.write(&batch).unwrap();
        w.close().unwrap();
        // Interrupted writes: one fresh (may still be written), one old.
        let fresh = dir.path().join(".frame-x.parquet.tmp-1-0");
        let stale = dir.path().join(".frame-y.parquet.tmp-1-1");
        std::fs::write(&fresh, b"partial").unwrap();
        std::fs::write(&stale, b"partial").unwrap();
        let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
        std::fs::File::options()
            .write(true)
            .open(&stale)
            .unwrap()
            .set_modified(two_hours_ago)
            .unwrap();
        let notes = dir.path().join("README.txt");
        std::fs::write(&notes, b"mine").unwrap();

        assert_eq!(cache.prune(), 3, "gone, untagged, stale");
        for kept in [&ours, &other, &fresh, &notes] {
            assert!(kept.exists(), "{} was removed", kept.display());
        }
        for removed in [&gone, &untagged, &stale] {
            assert!(!removed.exists(), "{} was kept", removed.display());
        }

        std::fs::write(&exe, b"the new build").unwrap();
        assert_eq!(cache.prune(), 1);
        assert!(!other.exists() && ours.exists());
        assert_eq!(read_build(&ours).as_deref(), Some(build_id()));
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
