//! Building the Arrow record batches every command prints, column by column.
//!
//! Commands produce Arrow data so that one writer serves the table, CSV, JSON
//! and Parquet outputs (and, later, the SQL store) with the same values.

use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray};
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
