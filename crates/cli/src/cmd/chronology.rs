//! `ordo chronology A B`: the curated events of a dyad's relations, or
//! (`--derive`) the chronology derived from the data.

use crate::context::Context;
use clap::Args;
use ordo::chronology::ChronologyOptions;
use std::path::PathBuf;

/// The dated events of a dyad's relations as the sources tell them: date
/// and precision, actor and target, a summary, the stance the text gives
/// the event (cooperation, competition, neutral, turning point), order and
/// phase, issue area, whether it is in the article's Table 1, and the
/// documents and citations it comes from. ordo ships the Italy–Russia
/// chronology written from Natalizia and Morini (2020) and an encyclopedia
/// entry on Russia's relations with Italy; add your own for any
/// dyad with --file (format: docs/chronology.md).
///
/// With --derive, for any dyad: the entries the data date — ATOP
/// obligations beginning and ending, MID onsets, wars on opposite or the
/// same side, TSS rivalries beginning and ending, leaders taking office,
/// the largest breaks in trade and UN voting and, with --events, the
/// extreme months of the ingested event data — each with the stance its
/// rule gives, the rule, and the dataset row it comes from (docs/chronology.md).
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo chronology ITA RUS\n  ordo chronology Italia URSS --from 1933 --to 1941 --stance competition\n  ordo chronology ITA RUS --table1\n  ordo chronology FRN GMY --file france-germany.toml\n  ordo chronology FRN GMY --derive\n  ordo chronology USA RUS --derive --from 1945 --stance competition\n  ordo chronology GEO RUS --derive --events --recipe my-rules.toml"
)]
pub struct ChronologyArgs {
    /// First state (any name or code `ordo states resolve` accepts)
    a: String,
    /// Second state
    b: String,
    #[command(flatten)]
    years: crate::years::Years,
    /// Only these stances (cooperation, competition, neutral, turning_point)
    #[arg(long, value_delimiter = ',')]
    stance: Vec<String>,
    /// Only entries of the article's Table 1
    #[arg(long)]
    table1: bool,
    /// More chronology files (TOML) to read besides ordo's own
    #[arg(long, value_name = "FILE")]
    file: Vec<PathBuf>,
    /// Periodization the phases are checked against
    #[arg(long, value_name = "FILE")]
    periods: Option<PathBuf>,
    /// The chronology derived from the data (any dyad) instead of the curated one
    #[arg(long)]
    derive: bool,
    /// With --derive: also the extreme months of the ingested event data
    #[arg(long, requires = "derive")]
    events: bool,
    /// With --derive: the derivation recipe (TOML) [default: ordo's, data/chronology/derive.toml]
    #[arg(long, value_name = "FILE", requires = "derive")]
    recipe: Option<PathBuf>,
}

impl From<ChronologyArgs> for ChronologyOptions {
    fn from(a: ChronologyArgs) -> ChronologyOptions {
        ChronologyOptions {
            a: a.a,
            b: a.b,
            years: a.years.into(),
            stance: a.stance,
            table1: a.table1,
            file: a.file,
            periods: a.periods,
            derive: a.derive,
            events: a.events,
            recipe: a.recipe,
        }
    }
}

pub fn run(ctx: &Context, args: ChronologyArgs) -> anyhow::Result<()> {
    ctx.emit(&ctx.session.chronology(&args.into())?)
}
