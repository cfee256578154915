//! `ordo ingest gdelt|icews|polecat|phoenix|csv|mentions PATHS…`: event files (and GDELT 2.0 Mentions) into the store.

use crate::context::Context;
use clap::Args;
use ordo::ingest::IngestOptions;
use std::path::PathBuf;

/// Reads event files into the store as Parquet (by year, sorted by dyad and
/// day), resolving actor codes to COW states on the day of each event.
/// Every row is stored, dropped as a duplicate (the same event id and
/// date: GDELT's GLOBALEVENTID, ICEWS's Event ID, POLECAT's and Phoenix's
/// ids) or quarantined with its file, line and reason; the table printed
/// gives, per file, read = stored + duplicates + quarantined, and
/// `repaired`: the stored rows a documented erratum repair changed
/// (docs/events.md). Re-ingesting a file changes nothing. The run
/// commits atomically: interrupted, it leaves the store as it was.
///
/// GDELT files without a header are recognised per row by their width (57:
/// 1.0 back-file, 58: 1.0 daily, 61: 2.0); files with a header (R-written
/// extracts, ICEWS, CSV) are mapped by column names. Plain, .gz and .zip
/// files, directories and globs are accepted.
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo ingest gdelt ~/.local/share/ordo/data/gdelt_v1_raw_sample/events_raw.tsv\n  ordo ingest gdelt '~/.local/share/ordo/data/gdelt_v1_georgia_2011_2013/*.csv.gz' --format json\n  ordo ingest icews ~/.local/share/ordo/data/icews_sample/events.2018.sample.tab\n  ordo ingest csv my_events.csv --map id=eid --map date=day --map actor1=src --map actor2=tgt --map code=cameo --codes iso3\n  ordo ingest icews events.2018.20190101.tab --replace          # the annual file replaces 2018's weekly files\n  ordo ingest gdelt fixed/aug2011.csv.gz --supersedes aug2011.csv.gz\n  ordo ingest polecat ngecEventsDV-2022.txt.zip\n  ordo ingest phoenix PhoenixNYT_1945-2005.csv events.full.20150105.txt\n  ordo ingest mentions '20150218*.mentions.CSV.zip'\n\nQuarantined rows are listed in <store>/events/segments/<segment>/quarantine.tsv."
)]
pub struct IngestArgs {
    /// Event source: gdelt, icews, polecat (PLOVER, 2018–), phoenix (Cline
    /// Center Historical or OEDA daily files) or csv; or mentions (GDELT
    /// 2.0 Mentions files, read by `ordo events --min-confidence` and
    /// `--min-sources`)
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
    /// Replace the rows of the stored files these files supersede, in the
    /// same commit (a re-release's rows replace the old ones instead of
    /// being dropped as their duplicates): a stored file of the same name,
    /// and for ICEWS, an annual `events.YYYY.*` supersedes the weekly,
    /// daily and monthly `*-icews-events.*` files of year YYYY and older
    /// annual releases of that year
    #[arg(long)]
    replace: bool,
    /// Replace the rows of this stored file instead of those found by name
    /// (path as `ordo store files` lists it, or a unique file name);
    /// repeatable; implies --replace
    #[arg(long, value_name = "FILE")]
    supersedes: Vec<String>,
}

impl From<IngestArgs> for IngestOptions {
    fn from(a: IngestArgs) -> IngestOptions {
        IngestOptions {
            source: a.source,
            paths: a.paths,
            map: a.map,
            codes: a.codes,
            replace: a.replace,
            supersedes: a.supersedes,
        }
    }
}

pub fn run(ctx: &Context, args: IngestArgs) -> anyhow::Result<()> {
    ctx.emit(&ctx.session.ingest(&args.into())?)
}
