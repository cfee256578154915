//! The embedded SQL engine: a DataFusion session whose default schema is
//! ordo's tables.

use crate::cache::Cache;
use crate::location::StoreDir;
use crate::schema::{OrdoSchema, TableDef};
use crate::StoreError;
use arrow_array::RecordBatch;
use datafusion::catalog::SchemaProvider;
use datafusion::execution::session_state::{SessionState, SessionStateBuilder};
use datafusion::logical_expr::ScalarUDF;
use datafusion::physical_plan::ExecutionPlan;
use datafusion::prelude::{SessionConfig, SessionContext};
use std::sync::Arc;

/// What a read-only query returned.
pub struct ReadOnlyResult {
    pub schema: arrow_schema::SchemaRef,
    pub batches: Vec<RecordBatch>,
    /// More rows existed than were kept.
    pub truncated: bool,
}

/// A test of a query's answer, given the plan that computed it, run after
/// the last batch arrived and before any batch is handed on. A cluster
/// client uses it to ask the scheduler how the job ended and to refuse an
/// answer Ballista assembled wrongly (see `ordo::cluster::check`); the
/// message of an `Err` is the reason.
pub type PlanCheck = Arc<
    dyn Fn(Arc<dyn ExecutionPlan>) -> futures::future::BoxFuture<'static, Result<(), String>>
        + Send
        + Sync,
>;

/// A SQL session over ordo's tables.
pub struct Engine {
    runtime: tokio::runtime::Runtime,
    ctx: SessionContext,
    schema: Arc<OrdoSchema>,
    /// Where queries ran, when not here (first provenance line).
    location: Option<String>,
    /// Checked before an answer is used (cluster sessions).
    check: Option<PlanCheck>,
}

impl Engine {
    pub fn new(store: &StoreDir, defs: Vec<TableDef>) -> Result<Engine, StoreError> {
        Engine::with_session(store, defs, SessionConfig::new(), Ok, false)
    }

    /// An engine whose session is `upgrade`d from one built on `config`
    /// (Ballista's client turns a session into one whose plans run on a
    /// cluster). With `parquet_only`, every table is served from its
    /// Parquet file in the cache, written on first use: executors elsewhere
    /// can read a file at a shared path, not the client's memory.
    pub fn with_session(
        store: &StoreDir,
        defs: Vec<TableDef>,
        config: SessionConfig,
        upgrade: impl FnOnce(SessionState) -> datafusion::error::Result<SessionState>,
        parquet_only: bool,
    ) -> Result<Engine, StoreError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(|source| StoreError::Io {
                path: store.root().to_path_buf(),
                source,
            })?;
        let state = SessionStateBuilder::new()
            .with_config(config.with_information_schema(true))
            .with_default_features()
            .build();
        let ctx = SessionContext::new_with_state(upgrade(state)?);
        let mut schema = OrdoSchema::new(defs, Cache::new(store.cache_dir()));
        schema.parquet_only = parquet_only;
        let schema = Arc::new(schema);
        let catalog = ctx
            .catalog("datafusion")
            .ok_or_else(|| StoreError::Location("no default catalog".into()))?;
        catalog.register_schema("public", Arc::clone(&schema) as Arc<dyn SchemaProvider>)?;
        Ok(Engine {
            runtime,
            ctx,
            schema,
            location: None,
            check: None,
        })
    }

    /// Every answer must pass `check` before it is returned or streamed.
    pub fn checked(mut self, check: PlanCheck) -> Engine {
        self.check = Some(check);
        self
    }

    /// Runs `query` to the end and applies the check: with one, no batch
    /// leaves before the whole answer has passed it.
    async fn checked_collect(
        &self,
        check: &PlanCheck,
        query: &str,
    ) -> Result<(arrow_schema::SchemaRef, Vec<RecordBatch>), StoreError> {
        let df = self.ctx.sql(query).await?;
        let schema = Arc::new(df.schema().as_arrow().clone());
        let task = Arc::new(df.task_ctx());
        let plan = df.create_physical_plan().await?;
        let batches = datafusion::physical_plan::collect(Arc::clone(&plan), task).await?;
        check(plan).await.map_err(StoreError::Refused)?;
        Ok((schema, batches))
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

    /// Serves an in-memory batch as a table for this engine's queries (a
    /// user's attached file, disputes whittled by a chosen rule).
    pub fn register_batch(&self, name: &str, batch: RecordBatch) -> Result<(), StoreError> {
        self.schema.register_batch(name, batch)
    }

    /// Makes a SQL function available to queries (ordo's own, such as
    /// `ordo_period`).
    pub fn register_udf(&self, udf: ScalarUDF) {
        self.ctx.register_udf(udf);
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
            if let Some(check) = &self.check {
                let (schema, batches) = self.checked_collect(check, query).await?;
                for b in &batches {
                    sink(b)?;
                }
                return Ok(schema);
            }
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
            if let Some(check) = &self.check {
                return Ok(self.checked_collect(check, query).await?.1);
            }
            let df = self.ctx.sql(query).await?;
            Ok(df.collect().await?)
        })
    }

    /// Runs a query that may only read: DataFusion's own checks refuse DDL
    /// (`CREATE EXTERNAL TABLE` would read any file), DML and `COPY` (which
    /// write files) and session statements (`SET`), and ordo refuses table
    /// functions (the only way left for a query to name a file). At most
    /// `max_rows` rows are kept (the flag says whether more existed) and
    /// the query is cancelled after `timeout`. For the web server's
    /// `/api/sql`, where the query comes from whoever can reach the port.
    pub fn read_only(
        &self,
        query: &str,
        max_rows: usize,
        timeout: std::time::Duration,
    ) -> Result<ReadOnlyResult, StoreError> {
        use datafusion::execution::context::SQLOptions;
        use futures::StreamExt;
        crate::read_only::check(query, &self.known_tables())?;
        let options = SQLOptions::new()
            .with_allow_ddl(false)
            .with_allow_dml(false)
            .with_allow_statements(false);
        let (ctx, query, check) = (self.ctx.clone(), query.to_string(), self.check.clone());
        // Its own runtime, and spawned, so that the timer fires even while
        // the query computes, and a cancelled query is left to its worker
        // thread (`shutdown_background`) instead of blocking the answer.
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .map_err(|e| StoreError::Refused(format!("cannot start the query: {e}")))?;
        let mut task = runtime.spawn(async move {
            let df = ctx.sql_with_options(&query, options).await?;
            let schema = Arc::new(df.schema().as_arrow().clone());
            let plan = df.create_physical_plan().await?;
            crate::read_only::check_plan(&plan)?;
            let mut stream =
                datafusion::physical_plan::execute_stream(Arc::clone(&plan), ctx.task_ctx())?;
            let (mut batches, mut rows, mut truncated) = (Vec::new(), 0usize, false);
            while let Some(batch) = stream.next().await {
                let batch = batch?;
                let keep = batch.num_rows().min(max_rows - rows);
                truncated = keep < batch.num_rows();
                if keep > 0 {
                    batches.push(batch.slice(0, keep));
                    rows += keep;
                }
                if truncated {
                    break;
                }
            }
            if let Some(check) = check {
                check(plan).await.map_err(StoreError::Refused)?;
            }
            Ok::<_, StoreError>(ReadOnlyResult {
                schema,
                batches,
                truncated,
            })
        });
        let outcome = runtime.block_on(async { tokio::time::timeout(timeout, &mut task).await });
        match outcome {
            Ok(Ok(result)) => result,
            Ok(Err(e)) => Err(StoreError::Refused(format!("the query failed: {e}"))),
            Err(_) => {
                task.abort();
                runtime.shutdown_background();
                Err(StoreError::Refused(format!(
                    "the query ran longer than the {} ms limit and was cancelled",
                    timeout.as_millis()
                )))
            }
        }
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

    /// Runs each query on one partition. For a frame written out whole in
    /// its stored order, splitting the scan over the cores only to merge
    /// the parts back row by row (a sort-preserving merge of a million
    /// rows) costs more than the split gains; one partition streams the
    /// table as stored. A cluster's engine (one `located` elsewhere) is left
    /// as it is: its point is the split.
    pub fn in_stored_order(self) -> Engine {
        if self.location.is_some() {
            return self;
        }
        self.ctx
            .state_ref()
            .write()
            .config_mut()
            .options_mut()
            .execution
            .target_partitions = 1;
        self
    }

    /// Waits until every table this engine built is in the cache (tables
    /// are cached in the background while queries run from memory); the
    /// first write that failed is the error. Dropping the engine waits too,
    /// and prints such a failure as a warning.
    pub fn wait_for_cache(&self) -> Result<(), StoreError> {
        self.schema.wait_for_cache()
    }

    /// Records where this engine's queries run (a cluster), for provenance.
    pub fn located(mut self, line: String) -> Engine {
        self.location = Some(line);
        self
    }

    /// Provenance of the tables the queries so far touched.
    pub fn provenance(&self) -> Vec<String> {
        self.location
            .iter()
            .cloned()
            .chain(self.schema.provenance())
            .collect()
    }

    /// Every table a query may read: ordo's, the event store's and the
    /// information schema's, lower-case.
    fn known_tables(&self) -> std::collections::BTreeSet<String> {
        let mut names = std::collections::BTreeSet::new();
        if let Some(catalog) = self.ctx.catalog("datafusion") {
            for schema in catalog.schema_names() {
                if let Some(s) = catalog.schema(&schema) {
                    names.extend(s.table_names().into_iter().map(|n| n.to_lowercase()));
                }
            }
        }
        names
    }

    /// Names and descriptions of the tables.
    pub fn tables(&self) -> Vec<(String, String)> {
        self.schema
            .defs()
            .map(|d| (d.name.clone(), d.description.clone()))
            .collect()
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        if let Err(e) = self.schema.wait_for_cache() {
            eprintln!("warning: the cache was not written: {e}");
        }
    }
}
