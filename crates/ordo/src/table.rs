//! What every call of the library returns: an Arrow table and the sources
//! behind it.
//!
//! One type for every face: the CLI writes it in the format asked for, the
//! server as JSON, the report as tables and charts, Python receives it
//! through the Arrow C stream interface. The sources travel with the data
//! so that every number ordo shows can be traced to the dataset files,
//! versions and rows it came from.

use crate::provenance::Provenance;
use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;

/// A result table: schema, batches, sources.
#[derive(Debug, Clone)]
pub struct Table {
    pub schema: SchemaRef,
    pub batches: Vec<RecordBatch>,
    /// One line per dataset file (title, version, path, rows, SHA-256),
    /// recipe, rule or store segment the table depends on.
    pub sources: Vec<String>,
}

impl Table {
    /// A table of one batch.
    pub fn new(batch: RecordBatch, provenance: Provenance) -> Table {
        Table {
            schema: batch.schema(),
            batches: vec![batch],
            sources: provenance.lines,
        }
    }

    /// The table as one batch.
    pub fn batch(&self) -> anyhow::Result<RecordBatch> {
        Ok(arrow_select::concat::concat_batches(
            &self.schema,
            &self.batches,
        )?)
    }

    /// Rows in all batches.
    pub fn num_rows(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }
}
