//! Series over the store: the same aggregation as over raw files, reading
//! only what a query needs. A one-dyad query reads the row groups whose
//! `dyad` statistics contain the dyad, and takes the volume totals from the
//! per-segment totals files instead of scanning every event.

use crate::arrow::{from_batch, SERIES_COLUMNS};
use crate::series::Aggregator;
use crate::store::EventStore;
use crate::EventsError;
use arrow_array::{Array, BooleanArray, Date32Array, Int32Array, Int64Array, RecordBatch};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ProjectionMask;
use parquet::file::statistics::Statistics;
use std::path::Path;

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
    let info = scan_chunks(store, dyad, &mut |chunk| agg.add(chunk))?;
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
    let mut info = StoreRead::default();
    for path in store.parquet_files()? {
        let builder = open(&path)?;
        info.files += 1;
        let meta = builder.metadata().clone();
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
        if groups.is_empty() {
            continue;
        }
        let columns = SERIES_COLUMNS.iter().copied().chain(["dyad"]);
        let mask = ProjectionMask::columns(builder.parquet_schema(), columns);
        let reader = builder
            .with_projection(mask)
            .with_row_groups(groups)
            .with_batch_size(65_536)
            .build()?;
        for batch in reader {
            let batch = batch?;
            info.rows_read += batch.num_rows() as u64;
            let batch = match dyad {
                Some(k) => only_dyad(&batch, k)?,
                None => batch,
            };
            each(&from_batch(&batch)?);
        }
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
