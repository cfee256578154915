//! The Parquet cache of derived tables.
//!
//! Key: SHA-256 over ordo's version and build (the running executable's size
//! and modification time, so a rebuilt ordo with changed measure code does
//! not read tables the old code built), the table's name and parameters, and
//! the SHA-256 of every input file's bytes. Any change to an input, to ordo
//! or to the parameters gives a new key, so a stale table is never served;
//! old entries are simply not read again. Writes go to a temporary file in
//! the cache directory and are renamed into place, so an interrupted build
//! leaves no partial Parquet file under a valid name.

use crate::StoreError;
use arrow_array::RecordBatch;
use parquet::arrow::arrow_writer::compute_leaves;
use parquet::arrow::ArrowWriter;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Identifies the running build of ordo: size and modification time of the
/// executable, so a rebuilt ordo never reads tables an older build cached.
fn build_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(
        || match std::env::current_exe().and_then(std::fs::metadata) {
            Ok(m) => {
                let modified = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
                format!("{} {}", m.len(), modified.map_or(0, |d| d.as_nanos()))
            }
            Err(_) => "unknown".into(),
        },
    )
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
        let result = write_parquet(&tmp, batch, provenance)
            .and_then(|()| std::fs::rename(&tmp, path).map_err(io));
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }
}

/// Rows per Parquet row group. Each group's statistics let a query skip
/// it, so a one-dyad query over a frame sorted by `ccode1` decodes one or
/// two groups of this size rather than a million rows; and each group is
/// a unit of the parallel encoding below.
const ROWS_PER_GROUP: usize = 128 * 1024;

fn write_parquet(
    path: &Path,
    batch: &RecordBatch,
    provenance: &[String],
) -> Result<(), StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = provenance
        .iter()
        .enumerate()
        .map(|(i, l)| KeyValue::new(format!("ordo.source.{i}"), l.clone()))
        .collect();
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
}
