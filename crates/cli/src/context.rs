//! What every command shares: the global flags, the library session they
//! open, and the output settings.

use clap::Args;
use ordo::output::{Format, OutputArgs};
use ordo::{Query, Session, SessionOptions, Table};
use std::path::PathBuf;

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

/// The state every command starts from: the session of the library, and
/// where and how the command's table is written.
pub struct Context {
    pub session: Session,
    /// `--offline` / `ORDO_OFFLINE`.
    pub offline: bool,
    /// `--mirror` / `ORDO_MIRROR`.
    pub mirror: Option<String>,
    pub output: OutputArgs,
}

impl Context {
    pub fn new(args: GlobalArgs) -> anyhow::Result<Context> {
        Ok(Context {
            session: Session::new(SessionOptions {
                data: args.data,
                store: args.store,
                cluster: args.cluster,
                verbose: args.verbose,
            }),
            offline: args.offline,
            mirror: args.mirror,
            output: OutputArgs::new(args.format, args.out)?,
        })
    }

    /// Writes `table` as the user asked.
    pub fn emit(&self, table: &Table) -> anyhow::Result<()> {
        self.output.emit(table)
    }

    /// Runs `query` and streams its rows to the output, batch by batch.
    pub fn print(&self, query: Query) -> anyhow::Result<()> {
        let mut sink = self.output.sink();
        let (schema, sources) = query.stream(|batch| sink.write(batch))?;
        sink.finish(&schema, &sources)
    }

    /// The directory `ordo data pull` writes to: `--data`/`ORDO_DATA` when
    /// given, else the user data directory.
    pub fn pull_target(&self) -> anyhow::Result<PathBuf> {
        self.session
            .options()
            .data
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
}
