//! `ordo dyad A B`: one row per year for one dyad, with every measure.

use crate::context::Context;
use crate::frame_args::FrameArgs;
use crate::years::Years;
use clap::Args;
use ordo::dyad::DyadOptions;

/// One row per year for a dyad, with every measure: capabilities, ATOP
/// alliances and portfolio similarity, COW and GML disputes, war, rivalry,
/// trade and dependence, contiguity, distances, shared IGOs, democracy, UN
/// voting agreement and ideal-point distance. Years where the two were not
/// both members on a same day have no row; measures outside their source's
/// coverage are NULL (`ordo coverage A B` explains every gap).
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo dyad ITA RUS\n  ordo dyad Italy \"Soviet Union\" --from 1920 --to 1991 --format csv --out ita-rus.csv\n  ordo dyad RUS ITA --directed --year 1938\n  ordo dyad USA RUS --spells cowmid_ongoing --from 1946\n  ordo dyad USA 260 --system gw --from 1989 --to 1991"
)]
pub struct DyadArgs {
    /// First state (any name or code `ordo states resolve` accepts)
    a: String,
    /// Second state
    b: String,
    #[command(flatten)]
    years: Years,
    /// Keep the order given (ccode1 = A); otherwise ccode1 < ccode2
    #[arg(long)]
    directed: bool,
    #[command(flatten)]
    frame: FrameArgs,
    /// Reduce the COW and GML dispute-years to one dispute per dyad-year by
    /// these rules, in order (onset, fatality, hostility, duration,
    /// reciprocation, startmonth; `default` = all six, which rebuilds the
    /// pre-whittled files the frames read otherwise)
    #[arg(long, value_name = "RULES")]
    whittle: Option<String>,
    /// State system: cow (Correlates of War) or gw (Gleditsch-Ward: A and B
    /// are GW states, a number is a GW code; `gwcode1`, `gwcode2` first,
    /// their COW codes `ccode1`, `ccode2` beside them)
    #[arg(long, default_value = "cow", value_name = "cow|gw")]
    system: ordo::System,
}

pub fn run(ctx: &Context, args: DyadArgs) -> anyhow::Result<()> {
    ctx.print(ctx.session.dyad(&DyadOptions {
        a: args.a,
        b: args.b,
        years: args.years.into(),
        directed: args.directed,
        spells: args.frame.spells.clone(),
        whittle: args.whittle,
        attach: args.frame.attach(),
        system: args.system,
    })?)
}
