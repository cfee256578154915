//! A measure column of a frame: its values, its source and the years that
//! source covers (so "missing because not covered" can be told apart from
//! "missing in the source").

use arrow_array::cast::AsArray;
use arrow_array::{ArrayRef, Float64Array, Int64Array};
use std::sync::Arc;

/// One output column.
#[derive(Debug, Clone)]
pub struct Column {
    pub name: &'static str,
    /// Catalog id of the dataset the values come from.
    pub source: &'static str,
    /// First and last year the source covers.
    pub coverage: (i32, i32),
    pub values: ArrayRef,
}

/// The constructors take the values as an iterator, so that a measure
/// writes them straight into the Arrow buffers: a `Vec<Option<f64>>` first
/// would take twice the memory of the column, two million rows at a time.
impl Column {
    pub fn ints(
        name: &'static str,
        source: &'static str,
        coverage: (i32, i32),
        v: impl IntoIterator<Item = Option<i64>>,
    ) -> Column {
        Column {
            name,
            source,
            coverage,
            values: Arc::new(v.into_iter().collect::<Int64Array>()),
        }
    }

    pub fn floats(
        name: &'static str,
        source: &'static str,
        coverage: (i32, i32),
        v: impl IntoIterator<Item = Option<f64>>,
    ) -> Column {
        Column {
            name,
            source,
            coverage,
            values: Arc::new(v.into_iter().collect::<Float64Array>()),
        }
    }
}

/// A record batch of nullable named columns of equal length (a bug in ordo
/// otherwise, hence the panic).
pub fn record_batch(columns: Vec<(&str, ArrayRef)>) -> arrow_array::RecordBatch {
    let fields: Vec<arrow_schema::Field> = columns
        .iter()
        .map(|(n, a)| arrow_schema::Field::new(*n, a.data_type().clone(), true))
        .collect();
    arrow_array::RecordBatch::try_new(
        Arc::new(arrow_schema::Schema::new(fields)),
        columns.into_iter().map(|(_, a)| a).collect(),
    )
    .expect("columns of equal length")
}

/// The values of two float columns side by side, row by row.
pub fn float_pairs<'a>(
    a: &'a Column,
    b: &'a Column,
) -> impl Iterator<Item = (Option<f64>, Option<f64>)> + 'a {
    let floats = |c: &'a Column| c.values.as_primitive::<arrow_array::types::Float64Type>();
    floats(a).iter().zip(floats(b))
}

/// Inside `[lo, hi]`.
pub fn covers(coverage: (i32, i32), year: i32) -> bool {
    coverage.0 <= year && year <= coverage.1
}

/// A 0/1 flag: the value when known, 0 inside the coverage when the source
/// has no row (absence of an event), NULL outside it.
pub fn flag(found: Option<i64>, coverage: (i32, i32), year: i32) -> Option<i64> {
    found.or_else(|| covers(coverage, year).then_some(0))
}

/// `|a - b|` when both are known.
pub fn distance(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    Some((a? - b?).abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_are_zero_only_inside_coverage() {
        assert_eq!(flag(Some(1), (1816, 2014), 1900), Some(1));
        assert_eq!(flag(None, (1816, 2014), 1900), Some(0));
        assert_eq!(flag(None, (1816, 2014), 2015), None);
        assert_eq!(distance(Some(0.25), Some(0.75)), Some(0.5));
        assert_eq!(distance(None, Some(0.75)), None);
    }
}
