//! `ordo ingest`: event files into the store, every row accounted for.
//!
//! Each input row is stored, dropped as a duplicate of an event already in
//! the store or earlier in the run (same event id and date, for every
//! source: GDELT back-files and ICEWS both reuse ids on other dates), or
//! quarantined with file, line and reason; the per-file counts add up.
//! Stored rows a documented repair changed are counted per file and rule
//! (`repaired`, and a note per rule). The run is one segment committed by
//! the manifest (see [`crate::store`]).

use crate::arrow::{dyad_key, to_batch_rows};
use crate::chunk::{Chunk, NO_COUNT};
use crate::date::Period;
use crate::idset::{IdSet, Seen};
use crate::layout::Family;
use crate::parse::Rule;
use crate::revise::{self, Revised, Supersede};
use crate::scan::{scan_file, FileScan, Quarantined, ScanOptions};
use crate::store::{EventStore, FileRecord, Manifest, Segment};
use crate::EventsError;
use arrow_array::{Date32Array, Int32Array, Int64Array, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use foldhash::{HashMap, HashSet};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::{ArrowWriter, ProjectionMask};
use parquet::file::properties::WriterProperties;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Rows per row group: small enough that row-group statistics on the
/// sorted `dyad` column skip most of a file for a one-dyad query.
pub(crate) const ROW_GROUP: usize = 16_384;
/// Rows buffered per year before a sorted flush.
const FLUSH_ROWS: usize = 1 << 20;
/// Rows buffered over all years before the largest buffer is flushed.
const MAX_BUFFERED: usize = 2 << 20;

/// What an ingest did.
#[derive(Debug, Clone)]
pub struct IngestReport {
    pub files: Vec<FileRecord>,
    /// The committed segment, or `None` when nothing new was found.
    pub segment: Option<String>,
    /// Where quarantined rows were written.
    pub quarantine: Option<PathBuf>,
    pub notes: Vec<String>,
    /// Files whose rows this run replaced (`--replace`), with the rows
    /// removed.
    pub replaced: Vec<crate::store::Revision>,
}

/// The writer's lock on an event store: one ingest or revision at a time.
pub(crate) struct Lock(PathBuf);

impl Lock {
    pub(crate) fn take(root: &Path) -> Result<Lock, EventsError> {
        let path = root.join(".lock");
        for _ in 0..2 {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut f) => {
                    let _ = write!(f, "{}", std::process::id());
                    return Ok(Lock(path));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let pid = std::fs::read_to_string(&path).unwrap_or_default();
                    let alive = !pid.trim().is_empty()
                        && Path::new(&format!("/proc/{}", pid.trim())).exists();
                    if alive {
                        return Err(EventsError::Usage(format!(
                            "another ingest (process {}) is writing to {}; wait for it to finish",
                            pid.trim(),
                            root.display()
                        )));
                    }
                    let _ = std::fs::remove_file(&path);
                }
                Err(source) => return Err(EventsError::Io { path, source }),
            }
        }
        Err(EventsError::Usage(format!(
            "could not lock {}",
            path.display()
        )))
    }
}

/// What every write to the event store begins with: its directories,
/// the writer's lock (held until the returned [`Lock`] drops), the
/// committed manifest, and the leftovers of dead runs cleared.
pub(crate) fn begin_write(store: &EventStore) -> Result<(Lock, Manifest), EventsError> {
    for dir in [store.root(), store.tmp_dir()] {
        std::fs::create_dir_all(dir).map_err(|source| EventsError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let lock = Lock::take(store.root())?;
    let manifest = store.manifest()?;
    store.collect_garbage(&manifest)?;
    Ok((lock, manifest))
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// De-duplication against the store and the run so far.
struct Dedup<'a> {
    store: &'a EventStore,
    manifest: &'a Manifest,
    loaded: Vec<bool>,
    seen: IdSet,
}

impl Dedup<'_> {
    /// Loads the keys of committed segments whose id range overlaps ids in
    /// `chunk` (only those can hold duplicates of its rows).
    fn load_overlapping(&mut self, chunk: &Chunk) -> Result<(), EventsError> {
        let mut ranges: HashMap<u8, (i64, i64)> = HashMap::default();
        for i in 0..chunk.len() {
            let r = ranges
                .entry(chunk.family[i])
                .or_insert((i64::MAX, i64::MIN));
            r.0 = r.0.min(chunk.id[i]);
            r.1 = r.1.max(chunk.id[i]);
        }
        for (s, seg) in self.manifest.segments.iter().enumerate() {
            if self.loaded[s] {
                continue;
            }
            let overlaps = seg.id_ranges.iter().any(|(fam, lo, hi)| {
                let tag = Family::parse(fam).map_or(2, |f| f as u8);
                ranges.get(&tag).is_some_and(|(a, b)| a <= hi && lo <= b)
            });
            if overlaps {
                self.loaded[s] = true;
                for p in &seg.parquet {
                    let path = self.store.segment_dir(&seg.id).join(p);
                    load_keys(&path, &mut self.seen)?;
                }
            }
        }
        Ok(())
    }
}

fn load_keys(path: &Path, seen: &mut IdSet) -> Result<(), EventsError> {
    let file = std::fs::File::open(path).map_err(|source| EventsError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file)?;
    let mask = ProjectionMask::columns(builder.parquet_schema(), ["source", "event_id", "day"]);
    for batch in builder.with_projection(mask).build()? {
        let batch = batch?;
        let chunk_like = |name: &str| batch.column_by_name(name).cloned();
        let (Some(src), Some(id), Some(day)) = (
            chunk_like("source"),
            chunk_like("event_id"),
            chunk_like("day"),
        ) else {
            return Err(EventsError::Data(format!(
                "{}: not an events file",
                path.display()
            )));
        };
        let src = src
            .as_any()
            .downcast_ref::<arrow_array::StringArray>()
            .cloned();
        let id = id.as_any().downcast_ref::<Int64Array>().cloned();
        let day = day.as_any().downcast_ref::<Date32Array>().cloned();
        let (Some(src), Some(id), Some(day)) = (src, id, day) else {
            return Err(EventsError::Data(format!(
                "{}: not an events file",
                path.display()
            )));
        };
        for i in 0..batch.num_rows() {
            let fam = Family::parse(src.value(i)).map_or(2, |f| f as u8);
            seen.insert(fam, id.value(i), IdSet::key_day(fam, day.value(i)));
        }
    }
    Ok(())
}

/// Per-year sorted Parquet writers of one segment.
struct Writer {
    years: BTreeMap<i32, Chunk>,
    buffered: usize,
    id_ranges: HashMap<u8, (i64, i64)>,
    /// Full buffers go to the encoding threads ([`YearFiles`]), so sorting
    /// and Parquet encoding overlap with parsing and de-duplication (the
    /// ingest's one sequential step) instead of stopping them. A year
    /// always goes to the same thread, which owns its file.
    to_files: Vec<std::sync::mpsc::SyncSender<(i32, Chunk)>>,
    files_threads: Vec<std::thread::JoinHandle<Result<Encoded, EventsError>>>,
}

/// Encoding threads of a [`Writer`]. Sorting and encoding are the store
/// side's whole cost, and a file spanning many years (Phoenix, ICEWS)
/// keeps two busy; a file of one year uses one.
const ENCODERS: usize = 2;

impl Writer {
    fn new(dir: PathBuf, files: Vec<String>) -> Writer {
        let mut to_files = Vec::new();
        let mut files_threads = Vec::new();
        for _ in 0..ENCODERS {
            let (tx, rx) = std::sync::mpsc::sync_channel::<(i32, Chunk)>(1);
            let (dir, files) = (dir.clone(), files.clone());
            files_threads.push(std::thread::spawn(move || {
                let mut out = YearFiles {
                    dir,
                    files,
                    writers: BTreeMap::new(),
                    rows: 0,
                    totals: HashMap::default(),
                };
                for (year, chunk) in rx {
                    out.write(year, chunk)?;
                }
                out.close()
            }));
            to_files.push(tx);
        }
        Writer {
            years: BTreeMap::new(),
            buffered: 0,
            id_ranges: HashMap::default(),
            to_files,
            files_threads,
        }
    }

    /// Adds the rows of `chunk` that `keep` says. When they cross no flush
    /// threshold, each year's rows are appended column by column (one copy
    /// per column rather than per row into buffers of many years); the
    /// buffers then hold exactly what row-by-row adds would give, and
    /// flush where those would. Row by row otherwise.
    fn add_all(&mut self, chunk: &Chunk, keep: &[bool]) -> Result<(), EventsError> {
        let mut by_year: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
        for (i, k) in keep.iter().enumerate() {
            if *k {
                by_year
                    .entry(Period::Year.key(chunk.day[i]))
                    .or_default()
                    .push(i);
            }
        }
        let kept: usize = by_year.values().map(Vec::len).sum();
        let fits = self.buffered + kept < MAX_BUFFERED
            && by_year
                .iter()
                .all(|(y, rows)| self.years.get(y).map_or(0, Chunk::len) + rows.len() < FLUSH_ROWS);
        if !fits {
            for (i, k) in keep.iter().enumerate() {
                if *k {
                    self.add(chunk, i)?;
                }
            }
            return Ok(());
        }
        for (year, rows) in &by_year {
            let buf = self.years.entry(*year).or_default();
            if rows.len() == chunk.len() {
                buf.append(chunk);
            } else {
                buf.append_rows(chunk, rows);
            }
        }
        self.buffered += kept;
        for rows in by_year.values() {
            for &i in rows {
                self.note_id(chunk.family[i], chunk.id[i]);
            }
        }
        // `fits` kept `buffered` below MAX_BUFFERED: nothing to flush
        Ok(())
    }

    /// Widens the family's id range by `id`.
    fn note_id(&mut self, family: u8, id: i64) {
        let r = self.id_ranges.entry(family).or_insert((i64::MAX, i64::MIN));
        r.0 = r.0.min(id);
        r.1 = r.1.max(id);
    }

    /// With too many rows buffered, hands the largest year's buffer on.
    fn bound_memory(&mut self, year: i32) -> Result<(), EventsError> {
        if self.buffered < MAX_BUFFERED {
            return Ok(());
        }
        let largest = self
            .years
            .iter()
            .max_by_key(|(_, c)| c.len())
            .map(|(y, _)| *y)
            .unwrap_or(year);
        self.flush(largest)
    }

    fn add(&mut self, chunk: &Chunk, i: usize) -> Result<(), EventsError> {
        let year = Period::Year.key(chunk.day[i]);
        let buf = self.years.entry(year).or_default();
        buf.push_from(chunk, i);
        let full = buf.len() >= FLUSH_ROWS;
        self.buffered += 1;
        self.note_id(chunk.family[i], chunk.id[i]);
        if full {
            self.flush(year)
        } else {
            self.bound_memory(year)
        }
    }

    /// Hands a year's buffer to its encoding thread.
    fn flush(&mut self, year: i32) -> Result<(), EventsError> {
        let Some(buf) = self.years.get_mut(&year) else {
            return Ok(());
        };
        if buf.is_empty() {
            return Ok(());
        }
        self.buffered -= buf.len();
        let chunk = std::mem::take(buf);
        let lane = year.rem_euclid(ENCODERS as i32) as usize;
        let sent = self
            .to_files
            .get(lane)
            .is_some_and(|tx| tx.send((year, chunk)).is_ok());
        if !sent {
            // The thread stopped on an error: join() reports it.
            return self.join().map(|_| ());
        }
        Ok(())
    }

    /// Waits for the encoding threads: what they wrote, or the first error.
    fn join(&mut self) -> Result<Encoded, EventsError> {
        self.to_files.clear();
        let threads = std::mem::take(&mut self.files_threads);
        if threads.is_empty() {
            return Err(EventsError::Data(
                "the Parquet encoding threads already stopped (a bug in ordo)".into(),
            ));
        }
        // Every thread joined before any error is returned: none may still
        // write into the work directory once the run has returned.
        let joined: Vec<_> = threads.into_iter().map(|t| t.join()).collect();
        let mut results = Vec::new();
        for thread in joined {
            results.push(thread.map_err(|_| {
                EventsError::Data("a Parquet encoding thread failed (a bug in ordo)".into())
            })?);
        }
        let (mut files, mut rows, mut totals) = (Vec::new(), 0, Totals::default());
        for result in results {
            let (f, r, t) = result?;
            files.extend(f);
            rows += r;
            // the threads' years, and so their totals' days, are disjoint
            totals.extend(t);
        }
        files.sort_by_key(|(year, _)| *year);
        Ok((files, rows, totals))
    }

    /// Flushes and closes every year.
    fn finish(mut self) -> Result<Written, EventsError> {
        let years: Vec<i32> = self.years.keys().copied().collect();
        for y in years {
            self.flush(y)?;
        }
        let (parquet, rows, totals) = self.join()?;
        Ok(Written {
            parquet: parquet.into_iter().map(|(_, name)| name).collect(),
            rows,
            id_ranges: std::mem::take(&mut self.id_ranges),
            totals,
        })
    }
}

/// A writer dropped on an error path stops its encoding thread before the
/// run returns, so nothing writes into the work directory afterwards.
impl Drop for Writer {
    fn drop(&mut self) {
        self.to_files.clear();
        for thread in std::mem::take(&mut self.files_threads) {
            let _ = thread.join();
        }
    }
}

/// The encoding side of [`Writer`]: one Parquet file per year, each buffer
/// sorted by dyad, day and id before it is written, so a one-dyad query
/// reads few row groups; and the volume totals, which count exactly the
/// rows written.
struct YearFiles {
    dir: PathBuf,
    files: Vec<String>,
    writers: BTreeMap<i32, ArrowWriter<std::fs::File>>,
    rows: u64,
    totals: Totals,
}

/// What [`YearFiles`] wrote: the files (with their years), their rows,
/// the totals.
type Encoded = (Vec<(i32, String)>, u64, Totals);

impl YearFiles {
    fn write(&mut self, year: i32, buf: Chunk) -> Result<(), EventsError> {
        for i in 0..buf.len() {
            add_to_totals(
                &mut self.totals,
                buf.day[i],
                (buf.actor1[i], buf.actor2[i]),
                buf.is_root[i],
                [buf.mentions[i], buf.sources[i], buf.articles[i]],
            );
        }
        // Keys computed once, not at every comparison; the row index last
        // makes the unstable sort give the stable sort's order.
        let mut keys: Vec<(i64, i32, i64, usize)> = (0..buf.len())
            .map(|i| {
                let dyad = dyad_key(buf.actor1[i], buf.actor2[i]).unwrap_or(0);
                (dyad, buf.day[i], buf.id[i], i)
            })
            .collect();
        keys.sort_unstable();
        let order: Vec<usize> = keys.into_iter().map(|k| k.3).collect();
        let writer = match self.writers.entry(year) {
            std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::btree_map::Entry::Vacant(e) => {
                let dir = self.dir.join(format!("year={year}"));
                std::fs::create_dir_all(&dir).map_err(|source| EventsError::Io {
                    path: dir.clone(),
                    source,
                })?;
                e.insert(parquet_file(
                    &dir.join("part-0.parquet"),
                    crate::arrow::schema(),
                )?)
            }
        };
        // Batches of a few row groups rather than one of the whole buffer:
        // the writer closes a row group every ROW_GROUP rows whatever the
        // batches, so the file is the same, with one small batch in memory
        // per thread instead of a copy of the buffer.
        for rows in order.chunks(ROW_GROUP * 4) {
            writer.write(&to_batch_rows(&buf, &self.files, rows)?)?;
        }
        writer.flush()?;
        self.rows += order.len() as u64;
        Ok(())
    }

    fn close(self) -> Result<Encoded, EventsError> {
        let mut files = Vec::new();
        for (y, w) in self.writers {
            w.close()?;
            files.push((y, format!("year={y}/part-0.parquet")));
        }
        Ok((files, self.rows, self.totals))
    }
}

/// What a segment's writer produced.
struct Written {
    parquet: Vec<String>,
    rows: u64,
    id_ranges: HashMap<u8, (i64, i64)>,
    /// Events, mentions, sources, articles per (day, state, root flag).
    totals: Totals,
}

pub(crate) type Totals = HashMap<(i32, u16, u8), [i64; 4]>;

/// Adds one event (its day, two COW states with 0 for none, root flag,
/// and mentions, sources, articles with [`NO_COUNT`] for missing) to the
/// totals. Shared with [`crate::revise`], which recomputes a rewritten
/// segment's totals from the rows it keeps.
pub(crate) fn add_to_totals(
    totals: &mut Totals,
    day: i32,
    (a1, a2): (u16, u16),
    is_root: u8,
    counts: [i32; 3],
) {
    let w = |v: i32| if v == NO_COUNT { 0 } else { i64::from(v) };
    let add = [1, w(counts[0]), w(counts[1]), w(counts[2])];
    // Each row counts once in the all-rows total (actor 0) and once for
    // each distinct state it involves.
    let mut actors = [Some(0), (a1 != 0).then_some(a1), None];
    if a2 != 0 && a2 != a1 {
        actors[2] = Some(a2);
    }
    for actor in actors.into_iter().flatten() {
        let t = totals.entry((day, actor, is_root)).or_insert([0; 4]);
        for k in 0..4 {
            t[k] += add[k];
        }
    }
}

/// The schema of `totals.parquet`: events (and mentions, sources,
/// articles) per day, per state (0 = all rows) and root flag.
pub fn totals_schema() -> Arc<Schema> {
    Arc::new(Schema::new(vec![
        Field::new("day", DataType::Date32, false),
        Field::new("actor", DataType::Int32, false),
        Field::new("is_root", DataType::Int32, false),
        Field::new("events", DataType::Int64, false),
        Field::new("mentions", DataType::Int64, false),
        Field::new("sources", DataType::Int64, false),
        Field::new("articles", DataType::Int64, false),
    ]))
}

/// A Parquet file for the store: Snappy, row groups of [`ROW_GROUP`] rows
/// (the unit a one-dyad query skips by its statistics).
pub(crate) fn parquet_file(
    path: &Path,
    schema: Arc<Schema>,
) -> Result<ArrowWriter<std::fs::File>, EventsError> {
    let props = WriterProperties::builder().set_max_row_group_row_count(Some(ROW_GROUP));
    parquet_file_with(path, schema, props)
}

/// A Parquet file for the store with its own properties (Snappy added).
pub(crate) fn parquet_file_with(
    path: &Path,
    schema: Arc<Schema>,
    props: parquet::file::properties::WriterPropertiesBuilder,
) -> Result<ArrowWriter<std::fs::File>, EventsError> {
    let file = std::fs::File::create(path).map_err(|source| EventsError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let props = props
        .set_compression(parquet::basic::Compression::SNAPPY)
        .build();
    Ok(ArrowWriter::try_new(file, schema, Some(props))?)
}

pub(crate) fn write_totals(
    path: &Path,
    totals: &HashMap<(i32, u16, u8), [i64; 4]>,
) -> Result<(), EventsError> {
    // Sorted by state, so row-group statistics on `actor` let a one-dyad
    // query read only the all-rows total and its two states.
    let mut keys: Vec<&(i32, u16, u8)> = totals.keys().collect();
    keys.sort_by_key(|k| (k.1, k.0, k.2));
    let col = |k: usize| Arc::new(keys.iter().map(|x| totals[*x][k]).collect::<Int64Array>());
    let batch = RecordBatch::try_new(
        totals_schema(),
        vec![
            Arc::new(Date32Array::from(
                keys.iter().map(|k| k.0).collect::<Vec<i32>>(),
            )),
            Arc::new(keys.iter().map(|k| i32::from(k.1)).collect::<Int32Array>()),
            Arc::new(keys.iter().map(|k| i32::from(k.2)).collect::<Int32Array>()),
            col(0),
            col(1),
            col(2),
            col(3),
        ],
    )?;
    let mut w = parquet_file(path, batch.schema())?;
    w.write(&batch)?;
    w.close()?;
    Ok(())
}

pub(crate) fn write_quarantine(path: &Path, rows: &[Quarantined]) -> Result<(), EventsError> {
    let io = |source| EventsError::Io {
        path: path.to_path_buf(),
        source,
    };
    let new = !path.exists();
    let mut f = std::io::BufWriter::new(
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(io)?,
    );
    if new {
        writeln!(f, "file\tline\treason\trow").map_err(io)?;
    }
    for q in rows {
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        writeln!(
            f,
            "{}\t{}\t{}\t{}",
            clean(&q.file),
            q.line,
            clean(&q.reason),
            clean(&q.text)
        )
        .map_err(io)?;
    }
    f.flush().map_err(io)
}

/// One file's rows as the de-duplication and the repairs left them.
#[derive(Default)]
struct FileTally {
    stored: u64,
    duplicates: u64,
    /// Stored rows whose id was seen before with another date.
    new_dates: u64,
    /// Stored rows a documented repair changed, and per rule.
    repaired: u64,
    by_rule: [u64; Rule::ALL.len()],
}

impl FileTally {
    fn count(&mut self, seen: Seen, repairs: u8) {
        if seen == Seen::Again {
            self.duplicates += 1;
            return;
        }
        self.stored += 1;
        self.new_dates += u64::from(seen == Seen::NewDate);
        if repairs != 0 {
            self.repaired += 1;
            for (k, rule) in Rule::ALL.iter().enumerate() {
                self.by_rule[k] += u64::from(repairs & rule.bit() != 0);
            }
        }
    }

    /// One line per rule that repaired a stored row, and one for ids
    /// stored again under another date.
    fn notes(&self, file: &str) -> Vec<String> {
        let mut out: Vec<String> = Rule::ALL
            .iter()
            .zip(self.by_rule)
            .filter(|(_, n)| *n > 0)
            .map(|(rule, n)| {
                let rows = if n == 1 { "row" } else { "rows" };
                format!(
                    "{file}: {} repaired {n} {rows}: {}",
                    rule.name(),
                    rule.what()
                )
            })
            .collect();
        match self.new_dates {
            0 => {}
            1 => out.push(format!("{file}: 1 row reuses an event id already seen with another date; stored as a distinct event (duplicates are the same id and date)")),
            n => out.push(format!("{file}: {n} rows reuse event ids already seen with another date; stored as distinct events (duplicates are the same id and date)")),
        }
        out
    }
}

/// Reads file `index` of a run (`path`), handing its parsed chunks, in
/// order, to the sink; returns what the scan found.
pub type FileReader<'a> = dyn FnMut(
        usize,
        &Path,
        &mut dyn FnMut(Chunk) -> Result<(), EventsError>,
    ) -> Result<FileScan, EventsError>
    + 'a;

/// Ingests `paths` into the store.
pub fn ingest(
    store: &EventStore,
    paths: &[PathBuf],
    opts: &ScanOptions<'_>,
    notes: Vec<String>,
    on_file: &mut dyn FnMut(&FileRecord),
) -> Result<IngestReport, EventsError> {
    ingest_replacing(store, paths, opts, notes, &Supersede::Nothing, on_file)
}

/// [`ingest`] that first takes out of the store the rows of the files the
/// new ones supersede (`ordo ingest --replace`, see [`crate::revise`]),
/// in the same commit, so the new rows are not duplicates of them.
pub fn ingest_replacing(
    store: &EventStore,
    paths: &[PathBuf],
    opts: &ScanOptions<'_>,
    notes: Vec<String>,
    supersede: &Supersede,
    on_file: &mut dyn FnMut(&FileRecord),
) -> Result<IngestReport, EventsError> {
    let files = crate::open::expand(paths)?;
    run(
        store,
        &files,
        (opts.family, supersede),
        notes,
        on_file,
        &mut |_, path, sink| scan_file(path, opts, sink),
    )
}

/// Ingests `files` (already expanded, in run order) into the store, each
/// read by `read`: parsed here ([`ingest`]) or replayed from what a cluster
/// executor parsed and staged ([`crate::stage`]). De-duplication, the
/// segment's Parquet files, the counts and the commit are the same either
/// way, so both give the same store.
pub fn ingest_with(
    store: &EventStore,
    files: &[PathBuf],
    family: Family,
    notes: Vec<String>,
    on_file: &mut dyn FnMut(&FileRecord),
    read: &mut FileReader<'_>,
) -> Result<IngestReport, EventsError> {
    let nothing = Supersede::Nothing;
    run(store, files, (family, &nothing), notes, on_file, read)
}

fn run(
    store: &EventStore,
    files: &[PathBuf],
    (family, supersede): (Family, &Supersede),
    notes: Vec<String>,
    on_file: &mut dyn FnMut(&FileRecord),
    read: &mut FileReader<'_>,
) -> Result<IngestReport, EventsError> {
    let (_lock, mut manifest) = begin_write(store)?;
    // Replaced files leave the manifest before de-duplication reads it.
    let mut revision = revise::prepare(store, &manifest, files, family, supersede)?;
    if let Some(r) = revision.as_mut() {
        manifest = std::mem::take(&mut r.manifest);
    }
    let (id, staging) = store.stage("events")?;
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let known: HashSet<String> = manifest
        .segments
        .iter()
        .flat_map(|s| s.files.iter().map(|f| f.sha256.clone()))
        .collect();
    let mut dedup = Dedup {
        store,
        manifest: &manifest,
        loaded: vec![false; manifest.segments.len()],
        seen: IdSet::default(),
    };
    let mut writer = Writer::new(staging.clone(), names.clone());
    let quarantine_path = staging.join("quarantine.tsv");
    let mut records = Vec::new();
    let mut report_notes = revision.as_ref().map_or_else(Vec::new, |r| r.notes.clone());
    let mut any_new = false;
    for (fi, path) in files.iter().enumerate() {
        let mut tally = FileTally::default();
        let scan = read(fi, path, &mut |mut chunk: Chunk| {
            chunk.file = vec![fi as u32; chunk.len()];
            dedup.load_overlapping(&chunk)?;
            let mut keep = Vec::with_capacity(chunk.len());
            for i in 0..chunk.len() {
                let fam = chunk.family[i];
                let day = IdSet::key_day(fam, chunk.day[i]);
                let seen = dedup.seen.insert_key(fam, chunk.id[i], day);
                keep.push(seen != Seen::Again);
                tally.count(seen, chunk.repairs_of(i));
            }
            writer.add_all(&chunk, &keep)
        })?;
        let (stored, duplicates) = (tally.stored, tally.duplicates);
        let repeat = known.contains(&scan.sha256);
        if repeat {
            report_notes.push(format!(
                "{}: already ingested (SHA-256 {}); nothing new written",
                scan.file,
                &scan.sha256[..12]
            ));
        } else {
            any_new = true;
            if !scan.quarantined.is_empty() {
                write_quarantine(&quarantine_path, &scan.quarantined)?;
            }
        }
        let layouts: Vec<String> = scan
            .layouts
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect();
        if !layouts.is_empty() {
            report_notes.push(format!(
                "{}: rows by layout: {}",
                scan.file,
                layouts.join(", ")
            ));
        }
        report_notes.extend(scan.notes.iter().cloned());
        report_notes.extend(tally.notes(&scan.file));
        let record = FileRecord {
            file: scan.file.clone(),
            read: scan.read,
            stored,
            duplicates,
            quarantined: scan.quarantined.len() as u64,
            repaired: tally.repaired,
            sha256: scan.sha256.clone(),
            bytes: scan.bytes,
            family: family.name().to_string(),
        };
        if record.read != record.stored + record.duplicates + record.quarantined {
            return Err(EventsError::Data(format!(
                "{}: counts do not add up (read {}, stored {}, duplicates {}, quarantined {}): a bug in ordo",
                record.file, record.read, record.stored, record.duplicates, record.quarantined
            )));
        }
        on_file(&record);
        records.push(record);
    }
    let Written {
        parquet,
        rows,
        id_ranges: ranges,
        totals,
    } = writer.finish()?;
    if !any_new && rows == 0 {
        let _ = std::fs::remove_dir_all(&staging);
        // Nothing new to store, but what the files supersede still goes.
        let replaced = match revision {
            Some(r) if !r.removed.is_empty() => {
                store.commit(&manifest)?;
                r.committed()
            }
            _ => Vec::new(),
        };
        return Ok(IngestReport {
            files: records,
            segment: None,
            quarantine: None,
            notes: report_notes,
            replaced,
        });
    }
    if !parquet.is_empty() {
        write_totals(&staging.join("totals.parquet"), &totals)?;
    }
    let final_dir = store.segment_dir(&id);
    store.publish(&staging, &final_dir)?;
    let mut id_ranges: Vec<(String, i64, i64)> = ranges
        .into_iter()
        .map(|(f, (lo, hi))| (Family::from_tag(f).name().to_string(), lo, hi))
        .collect();
    id_ranges.sort();
    manifest.segments.push(Segment {
        id: id.clone(),
        created: chrono_now(),
        ordo_version: env!("CARGO_PKG_VERSION").to_string(),
        files: records.clone(),
        parquet,
        rows,
        id_ranges,
        notes,
    });
    store.commit(&manifest)?;
    let quarantine = final_dir.join("quarantine.tsv");
    Ok(IngestReport {
        files: records,
        segment: Some(id),
        quarantine: quarantine.exists().then_some(quarantine),
        notes: report_notes,
        replaced: revision.map(Revised::committed).unwrap_or_default(),
    })
}

pub(crate) fn chrono_now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let day = (secs / 86_400) as i32;
    let rem = secs % 86_400;
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        crate::date::date_of_day(day),
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}
