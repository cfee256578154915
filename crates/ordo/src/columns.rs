//! Reading query results column by column, whatever numeric type the
//! engine produced (values are cast to Int64, Float64 or Utf8).

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
use arrow_array::RecordBatch;
use arrow_schema::DataType;

fn cast(batch: &RecordBatch, name: &str, to: &DataType) -> arrow_array::ArrayRef {
    let col = batch
        .column_by_name(name)
        .unwrap_or_else(|| panic!("query result has no column `{name}` (a bug in ordo)"));
    arrow_cast::cast(col, to).expect("castable column (a bug in ordo)")
}

pub fn ints(batch: &RecordBatch, name: &str) -> Vec<Option<i64>> {
    cast(batch, name, &DataType::Int64)
        .as_primitive::<Int64Type>()
        .iter()
        .collect()
}

pub fn floats(batch: &RecordBatch, name: &str) -> Vec<Option<f64>> {
    cast(batch, name, &DataType::Float64)
        .as_primitive::<Float64Type>()
        .iter()
        .collect()
}

pub fn texts(batch: &RecordBatch, name: &str) -> Vec<Option<String>> {
    let a = cast(batch, name, &DataType::Utf8);
    a.as_string::<i32>()
        .iter()
        .map(|s| s.map(str::to_string))
        .collect()
}

/// A column over several batches.
pub fn floats_all(batches: &[RecordBatch], name: &str) -> Vec<Option<f64>> {
    batches.iter().flat_map(|b| floats(b, name)).collect()
}
