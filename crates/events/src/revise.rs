//! Revisions of the event store: files taken out (`ordo store retire`)
//! and re-releases that replace the files they supersede (`ordo ingest
//! --replace`).
//!
//! Event archives are revised after the fact: ICEWS folds a year's weekly
//! files into an annual file that differs from them (rows recoded, rows
//! dropped) and re-releases annual files (the 2017 file exists as three
//! releases; docs/notes/event-sources.md §4). Under "first copy wins" a
//! re-release adds only the events the store lacks, so the old versions
//! of changed rows and the rows the release dropped would stay: the
//! superseded file's rows have to go first.
//!
//! A stored row names its file (the `file` column, the path as the ingest
//! recorded it). Taking a file out rewrites each segment holding its rows
//! into a new segment without them: row groups kept as they were (minus
//! the rows), year files without such rows hard-linked, `totals.parquet`
//! and the id ranges recomputed from the rows kept, the file's quarantined
//! rows dropped; a segment left without files is dropped whole. The new
//! segments are written under `<store>/tmp/` and moved into `segments/`,
//! then one new manifest, renamed into place, swaps them for the old ones
//! and records the file in its `history`. Until that rename every reader
//! sees the store as it was; a run killed before it leaves directories
//! that the next write removes.

use crate::ingest::{add_to_totals, chrono_now, write_totals, Totals, ROW_GROUP};
use crate::io_err;
use crate::layout::Family;
use crate::store::{EventStore, FileRecord, Manifest, Revision, Segment, REPLACED, RETIRED};
use crate::EventsError;
use arrow_array::{
    Array, BooleanArray, Date32Array, Int32Array, Int64Array, RecordBatch, StringArray,
};
use arrow_select::filter::filter_record_batch;
use foldhash::{HashMap, HashSet};
use parquet::arrow::arrow_reader::{ArrowReaderMetadata, ParquetRecordBatchReaderBuilder};
use parquet::arrow::{ArrowWriter, ProjectionMask};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Which stored files an ingest replaces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Supersede {
    /// None: the first copy of an event wins (`ordo ingest`).
    #[default]
    Nothing,
    /// The files named (`--supersedes FILE`), as [`resolve`] finds them.
    Files(Vec<String>),
    /// The files the new ones supersede by name (`--replace` alone), as
    /// [`supersedes_by_name`] decides.
    ByName,
}

/// Files to take out: (segment index, recorded path) → what replaces them.
/// A path, not a record, because rows know their file only by its path.
type Targets = BTreeMap<(usize, String), Option<String>>;

/// A revised manifest whose new segments are written but not committed.
/// Dropped uncommitted (an error before the commit), it deletes them.
#[derive(Debug)]
pub struct Revised {
    /// The manifest to commit: segments swapped, history extended.
    pub manifest: Manifest,
    /// The files taken out, as the history records them.
    pub removed: Vec<Revision>,
    /// What the plan decided that the user should read (files kept
    /// because they are the same as the new ones, nothing superseded).
    pub notes: Vec<String>,
    old: Vec<PathBuf>,
    new: Vec<PathBuf>,
}

impl Revised {
    fn unchanged(manifest: &Manifest, notes: Vec<String>) -> Revised {
        Revised {
            manifest: manifest.clone(),
            removed: Vec::new(),
            notes,
            old: Vec::new(),
            new: Vec::new(),
        }
    }

    /// To call once the manifest is committed: deletes the segments it no
    /// longer names (best effort: the next write's garbage collection
    /// deletes what is left) and returns the files taken out.
    pub fn committed(mut self) -> Vec<Revision> {
        for dir in &self.old {
            let _ = std::fs::remove_dir_all(dir);
        }
        self.new.clear();
        std::mem::take(&mut self.removed)
    }
}

impl Drop for Revised {
    fn drop(&mut self) {
        for dir in &self.new {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// Takes the files named out of the store in one commit (`ordo store
/// retire`): every stored row that came from them, their quarantined rows,
/// and their records, which move to the manifest's history.
pub fn retire(store: &EventStore, files: &[String]) -> Result<Vec<Revision>, EventsError> {
    if !store.manifest_path().exists() {
        return Err(EventsError::Usage(format!(
            "nothing is ingested in {} (no manifest.json): there is no file to retire",
            store.root().display()
        )));
    }
    let (_lock, manifest) = crate::ingest::begin_write(store)?;
    let mut targets = Targets::new();
    for query in files {
        for (s, r) in resolve(&manifest, query)? {
            targets.insert((s, manifest.segments[s].files[r].file.clone()), None);
        }
    }
    let revised = rewrite(store, &manifest, &targets, RETIRED)?;
    store.commit(&revised.manifest)?;
    Ok(revised.committed())
}

/// For an ingest of `files` (`family`): the files they supersede taken out
/// of new, uncommitted segments; `None` without `--replace`.
pub(crate) fn prepare(
    store: &EventStore,
    manifest: &Manifest,
    files: &[PathBuf],
    family: Family,
    supersede: &Supersede,
) -> Result<Option<Revised>, EventsError> {
    let mut targets = match supersede {
        Supersede::Nothing => return Ok(None),
        Supersede::Files(names) => {
            let by = joined(files);
            let mut t = Targets::new();
            for query in names {
                for (s, r) in resolve(manifest, query)? {
                    let path = manifest.segments[s].files[r].file.clone();
                    t.insert((s, path), Some(by.clone()));
                }
            }
            t
        }
        Supersede::ByName => by_name(manifest, files, family),
    };
    let mut notes = keep_unchanged(manifest, files, &mut targets)?;
    if targets.is_empty() {
        notes.push(format!(
            "--replace: no stored file is superseded by {}",
            joined(files)
        ));
        return Ok(Some(Revised::unchanged(manifest, notes)));
    }
    let mut revised = rewrite(store, manifest, &targets, REPLACED)?;
    revised.notes = notes;
    Ok(Some(revised))
}

fn joined(files: &[PathBuf]) -> String {
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    names.join("; ")
}

fn file_name(path: &str) -> &str {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

/// The records a user's FILE names: those recorded with exactly that path,
/// else those whose file name is FILE's if a single path has it. An
/// unknown, ambiguous or already retired FILE is an error that lists what
/// the user may have meant.
pub fn resolve(manifest: &Manifest, query: &str) -> Result<Vec<(usize, usize)>, EventsError> {
    let active = || {
        manifest.segments.iter().enumerate().flat_map(|(s, seg)| {
            seg.files
                .iter()
                .enumerate()
                .map(move |(r, f)| (s, r, f.file.as_str()))
        })
    };
    let exact: Vec<(usize, usize)> = active()
        .filter(|x| x.2 == query)
        .map(|(s, r, _)| (s, r))
        .collect();
    if !exact.is_empty() {
        return Ok(exact);
    }
    let name = file_name(query);
    let named: Vec<(usize, usize, &str)> = active().filter(|x| file_name(x.2) == name).collect();
    let paths: BTreeSet<&str> = named.iter().map(|x| x.2).collect();
    if paths.len() == 1 {
        return Ok(named.iter().map(|&(s, r, _)| (s, r)).collect());
    }
    if paths.len() > 1 {
        return Err(EventsError::Usage(format!(
            "`{query}` is ambiguous: {} ingested files are named {name}: {}; give the path as `ordo store files` lists it",
            paths.len(),
            paths.into_iter().collect::<Vec<_>>().join(", ")
        )));
    }
    let gone = manifest
        .history
        .iter()
        .rev()
        .find(|h| h.record.file == query || file_name(&h.record.file) == name);
    let mention = manifest
        .mentions
        .iter()
        .flat_map(|m| &m.files)
        .find(|f| f.file == query || file_name(&f.file) == name);
    if let Some(f) = mention {
        return Err(EventsError::Usage(format!(
            "{} is a GDELT 2.0 Mentions file: retiring Mentions is not supported (they never count as events; leave out --min-confidence/--min-sources to ignore them)",
            f.file
        )));
    }
    if let Some(h) = gone {
        let by = h.by.as_ref().map_or(String::new(), |b| format!(" by {b}"));
        return Err(EventsError::Usage(format!(
            "{} was already {}{by} on {} ({} rows removed then): its rows are no longer in the store",
            h.record.file, h.action, h.at, h.rows_removed
        )));
    }
    Err(EventsError::Usage(unknown(manifest, query)))
}

/// The message for a FILE no record has: the files with a similar name,
/// else the first files of the store.
fn unknown(manifest: &Manifest, query: &str) -> String {
    let all: BTreeSet<&str> = manifest
        .segments
        .iter()
        .flat_map(|s| s.files.iter().map(|f| f.file.as_str()))
        .collect();
    if all.is_empty() {
        return format!("`{query}`: no file is ingested in this store");
    }
    let needle = file_name(query).to_lowercase();
    let stem = needle.split('.').next().unwrap_or(&needle).to_string();
    let similar: Vec<&str> = all
        .iter()
        .copied()
        .filter(|f| file_name(f).to_lowercase().contains(&stem))
        .collect();
    let (label, list) = if similar.is_empty() {
        ("ingested files", all.iter().copied().collect::<Vec<_>>())
    } else {
        ("files with a similar name", similar)
    };
    let more = list.len().saturating_sub(10);
    let mut shown = list.into_iter().take(10).collect::<Vec<_>>().join(", ");
    if more > 0 {
        shown.push_str(&format!(", and {more} more"));
    }
    format!(
        "`{query}` is not an ingested file (neither a recorded path nor the name of one); {label}: {shown}; `ordo store files` lists them all"
    )
}

/// Whether a file named `new` supersedes a stored file named `old` (names
/// without directories) under `--replace`:
///
/// - any file supersedes a stored file of the same name (a re-release
///   under the same name);
/// - for ICEWS (`icews`), the Dataverse naming (issues #61 and #80 of the
///   `icews` R package): an annual `events.YYYY.*` (or `Events.YYYY.*`)
///   supersedes the weekly or daily `YYYYMMDD-icews-events.*` and monthly
///   `YYYYMM-icews-events.*` files of year YYYY, and an annual file of the
///   same year with an older release stamp (the 8 digits after the year:
///   `events.2017.20180122.tab` before `Events.2017.20200602.tab.zip`; an
///   annual file without a stamp counts as older than any stamped one).
pub fn supersedes_by_name(new: &str, old: &str, icews: bool) -> bool {
    if new == old {
        return true;
    }
    if !icews {
        return false;
    }
    match (icews_name(new), icews_name(old)) {
        (IcewsName::Annual { year, .. }, IcewsName::Partial { year: y }) => year == y,
        (IcewsName::Annual { year, stamp }, IcewsName::Annual { year: y, stamp: s }) => {
            year == y && s < stamp
        }
        _ => false,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IcewsName {
    /// `events.YYYY[.STAMP].*`
    Annual {
        year: u32,
        stamp: Option<u32>,
    },
    /// `YYYYMMDD-icews-events.*` or `YYYYMM-icews-events.*`
    Partial {
        year: u32,
    },
    Other,
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn icews_name(name: &str) -> IcewsName {
    let lower = name.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("events.") {
        let mut parts = rest.split('.');
        if let Some(year) = parts.next().and_then(|y| digits(y, 4)) {
            let stamp = parts.next().and_then(|s| digits(s, 8));
            return IcewsName::Annual { year, stamp };
        }
    }
    if let Some((date, _)) = lower.split_once("-icews-events.") {
        if digits(date, 8).or_else(|| digits(date, 6)).is_some() {
            if let Some(year) = digits(&date[..4], 4) {
                return IcewsName::Partial { year };
            }
        }
    }
    IcewsName::Other
}

/// The stored files of `family` that `files` supersede by name; each is
/// replaced by the first new file that supersedes it.
fn by_name(manifest: &Manifest, files: &[PathBuf], family: Family) -> Targets {
    let mut targets = Targets::new();
    for new in files {
        let new = new.display().to_string();
        for (s, seg) in manifest.segments.iter().enumerate() {
            for rec in seg.files.iter().filter(|r| r.family == family.name()) {
                let old = file_name(&rec.file);
                if supersedes_by_name(file_name(&new), old, family == Family::Icews) {
                    targets
                        .entry((s, rec.file.clone()))
                        .or_insert_with(|| Some(new.clone()));
                }
            }
        }
    }
    targets
}

/// Drops from `targets` the stored files whose contents (SHA-256) are
/// those of a new file: they are not superseded but ingested again, which
/// changes nothing. So `--replace` run twice is a no-op the second time.
fn keep_unchanged(
    manifest: &Manifest,
    files: &[PathBuf],
    targets: &mut Targets,
) -> Result<Vec<String>, EventsError> {
    if targets.is_empty() {
        return Ok(Vec::new());
    }
    let mut new: HashMap<String, String> = HashMap::default();
    for f in files {
        new.insert(sha256_of(f)?, f.display().to_string());
    }
    let mut notes = Vec::new();
    targets.retain(|(s, path), _| {
        let same = manifest.segments[*s]
            .files
            .iter()
            .filter(|r| &r.file == path)
            .find_map(|r| new.get(&r.sha256));
        if let Some(f) = same {
            notes.push(format!(
                "{path}: same contents as {f} (SHA-256); kept, nothing to replace"
            ));
        }
        same.is_none()
    });
    Ok(notes)
}

fn sha256_of(path: &Path) -> Result<String, EventsError> {
    use sha2::{Digest, Sha256};
    use std::io::Read;
    let io = |source| EventsError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let mut hash = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        hash.update(&buf[..n]);
    }
    Ok(hash.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Takes `targets` out of `manifest`: rewrites (or drops) each segment
/// holding them and records them in the history as `action`. Checks that
/// the rows removed per file are what its records say were stored.
fn rewrite(
    store: &EventStore,
    manifest: &Manifest,
    targets: &Targets,
    action: &str,
) -> Result<Revised, EventsError> {
    let at = chrono_now();
    let mut revised = Revised::unchanged(manifest, Vec::new());
    let mut by_segment: BTreeMap<usize, HashMap<String, Option<String>>> = BTreeMap::new();
    for ((s, path), by) in targets {
        by_segment
            .entry(*s)
            .or_default()
            .insert(path.clone(), by.clone());
    }
    let mut segments: Vec<Option<Segment>> = manifest.segments.iter().cloned().map(Some).collect();
    for (s, drop) in &by_segment {
        let seg = &manifest.segments[*s];
        let kept: Vec<FileRecord> = seg
            .files
            .iter()
            .filter(|f| !drop.contains_key(&f.file))
            .cloned()
            .collect();
        let removed = if kept.is_empty() {
            segments[*s] = None;
            stored_by_path(seg, drop)
        } else {
            let (new, removed) = rewrite_segment(store, seg, drop, kept, &at)?;
            revised.new.push(store.segment_dir(&new.id));
            segments[*s] = Some(new);
            removed
        };
        check_counts(seg, drop, &removed)?;
        revised.old.push(store.segment_dir(&seg.id));
        for rec in seg.files.iter().filter(|f| drop.contains_key(&f.file)) {
            revised.removed.push(Revision {
                action: action.to_string(),
                record: rec.clone(),
                segment: seg.id.clone(),
                committed: seg.created.clone(),
                rows_removed: rec.stored,
                at: at.clone(),
                by: drop[&rec.file].clone(),
            });
        }
    }
    revised.manifest.segments = segments.into_iter().flatten().collect();
    revised
        .manifest
        .history
        .extend(revised.removed.iter().cloned());
    Ok(revised)
}

/// Rows stored per path by the records of `seg`, for the paths in `drop`.
fn stored_by_path(seg: &Segment, drop: &HashMap<String, Option<String>>) -> HashMap<String, u64> {
    let mut n: HashMap<String, u64> = HashMap::default();
    for f in seg.files.iter().filter(|f| drop.contains_key(&f.file)) {
        *n.entry(f.file.clone()).or_default() += f.stored;
    }
    n
}

/// The rows removed per file must be the rows its records stored: a
/// mismatch means the segment is not what the manifest says, and nothing
/// is committed.
fn check_counts(
    seg: &Segment,
    drop: &HashMap<String, Option<String>>,
    removed: &HashMap<String, u64>,
) -> Result<(), EventsError> {
    let expected = stored_by_path(seg, drop);
    for path in drop.keys() {
        let (want, got) = (
            expected.get(path).copied().unwrap_or(0),
            removed.get(path).copied().unwrap_or(0),
        );
        if want != got {
            return Err(EventsError::Data(format!(
                "{path}: segment {} holds {got} of its rows but the manifest says {want} were stored; the store is unchanged (re-ingest into a fresh store to repair it)",
                seg.id
            )));
        }
    }
    Ok(())
}

/// Writes `seg` without the rows of the files in `drop` as a new segment
/// (under `tmp/`, then moved into `segments/`); returns it and the rows
/// removed per file.
fn rewrite_segment(
    store: &EventStore,
    seg: &Segment,
    drop: &HashMap<String, Option<String>>,
    kept: Vec<FileRecord>,
    at: &str,
) -> Result<(Segment, HashMap<String, u64>), EventsError> {
    // Named as ingest names its segments, so that garbage collection
    // recognises a dead run's work directory.
    let (id, work) = store.stage("events")?;
    let from = store.segment_dir(&seg.id);
    let drop: HashSet<&str> = drop.keys().map(String::as_str).collect();
    let mut acc = Kept::default();
    let mut parquet = Vec::new();
    for rel in &seg.parquet {
        if filter_parquet(&from.join(rel), &work.join(rel), &drop, &mut acc)? {
            parquet.push(rel.clone());
        }
    }
    if !parquet.is_empty() {
        write_totals(&work.join("totals.parquet"), &acc.totals)?;
    }
    filter_quarantine(&from, &work, &drop)?;
    copy_other_files(&from, &work)?;
    store.publish(&work, &store.segment_dir(&id))?;
    let mut id_ranges: Vec<(String, i64, i64)> = acc
        .ranges
        .iter()
        .map(|(f, (lo, hi))| (Family::from_tag(*f).name().to_string(), *lo, *hi))
        .collect();
    id_ranges.sort();
    let mut gone: Vec<&str> = drop.into_iter().collect();
    gone.sort();
    let mut notes = seg.notes.clone();
    notes.push(format!(
        "rewritten {at} by ordo {} from segment {} without the rows of {}",
        env!("CARGO_PKG_VERSION"),
        seg.id,
        gone.join(", ")
    ));
    let segment = Segment {
        id,
        created: seg.created.clone(),
        ordo_version: seg.ordo_version.clone(),
        files: kept,
        parquet,
        rows: acc.rows,
        id_ranges,
        notes,
    };
    Ok((segment, acc.removed))
}

/// What the rows kept add up to, and the rows removed per file.
#[derive(Default)]
struct Kept {
    rows: u64,
    totals: Totals,
    ranges: HashMap<u8, (i64, i64)>,
    removed: HashMap<String, u64>,
}

/// Columns [`Kept::add`] reads.
const TOTALS_COLUMNS: [&str; 9] = [
    "source", "event_id", "day", "actor1", "actor2", "is_root", "mentions", "sources", "articles",
];

fn column<'a, T: 'static>(batch: &'a RecordBatch, name: &str) -> Result<&'a T, EventsError> {
    batch
        .column_by_name(name)
        .and_then(|c| c.as_any().downcast_ref::<T>())
        .ok_or_else(|| {
            EventsError::Data(format!(
                "events file: column `{name}` missing or of the wrong type"
            ))
        })
}

impl Kept {
    /// Counts kept rows into the totals and id ranges, as ingest does
    /// when it writes them.
    fn add(&mut self, batch: &RecordBatch) -> Result<(), EventsError> {
        let source: &StringArray = column(batch, "source")?;
        let id: &Int64Array = column(batch, "event_id")?;
        let day: &Date32Array = column(batch, "day")?;
        let (a1, a2): (&Int32Array, &Int32Array) =
            (column(batch, "actor1")?, column(batch, "actor2")?);
        let root: &BooleanArray = column(batch, "is_root")?;
        let counts: [&Int32Array; 3] = [
            column(batch, "mentions")?,
            column(batch, "sources")?,
            column(batch, "articles")?,
        ];
        for i in 0..batch.num_rows() {
            let fam = Family::parse(source.value(i)).map_or(2, |f| f as u8);
            let r = self.ranges.entry(fam).or_insert((i64::MAX, i64::MIN));
            r.0 = r.0.min(id.value(i));
            r.1 = r.1.max(id.value(i));
            let state = |a: &Int32Array| if a.is_null(i) { 0 } else { a.value(i) as u16 };
            let count = |a: &Int32Array| {
                if a.is_null(i) {
                    crate::chunk::NO_COUNT
                } else {
                    a.value(i)
                }
            };
            let is_root = if root.is_null(i) {
                2
            } else {
                u8::from(root.value(i))
            };
            add_to_totals(
                &mut self.totals,
                day.value(i),
                (state(a1), state(a2)),
                is_root,
                counts.map(count),
            );
        }
        self.rows += batch.num_rows() as u64;
        Ok(())
    }

    /// Which rows of `batch` to keep (not from a file in `drop`),
    /// counting the others per file.
    fn keep_mask(
        &mut self,
        batch: &RecordBatch,
        drop: &HashSet<&str>,
    ) -> Result<BooleanArray, EventsError> {
        let file: &StringArray = column(batch, "file")?;
        let mut keep = Vec::with_capacity(batch.num_rows());
        for i in 0..batch.num_rows() {
            let f = file.value(i);
            let gone = drop.contains(f);
            if gone {
                *self.removed.entry(f.to_string()).or_default() += 1;
            }
            keep.push(!gone);
        }
        Ok(BooleanArray::from(keep))
    }
}

/// Rows of the `drop` files in the events file at `path` (reading only
/// its `file` column).
fn rows_from(path: &Path, drop: &HashSet<&str>) -> Result<u64, EventsError> {
    let file = std::fs::File::open(path).map_err(io_err(path))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file)?;
    let mask = ProjectionMask::columns(builder.parquet_schema(), ["file"]);
    let mut n = 0;
    for batch in builder.with_projection(mask).build()? {
        let batch = batch?;
        let file: &StringArray = column(&batch, "file")?;
        n += (0..batch.num_rows())
            .filter(|&i| drop.contains(file.value(i)))
            .count() as u64;
    }
    Ok(n)
}

/// Writes the events file `src` to `dst` without the rows of the `drop`
/// files, one output row group per input row group (each stays sorted by
/// dyad, day and id, so row-group statistics keep locating a dyad), and
/// counts the rows kept; `false` when no row is kept (nothing written). A
/// file without such rows is hard-linked (copied where links fail).
fn filter_parquet(
    src: &Path,
    dst: &Path,
    drop: &HashSet<&str>,
    acc: &mut Kept,
) -> Result<bool, EventsError> {
    if let Some(parent) = dst.parent() {
        std::fs::create_dir_all(parent).map_err(io_err(parent))?;
    }
    if rows_from(src, drop)? == 0 {
        if std::fs::hard_link(src, dst).is_err() {
            std::fs::copy(src, dst).map_err(io_err(dst))?;
        }
        let file = std::fs::File::open(src).map_err(io_err(src))?;
        let builder = ParquetRecordBatchReaderBuilder::try_new(file)?;
        let mask = ProjectionMask::columns(builder.parquet_schema(), TOTALS_COLUMNS);
        let before = acc.rows;
        for batch in builder.with_projection(mask).build()? {
            acc.add(&batch?)?;
        }
        return Ok(acc.rows > before);
    }
    let file = std::fs::File::open(src).map_err(io_err(src))?;
    let meta = ArrowReaderMetadata::load(&file, Default::default())?;
    let mut writer: Option<ArrowWriter<std::fs::File>> = None;
    for group in 0..meta.metadata().num_row_groups() {
        let input = file.try_clone().map_err(io_err(src))?;
        let reader = ParquetRecordBatchReaderBuilder::new_with_metadata(input, meta.clone())
            .with_row_groups(vec![group])
            .with_batch_size(ROW_GROUP)
            .build()?;
        for batch in reader {
            let batch = batch?;
            let keep = acc.keep_mask(&batch, drop)?;
            let kept = filter_record_batch(&batch, &keep)?;
            if kept.num_rows() == 0 {
                continue;
            }
            acc.add(&kept)?;
            if writer.is_none() {
                writer = Some(crate::ingest::parquet_file(dst, meta.schema().clone())?);
            }
            if let Some(w) = writer.as_mut() {
                w.write(&kept)?;
            }
        }
        if let Some(w) = writer.as_mut() {
            w.flush()?;
        }
    }
    match writer {
        Some(w) => {
            w.close()?;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Copies the files of a segment directory that a revision does not
/// rewrite (none today besides the Parquet, totals and quarantine files;
/// kept as they are so that a later addition is not lost).
fn copy_other_files(from: &Path, to: &Path) -> Result<(), EventsError> {
    const REWRITTEN: [&str; 2] = ["totals.parquet", "quarantine.tsv"];
    for entry in std::fs::read_dir(from).map_err(io_err(from))? {
        let entry = entry.map_err(io_err(from))?;
        let name = entry.file_name();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && !REWRITTEN.iter().any(|r| name == *r) {
            let dst = to.join(&name);
            std::fs::copy(entry.path(), &dst).map_err(io_err(&dst))?;
        }
    }
    Ok(())
}

/// Copies the segment's `quarantine.tsv` without the rows of the `drop`
/// files (its first column is the file, written with tabs and line breaks
/// as spaces); no file when none is left.
fn filter_quarantine(from: &Path, to: &Path, drop: &HashSet<&str>) -> Result<(), EventsError> {
    let src = from.join("quarantine.tsv");
    let bytes = match std::fs::read(&src) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => return Err(EventsError::Io { path: src, source }),
    };
    let clean: HashSet<String> = drop
        .iter()
        .map(|f| f.replace(['\t', '\n', '\r'], " "))
        .collect();
    let mut out = Vec::with_capacity(bytes.len());
    let mut rows = 0;
    for (i, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        let first = line.split(|&b| b == b'\t').next().unwrap_or_default();
        if i > 0 && clean.contains(String::from_utf8_lossy(first).as_ref()) {
            continue;
        }
        rows += usize::from(i > 0);
        out.extend_from_slice(line);
    }
    if rows > 0 {
        let dst = to.join("quarantine.tsv");
        std::fs::write(&dst, out).map_err(io_err(&dst))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{ingest, ingest_replacing, IngestReport};
    use crate::ScanOptions;
    use arrow_cast::display::{ArrayFormatter, FormatOptions};
    use ordo_sources::DataDir;
    use std::sync::OnceLock;

    /// The data directory the tests read.
    fn data() -> &'static PathBuf {
        static D: OnceLock<PathBuf> = OnceLock::new();
        D.get_or_init(|| {
            let dir = DataDir::discover(None).expect("../shared/data");
            dir.root().to_path_buf()
        })
    }

    fn gdelt() -> ScanOptions<'static> {
        crate::parse::tests::scan_options(Family::Gdelt, 2)
    }

    fn georgia(name: &str) -> PathBuf {
        data()
            .join("gdelt_v1_georgia_2011_2013")
            .join(format!("{name}.csv.gz"))
    }

    fn put(store: &EventStore, files: &[PathBuf]) -> IngestReport {
        ingest(store, files, &gdelt(), Vec::new(), &mut |_| {}).unwrap()
    }

    /// Every row of the files, as text, sorted: two stores hold the same
    /// rows exactly when these are equal.
    fn rows_of(files: &[PathBuf]) -> Vec<String> {
        let mut out = Vec::new();
        for path in files {
            let file = std::fs::File::open(path).unwrap();
            for batch in ParquetRecordBatchReaderBuilder::try_new(file)
                .unwrap()
                .build()
                .unwrap()
            {
                let batch = batch.unwrap();
                let opts = FormatOptions::default().with_null("NULL");
                let cols: Vec<ArrayFormatter> = batch
                    .columns()
                    .iter()
                    .map(|c| ArrayFormatter::try_new(c.as_ref(), &opts).unwrap())
                    .collect();
                for i in 0..batch.num_rows() {
                    let row: Vec<String> = cols.iter().map(|c| c.value(i).to_string()).collect();
                    out.push(row.join("|"));
                }
            }
        }
        out.sort();
        out
    }

    fn events(store: &EventStore) -> Vec<String> {
        rows_of(&store.parquet_files().unwrap())
    }

    fn totals(store: &EventStore) -> Vec<String> {
        rows_of(&store.totals_files().unwrap())
    }

    fn segment_dirs(store: &EventStore) -> Vec<String> {
        let mut d: Vec<String> = std::fs::read_dir(store.root().join("segments"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        d.sort();
        d
    }

    /// 20 real rows of the GDELT raw sample (GLOBALEVENTIDs 1 apart from
    /// the Georgia files'), the 3rd with an impossible date: 19 stored, 1
    /// quarantined.
    fn small_file(dir: &Path) -> PathBuf {
        let raw =
            std::fs::read_to_string(data().join("gdelt_v1_raw_sample/events_raw.tsv")).unwrap();
        let mut lines: Vec<String> = raw.lines().take(20).map(String::from).collect();
        let mut fields: Vec<&str> = lines[2].split('\t').collect();
        fields[1] = "20130230";
        lines[2] = fields.join("\t");
        let path = dir.join("small.tsv");
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        path
    }

    #[test]
    fn icews_release_names_supersede_as_the_dataverse_replaced_them() {
        let yes = [
            ("events.2018.20190101.tab", "20180601-icews-events.tab"),
            (
                "Events.2018.20190101.tab.zip",
                "20180601-icews-events.tab.zip",
            ),
            ("events.2022.20230101.tab", "202201-icews-events.tab"),
            ("Events.2017.20200602.tab.zip", "events.2017.20180122.tab"),
            ("events.2017.20201006.tab", "Events.2017.20200602.tab.zip"),
            ("events.2018.20190101.tab", "events.2018.sample.tab"),
            ("aug2011.csv.gz", "aug2011.csv.gz"),
        ];
        for (new, old) in yes {
            assert!(supersedes_by_name(new, old, true), "{new} supersedes {old}");
        }
        let no = [
            // another year, an older release, not ICEWS names
            ("events.2018.20190101.tab", "20170601-icews-events.tab"),
            ("events.2017.20180122.tab", "Events.2017.20200602.tab.zip"),
            ("events.2018.sample.tab", "events.2018.20190101.tab"),
            ("20180608-icews-events.tab", "20180601-icews-events.tab"),
            ("events.2018.20190101.tab", "2018-icews-events.tab"),
            ("events.20x8.20190101.tab", "20180601-icews-events.tab"),
        ];
        for (new, old) in no {
            assert!(!supersedes_by_name(new, old, true), "{new} keeps {old}");
        }
        // Outside ICEWS only the same name counts.
        assert!(!supersedes_by_name(
            "events.2018.20190101.tab",
            "20180601-icews-events.tab",
            false
        ));
    }

    #[test]
    fn retiring_a_file_leaves_what_ingesting_the_others_alone_gives() {
        let t = tempfile::tempdir().unwrap();
        let small = small_file(t.path());
        let both = EventStore::new(&t.path().join("both"));
        let report = put(
            &both,
            &[georgia("july2011"), small.clone(), georgia("aug2011")],
        );
        let stored: Vec<u64> = report.files.iter().map(|f| f.stored).collect();
        assert_eq!(stored, [6303, 19, 5894]);
        let alone = EventStore::new(&t.path().join("alone"));
        put(&alone, &[georgia("july2011"), small.clone()]);

        let aug = georgia("aug2011").display().to_string();
        let removed = retire(&both, &["aug2011.csv.gz".to_string()]).unwrap();
        assert_eq!(removed.len(), 1);
        assert_eq!(
            (removed[0].record.file.as_str(), removed[0].rows_removed),
            (aug.as_str(), 5894)
        );
        let m = both.manifest().unwrap();
        assert_eq!(m.segments.len(), 1);
        assert_eq!(m.segments[0].rows, 6303 + 19);
        assert_eq!(m.history.len(), 1);
        assert_eq!(m.history[0].action, RETIRED);
        assert_eq!(events(&both).len(), 6322);
        assert_eq!(events(&both), events(&alone));
        assert_eq!(totals(&both), totals(&alone));
        assert_eq!(
            m.segments[0].id_ranges,
            alone.manifest().unwrap().segments[0].id_ranges
        );
        // The small file's quarantined row stays with it...
        let q = std::fs::read_to_string(both.segment_dir(&m.segments[0].id).join("quarantine.tsv"))
            .unwrap();
        assert_eq!(q.lines().count(), 2, "{q}");
        // ...and goes when it is retired; the segment keeps July alone.
        retire(&both, &[small.display().to_string()]).unwrap();
        let m = both.manifest().unwrap();
        assert_eq!(m.segments[0].rows, 6303);
        assert!(!both
            .segment_dir(&m.segments[0].id)
            .join("quarantine.tsv")
            .exists());
        assert_eq!(segment_dirs(&both), [m.segments[0].id.clone()]);
        // Retiring twice names the file and when it went.
        let e = retire(&both, &["aug2011.csv.gz".to_string()])
            .unwrap_err()
            .to_string();
        assert!(e.contains(&aug) && e.contains("already retired"), "{e}");
        // The last file goes with its segment.
        retire(&both, &["july2011.csv.gz".to_string()]).unwrap();
        let m = both.manifest().unwrap();
        assert!(m.segments.is_empty() && m.history.len() == 3);
        assert!(events(&both).is_empty() && segment_dirs(&both).is_empty());
    }

    #[test]
    fn a_crash_before_the_manifest_rename_leaves_the_store_as_it_was() {
        let t = tempfile::tempdir().unwrap();
        let store = EventStore::new(&t.path().join("store"));
        put(&store, &[georgia("july2011"), georgia("aug2011")]);
        let before = std::fs::read(store.manifest_path()).unwrap();
        let rows = events(&store);
        let dirs = segment_dirs(&store);

        // The rewritten segment is written and moved into place, then the
        // process dies before the rename of the manifest: no clean-up runs.
        let manifest = store.manifest().unwrap();
        let mut targets = Targets::new();
        for (s, r) in resolve(&manifest, "aug2011.csv.gz").unwrap() {
            targets.insert((s, manifest.segments[s].files[r].file.clone()), None);
        }
        let revised = rewrite(&store, &manifest, &targets, RETIRED).unwrap();
        assert_eq!(revised.manifest.segments[0].rows, 6303);
        std::mem::forget(revised);
        assert_eq!(std::fs::read(store.manifest_path()).unwrap(), before);
        assert_eq!(events(&store), rows);
        assert_eq!(
            segment_dirs(&store).len(),
            dirs.len() + 1,
            "the dead run's segment is left"
        );

        // A replacing ingest that fails (a truncated .gz) after writing its
        // rewritten segment removes it and commits nothing.
        let gz = std::fs::read(georgia("sept2011")).unwrap();
        let broken = t.path().join("aug2011.csv.gz");
        std::fs::write(&broken, &gz[..gz.len() / 2]).unwrap();
        let replace = ingest_replacing(
            &store,
            &[broken],
            &gdelt(),
            Vec::new(),
            &Supersede::ByName,
            &mut |_| {},
        );
        assert!(replace.is_err());
        assert_eq!(std::fs::read(store.manifest_path()).unwrap(), before);
        assert_eq!(events(&store), rows);
        // The next write clears the dead run's segment, and works.
        assert_eq!(
            segment_dirs(&store),
            dirs,
            "collected by the failed ingest's start"
        );
        let removed = retire(&store, &["aug2011.csv.gz".to_string()]).unwrap();
        assert_eq!(removed[0].rows_removed, 5894);
        assert_eq!(events(&store).len(), 6303);
    }

    #[test]
    fn rows_that_disagree_with_the_manifest_commit_nothing() {
        let t = tempfile::tempdir().unwrap();
        let store = EventStore::new(&t.path().join("store"));
        put(&store, &[georgia("july2011"), georgia("aug2011")]);
        let mut m = store.manifest().unwrap();
        m.segments[0].files[1].stored = 5000;
        store.commit(&m).unwrap();
        let before = std::fs::read(store.manifest_path()).unwrap();
        let dirs = segment_dirs(&store);
        let e = retire(&store, &["aug2011.csv.gz".to_string()])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("aug2011.csv.gz") && e.contains("5894") && e.contains("5000"),
            "{e}"
        );
        assert_eq!(std::fs::read(store.manifest_path()).unwrap(), before);
        assert_eq!(segment_dirs(&store), dirs);
    }

    fn record(file: &str, sha: &str) -> FileRecord {
        FileRecord {
            file: file.into(),
            read: 1,
            stored: 1,
            duplicates: 0,
            quarantined: 0,
            repaired: 0,
            sha256: sha.into(),
            bytes: 1,
            family: "icews".into(),
        }
    }

    #[test]
    fn files_are_named_by_path_or_unique_name() {
        let seg = |id: &str, files: Vec<FileRecord>| Segment {
            id: id.into(),
            created: "2024-01-01T00:00:00Z".into(),
            ordo_version: "0".into(),
            files,
            parquet: Vec::new(),
            rows: 0,
            id_ranges: Vec::new(),
            notes: Vec::new(),
        };
        let mut m = Manifest {
            format: 1,
            segments: vec![
                seg("s1", vec![record("a/x.tab", "1"), record("b/x.tab", "2")]),
                seg("s2", vec![record("a/y.tab", "3"), record("a/y.tab", "3")]),
            ],
            history: Vec::new(),
            mentions: Vec::new(),
        };
        assert_eq!(resolve(&m, "a/x.tab").unwrap(), [(0, 0)]);
        assert_eq!(resolve(&m, "y.tab").unwrap(), [(1, 0), (1, 1)]);
        let e = resolve(&m, "x.tab").unwrap_err().to_string();
        assert!(
            e.contains("ambiguous") && e.contains("a/x.tab, b/x.tab"),
            "{e}"
        );
        let e = resolve(&m, "z.tab").unwrap_err().to_string();
        assert!(
            e.contains("not an ingested file") && e.contains("a/y.tab"),
            "{e}"
        );
        m.history.push(Revision {
            action: REPLACED.into(),
            record: record("c/w.tab", "4"),
            segment: "s0".into(),
            committed: "2023-01-01T00:00:00Z".into(),
            rows_removed: 7,
            at: "2024-02-01T00:00:00Z".into(),
            by: Some("a/x.tab".into()),
        });
        let e = resolve(&m, "w.tab").unwrap_err().to_string();
        assert!(
            e.contains("c/w.tab was already replaced by a/x.tab on 2024-02-01")
                && e.contains("7 rows"),
            "{e}"
        );
        // The history survives a round trip, and a manifest without one
        // is written without the key.
        let text = serde_json::to_string(&m).unwrap();
        let back: Manifest = serde_json::from_str(&text).unwrap();
        assert_eq!(back.history, m.history);
        m.history.clear();
        assert!(!serde_json::to_string(&m).unwrap().contains("history"));
    }
}
