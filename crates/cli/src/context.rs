//! What every command shares: the global flags, the data directory and the
//! output settings.

use crate::output::{Format, OutputArgs};
use crate::tables::{self, World};
use anyhow::Context as _;
use clap::Args;
use ordo_sources::DataDir;
use ordo_states::States;
use ordo_store::{Engine, StoreDir};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// Flags accepted by every command.
#[derive(Args, Debug)]
pub struct GlobalArgs {
    /// Directory holding the public datasets, one folder per dataset [default:
    /// $ORDO_DATA, else ./data, else ../shared/data, else the user data
    /// directory `ordo data pull` fills]
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Output format [default: table on a terminal, csv otherwise; from the
    /// extension of --out when given]
    #[arg(long, global = true, value_enum)]
    pub format: Option<Format>,
    /// Write the table to FILE (atomically) instead of standard output
    #[arg(long, global = true, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Store directory for cached tables [default: $ORDO_STORE, else
    /// $XDG_DATA_HOME/ordo, else ~/.local/share/ordo]
    #[arg(long, global = true, value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// Print the rules used to build each table (e.g. how several disputes
    /// in one dyad-year become one row) and what was read
    #[arg(long, short, global = true)]
    pub verbose: bool,
    /// Run SQL on an Apache Ballista cluster (`df://HOST:PORT` of its
    /// scheduler) instead of in this process: `ordo sql`, `ordo events`,
    /// `ordo ingest`, `ordo panel`; the store must be at the same path on
    /// every host (see docs/cluster.md) [default: $ORDO_CLUSTER]
    #[arg(long, global = true, value_name = "URL", env = "ORDO_CLUSTER")]
    pub cluster: Option<String>,
    /// Never download: `ordo data pull` reads only a --mirror directory, and
    /// a command that finds no data stops and says what to run instead of
    /// pulling what it needs [env: ORDO_OFFLINE=1]
    #[arg(long, global = true, env = "ORDO_OFFLINE", action = clap::ArgAction::SetTrue,
          value_parser = clap::builder::BoolishValueParser::new())]
    pub offline: bool,
    /// Fetch datasets from a mirror instead of their upstream addresses: a
    /// base URL or a directory standing for each upstream's scheme and host
    /// (`BASE/<host>/<path>`; docs/data.md) [env: ORDO_MIRROR]
    #[arg(long, global = true, value_name = "URL|DIR", env = "ORDO_MIRROR")]
    pub mirror: Option<String>,
}

/// The state every command starts from.
pub struct Context {
    data_flag: Option<PathBuf>,
    /// `--offline` / `ORDO_OFFLINE`.
    pub offline: bool,
    /// `--mirror` / `ORDO_MIRROR`.
    pub mirror: Option<String>,
    store_flag: Option<PathBuf>,
    /// The scheduler of a Ballista cluster, when queries run there.
    cluster: Option<String>,
    pub verbose: bool,
    pub output: OutputArgs,
    /// Loaded once and shared by the contexts cloned with `capturing`, so
    /// the report's and the server's many commands read the datasets once.
    shared: Arc<Shared>,
}

#[derive(Default)]
struct Shared {
    world: OnceLock<Arc<World>>,
    states: OnceLock<States>,
}

impl Context {
    pub fn new(args: GlobalArgs) -> anyhow::Result<Context> {
        Ok(Context {
            data_flag: args.data,
            offline: args.offline,
            mirror: args.mirror,
            store_flag: args.store,
            cluster: args.cluster,
            verbose: args.verbose,
            output: OutputArgs::new(args.format, args.out)?,
            shared: Arc::default(),
        })
    }

    /// A context sharing this one's data and store whose commands' tables
    /// are kept in `captures` instead of written.
    pub fn capturing(&self, captures: crate::output::Captures) -> Context {
        Context {
            data_flag: self.data_flag.clone(),
            offline: self.offline,
            mirror: self.mirror.clone(),
            store_flag: self.store_flag.clone(),
            cluster: self.cluster.clone(),
            verbose: false,
            output: OutputArgs::capturing(captures),
            shared: Arc::clone(&self.shared),
        }
    }

    /// A context sharing this one's data, store and output settings (for
    /// the server, which outlives the borrowed context of `main`).
    pub fn clone_shared(&self) -> Context {
        Context {
            data_flag: self.data_flag.clone(),
            offline: self.offline,
            mirror: self.mirror.clone(),
            store_flag: self.store_flag.clone(),
            cluster: self.cluster.clone(),
            verbose: self.verbose,
            output: self.output.clone(),
            shared: Arc::clone(&self.shared),
        }
    }

    /// The data and store flags, for re-running a command the same way.
    pub fn flags(&self) -> (Option<&std::path::Path>, Option<&std::path::Path>) {
        (self.data_flag.as_deref(), self.store_flag.as_deref())
    }

    /// The data directory (found only when a command needs data).
    pub fn data_dir(&self) -> anyhow::Result<DataDir> {
        Ok(DataDir::discover(self.data_flag.as_deref())?)
    }

    /// The directory `ordo data pull` writes to: `--data`/`ORDO_DATA` when
    /// given, else the user data directory.
    pub fn pull_target(&self) -> anyhow::Result<PathBuf> {
        self.data_flag
            .clone()
            .or_else(|| {
                std::env::var_os("ORDO_DATA")
                    .filter(|v| !v.is_empty())
                    .map(PathBuf::from)
            })
            .or_else(ordo_sources::user_data_dir)
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "no place for the datasets: pass --to DIR, or set HOME or XDG_DATA_HOME"
                )
            })
    }

    /// The SQL engine over every table, with the lazily loaded world it
    /// builds derived tables from; the event store's tables included.
    pub fn engine(&self) -> anyhow::Result<(Engine, Arc<World>)> {
        let world = match self.shared.world.get() {
            Some(w) => Arc::clone(w),
            None => {
                let w = World::new(self.data_dir()?);
                Arc::clone(self.shared.world.get_or_init(|| w))
            }
        };
        let store = self.store_dir()?;
        let mut defs = tables::definitions(&world);
        defs.push(crate::events::series_table(&world, &store));
        let engine = match &self.cluster {
            Some(url) => crate::cluster::engine(&store, defs, url)?,
            None => Engine::new(&store, defs)?,
        };
        for udf in crate::cluster::udf::functions() {
            engine.register_udf(udf);
        }
        crate::events::register_tables(&engine, &store)?;
        Ok((engine, world))
    }

    /// The scheduler URL when queries run on a Ballista cluster.
    pub fn cluster(&self) -> Option<&str> {
        self.cluster.as_deref()
    }

    /// A context over a data directory only (a cluster executor parsing
    /// files for an ingest).
    pub fn for_data(data: PathBuf) -> anyhow::Result<Context> {
        Context::new(GlobalArgs {
            data: Some(data),
            format: None,
            out: None,
            store: None,
            verbose: false,
            cluster: None,
            offline: true,
            mirror: None,
        })
    }

    /// The store directory.
    pub fn store_dir(&self) -> anyhow::Result<StoreDir> {
        Ok(StoreDir::locate(self.store_flag.as_deref())?)
    }

    /// Prints a note to standard error when `--verbose` is on.
    pub fn note(&self, line: impl AsRef<str>) {
        if self.verbose {
            eprintln!("note: {}", line.as_ref());
        }
    }

    /// Two states as COW codes, which must differ.
    pub fn dyad(&self, states: &States, a: &str, b: &str) -> anyhow::Result<(u16, u16)> {
        let r = states.resolver();
        let (x, y) = (r.resolve(a)?.state.code.0, r.resolve(b)?.state.code.0);
        if x == y {
            anyhow::bail!("a dyad needs two different states ({a} and {b} are the same state)");
        }
        Ok((x, y))
    }

    /// The periodization of `--periods FILE`, else the article's.
    pub fn periods(
        &self,
        file: Option<&std::path::Path>,
    ) -> anyhow::Result<ordo_analysis::Periodization> {
        Ok(match file {
            Some(p) => ordo_analysis::Periodization::load(p)?,
            None => ordo_analysis::Periodization::builtin(),
        })
    }

    /// The cooperation recipe of `--recipe FILE`, else ordo's default.
    pub fn coop_recipe(
        &self,
        file: Option<&std::path::Path>,
    ) -> anyhow::Result<ordo_analysis::cooperation::CoopRecipe> {
        use ordo_analysis::cooperation::CoopRecipe;
        Ok(match file {
            Some(p) => CoopRecipe::load(p)?,
            None => CoopRecipe::builtin(),
        })
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
}
