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
    /// Cache files being written in the background, by path.
    writing: Mutex<BTreeMap<PathBuf, Writing>>,
}

/// A table built in this process whose cache file is still being written:
/// queries meanwhile are served from the table in memory.
#[derive(Debug)]
struct Writing {
    batch: RecordBatch,
    lines: Vec<String>,
    done: std::thread::JoinHandle<Result<(), StoreError>>,
}

impl OrdoSchema {
    pub fn new(defs: Vec<TableDef>, cache: Cache) -> OrdoSchema {
        OrdoSchema {
            defs: defs.into_iter().map(|d| (d.name.clone(), d)).collect(),
            cache,
            touched: Mutex::new(BTreeMap::new()),
            files: Mutex::new(BTreeMap::new()),
            parquet_only: false,
            writing: Mutex::new(BTreeMap::new()),
        }
    }

    /// Serves `files` (Parquet, all of `schema`) as table `name`, with
    /// projection and predicate pushdown; no files gives an empty table.
    /// Serves an in-memory batch as a table of this schema, beside the
    /// store's own (a name the store already has is refused).
    pub fn register_batch(
        &self,
        name: &str,
        batch: arrow_array::RecordBatch,
    ) -> Result<(), StoreError> {
        if self.defs.contains_key(name) {
            return Err(StoreError::Location(format!(
                "`{name}` is already one of ordo's tables: choose another name"
            )));
        }
        let table = MemTable::try_new(batch.schema(), vec![vec![batch]])?;
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        files.insert(name.to_string(), Arc::new(table));
        Ok(())
    }

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
        self.reap_written();
        if let Some(w) = self.lock_writing().get(&path) {
            self.record(&def.name, w.lines.clone());
            return memory_table(&w.batch, &def.sorted_by);
        }
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
        if self.parquet_only {
            // Executors elsewhere read the file: it must exist first.
            self.cache.write(&path, &built.batch, &built.provenance)?;
            lines.push(format!("built and cached at {}", path.display()));
            self.record(&def.name, lines);
            return parquet_table(&path, sort_order(&def.sorted_by));
        }
        if cached {
            // Written while the answer is computed from memory (the cache
            // write was a second of a cold frame build); the engine waits
            // for it before it ends (`wait_for_cache`).
            lines.push(format!("built and cached at {}", path.display()));
            let (cache, file, batch) = (self.cache.clone(), path.clone(), built.batch.clone());
            let provenance = built.provenance;
            let done = std::thread::spawn(move || cache.write(&file, &batch, &provenance));
            self.lock_writing().insert(
                path,
                Writing {
                    batch: built.batch.clone(),
                    lines: lines.clone(),
                    done,
                },
            );
        }
        self.record(&def.name, lines);
        memory_table(&built.batch, &def.sorted_by)
    }

    fn lock_writing(&self) -> std::sync::MutexGuard<'_, BTreeMap<PathBuf, Writing>> {
        self.writing.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Forgets the background writes that have ended; one that failed is
    /// reported on standard error (the table will be built again next time).
    fn reap_written(&self) {
        let ended: BTreeMap<PathBuf, Writing> = {
            let mut writing = self.lock_writing();
            let (ended, running) = std::mem::take(&mut *writing)
                .into_iter()
                .partition(|(_, w)| w.done.is_finished());
            *writing = running;
            ended
        };
        for w in ended.into_values() {
            if let Err(e) = join(w) {
                eprintln!("warning: the cache was not written: {e}");
            }
        }
    }

    /// Waits for every cache file still being written; the first failure
    /// is returned (the answers already given are unaffected: they were
    /// computed from memory).
    pub fn wait_for_cache(&self) -> Result<(), StoreError> {
        let writing = std::mem::take(&mut *self.lock_writing());
        let mut first = Ok(());
        for w in writing.into_values() {
            let result = join(w);
            if first.is_ok() {
                first = result;
            }
        }
        first
    }

    fn record(&self, table: &str, lines: Vec<String>) {
        self.touched
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(table.to_string(), lines);
    }
}

fn join(w: Writing) -> Result<(), StoreError> {
    w.done
        .join()
        .unwrap_or_else(|_| Err(StoreError::Refused("the cache writer panicked".into())))
}

/// A built table served from memory, with its declared order.
fn memory_table(
    batch: &RecordBatch,
    sorted_by: &[String],
) -> Result<Arc<dyn TableProvider>, StoreError> {
    let table = MemTable::try_new(batch.schema(), vec![vec![batch.clone()]])?
        .with_sort_order(sort_order(sorted_by));
    Ok(Arc::new(table))
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

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::Int64Array;

    /// A cached table of three rows built from one input file.
    fn schema_in(dir: &std::path::Path, cache: PathBuf) -> (OrdoSchema, TableDef) {
        let input = dir.join("input.csv");
        std::fs::write(&input, "x\n1\n2\n3\n").unwrap();
        let def = TableDef {
            name: "t".into(),
            description: String::new(),
            inputs: vec![input],
            params: String::new(),
            cached: true,
            sorted_by: vec!["x".into()],
            build: Arc::new(|| {
                let batch = RecordBatch::try_from_iter([(
                    "x",
                    Arc::new(Int64Array::from(vec![1, 2, 3])) as arrow_array::ArrayRef,
                )])
                .map_err(|e| e.to_string())?;
                Ok(Built {
                    batch,
                    provenance: vec!["input.csv (3 rows)".into()],
                })
            }),
        };
        (OrdoSchema::new(vec![def.clone()], Cache::new(cache)), def)
    }

    /// The cache file is written in the background, complete once waited
    /// for, and read (not rebuilt) by the next session.
    #[test]
    fn a_table_is_cached_in_the_background_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache");
        let (schema, def) = schema_in(dir.path(), cache.clone());
        schema.materialize(&def).unwrap();
        schema.wait_for_cache().unwrap();
        let files: Vec<_> = std::fs::read_dir(&cache).unwrap().collect();
        assert_eq!(files.len(), 1, "one file, no temporary left: {files:?}");
        let (next, def) = schema_in(dir.path(), cache);
        next.materialize(&def).unwrap();
        let lines = next.provenance();
        assert_eq!(lines[0], "t: input.csv (3 rows)");
        assert!(lines[1].starts_with("t: read from cache "), "{lines:?}");
    }

    /// When the cache cannot be written (here its directory is a file),
    /// the table is still served from memory and the failure is returned
    /// by the wait, naming the path.
    #[test]
    fn a_failed_background_write_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let blocked = dir.path().join("cache");
        std::fs::write(&blocked, "not a directory").unwrap();
        let (schema, def) = schema_in(dir.path(), blocked.clone());
        assert!(schema.materialize(&def).is_ok());
        let err = schema.wait_for_cache().unwrap_err().to_string();
        assert!(err.contains(&blocked.display().to_string()), "{err}");
        // Waiting again finds nothing left to wait for.
        assert!(schema.wait_for_cache().is_ok());
    }
}
