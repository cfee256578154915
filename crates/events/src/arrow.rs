//! Chunks to Arrow record batches (for Parquet and SQL) and back.

use crate::chunk::{Chunk, NO_COUNT, NO_GOLD};
use crate::code::Code;
use crate::date::Period;
use crate::layout::Family;
use crate::EventsError;
use arrow_array::builder::StringBuilder;
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float64Array, Int32Array, Int64Array, RecordBatch,
    StringArray,
};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use std::sync::{Arc, OnceLock};

/// The schema of the `events` table.
pub fn schema() -> SchemaRef {
    static S: OnceLock<SchemaRef> = OnceLock::new();
    S.get_or_init(|| {
        let f = |n: &str, t: DataType, null: bool| Field::new(n, t, null);
        Arc::new(Schema::new(vec![
            f("source", DataType::Utf8, false),
            f("event_id", DataType::Int64, false),
            f("day", DataType::Date32, false),
            f("year", DataType::Int32, false),
            f("month", DataType::Int32, false),
            f("actor1_code", DataType::Utf8, true),
            f("actor2_code", DataType::Utf8, true),
            f("actor1", DataType::Int32, true),
            f("actor2", DataType::Int32, true),
            f("event_code", DataType::Utf8, false),
            f("root_code", DataType::Int32, false),
            f("quad_class", DataType::Int32, true),
            f("goldstein", DataType::Float64, true),
            f("is_root", DataType::Boolean, true),
            f("mentions", DataType::Int32, true),
            f("sources", DataType::Int32, true),
            f("articles", DataType::Int32, true),
            f("source_url", DataType::Utf8, true),
            f("file", DataType::Utf8, false),
            f("line", DataType::Int64, false),
            f("dyad", DataType::Int64, true),
            f("actor1_state", DataType::Boolean, true),
            f("actor2_state", DataType::Boolean, true),
        ]))
    })
    .clone()
}

/// A code column in `rows` order. Short codes are written from their
/// packed bytes, with no `String` made per value.
fn codes(chunk: &Chunk, v: &[Code], rows: &[usize]) -> ArrayRef {
    let mut b = StringBuilder::with_capacity(rows.len(), rows.len() * 3);
    for &i in rows {
        let c = v[i];
        if c.is_none() {
            b.append_null();
        } else if let Some(j) = c.long_index() {
            b.append_value(&chunk.long_codes[j]);
        } else {
            c.with_str(|text| b.append_value(text));
        }
    }
    Arc::new(b.finish())
}

fn opt_i32(v: impl Iterator<Item = Option<i32>>) -> ArrayRef {
    Arc::new(v.collect::<Int32Array>())
}

/// The undirected dyad of two resolved states as one sortable number
/// (`lo * 1000 + hi`, COW codes being below 1000): the store sorts each
/// row group by it, so row-group statistics on it locate one dyad's rows.
pub fn dyad_key(a: u16, b: u16) -> Option<i64> {
    (a != 0 && b != 0).then(|| i64::from(a.min(b)) * 1000 + i64::from(a.max(b)))
}

/// A chunk as a batch of the `events` schema; `files` names the run's files
/// by the chunk's `file` index.
pub fn to_batch(chunk: &Chunk, files: &[String]) -> Result<RecordBatch, EventsError> {
    let rows: Vec<usize> = (0..chunk.len()).collect();
    to_batch_rows(chunk, files, &rows)
}

/// Rows `rows` of a chunk, in that order, as a batch of the `events`
/// schema: the store writes a buffer sorted this way without first copying
/// it into a sorted chunk.
pub fn to_batch_rows(
    chunk: &Chunk,
    files: &[String],
    rows: &[usize],
) -> Result<RecordBatch, EventsError> {
    let n = rows.len();
    let mut url = StringBuilder::with_capacity(n, n * 40);
    let mut file = StringBuilder::with_capacity(n, n * 20);
    for &i in rows {
        url.append_option(chunk.url_str(i));
        file.append_value(
            files
                .get(chunk.file.get(i).copied().unwrap_or(0) as usize)
                .map_or("", |s| s.as_str()),
        );
    }
    // column `v` in `rows` order, through `f`
    fn each<'a, T: Copy, U>(
        v: &'a [T],
        rows: &'a [usize],
        f: impl Fn(T) -> U + 'a,
    ) -> impl Iterator<Item = U> + 'a {
        rows.iter().map(move |&i| f(v[i]))
    }
    let count = |v: &[i32]| opt_i32(each(v, rows, |x| (x != NO_COUNT).then_some(x)));
    let cols: Vec<ArrayRef> = vec![
        Arc::new(
            each(&chunk.family, rows, |f| Some(Family::from_tag(f).name()))
                .collect::<StringArray>(),
        ),
        Arc::new(each(&chunk.id, rows, |x| x).collect::<Int64Array>()),
        Arc::new(Date32Array::from(
            each(&chunk.day, rows, |x| x).collect::<Vec<i32>>(),
        )),
        Arc::new(each(&chunk.day, rows, |d| Period::Year.key(d)).collect::<Int32Array>()),
        Arc::new(each(&chunk.day, rows, |d| Period::Month.key(d)).collect::<Int32Array>()),
        codes(chunk, &chunk.actor1_code, rows),
        codes(chunk, &chunk.actor2_code, rows),
        opt_i32(each(&chunk.actor1, rows, |a| {
            (a != 0).then_some(i32::from(a))
        })),
        opt_i32(each(&chunk.actor2, rows, |a| {
            (a != 0).then_some(i32::from(a))
        })),
        codes(chunk, &chunk.event_code, rows),
        Arc::new(each(&chunk.root, rows, i32::from).collect::<Int32Array>()),
        opt_i32(each(&chunk.quad, rows, |q| {
            (q != 0).then_some(i32::from(q))
        })),
        Arc::new(
            each(&chunk.gold10, rows, |g| {
                (g != NO_GOLD).then(|| f64::from(g) / 10.0)
            })
            .collect::<Float64Array>(),
        ),
        Arc::new(
            each(&chunk.is_root, rows, |r| (r != 2).then_some(r == 1)).collect::<BooleanArray>(),
        ),
        count(&chunk.mentions),
        count(&chunk.sources),
        count(&chunk.articles),
        Arc::new(url.finish()),
        Arc::new(file.finish()),
        Arc::new(each(&chunk.line, rows, |l| l as i64).collect::<Int64Array>()),
        Arc::new(
            rows.iter()
                .map(|&i| dyad_key(chunk.actor1[i], chunk.actor2[i]))
                .collect::<Int64Array>(),
        ),
        state_column(chunk, rows, |s| s.0),
        state_column(chunk, rows, |s| s.1),
    ];
    Ok(RecordBatch::try_new(schema(), cols)?)
}

/// One side's state flags: true a state actor, false another, NULL unknown.
fn state_column(chunk: &Chunk, rows: &[usize], side: fn((u8, u8)) -> u8) -> ArrayRef {
    Arc::new(
        rows.iter()
            .map(|&i| match side(chunk.state_of(i)) {
                crate::chunk::STATE => Some(true),
                crate::chunk::NOT_STATE => Some(false),
                _ => None,
            })
            .collect::<BooleanArray>(),
    )
}

fn col<'a, T: 'static>(batch: &'a RecordBatch, name: &str) -> Result<&'a T, EventsError> {
    batch
        .column_by_name(name)
        .and_then(|c| c.as_any().downcast_ref::<T>())
        .ok_or_else(|| {
            EventsError::Data(format!(
                "events table: column `{name}` missing or of the wrong type"
            ))
        })
}

/// The columns series need, from a batch of the `events` schema (projected
/// to at least the series columns) back into a chunk.
pub fn from_batch(batch: &RecordBatch) -> Result<Chunk, EventsError> {
    let mut c = Chunk::default();
    let n = batch.num_rows();
    let source: &StringArray = col(batch, "source")?;
    let id: &Int64Array = col(batch, "event_id")?;
    let day: &Date32Array = col(batch, "day")?;
    let a1c: &StringArray = col(batch, "actor1_code")?;
    let a2c: &StringArray = col(batch, "actor2_code")?;
    let a1: &Int32Array = col(batch, "actor1")?;
    let a2: &Int32Array = col(batch, "actor2")?;
    let code: &StringArray = col(batch, "event_code")?;
    let root: &Int32Array = col(batch, "root_code")?;
    let quad: &Int32Array = col(batch, "quad_class")?;
    let gold: &Float64Array = col(batch, "goldstein")?;
    let is_root: &BooleanArray = col(batch, "is_root")?;
    let mentions: &Int32Array = col(batch, "mentions")?;
    let sources: &Int32Array = col(batch, "sources")?;
    let articles: &Int32Array = col(batch, "articles")?;
    let opt = |a: &Int32Array, i: usize| if a.is_null(i) { None } else { Some(a.value(i)) };
    for i in 0..n {
        c.family
            .push(Family::parse(source.value(i)).map_or(Family::Csv as u8, |f| f as u8));
        c.id.push(id.value(i));
        c.day.push(day.value(i));
        let x = if a1c.is_null(i) {
            Code::NONE
        } else {
            c.code(a1c.value(i).as_bytes())
        };
        c.actor1_code.push(x);
        let y = if a2c.is_null(i) {
            Code::NONE
        } else {
            c.code(a2c.value(i).as_bytes())
        };
        c.actor2_code.push(y);
        c.actor1.push(opt(a1, i).map_or(0, |v| v as u16));
        c.actor2.push(opt(a2, i).map_or(0, |v| v as u16));
        c.event_code
            .push(Code::pack(code.value(i).as_bytes()).unwrap_or(Code::NONE));
        c.root.push(root.value(i) as u8);
        c.quad.push(opt(quad, i).map_or(0, |v| v as u8));
        c.gold10.push(if gold.is_null(i) {
            NO_GOLD
        } else {
            (gold.value(i) * 10.0).round() as i32
        });
        c.is_root.push(if is_root.is_null(i) {
            2
        } else {
            u8::from(is_root.value(i))
        });
        c.mentions.push(opt(mentions, i).unwrap_or(NO_COUNT));
        c.sources.push(opt(sources, i).unwrap_or(NO_COUNT));
        c.articles.push(opt(articles, i).unwrap_or(NO_COUNT));
        c.url.push((0, 0));
        c.line.push(0);
    }
    // URL and line when the batch has them (a staged file, see
    // `crate::stage`); series do not read them.
    if let Ok(url) = col::<StringArray>(batch, "source_url") {
        for i in 0..n {
            if url.is_valid(i) {
                let start = c.text.len() as u32;
                c.text.extend_from_slice(url.value(i).as_bytes());
                c.url[i] = (start, c.text.len() as u32);
            }
        }
    }
    if let Ok(line) = col::<Int64Array>(batch, "line") {
        for i in 0..n {
            c.line[i] = line.value(i) as u64;
        }
    }
    // segments written before the flags existed have no such columns: unknown
    if let (Ok(a), Ok(b)) = (
        col::<BooleanArray>(batch, "actor1_state"),
        col::<BooleanArray>(batch, "actor2_state"),
    ) {
        let flag = |x: &BooleanArray, i: usize| match (x.is_null(i), x.is_null(i) || x.value(i)) {
            (true, _) => crate::chunk::STATE_UNKNOWN,
            (false, true) => crate::chunk::STATE,
            (false, false) => crate::chunk::NOT_STATE,
        };
        c.actor_state = (0..n).map(|i| flag(a, i) | (flag(b, i) << 2)).collect();
    }
    Ok(c)
}

/// Columns `from_batch` reads (the two state flags only where present).
pub const SERIES_COLUMNS: [&str; 17] = [
    "source",
    "event_id",
    "day",
    "actor1_code",
    "actor2_code",
    "actor1",
    "actor2",
    "event_code",
    "root_code",
    "quad_class",
    "goldstein",
    "is_root",
    "mentions",
    "sources",
    "articles",
    "actor1_state",
    "actor2_state",
];
