//! `ordo store files|retire`: the event files in the store — what is
//! ingested, and taking a file out.

use crate::context::Context;
use clap::{Args, Subcommand};
use ordo::store_files::{StoreFilesOptions, StoreRetireOptions};

#[derive(Subcommand)]
pub enum StoreCommand {
    /// The event files ingested into the store, one row per file and
    /// ingest run, in commit order: family, segment, commit time, SHA-256,
    /// bytes, and the rows read, stored, duplicates, quarantined and
    /// repaired; then the files since retired or replaced (`status`
    /// `retired` or `replaced by FILE`, `revised` when).
    ///
    /// Reads only the store's manifest (<store>/events/manifest.json).
    #[command(
        after_long_help = "Examples:\n  ordo store files\n  ordo store files --active --format csv\n  ordo store files --format json --out ingested.json"
    )]
    Files(FilesArgs),
    /// Takes event files out of the store: every stored row that came from
    /// each FILE (and its quarantined rows), in one atomic commit; the
    /// table gives the rows removed per file. Interrupted, the store stays
    /// as it was.
    ///
    /// FILE is the path as `ordo store files` lists it, or its file name
    /// when a single ingested file has it. The file's record moves to the
    /// store's history: `ordo store files` still lists it as `retired`, and
    /// retiring it again is an error. Rows that files ingested later
    /// dropped as duplicates of the retired rows are not brought back
    /// (retire such a file and ingest it again). To replace a file by a
    /// revised release in one step, use `ordo ingest --replace`.
    #[command(
        after_long_help = "Examples:\n  ordo store retire aug2011.csv.gz\n  ordo store retire ~/data/gdelt_v1_georgia_2011_2013/aug2011.csv.gz sept2011.csv.gz\n  ordo store files --active"
    )]
    Retire(RetireArgs),
}

#[derive(Args)]
pub struct FilesArgs {
    /// Only the files whose rows are in the store (leave out the retired
    /// and replaced ones)
    #[arg(long)]
    active: bool,
}

#[derive(Args)]
pub struct RetireArgs {
    /// Files to take out: the path as `ordo store files` lists it, or the
    /// file name when a single ingested file has it
    #[arg(required = true, value_name = "FILE")]
    files: Vec<String>,
}

pub fn run(ctx: &Context, command: StoreCommand) -> anyhow::Result<()> {
    let table = match command {
        StoreCommand::Files(a) => ctx
            .session
            .store_files(&StoreFilesOptions { active: a.active })?,
        StoreCommand::Retire(a) => ctx
            .session
            .store_retire(&StoreRetireOptions { files: a.files })?,
    };
    ctx.emit(&table)
}
