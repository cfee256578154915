//! The schema DataFusion sees: every table ordo knows, materialised on first
//! use from the Parquet cache or by building it.

use crate::cache::{cache_key, read_provenance, Cache};
use crate::StoreError;
use arrow_array::RecordBatch;
use async_trait::async_trait;
use datafusion::catalog::{MemTable, SchemaProvider, TableProvider};
use datafusion::datasource::file_format::parquet::ParquetFormat;
use datafusion::datasource::listing::{
    ListingOptions, ListingTable, ListingTableConfig, ListingTableUrl,
};
use datafusion::error::DataFusionError;
use datafusion::logical_expr::{col, SortExpr};
use parquet::arrow::arrow_reader::ArrowReaderMetadata;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// A built table and the provenance lines of what it was built from.
#[derive(Debug, Clone)]
pub struct Built {
    pub batch: RecordBatch,
    pub provenance: Vec<String>,
}

type Builder = Arc<dyn Fn() -> Result<Built, String> + Send + Sync>;

/// A table ordo can provide.
#[derive(Clone)]
pub struct TableDef {
    pub name: String,
    pub description: String,
    /// Files whose bytes the table depends on (their SHA-256 key the cache).
    pub inputs: Vec<PathBuf>,
    /// Anything else the table depends on (years, options).
    pub params: String,
    /// Whether to keep a Parquet copy (derived tables); raw datasets that
    /// read in well under a second are rebuilt instead.
    pub cached: bool,
    /// Columns the built table is sorted by (ascending), declared to the
    /// engine so that `ORDER BY` on them costs no sort.
    pub sorted_by: Vec<String>,
    pub build: Builder,
}

impl std::fmt::Debug for TableDef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TableDef")
            .field("name", &self.name)
            .field("params", &self.params)
            .finish()
    }
}

/// ordo's tables, served to DataFusion on demand.
#[derive(Debug)]
pub struct OrdoSchema {
    defs: BTreeMap<String, TableDef>,
    cache: Cache,
    /// Provenance of every table materialised so far, by table.
    touched: Mutex<BTreeMap<String, Vec<String>>>,
    /// Tables over Parquet files written elsewhere (the event store).
    files: Mutex<BTreeMap<String, Arc<dyn TableProvider>>>,
    /// Serve every table from a Parquet file, never from memory (a cluster
    /// session: see [`crate::Engine::with_session`]).
    pub parquet_only: bool,
}

impl OrdoSchema {
    pub fn new(defs: Vec<TableDef>, cache: Cache) -> OrdoSchema {
        OrdoSchema {
            defs: defs.into_iter().map(|d| (d.name.clone(), d)).collect(),
            cache,
            touched: Mutex::new(BTreeMap::new()),
            files: Mutex::new(BTreeMap::new()),
            parquet_only: false,
        }
    }

    /// Serves `files` (Parquet, all of `schema`) as table `name`, with
    /// projection and predicate pushdown; no files gives an empty table.
    pub fn register_files(
        &self,
        name: &str,
        files: &[PathBuf],
        schema: arrow_schema::SchemaRef,
    ) -> Result<(), StoreError> {
        let table: Arc<dyn TableProvider> = if files.is_empty() {
            if self.parquet_only {
                // A cluster cannot be sent an in-memory table; leave the
                // name unknown rather than fail with a serialisation error.
                return Ok(());
            }
            Arc::new(MemTable::try_new(schema, vec![vec![]])?)
        } else {
            let urls = files
                .iter()
                .map(|f| ListingTableUrl::parse(f.to_string_lossy()))
                .collect::<Result<Vec<_>, _>>()?;
            let options = ListingOptions::new(Arc::new(ParquetFormat::default()))
                .with_file_extension(".parquet");
            let config = ListingTableConfig::new_with_multi_paths(urls)
                .with_listing_options(options)
                .with_schema(schema);
            Arc::new(ListingTable::try_new(config)?)
        };
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(name.to_string(), table);
        Ok(())
    }

    fn file_table(&self, name: &str) -> Option<Arc<dyn TableProvider>> {
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(name)
            .cloned()
    }

    pub fn defs(&self) -> impl Iterator<Item = &TableDef> {
        self.defs.values()
    }

    /// Provenance lines of the tables materialised so far.
    pub fn provenance(&self) -> Vec<String> {
        let touched = self.touched.lock().unwrap_or_else(|e| e.into_inner());
        touched
            .iter()
            .flat_map(|(t, lines)| lines.iter().map(move |l| format!("{t}: {l}")))
            .collect()
    }

    /// Materialises a table: cached Parquet if its key matches, else built
    /// (and cached when the definition asks for it).
    pub fn materialize(&self, def: &TableDef) -> Result<Arc<dyn TableProvider>, StoreError> {
        let shas = def
            .inputs
            .iter()
            .map(|p| {
                ordo_sources::sha256_file(p).map_err(|source| StoreError::Io {
                    path: p.clone(),
                    source,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let key = cache_key(&def.name, &def.params, &shas);
        let path = self.cache.path(&def.name, &key);
        let cached = def.cached || self.parquet_only;
        if cached && path.is_file() {
            let mut lines = read_provenance(&path)?;
            lines.push(format!("read from cache {}", path.display()));
            self.record(&def.name, lines);
            return parquet_table(&path, sort_order(&def.sorted_by));
        }
        let built = (def.build)().map_err(|message| StoreError::Build {
            table: def.name.clone(),
            message,
        })?;
        let mut lines = built.provenance.clone();
        if cached {
            self.cache.write(&path, &built.batch, &built.provenance)?;
            lines.push(format!("built and cached at {}", path.display()));
        }
        self.record(&def.name, lines);
        if self.parquet_only {
            return parquet_table(&path, sort_order(&def.sorted_by));
        }
        let table = MemTable::try_new(built.batch.schema(), vec![vec![built.batch]])?
            .with_sort_order(sort_order(&def.sorted_by));
        Ok(Arc::new(table))
    }

    fn record(&self, table: &str, lines: Vec<String>) {
        self.touched
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(table.to_string(), lines);
    }
}

/// A Parquet file as a DataFusion listing table (predicate and projection
/// pushdown, row-group statistics).
fn parquet_table(
    path: &std::path::Path,
    order: Vec<Vec<SortExpr>>,
) -> Result<Arc<dyn TableProvider>, StoreError> {
    let file = std::fs::File::open(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let schema = ArrowReaderMetadata::load(&file, Default::default())?
        .schema()
        .clone();
    let url = ListingTableUrl::parse(path.to_string_lossy())?;
    let options = ListingOptions::new(Arc::new(ParquetFormat::default()))
        .with_file_extension(".parquet")
        .with_file_sort_order(order);
    let config = ListingTableConfig::new(url)
        .with_listing_options(options)
        .with_schema(schema);
    Ok(Arc::new(ListingTable::try_new(config)?))
}

/// Ascending sort on the given columns, as DataFusion declares orderings.
fn sort_order(columns: &[String]) -> Vec<Vec<SortExpr>> {
    if columns.is_empty() {
        return Vec::new();
    }
    vec![columns
        .iter()
        .map(|c| col(c.as_str()).sort(true, false))
        .collect()]
}

#[async_trait]
impl SchemaProvider for OrdoSchema {
    fn table_names(&self) -> Vec<String> {
        let files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        self.defs.keys().chain(files.keys()).cloned().collect()
    }

    async fn table(&self, name: &str) -> Result<Option<Arc<dyn TableProvider>>, DataFusionError> {
        if let Some(t) = self.file_table(name) {
            return Ok(Some(t));
        }
        let Some(def) = self.defs.get(name) else {
            return Ok(None);
        };
        // Building is CPU work on the calling thread; tell the runtime.
        tokio::task::block_in_place(|| self.materialize(def))
            .map(Some)
            .map_err(|e| DataFusionError::External(Box::new(e)))
    }

    fn table_exist(&self, name: &str) -> bool {
        self.defs.contains_key(name) || self.file_table(name).is_some()
    }
}
