//! The embedded SQL engine: a DataFusion session whose default schema is
//! ordo's tables.

use crate::cache::Cache;
use crate::location::StoreDir;
use crate::schema::{OrdoSchema, TableDef};
use crate::StoreError;
use arrow_array::RecordBatch;
use datafusion::catalog::SchemaProvider;
use datafusion::prelude::{SessionConfig, SessionContext};
use std::sync::Arc;

/// A SQL session over ordo's tables.
pub struct Engine {
    runtime: tokio::runtime::Runtime,
    ctx: SessionContext,
    schema: Arc<OrdoSchema>,
}

impl Engine {
    pub fn new(store: &StoreDir, defs: Vec<TableDef>) -> Result<Engine, StoreError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(|source| StoreError::Io {
                path: store.root().to_path_buf(),
                source,
            })?;
        let config = SessionConfig::new().with_information_schema(true);
        let ctx = SessionContext::new_with_config(config);
        let schema = Arc::new(OrdoSchema::new(defs, Cache::new(store.cache_dir())));
        let catalog = ctx
            .catalog("datafusion")
            .ok_or_else(|| StoreError::Location("no default catalog".into()))?;
        catalog.register_schema("public", Arc::clone(&schema) as Arc<dyn SchemaProvider>)?;
        Ok(Engine {
            runtime,
            ctx,
            schema,
        })
    }

    /// Serves Parquet files written outside the cache (the event store) as
    /// a table.
    pub fn register_files(
        &self,
        name: &str,
        files: &[std::path::PathBuf],
        schema: arrow_schema::SchemaRef,
    ) -> Result<(), StoreError> {
        self.schema.register_files(name, files, schema)
    }

    /// Runs a query and hands each result batch to `sink` as it is
    /// produced, so large results stream through; returns the schema.
    pub fn stream(
        &self,
        query: &str,
        mut sink: impl FnMut(&RecordBatch) -> Result<(), StoreError>,
    ) -> Result<arrow_schema::SchemaRef, StoreError> {
        use futures::StreamExt;
        self.runtime.block_on(async {
            let df = self.ctx.sql(query).await?;
            let schema = Arc::new(df.schema().as_arrow().clone());
            let mut stream = df.execute_stream().await?;
            while let Some(batch) = stream.next().await {
                sink(&batch?)?;
            }
            Ok(schema)
        })
    }

    /// Runs a query and collects its result.
    pub fn sql(&self, query: &str) -> Result<Vec<RecordBatch>, StoreError> {
        self.runtime.block_on(async {
            let df = self.ctx.sql(query).await?;
            Ok(df.collect().await?)
        })
    }

    /// The schema a query would return (for printing an empty result with
    /// its header).
    pub fn schema_of(&self, query: &str) -> Result<arrow_schema::SchemaRef, StoreError> {
        self.runtime.block_on(async {
            let df = self.ctx.sql(query).await?;
            Ok(Arc::new(df.schema().as_arrow().clone()))
        })
    }

    /// Materialises a table by name (for commands that need a whole table).
    pub fn table(&self, name: &str) -> Result<Vec<RecordBatch>, StoreError> {
        self.sql(&format!("SELECT * FROM \"{name}\""))
    }

    /// Provenance of the tables the queries so far touched.
    pub fn provenance(&self) -> Vec<String> {
        self.schema.provenance()
    }

    /// Names and descriptions of the tables.
    pub fn tables(&self) -> Vec<(String, String)> {
        self.schema
            .defs()
            .map(|d| (d.name.clone(), d.description.clone()))
            .collect()
    }
}
