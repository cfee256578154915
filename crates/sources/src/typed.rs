//! Reading a dataset file into a typed Arrow table, declaratively.
//!
//! Each dataset reader (`datasets/*.rs`) declares its columns — type, the
//! codes that mean "missing" in that column, the plausible range — and the
//! key the source promises to be unique. This file enforces all of it with
//! errors that name the file, the line, the column and the rule broken.
//! Missing codes are per column because they differ: `-9` is missing in MID
//! fatality levels but a real Polity2 score.

use crate::data_dir::{DataDir, DataError};
use crate::table::{Col, ReadError, Row, SourceUse};
use arrow_array::builder::{Date32Builder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use std::sync::Arc;

/// Arrow type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Float,
    Text,
    /// ISO `YYYY-MM-DD`, stored as Arrow Date32.
    Date,
}

/// One column as a reader declares it.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    /// Values that mean "missing" in this column, besides the empty field.
    pub missing: &'static [&'static str],
    /// Inclusive bounds for numbers (years, codes); outside is an error.
    pub range: Option<(f64, f64)>,
}

impl Column {
    pub const fn int(name: &'static str) -> Column {
        Column {
            name,
            kind: Kind::Int,
            missing: &[],
            range: None,
        }
    }
    pub const fn float(name: &'static str) -> Column {
        Column {
            name,
            kind: Kind::Float,
            missing: &[],
            range: None,
        }
    }
    pub const fn text(name: &'static str) -> Column {
        Column {
            name,
            kind: Kind::Text,
            missing: &[],
            range: None,
        }
    }
    pub const fn date(name: &'static str) -> Column {
        Column {
            name,
            kind: Kind::Date,
            missing: &[],
            range: None,
        }
    }
    /// Declares codes that mean "missing" (e.g. COW's `-9`).
    pub const fn missing(mut self, codes: &'static [&'static str]) -> Column {
        self.missing = codes;
        self
    }
    pub const fn range(mut self, lo: f64, hi: f64) -> Column {
        self.range = Some((lo, hi));
        self
    }
    /// A COW state code, 1..=999.
    pub const fn ccode(name: &'static str) -> Column {
        Column::int(name).range(1.0, 999.0)
    }
    /// A year in the span any dataset here covers.
    pub const fn year(name: &'static str) -> Column {
        Column::int(name).range(1400.0, 2100.0)
    }
}

/// A dataset file as a reader declares it.
#[derive(Debug, Clone, Copy)]
pub struct TableSpec {
    /// Catalog id and file, e.g. `("cow_nmc", "cow_nmc.csv")`.
    pub dataset: &'static str,
    pub file: &'static str,
    /// The name the table has in ordo's SQL store.
    pub table: &'static str,
    pub columns: &'static [Column],
    /// Columns the source promises to be unique together (empty: no promise).
    pub unique: &'static [&'static str],
    /// Whether `NA` means missing (R-written files).
    pub na_missing: bool,
}

/// A dataset file read into Arrow, with what was read.
#[derive(Debug, Clone)]
pub struct Table {
    pub batch: RecordBatch,
    pub source: SourceUse,
}

impl TableSpec {
    /// Reads the file from the data directory.
    pub fn read(&self, dir: &DataDir) -> Result<Table, DataError> {
        let mut t = dir.open(self.dataset, self.file)?;
        if self.na_missing {
            t = t.na_is_missing();
        }
        let cols: Vec<Col> = self
            .columns
            .iter()
            .map(|c| t.column(c.name))
            .collect::<Result<_, _>>()?;
        let key_idx: Vec<usize> = self
            .unique
            .iter()
            .map(|k| {
                self.columns
                    .iter()
                    .position(|c| c.name == *k)
                    .expect("unique columns are declared")
            })
            .collect();
        let mut builders: Vec<ColumnBuilder> = self
            .columns
            .iter()
            .map(|c| ColumnBuilder::new(c.kind))
            .collect();
        // Each row's key is remembered as a 64-bit fingerprint with its row
        // and line; duplicates are found by sorting once the file is read
        // (a sort of a million small entries is several times faster than
        // a million inserts into a hash table), and confirmed on the
        // values themselves, so a fingerprint collision is never reported.
        let mut keys: Vec<KeySeen> = Vec::new();
        assert!(
            key_idx.len() <= MAX_KEY,
            "unique keys have at most {MAX_KEY} columns"
        );
        while let Some(row) = t.next_row()? {
            let mut key = [""; MAX_KEY];
            let mut n = 0;
            for (i, (spec, col)) in self.columns.iter().zip(&cols).enumerate() {
                let value = builders[i].push(&row, spec, col)?;
                if key_idx.contains(&i) {
                    key[n] = value.unwrap_or("");
                    n += 1;
                }
            }
            if n > 0 {
                keys.push(KeySeen {
                    fingerprint: fingerprint(&key[..n]),
                    row: keys.len() as u32,
                    line: row.line() as u32,
                });
            }
        }
        let source = t.finish()?;
        let fields: Vec<Field> = self
            .columns
            .iter()
            .map(|c| Field::new(c.name, arrow_type(c.kind), true))
            .collect();
        let arrays: Vec<ArrayRef> = builders.into_iter().map(ColumnBuilder::finish).collect();
        let batch = RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).map_err(|e| {
            ReadError::Malformed {
                file: source.file.clone(),
                line: 0,
                message: e.to_string(),
            }
        })?;
        if let Some(dup) = first_duplicate(keys, &batch, &key_idx) {
            return Err(duplicate(self, &source.file, &batch, &key_idx, dup).into());
        }
        Ok(Table { batch, source })
    }
}

/// Most columns a uniqueness promise spans.
const MAX_KEY: usize = 8;

/// Where a row's key was seen: its fingerprint, data row and file line.
#[derive(Debug, Clone, Copy)]
struct KeySeen {
    fingerprint: u64,
    row: u32,
    line: u32,
}

/// A 64-bit aHash of key fields (aHash rather than the standard SipHash:
/// this runs for every row of every dataset, and the keys are not chosen
/// by an adversary; collisions are ruled out by [`first_duplicate`]).
fn fingerprint(fields: &[&str]) -> u64 {
    // Built once, not per row.
    const HASH: ahash::RandomState = ahash::RandomState::with_seeds(11, 12, 13, 14);
    HASH.hash_one(fields)
}

/// The duplicate a row-by-row reader meets first: of the rows whose key
/// an earlier row already had, the one on the lowest line, with the line
/// of that earlier row: `(duplicate, first)`.
fn first_duplicate(
    mut keys: Vec<KeySeen>,
    batch: &RecordBatch,
    key_idx: &[usize],
) -> Option<(KeySeen, KeySeen)> {
    keys.sort_unstable_by_key(|k| (k.fingerprint, k.row));
    let mut found: Option<(KeySeen, KeySeen)> = None;
    for run in keys.chunk_by(|a, b| a.fingerprint == b.fingerprint) {
        for (j, later) in run.iter().enumerate().skip(1) {
            let earlier = run[..j]
                .iter()
                .find(|e| same_key(batch, key_idx, e.row, later.row));
            if let Some(&earlier) = earlier {
                if found.is_none_or(|(d, _)| later.line < d.line) {
                    found = Some((*later, earlier));
                }
            }
        }
    }
    found
}

/// Whether two rows hold the same values (NULL equal to NULL) in the key
/// columns.
fn same_key(batch: &RecordBatch, key_idx: &[usize], a: u32, b: u32) -> bool {
    key_idx.iter().all(|&c| {
        let data = batch.column(c).to_data();
        data.slice(a as usize, 1) == data.slice(b as usize, 1)
    })
}

fn duplicate(
    spec: &TableSpec,
    file: &std::path::Path,
    batch: &RecordBatch,
    key_idx: &[usize],
    (dup, first): (KeySeen, KeySeen),
) -> ReadError {
    let described: Vec<String> = spec
        .unique
        .iter()
        .zip(key_idx)
        .map(|(k, &c)| format!("{k}={}", value_text(batch.column(c), dup.row as usize)))
        .collect();
    ReadError::Malformed {
        file: file.to_path_buf(),
        line: u64::from(dup.line),
        message: format!(
            "duplicate key ({}): the source promises one row per ({}); first seen at line {}",
            described.join(", "),
            spec.unique.join(", "),
            first.line
        ),
    }
}

/// A key value for a message, as arrow displays it (empty when missing).
fn value_text(array: &ArrayRef, row: usize) -> String {
    use arrow_cast::display::{ArrayFormatter, FormatOptions};
    ArrayFormatter::try_new(array.as_ref(), &FormatOptions::default())
        .map_or_else(|e| format!("({e})"), |f| f.value(row).to_string())
}

fn arrow_type(kind: Kind) -> DataType {
    match kind {
        Kind::Int => DataType::Int64,
        Kind::Float => DataType::Float64,
        Kind::Text => DataType::Utf8,
        Kind::Date => DataType::Date32,
    }
}

enum ColumnBuilder {
    Int(Int64Builder),
    Float(Float64Builder),
    Text(StringBuilder),
    Date(Date32Builder),
}

/// Days from 0001-01-01 (CE day 1) to 1970-01-01, for Date32.
const UNIX_EPOCH_CE_DAYS: i32 = 719_163;

impl ColumnBuilder {
    fn new(kind: Kind) -> ColumnBuilder {
        match kind {
            Kind::Int => ColumnBuilder::Int(Int64Builder::new()),
            Kind::Float => ColumnBuilder::Float(Float64Builder::new()),
            Kind::Text => ColumnBuilder::Text(StringBuilder::new()),
            Kind::Date => ColumnBuilder::Date(Date32Builder::new()),
        }
    }

    /// Appends the row's value; returns its text (None when missing) for
    /// key checks.
    fn push<'t>(
        &mut self,
        row: &Row<'t>,
        spec: &Column,
        col: &Col,
    ) -> Result<Option<&'t str>, ReadError> {
        let raw = row.opt_str(col)?.filter(|v| !spec.missing.contains(v));
        let Some(text) = raw else {
            self.push_null();
            return Ok(None);
        };
        match self {
            ColumnBuilder::Text(b) => b.append_value(text),
            // Parse the text already fetched and validated above rather than
            // fetching the field again through `Row::i64`/`Row::f64`.
            ColumnBuilder::Int(b) => {
                let v = crate::table::parse_int(text)
                    .ok_or_else(|| row.error(col, text, "expected an integer"))?;
                check_range(row, spec, col, text, v as f64)?;
                b.append_value(v);
            }
            ColumnBuilder::Float(b) => {
                let v: f64 = text
                    .parse()
                    .map_err(|_| row.error(col, text, "expected a number"))?;
                check_range(row, spec, col, text, v)?;
                b.append_value(v);
            }
            ColumnBuilder::Date(b) => {
                let days = parse_date_days(text)
                    .ok_or_else(|| row.error(col, text, "expected a date YYYY-MM-DD"))?;
                b.append_value(days);
            }
        }
        Ok(Some(text))
    }

    fn push_null(&mut self) {
        match self {
            ColumnBuilder::Int(b) => b.append_null(),
            ColumnBuilder::Float(b) => b.append_null(),
            ColumnBuilder::Text(b) => b.append_null(),
            ColumnBuilder::Date(b) => b.append_null(),
        }
    }

    fn finish(self) -> ArrayRef {
        match self {
            ColumnBuilder::Int(mut b) => Arc::new(b.finish()),
            ColumnBuilder::Float(mut b) => Arc::new(b.finish()),
            ColumnBuilder::Text(mut b) => Arc::new(b.finish()),
            ColumnBuilder::Date(mut b) => Arc::new(b.finish()),
        }
    }
}

fn check_range(
    row: &Row<'_>,
    spec: &Column,
    col: &Col,
    text: &str,
    v: f64,
) -> Result<(), ReadError> {
    match spec.range {
        Some((lo, hi)) if !(lo..=hi).contains(&v) => {
            Err(row.error(col, text, format!("out of range: expected {lo}..={hi}")))
        }
        _ => Ok(()),
    }
}

/// Days since 1970-01-01 of an ISO date, checking that the date exists.
fn parse_date_days(s: &str) -> Option<i32> {
    let mut parts = s.splitn(3, '-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    days_from_civil(y, m, d).map(|ce| ce - UNIX_EPOCH_CE_DAYS)
}

/// Days since 0000-12-31 (so 0001-01-01 is day 1) of a proleptic Gregorian
/// date, `None` for a date that does not exist. Hand-written because it is a
/// dozen lines and keeps chrono out of this crate.
fn days_from_civil(y: i32, m: u32, d: u32) -> Option<i32> {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d == 0 || d > month_days[(m - 1) as usize] {
        return None;
    }
    let y1 = y - 1;
    let before_year = 365 * y1 + y1.div_euclid(4) - y1.div_euclid(100) + y1.div_euclid(400);
    let before_month: u32 = month_days[..(m - 1) as usize].iter().sum();
    Some(before_year + before_month as i32 + d as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(fingerprint: u64, row: u32) -> KeySeen {
        KeySeen {
            fingerprint,
            row,
            line: row + 2,
        }
    }

    /// Keys (ccode, year) of five rows on lines 2-6: 325/1938, 365/1938,
    /// 2/1938, 365/1938 again, 325/1938 again.
    fn five_rows() -> RecordBatch {
        RecordBatch::try_from_iter([
            (
                "ccode",
                Arc::new(arrow_array::Int64Array::from(vec![325, 365, 2, 365, 325])) as ArrayRef,
            ),
            (
                "year",
                Arc::new(arrow_array::Int64Array::from(vec![1938; 5])),
            ),
        ])
        .unwrap()
    }

    #[test]
    fn the_duplicate_reported_is_the_one_a_reader_meets_first() {
        let batch = five_rows();
        // Real fingerprints of the rows' key texts.
        let keys: Vec<KeySeen> = [
            ("325", "1938"),
            ("365", "1938"),
            ("2", "1938"),
            ("365", "1938"),
            ("325", "1938"),
        ]
        .iter()
        .zip(0..)
        .map(|((c, y), row)| seen(fingerprint(&[c, y]), row))
        .collect();
        let (dup, first) = first_duplicate(keys, &batch, &[0, 1]).unwrap();
        // 365/1938 on line 5 comes before 325/1938 on line 6.
        assert_eq!((dup.line, first.line), (5, 3));
    }

    #[test]
    fn a_fingerprint_collision_is_not_a_duplicate() {
        let batch = five_rows();
        // Rows 0, 1 and 2 (different keys) forced to one fingerprint.
        let keys = vec![seen(7, 0), seen(7, 1), seen(7, 2)];
        assert!(first_duplicate(keys, &batch, &[0, 1]).is_none());
        // Rows 1 and 3 share a key and a fingerprint; row 2 collides.
        let keys = vec![seen(9, 1), seen(9, 2), seen(9, 3)];
        let (dup, first) = first_duplicate(keys, &batch, &[0, 1]).unwrap();
        assert_eq!((dup.row, first.row), (3, 1));
    }

    #[test]
    fn dates_are_days_since_the_unix_epoch() {
        assert_eq!(parse_date_days("1970-01-01"), Some(0));
        assert_eq!(parse_date_days("1970-01-02"), Some(1));
        // Expected values from `date -d 1938-12-31 +%s` / 86400 (GNU date).
        assert_eq!(parse_date_days("1938-12-31"), Some(-11_324));
        assert_eq!(parse_date_days("2000-02-29"), Some(11_016));
        assert_eq!(parse_date_days("1900-02-29"), None);
        assert_eq!(parse_date_days("1816-13-01"), None);
    }
}
