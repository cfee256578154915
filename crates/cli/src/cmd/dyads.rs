//! `ordo dyads`: every dyad-year of a span, like peacesciencer's
//! `create_dyadyears()` followed by every `add_*()`.

use crate::context::Context;
use crate::frame_args::FrameArgs;
use crate::years::Years;
use clap::Args;
use ordo::dyads::DyadsOptions;

/// All dyad-years: every pair of states that were both system members on a
/// same day of the year, with every measure.
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo dyads --year 1938\n  ordo dyads --from 1946 --to 2014 --only-politically-relevant --format parquet --out prd.parquet\n  ordo dyads --directed --year 2000 --format csv --out 2000.csv\n  ordo dyads --from 1946 --to 2010 --spells gmlmid_onset --only-politically-relevant\n  ordo dyads --system gw --year 1990"
)]
pub struct DyadsArgs {
    #[command(flatten)]
    years: Years,
    /// Both orderings of each pair
    #[arg(long)]
    directed: bool,
    /// Only politically relevant dyads (`prd = 1`): directly contiguous
    /// (types 1-5) or with a COW major power (Lemke & Reed 2001;
    /// peacesciencer filter_prd). After 2016, the last year of contiguity,
    /// each dyad's 2016 contiguity is carried forward and flagged
    /// `prd_carried = 1`
    #[arg(long)]
    only_politically_relevant: bool,
    #[command(flatten)]
    frame: FrameArgs,
    /// Reduce the COW and GML dispute-years to one dispute per dyad-year by
    /// these rules, in order (onset, fatality, hostility, duration,
    /// reciprocation, startmonth; `default` = all six, which rebuilds the
    /// pre-whittled files the frames read otherwise)
    #[arg(long, value_name = "RULES")]
    whittle: Option<String>,
    /// State system: cow (Correlates of War) or gw (Gleditsch-Ward:
    /// `gwcode1`, `gwcode2` first, their COW codes `ccode1`, `ccode2` beside
    /// them; see docs/units.md)
    #[arg(long, default_value = "cow", value_name = "cow|gw")]
    system: ordo::System,
}

pub fn run(ctx: &Context, args: DyadsArgs) -> anyhow::Result<()> {
    ctx.print(ctx.session.dyads(&DyadsOptions {
        years: args.years.into(),
        directed: args.directed,
        only_politically_relevant: args.only_politically_relevant,
        spells: args.frame.spells.clone(),
        whittle: args.whittle,
        attach: args.frame.attach(),
        system: args.system,
    })?)
}
