//! Building the Arrow record batches every command prints, column by column.
//!
//! Commands produce Arrow data so that one writer serves the table, CSV, JSON
//! and Parquet outputs (and, later, the SQL store) with the same values.

use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray,
};
use arrow_schema::{DataType, Field, Schema};
use std::sync::Arc;

/// A table under construction.
#[derive(Default)]
pub struct Frame {
    fields: Vec<Field>,
    columns: Vec<ArrayRef>,
}

impl Frame {
    pub fn new() -> Frame {
        Frame::default()
    }

    pub fn text<S: AsRef<str>>(
        self,
        name: &str,
        values: impl IntoIterator<Item = Option<S>>,
    ) -> Frame {
        let array: StringArray = values.into_iter().collect();
        self.push(name, DataType::Utf8, Arc::new(array))
    }

    pub fn int(self, name: &str, values: impl IntoIterator<Item = Option<i64>>) -> Frame {
        let array: Int64Array = values.into_iter().collect();
        self.push(name, DataType::Int64, Arc::new(array))
    }

    pub fn float(self, name: &str, values: impl IntoIterator<Item = Option<f64>>) -> Frame {
        let array: Float64Array = values.into_iter().collect();
        self.push(name, DataType::Float64, Arc::new(array))
    }

    /// Days, as Arrow Date32 (days since 1970-01-01).
    pub fn date(
        self,
        name: &str,
        values: impl IntoIterator<Item = Option<chrono::NaiveDate>>,
    ) -> Frame {
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid day");
        let array: Date32Array = values
            .into_iter()
            .map(|d| d.map(|d| (d - epoch).num_days() as i32))
            .collect();
        self.push(name, DataType::Date32, Arc::new(array))
    }

    pub fn flag(self, name: &str, values: impl IntoIterator<Item = Option<bool>>) -> Frame {
        let array: BooleanArray = values.into_iter().collect();
        self.push(name, DataType::Boolean, Arc::new(array))
    }

    fn push(mut self, name: &str, dt: DataType, array: ArrayRef) -> Frame {
        self.fields.push(Field::new(name, dt, true));
        self.columns.push(array);
        self
    }

    pub fn build(self) -> anyhow::Result<RecordBatch> {
        Ok(RecordBatch::try_new(
            Arc::new(Schema::new(self.fields)),
            self.columns,
        )?)
    }
}
