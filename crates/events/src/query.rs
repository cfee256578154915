//! Series over the store: the same aggregation as over raw files, reading
//! only what a query needs. A one-dyad query reads the row groups whose
//! `dyad` statistics contain the dyad, and takes the volume totals from the
//! per-segment totals files instead of scanning every event.

use crate::arrow::{from_batch, SERIES_COLUMNS};
use crate::series::Aggregator;
use crate::store::EventStore;
use crate::EventsError;
use arrow_array::{Array, BooleanArray, Date32Array, Int32Array, Int64Array, RecordBatch};
use parquet::arrow::arrow_reader::{ArrowReaderMetadata, ParquetRecordBatchReaderBuilder};
use parquet::arrow::ProjectionMask;
use parquet::file::statistics::Statistics;
use std::path::{Path, PathBuf};

/// What a store query read.
#[derive(Debug, Clone, Default)]
pub struct StoreRead {
    pub files: usize,
    pub row_groups: usize,
    pub row_groups_read: usize,
    pub rows_read: u64,
}

fn open(path: &Path) -> Result<ParquetRecordBatchReaderBuilder<std::fs::File>, EventsError> {
    let file = std::fs::File::open(path).map_err(|source| EventsError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(ParquetRecordBatchReaderBuilder::try_new(file)?)
}

/// Feeds the store's events into `agg`; with `dyad` (see
/// [`crate::arrow::dyad_key`]) only row groups that may hold it are read and
/// totals come from the totals files.
pub fn scan_store(
    store: &EventStore,
    agg: &mut Aggregator,
    dyad: Option<i64>,
) -> Result<StoreRead, EventsError> {
    let threads = crate::lines::threads();
    let info = if agg.splittable() && threads > 1 {
        scan_parallel(store, agg, dyad, threads)?
    } else {
        // One-a-day and the Mentions filter keep the first copy in store
        // order, so they see the chunks one after another.
        scan_chunks(store, dyad, &mut |chunk| agg.add(chunk))?
    };
    if let Some(k) = dyad {
        add_store_totals(store, agg, k)?;
    }
    Ok(info)
}

/// Hands the store's events (with `dyad`, only that dyad's) to `each`,
/// chunk by chunk: one read of the store for several series at once.
pub fn scan_chunks(
    store: &EventStore,
    dyad: Option<i64>,
    each: &mut dyn FnMut(&crate::chunk::Chunk),
) -> Result<StoreRead, EventsError> {
    let (plan, mut info) = plan(store, dyad)?;
    for file in &plan {
        info.rows_read += read_groups(file, file.groups.clone(), dyad, each)?;
    }
    Ok(info)
}

/// An events file, its footer (parsed once, then shared by every reader
/// of its row groups) and the row groups of it to read.
struct FileGroups {
    path: PathBuf,
    meta: ArrowReaderMetadata,
    groups: Vec<usize>,
}

/// The row groups to read, file by file (with `dyad`, those whose `dyad`
/// statistics may hold it), and the counts of files and groups.
fn plan(
    store: &EventStore,
    dyad: Option<i64>,
) -> Result<(Vec<FileGroups>, StoreRead), EventsError> {
    let mut info = StoreRead::default();
    let mut plan = Vec::new();
    for path in store.parquet_files()? {
        let file = std::fs::File::open(&path).map_err(crate::io_err(&path))?;
        let footer = ArrowReaderMetadata::load(&file, Default::default())?;
        info.files += 1;
        let meta = footer.metadata();
        let dyad_col = meta
            .file_metadata()
            .schema_descr()
            .columns()
            .iter()
            .position(|c| c.name() == "dyad");
        let mut groups = Vec::new();
        for (g, rg) in meta.row_groups().iter().enumerate() {
            info.row_groups += 1;
            let keep = match (dyad, dyad_col) {
                (Some(k), Some(c)) => match rg.column(c).statistics() {
                    Some(Statistics::Int64(s)) => match (s.min_opt(), s.max_opt()) {
                        (Some(lo), Some(hi)) => *lo <= k && k <= *hi,
                        _ => false,
                    },
                    _ => true,
                },
                _ => true,
            };
            if keep {
                groups.push(g);
            }
        }
        info.row_groups_read += groups.len();
        if !groups.is_empty() {
            plan.push(FileGroups {
                path,
                meta: footer,
                groups,
            });
        }
    }
    Ok((plan, info))
}

/// Reads row groups `groups` of one events file into `each`; returns the
/// rows read (before the dyad filter).
fn read_groups(
    file: &FileGroups,
    groups: Vec<usize>,
    dyad: Option<i64>,
    each: &mut dyn FnMut(&crate::chunk::Chunk),
) -> Result<u64, EventsError> {
    let input = std::fs::File::open(&file.path).map_err(crate::io_err(&file.path))?;
    let builder = ParquetRecordBatchReaderBuilder::new_with_metadata(input, file.meta.clone());
    let columns = SERIES_COLUMNS.iter().copied().chain(["dyad"]);
    let mask = ProjectionMask::columns(builder.parquet_schema(), columns);
    let reader = builder
        .with_projection(mask)
        .with_row_groups(groups)
        .with_batch_size(65_536)
        .build()?;
    let mut rows = 0;
    for batch in reader {
        let batch = batch?;
        rows += batch.num_rows() as u64;
        let batch = match dyad {
            Some(k) => only_dyad(&batch, k)?,
            None => batch,
        };
        each(&from_batch(&batch)?);
    }
    Ok(rows)
}

/// [`scan_store`] on `threads` threads: each takes the next row group,
/// decodes it and adds it to its own aggregator; the aggregators are then
/// merged. All sums are integers, so the result is the sequential one.
/// (An all-dyads series spent most of its time decoding and adding on one
/// core.)
fn scan_parallel(
    store: &EventStore,
    agg: &mut Aggregator,
    dyad: Option<i64>,
    threads: usize,
) -> Result<StoreRead, EventsError> {
    let (plan, mut info) = plan(store, dyad)?;
    let mine: Vec<Aggregator> = (0..threads)
        .map(|_| agg.sibling())
        .collect::<Option<_>>()
        .ok_or_else(|| {
            EventsError::Data("internal: this series cannot be split among threads".into())
        })?;
    let tasks: Vec<(&FileGroups, usize)> = plan
        .iter()
        .flat_map(|file| file.groups.iter().map(move |&g| (file, g)))
        .collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = |mut mine: Aggregator| -> Result<(Aggregator, u64), EventsError> {
        let mut rows = 0;
        while let Some(&(file, g)) =
            tasks.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
        {
            match read_groups(file, vec![g], dyad, &mut |chunk| mine.add(chunk)) {
                Ok(n) => rows += n,
                Err(e) => {
                    // The other threads stop at their next row group.
                    next.store(tasks.len(), std::sync::atomic::Ordering::Relaxed);
                    return Err(e);
                }
            }
        }
        Ok((mine, rows))
    };
    let done: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = mine
            .into_iter()
            .take(tasks.len())
            .map(|mine| scope.spawn(|| work(mine)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(EventsError::Data("a store reading thread panicked".into()))
                })
            })
            .collect()
    });
    for result in done {
        let (mine, rows) = result?;
        agg.merge(mine);
        info.rows_read += rows;
    }
    Ok(info)
}

/// Volume totals of one dyad's two states (and of all rows) from the
/// store's totals files.
pub fn add_store_totals(
    store: &EventStore,
    agg: &mut Aggregator,
    k: i64,
) -> Result<(), EventsError> {
    let actors = [0, (k / 1000) as i32, (k % 1000) as i32];
    for path in store.totals_files()? {
        add_totals(&path, agg, &actors)?;
    }
    Ok(())
}

/// The rows of one dyad: the row groups read hold neighbours too.
fn only_dyad(batch: &RecordBatch, k: i64) -> Result<RecordBatch, EventsError> {
    let col = batch
        .column_by_name("dyad")
        .and_then(|c| c.as_any().downcast_ref::<Int64Array>())
        .ok_or_else(|| EventsError::Data("events table: no `dyad` column".into()))?;
    let mask: BooleanArray = col.iter().map(|v| Some(v == Some(k))).collect();
    Ok(arrow_select::filter::filter_record_batch(batch, &mask)?)
}

/// Row groups of a file whose Int column `name` may hold one of `values`.
fn groups_with(
    meta: &parquet::file::metadata::ParquetMetaData,
    name: &str,
    values: &[i32],
) -> Vec<usize> {
    let col = meta
        .file_metadata()
        .schema_descr()
        .columns()
        .iter()
        .position(|c| c.name() == name);
    (0..meta.num_row_groups())
        .filter(
            |&g| match col.map(|c| meta.row_group(g).column(c).statistics()) {
                Some(Some(Statistics::Int32(s))) => match (s.min_opt(), s.max_opt()) {
                    (Some(lo), Some(hi)) => values.iter().any(|v| lo <= v && v <= hi),
                    _ => true,
                },
                _ => true,
            },
        )
        .collect()
}

fn add_totals(path: &Path, agg: &mut Aggregator, actors: &[i32]) -> Result<(), EventsError> {
    let builder = open(path)?;
    let groups = groups_with(&builder.metadata().clone(), "actor", actors);
    let reader = builder.with_row_groups(groups).build()?;
    for batch in reader {
        let batch = batch?;
        let get = |name: &str| {
            batch
                .column_by_name(name)
                .cloned()
                .ok_or_else(|| EventsError::Data(format!("{}: no column `{name}`", path.display())))
        };
        let day = get("day")?;
        let day = day.as_any().downcast_ref::<Date32Array>();
        let actor = get("actor")?;
        let actor = actor.as_any().downcast_ref::<Int32Array>();
        let root = get("is_root")?;
        let root = root.as_any().downcast_ref::<Int32Array>();
        let cols: Vec<_> = ["events", "mentions", "sources", "articles"]
            .iter()
            .map(|n| get(n))
            .collect::<Result<_, _>>()?;
        let cols: Vec<&Int64Array> = cols
            .iter()
            .filter_map(|c| c.as_any().downcast_ref::<Int64Array>())
            .collect();
        let (Some(day), Some(actor), Some(root), 4) = (day, actor, root, cols.len()) else {
            return Err(EventsError::Data(format!(
                "{}: not a totals file",
                path.display()
            )));
        };
        for i in 0..batch.num_rows() {
            let v = [
                cols[0].value(i),
                cols[1].value(i),
                cols[2].value(i),
                cols[3].value(i),
            ];
            agg.add_total(day.value(i), actor.value(i) as u16, root.value(i) as u8, v);
        }
        let _ = day.len();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::series::{SeriesSpec, Weight};
    use crate::{Actor, Compiled, Family, Keys, Period};

    /// A store of four real GDELT files (Georgia extracts of 2011-2013):
    /// three year files, so three row groups to share among threads.
    fn georgia_store(dir: &Path) -> EventStore {
        let data = ordo_sources::DataDir::discover(None).expect("../shared/data");
        let files: Vec<PathBuf> = ["july2011", "dec2011", "jan2012", "may13"]
            .iter()
            .map(|n| {
                data.root()
                    .join("gdelt_v1_georgia_2011_2013")
                    .join(format!("{n}.csv.gz"))
            })
            .collect();
        let opts = crate::parse::tests::scan_options(Family::Gdelt, 2);
        let store = EventStore::new(dir);
        crate::ingest::ingest(&store, &files, &opts, Vec::new(), &mut |_| {}).unwrap();
        store
    }

    fn aggregator(keys: Keys, dyad: Option<(Actor, Actor)>) -> Aggregator {
        let cameo = crate::parse::tests::cameo();
        let profiles = ["gdelt", "source"]
            .iter()
            .map(|p| Compiled::new(&cameo.profile(p).unwrap(), &cameo.codes))
            .collect();
        let spec = SeriesSpec {
            by: Period::Month,
            directed: true,
            root_only: false,
            weight: Weight::Mentions,
            keys,
            dyad,
            from: None,
            to: None,
        };
        Aggregator::new(spec, profiles)
    }

    /// Reading row groups on several threads and merging gives exactly the
    /// series one thread adding every chunk in store order gives: all
    /// dyads by actor code and by state, and one dyad with its totals.
    #[test]
    fn parallel_scan_equals_the_sequential_one() {
        let dir = tempfile::tempdir().unwrap();
        let store = georgia_store(dir.path());
        let cases = [
            (Keys::Raw, None, None),
            (Keys::Cow, None, None),
            (
                Keys::Cow,
                Some((Actor::Cow(372), Actor::Cow(365))),
                crate::arrow::dyad_key(372, 365),
            ),
        ];
        for (keys, dyad, key) in cases {
            let mut one = aggregator(keys, dyad.clone());
            let read = scan_chunks(&store, key, &mut |c| one.add(c)).unwrap();
            let one = format!("{:?}", one.finish());
            assert!(read.rows_read > 0, "{read:?}");
            if key.is_none() {
                assert!(read.row_groups_read >= 3, "{read:?}"); // one per year
            }
            for threads in [2, 3, 16] {
                let mut many = aggregator(keys, dyad.clone());
                let info = scan_parallel(&store, &mut many, key, threads).unwrap();
                assert_eq!(
                    format!("{info:?}"),
                    format!("{read:?}"),
                    "{threads} threads"
                );
                assert_eq!(format!("{:?}", many.finish()), one, "{threads} threads");
            }
        }
    }

    /// With one-a-day on, the store is read in order on one thread.
    #[test]
    fn one_a_day_has_no_sibling() {
        let mut agg = aggregator(Keys::Cow, None);
        assert!(agg.sibling().is_some());
        agg.one_a_day();
        assert!(agg.sibling().is_none());
    }
}
