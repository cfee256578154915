//! Staging: one raw file parsed where it is read (a cluster executor), its
//! parsed rows kept as Parquet and its scan summary (counts, layouts,
//! quarantined rows, SHA-256) as JSON. The ingest that de-duplicates and
//! commits then replays the staged files in run order through
//! [`crate::ingest::ingest_with`], so a distributed ingest stores exactly
//! what a local one does and accounts for every row the same way.
//!
//! The documented repairs each row needed ([`Chunk::repairs`]) are not
//! Parquet columns; they travel beside the rows as `repairs.json` (line, id,
//! day and rules of each repaired row) and are put back on replay, so the
//! ingest counts them as it does locally.
//!
//! A file is staged into a fresh directory that is renamed into place
//! when complete, so a task that Ballista re-runs after losing an executor
//! replaces a half-written attempt instead of adding to it.

use crate::arrow::{from_batch, schema, to_batch};
use crate::chunk::Chunk;
use crate::io_err;
use crate::scan::{scan_file, FileScan, ScanOptions};
use crate::EventsError;
use foldhash::HashMap;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

const ROWS: &str = "rows.parquet";
const SCAN: &str = "scan.json";
const REPAIRS: &str = "repairs.json";

/// A repaired row: (line, event id, day, rules as [`Chunk::repairs`] has
/// them).
type RepairedRow = (u64, i64, i32, u8);

/// What staging one file produced.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Staged {
    pub file: String,
    pub dir: PathBuf,
    pub read: u64,
    pub parsed: u64,
    pub quarantined: u64,
    /// Host and process that parsed it (for the ingest's notes).
    pub host: String,
}

/// Parses `path` with `opts` and stages the result in `dir` (replaced if
/// present).
pub fn stage_file(path: &Path, opts: &ScanOptions<'_>, dir: &Path) -> Result<Staged, EventsError> {
    static ATTEMPT: AtomicU64 = AtomicU64::new(0);
    let work = dir.with_extension(format!(
        "part-{}-{}",
        std::process::id(),
        ATTEMPT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&work).map_err(io_err(&work))?;
    let rows_path = work.join(ROWS);
    let file = std::fs::File::create(&rows_path).map_err(io_err(&rows_path))?;
    let mut writer = ArrowWriter::try_new(file, schema(), None)?;
    let name = [path.display().to_string()];
    let mut parsed = 0u64;
    let mut repaired: Vec<RepairedRow> = Vec::new();
    let scan = scan_file(path, opts, &mut |mut chunk: Chunk| {
        chunk.file = vec![0; chunk.len()];
        parsed += chunk.len() as u64;
        repaired.extend(
            (0..chunk.len())
                .filter(|&i| chunk.repairs_of(i) != 0)
                .map(|i| {
                    (
                        chunk.line[i],
                        chunk.id[i],
                        chunk.day[i],
                        chunk.repairs_of(i),
                    )
                }),
        );
        writer.write(&to_batch(&chunk, &name)?)?;
        Ok(())
    })?;
    writer.close()?;
    let scan_path = work.join(SCAN);
    let json = serde_json::to_vec(&scan).map_err(|e| EventsError::Data(format!("{e}")))?;
    std::fs::write(&scan_path, json).map_err(io_err(&scan_path))?;
    let repairs_path = work.join(REPAIRS);
    let json = serde_json::to_vec(&repaired).map_err(|e| EventsError::Data(format!("{e}")))?;
    std::fs::write(&repairs_path, json).map_err(io_err(&repairs_path))?;
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(io_err(dir))?;
    }
    std::fs::rename(&work, dir).map_err(io_err(dir))?;
    Ok(Staged {
        file: scan.file.clone(),
        dir: dir.to_path_buf(),
        read: scan.read,
        parsed,
        quarantined: scan.quarantined.len() as u64,
        host: format!("{} (process {})", hostname(), std::process::id()),
    })
}

/// Hands a staged file's rows to `sink` in the order they were parsed and
/// returns its scan summary; an error names the staged file.
pub fn replay(
    dir: &Path,
    sink: &mut dyn FnMut(Chunk) -> Result<(), EventsError>,
) -> Result<FileScan, EventsError> {
    let scan_path = dir.join(SCAN);
    let bytes = std::fs::read(&scan_path).map_err(io_err(&scan_path))?;
    let scan: FileScan = serde_json::from_slice(&bytes).map_err(|e| {
        EventsError::Data(format!("{}: not a staged scan: {e}", scan_path.display()))
    })?;
    let repairs = read_repairs(dir)?;
    let rows_path = dir.join(ROWS);
    let file = std::fs::File::open(&rows_path).map_err(io_err(&rows_path))?;
    for batch in ParquetRecordBatchReaderBuilder::try_new(file)?
        .with_batch_size(65_536)
        .build()?
    {
        let mut chunk = from_batch(&batch?)?;
        if !repairs.is_empty() {
            chunk.repairs = (0..chunk.len())
                .map(|i| {
                    let key = (chunk.line[i], chunk.id[i], chunk.day[i]);
                    repairs.get(&key).copied().unwrap_or(0)
                })
                .collect();
        }
        sink(chunk)?;
    }
    Ok(scan)
}

/// The repaired rows of a staged file by (line, id, day); none for a
/// directory staged before repairs were recorded.
fn read_repairs(dir: &Path) -> Result<HashMap<(u64, i64, i32), u8>, EventsError> {
    let path = dir.join(REPAIRS);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(HashMap::default()),
        Err(e) => return Err(io_err(&path)(e)),
    };
    let rows: Vec<RepairedRow> = serde_json::from_slice(&bytes).map_err(|e| {
        EventsError::Data(format!("{}: not a staged repair list: {e}", path.display()))
    })?;
    let mut out: HashMap<(u64, i64, i32), u8> = HashMap::default();
    for (line, id, day, rules) in rows {
        *out.entry((line, id, day)).or_default() |= rules;
    }
    Ok(out)
}

fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| "unknown".into())
}

/// The staging directory of file `index` of a run.
pub fn file_dir(run: &Path, index: usize) -> PathBuf {
    run.join(format!("file-{index:06}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Family;

    /// Rows an ICEWS file without `CAMEO Code` needed repaired keep their
    /// rules through staging: the real sample without the column, staged
    /// and replayed, has all 3,705 rows marked `icews_code_from_text`.
    #[test]
    fn repairs_survive_staging() {
        let dir = ordo_sources::DataDir::discover(None).expect("../shared/data");
        let text = std::fs::read_to_string(dir.root().join("icews_sample/events.2018.sample.tab"))
            .unwrap();
        let code = text
            .lines()
            .next()
            .unwrap()
            .split('\t')
            .position(|c| c == "CAMEO Code")
            .unwrap();
        let without: String = text
            .lines()
            .map(|l| {
                let mut cells: Vec<&str> = l.split('\t').collect();
                cells.remove(code);
                cells.join("\t") + "\n"
            })
            .collect();
        let t = tempfile::tempdir().unwrap();
        let file = t.path().join("Events.2018.tab");
        std::fs::write(&file, without).unwrap();
        let opts = crate::parse::tests::scan_options(Family::Icews, 1);
        let staged = stage_file(&file, &opts, &t.path().join("file-000000")).unwrap();
        assert_eq!((staged.read, staged.parsed), (3705, 3705));
        let bit = crate::parse::Rule::IcewsCodeFromText.bit();
        let (mut rows, mut repaired) = (0, 0);
        replay(&staged.dir, &mut |chunk| {
            rows += chunk.len();
            repaired += (0..chunk.len())
                .filter(|&i| chunk.repairs_of(i) == bit)
                .count();
            Ok(())
        })
        .unwrap();
        assert_eq!((rows, repaired), (3705, 3705));
    }
}
