//! `ordo table1 A B`: the article's Table 1 rebuilt from the chronology and
//! the periodization, and the quantitative evidence per phase beside it.

use crate::context::Context;
use clap::Args;
use ordo::table1::Table1Options;
use std::path::PathBuf;

/// Table 1 of the article, regenerated: for each order of the
/// periodization, the chronology's cooperation entries in its stable phase,
/// its turning points, and the competition entries in its crisis phase —
/// every entry that qualifies, with `in_article` marking the article's own
/// Table 1 items — plus, counted per order, the entries that go against the
/// pattern (competition while stable, cooperation in crisis).
///
/// With --evidence: per order and phase, the quantitative evidence from
/// independent data for the same dyad: years with an ATOP pledge and the
/// alliance-portfolio similarity, MID and war years, each side's trade
/// dependence, UN voting agreement and ideal-point distance, and event-based
/// net cooperation where event data are ingested — each with the years it
/// covers.
///
/// A dyad with no curated chronology gets its Table 1 from the chronology
/// derived from the data (`ordo chronology A B --derive`); --derive merges
/// the derived entries into a curated one (curated first, derived marked).
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo table1 ITA RUS\n  ordo table1 ITA RUS --evidence\n  ordo table1 FRN GMY --file france-germany.toml --periods my-periods.toml\n  ordo table1 FRN GMY                 # derived from the data\n  ordo table1 ITA RUS --derive        # curated and derived merged"
)]
pub struct Table1Args {
    /// First state
    a: String,
    /// Second state
    b: String,
    /// The quantitative evidence per phase instead of the events
    #[arg(long)]
    evidence: bool,
    /// More chronology files (TOML)
    #[arg(long, value_name = "FILE")]
    file: Vec<PathBuf>,
    /// Periodization file (TOML) [default: the article's]
    #[arg(long, value_name = "FILE")]
    periods: Option<PathBuf>,
    /// Merge the chronology derived from the data with the curated one
    #[arg(long)]
    derive: bool,
    /// Derived entries from the extreme months of the ingested event data too
    #[arg(long)]
    events: bool,
    /// The derivation recipe (TOML) [default: ordo's]
    #[arg(long, value_name = "FILE")]
    recipe: Option<PathBuf>,
}

impl From<Table1Args> for Table1Options {
    fn from(a: Table1Args) -> Table1Options {
        Table1Options {
            a: a.a,
            b: a.b,
            evidence: a.evidence,
            file: a.file,
            periods: a.periods,
            derive: a.derive,
            events: a.events,
            recipe: a.recipe,
        }
    }
}

pub fn run(ctx: &Context, args: Table1Args) -> anyhow::Result<()> {
    ctx.emit(&ctx.session.table1(&args.into())?)
}
