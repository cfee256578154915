//! The session: where the data and the store are, and the datasets loaded
//! once and shared by every call made through it.
//!
//! The CLI makes one per run; the dashboard one for its lifetime, shared
//! by its threads; Python one per `ordo.Session()`. Every capability is a
//! method of [`Session`], defined in the module named after it.

use crate::event_store::EventSetup;
use crate::tables::{self, World};
use anyhow::Context as _;
use ordo_sources::DataDir;
use ordo_states::States;
use ordo_store::{Engine, StoreDir};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// Where a session finds its data and store. Every field left `None` is
/// discovered the way the CLI does it.
#[derive(Debug, Clone, Default)]
pub struct SessionOptions {
    /// The datasets' directory [default: $ORDO_DATA, else ./data, else
    /// ../shared/data, else the user data directory `ordo data pull` fills].
    pub data: Option<PathBuf>,
    /// The store directory [default: $ORDO_STORE, else $XDG_DATA_HOME/ordo,
    /// else ~/.local/share/ordo].
    pub store: Option<PathBuf>,
    /// The scheduler of an Apache Ballista cluster (`df://HOST:PORT`) that
    /// runs the SQL of `sql`, `events`, `ingest` and `panel`.
    pub cluster: Option<String>,
    /// Print the rules behind each table and the queries run, to standard
    /// error.
    pub verbose: bool,
}

/// The state every call starts from. Cloning is cheap and the clones share
/// what has been loaded.
#[derive(Clone)]
pub struct Session {
    options: SessionOptions,
    shared: Arc<Shared>,
}

#[derive(Default)]
struct Shared {
    world: OnceLock<Arc<World>>,
    states: OnceLock<States>,
}

impl Session {
    /// A session; nothing is read until a call needs it.
    pub fn new(options: SessionOptions) -> Session {
        Session {
            options,
            shared: Arc::default(),
        }
    }

    /// The options the session was made with.
    pub fn options(&self) -> &SessionOptions {
        &self.options
    }

    /// The data directory (found only when a call needs data).
    pub fn data_dir(&self) -> anyhow::Result<DataDir> {
        Ok(DataDir::discover(self.options.data.as_deref())?)
    }

    /// The store directory.
    pub fn store_dir(&self) -> anyhow::Result<StoreDir> {
        Ok(StoreDir::locate(self.options.store.as_deref())?)
    }

    /// The scheduler URL when queries run on a Ballista cluster.
    pub fn cluster(&self) -> Option<&str> {
        self.options.cluster.as_deref()
    }

    /// Whether notes are printed.
    pub fn verbose(&self) -> bool {
        self.options.verbose
    }

    /// Prints a note to standard error when the session is verbose.
    pub fn note(&self, line: impl AsRef<str>) {
        if self.options.verbose {
            eprintln!("note: {}", line.as_ref());
        }
    }

    /// The datasets and the measures' inputs, loaded on first use.
    pub fn world(&self) -> anyhow::Result<Arc<World>> {
        Ok(match self.shared.world.get() {
            Some(w) => Arc::clone(w),
            None => {
                let w = World::new(self.data_dir()?);
                Arc::clone(self.shared.world.get_or_init(|| w))
            }
        })
    }

    /// The SQL engine over every table, with the lazily loaded world it
    /// builds derived tables from; the event store's tables included.
    pub fn engine(&self) -> anyhow::Result<(Engine, Arc<World>)> {
        let world = self.world()?;
        let store = self.store_dir()?;
        let mut defs = tables::definitions(&world);
        defs.push(crate::event_store::series_table(&world, &store));
        let engine = match self.cluster() {
            Some(url) => crate::cluster::engine(&store, defs, url)?,
            None => Engine::new(&store, defs)?,
        };
        for udf in crate::cluster::udf::functions() {
            engine.register_udf(udf);
        }
        crate::event_store::register_tables(&engine, &store)?;
        Ok((engine, world))
    }

    /// The state system, crosswalk and names.
    pub fn states(&self) -> anyhow::Result<&States> {
        if let Some(s) = self.shared.states.get() {
            return Ok(s);
        }
        let dir = self.data_dir()?;
        let loaded = States::load(&dir)
            .with_context(|| format!("loading the state system from {}", dir.root().display()))?;
        Ok(self.shared.states.get_or_init(|| loaded))
    }

    /// The CAMEO tables and actor resolver for event files of `family`
    /// whose actors are coded as `codes` (see [`EventSetup::new`]).
    pub fn event_setup(
        &self,
        family: ordo_events::Family,
        codes: Option<&str>,
    ) -> anyhow::Result<EventSetup> {
        EventSetup::new(&self.data_dir()?, self.states()?, family, codes)
    }

    /// Two states as COW codes, which must differ.
    pub fn dyad_codes(&self, a: &str, b: &str) -> anyhow::Result<(u16, u16)> {
        let r = self.states()?.resolver();
        let (x, y) = (r.resolve(a)?.state.code.0, r.resolve(b)?.state.code.0);
        if x == y {
            anyhow::bail!("a dyad needs two different states ({a} and {b} are the same state)");
        }
        Ok((x, y))
    }

    /// The periodization in `file`, else the article's.
    pub fn periods_from(
        &self,
        file: Option<&Path>,
    ) -> anyhow::Result<ordo_analysis::Periodization> {
        Ok(match file {
            Some(p) => ordo_analysis::Periodization::load(p)?,
            None => ordo_analysis::Periodization::builtin(),
        })
    }

    /// The cooperation recipe in `file`, else ordo's default.
    pub fn coop_recipe(
        &self,
        file: Option<&Path>,
    ) -> anyhow::Result<ordo_analysis::cooperation::CoopRecipe> {
        use ordo_analysis::cooperation::CoopRecipe;
        Ok(match file {
            Some(p) => CoopRecipe::load(p)?,
            None => CoopRecipe::builtin(),
        })
    }
}
