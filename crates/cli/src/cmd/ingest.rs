//! `ordo ingest gdelt|icews|csv PATHS…`: event files into the store.

use crate::context::Context;
use clap::Args;
use ordo::ingest::IngestOptions;
use std::path::PathBuf;

/// Reads event files into the store as Parquet (by year, sorted by dyad and
/// day), resolving actor codes to COW states on the day of each event.
/// Every row is stored, dropped as a duplicate (GDELT by GLOBALEVENTID,
/// ICEWS and CSV by event id and date) or quarantined with its file, line
/// and reason; the table printed gives, per file, read = stored +
/// duplicates + quarantined. Re-ingesting a file changes nothing. The run
/// commits atomically: interrupted, it leaves the store as it was.
///
/// GDELT files without a header are recognised per row by their width (57:
/// 1.0 back-file, 58: 1.0 daily, 61: 2.0); files with a header (R-written
/// extracts, ICEWS, CSV) are mapped by column names. Plain, .gz and .zip
/// files, directories and globs are accepted.
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo ingest gdelt ~/.local/share/ordo/data/gdelt_v1_raw_sample/events_raw.tsv\n  ordo ingest gdelt '~/.local/share/ordo/data/gdelt_v1_georgia_2011_2013/*.csv.gz' --format json\n  ordo ingest icews ~/.local/share/ordo/data/icews_sample/events.2018.sample.tab\n  ordo ingest csv my_events.csv --map id=eid --map date=day --map actor1=src --map actor2=tgt --map code=cameo --codes iso3\n\nQuarantined rows are listed in <store>/events/segments/<segment>/quarantine.tsv."
)]
pub struct IngestArgs {
    /// Event source: gdelt, icews or csv
    source: String,
    /// Files, directories or glob patterns
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Map a field to a column of a header file: id, date, actor1, actor2,
    /// code, is_root, quad, goldstein, mentions, sources, articles, url
    #[arg(long, value_name = "FIELD=COLUMN")]
    map: Vec<String>,
    /// How actor columns are coded: cameo, iso3, cow, gw, icews [default:
    /// icews names for ICEWS, CAMEO country codes otherwise]
    #[arg(long)]
    codes: Option<String>,
}

impl From<IngestArgs> for IngestOptions {
    fn from(a: IngestArgs) -> IngestOptions {
        IngestOptions {
            source: a.source,
            paths: a.paths,
            map: a.map,
            codes: a.codes,
        }
    }
}

pub fn run(ctx: &Context, args: IngestArgs) -> anyhow::Result<()> {
    ctx.emit(&ctx.session.ingest(&args.into())?)
}
