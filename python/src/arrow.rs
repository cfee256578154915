//! Tables across the language boundary: the Arrow PyCapsule interface.
//!
//! Every table the Python package returns is an [`ArrowTable`]: the Arrow
//! schema and record batches ordo computed, and the sources that say where
//! each number comes from. Python libraries read it through the Arrow C
//! stream interface (`__arrow_c_stream__`, the [PyCapsule protocol]):
//! `pyarrow.table(t)`, `polars.DataFrame(t)`, `pandas.DataFrame.from_arrow(t)`
//! and DuckDB take it as it is. Nothing is copied and no Python object is made
//! per row or per value: the consumer receives pointers to the same buffers
//! the Rust side holds, and a release callback that drops them when it is done.
//!
//! The sources travel in the schema metadata under [`SOURCES_KEY`], as a JSON
//! array of strings, so that they survive a round trip through pyarrow
//! (`pa.table(t).schema.metadata[b"ordo.sources"]`) and Parquet files written
//! from it; `ArrowTable::sources` gives them as a list without parsing.
//!
//! [PyCapsule protocol]: https://arrow.apache.org/docs/format/CDataInterface/PyCapsuleInterface.html

use std::collections::HashMap;
use std::ffi::CStr;
use std::sync::Arc;

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{RecordBatch, RecordBatchIterator};
use arrow_schema::ffi::FFI_ArrowSchema;
use arrow_schema::{ArrowError, Schema, SchemaRef};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

/// The schema-metadata key under which a table's sources travel (a JSON array of strings).
pub const SOURCES_KEY: &str = "ordo.sources";

/// Capsule names fixed by the PyCapsule protocol; consumers check them.
const STREAM_CAPSULE: &CStr = c"arrow_array_stream";
const SCHEMA_CAPSULE: &CStr = c"arrow_schema";

/// `schema` with `sources` added to its metadata under [`SOURCES_KEY`]
/// (replacing an earlier value of that key; other keys are kept).
pub fn with_sources(schema: &Schema, sources: &[String]) -> SchemaRef {
    let mut metadata: HashMap<String, String> = schema.metadata().clone();
    let json = serde_json::to_string(sources).expect("a list of strings serialises");
    metadata.insert(SOURCES_KEY.to_string(), json);
    Arc::new(Schema::new_with_metadata(schema.fields().clone(), metadata))
}

/// A PyCapsule named `arrow_array_stream` holding an `ArrowArrayStream` over
/// `batches`, whose schema is `schema` with the sources in its metadata.
///
/// The batches are moved into the stream (cloning a `RecordBatch` before the
/// call is cheap: it clones reference-counted buffers, not data). The capsule
/// owns the stream until a consumer moves it out; if none does, the capsule's
/// destructor releases it.
pub fn stream_capsule<'py>(
    py: Python<'py>,
    schema: &Schema,
    batches: Vec<RecordBatch>,
    sources: &[String],
) -> PyResult<Bound<'py, PyCapsule>> {
    let schema = with_sources(schema, sources);
    let reader = RecordBatchIterator::new(batches.into_iter().map(Ok), schema);
    let stream = FFI_ArrowArrayStream::new(Box::new(reader));
    // The capsule's destructor drops the Box: `FFI_ArrowArrayStream`'s Drop
    // calls `release` only while it is set, and a consumer that moved the
    // stream out has cleared it, as the C data interface requires.
    PyCapsule::new_with_value(py, stream, STREAM_CAPSULE)
}

/// A PyCapsule named `arrow_schema` holding the `ArrowSchema` of `schema`
/// with the sources in its metadata (for `__arrow_c_schema__`).
pub fn schema_capsule<'py>(
    py: Python<'py>,
    schema: &Schema,
    sources: &[String],
) -> PyResult<Bound<'py, PyCapsule>> {
    let schema = with_sources(schema, sources);
    let ffi = FFI_ArrowSchema::try_from(schema.as_ref()).map_err(arrow_error)?;
    PyCapsule::new_with_value(py, ffi, SCHEMA_CAPSULE)
}

/// An Arrow error as a Python `ValueError` carrying Arrow's message.
pub fn arrow_error(err: ArrowError) -> PyErr {
    PyValueError::new_err(err.to_string())
}

/// A table computed by ordo: Arrow record batches and the sources of its numbers.
///
/// Any library that speaks the Arrow PyCapsule protocol reads it without a
/// copy (`pyarrow.table(t)`, `polars.DataFrame(t)`,
/// `pandas.DataFrame.from_arrow(t)`); it can be read any number of times.
/// The Python class `ordo.Table` wraps it with `to_arrow()`, `to_pandas()`
/// and `to_polars()`.
#[pyclass(name = "Table", module = "ordo._ordo", frozen)]
pub struct ArrowTable {
    /// The schema, with the sources in its metadata.
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
    sources: Vec<String>,
}

impl ArrowTable {
    /// A table of `batches`, which must all have `schema`'s fields (as the
    /// batches of one DataFusion query or one Parquet file do).
    pub fn new(schema: SchemaRef, batches: Vec<RecordBatch>, sources: Vec<String>) -> Self {
        let schema = with_sources(&schema, &sources);
        ArrowTable {
            schema,
            batches,
            sources,
        }
    }

    /// A table of one batch.
    pub fn from_batch(batch: RecordBatch, sources: Vec<String>) -> Self {
        ArrowTable::new(batch.schema(), vec![batch], sources)
    }

    pub fn schema(&self) -> &SchemaRef {
        &self.schema
    }

    pub fn batches(&self) -> &[RecordBatch] {
        &self.batches
    }

    pub fn num_rows(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }
}

#[pymethods]
impl ArrowTable {
    /// Export the table as an Arrow C stream (the PyCapsule protocol).
    ///
    /// `requested_schema` is accepted and ignored, as the protocol allows: the
    /// table is always given in its own schema, which consumers check.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        stream_capsule(py, &self.schema, self.batches.clone(), &self.sources)
    }

    /// Export the table's schema as an Arrow C schema (the PyCapsule protocol).
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        schema_capsule(py, &self.schema, &self.sources)
    }

    /// Where the numbers come from: one line per source, as ordo prints them under its tables.
    #[getter]
    fn sources(&self) -> Vec<String> {
        self.sources.clone()
    }

    /// The column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.schema
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    #[getter(num_rows)]
    fn py_num_rows(&self) -> usize {
        self.num_rows()
    }

    #[getter]
    fn num_columns(&self) -> usize {
        self.schema.fields().len()
    }

    fn __len__(&self) -> usize {
        self.num_rows()
    }

    fn __repr__(&self) -> String {
        format!(
            "<ordo._ordo.Table: {} rows x {} columns>",
            self.num_rows(),
            self.schema.fields().len()
        )
    }
}
