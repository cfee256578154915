//! Typed access to the columns of a dataset table read by `ordo-sources`.

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type};
use arrow_array::{Array, RecordBatch};

/// The named Int64 column as options (panics on a name or type that is not
/// the dataset spec's: a bug in ordo, never user input).
pub fn ints(batch: &RecordBatch, name: &str) -> Vec<Option<i64>> {
    column(batch, name)
        .as_primitive::<Int64Type>()
        .iter()
        .collect()
}

pub fn floats(batch: &RecordBatch, name: &str) -> Vec<Option<f64>> {
    column(batch, name)
        .as_primitive::<Float64Type>()
        .iter()
        .collect()
}

/// Days since 1970-01-01.
pub fn dates(batch: &RecordBatch, name: &str) -> Vec<Option<i32>> {
    column(batch, name)
        .as_primitive::<Date32Type>()
        .iter()
        .collect()
}

/// The named text column, borrowed from the batch (no copy per value: the
/// UN votes alone are 870,000 rows of three text columns).
pub fn texts<'a>(batch: &'a RecordBatch, name: &str) -> Vec<Option<&'a str>> {
    column(batch, name).as_string::<i32>().iter().collect()
}

/// Codes read as u16 (ccodes are range-checked 1..=999 by the reader).
pub fn codes(batch: &RecordBatch, name: &str) -> Vec<u16> {
    ints(batch, name)
        .into_iter()
        .map(|v| v.unwrap_or(0) as u16)
        .collect()
}

fn column<'a>(batch: &'a RecordBatch, name: &str) -> &'a dyn Array {
    batch
        .column_by_name(name)
        .unwrap_or_else(|| panic!("column {name} is declared by the dataset spec"))
        .as_ref()
}

/// The date of a Date32 day number (days since 1970-01-01).
pub fn date_of_day(days: i32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch")
        + chrono::Duration::days(i64::from(days))
}

/// The Date32 day number of a date.
pub fn day_number(date: chrono::NaiveDate) -> Option<i32> {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from((date - epoch).num_days()).ok()
}

/// Year of a Date32 day number.
pub fn year_of_day(days: i32) -> i32 {
    use chrono::Datelike;
    date_of_day(days).year()
}
