//! What every command shares: the global flags, the data directory and the
//! output settings.

use crate::output::{Format, OutputArgs};
use anyhow::Context as _;
use clap::Args;
use ordo_sources::DataDir;
use ordo_states::States;
use std::path::PathBuf;

/// Flags accepted by every command.
#[derive(Args, Debug)]
pub struct GlobalArgs {
    /// Directory holding the public datasets, one folder per dataset [default:
    /// $ORDO_DATA, else ./data, else ../shared/data]
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Output format [default: table on a terminal, csv otherwise; from the
    /// extension of --out when given]
    #[arg(long, global = true, value_enum)]
    pub format: Option<Format>,
    /// Write the table to FILE (atomically) instead of standard output
    #[arg(long, global = true, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// The state every command starts from.
pub struct Context {
    data_flag: Option<PathBuf>,
    pub output: OutputArgs,
}

impl Context {
    pub fn new(args: GlobalArgs) -> anyhow::Result<Context> {
        Ok(Context {
            data_flag: args.data,
            output: OutputArgs::new(args.format, args.out)?,
        })
    }

    /// The data directory (found only when a command needs data).
    pub fn data_dir(&self) -> anyhow::Result<DataDir> {
        Ok(DataDir::discover(self.data_flag.as_deref())?)
    }

    /// The state system, crosswalk and names.
    pub fn states(&self) -> anyhow::Result<States> {
        let dir = self.data_dir()?;
        States::load(&dir)
            .with_context(|| format!("loading the state system from {}", dir.root().display()))
    }
}
