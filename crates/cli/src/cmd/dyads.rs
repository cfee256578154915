//! `ordo dyads`: every dyad-year of a span, like peacesciencer's
//! `create_dyadyears()` followed by every `add_*()`.

use crate::context::Context;
use crate::years::Years;
use clap::Args;
use ordo::dyads::DyadsOptions;

/// All dyad-years: every pair of states that were both system members on a
/// same day of the year, with every measure.
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo dyads --year 1938\n  ordo dyads --from 1946 --to 2014 --only-politically-relevant --format parquet --out prd.parquet\n  ordo dyads --directed --year 2000 --format csv --out 2000.csv"
)]
pub struct DyadsArgs {
    #[command(flatten)]
    years: Years,
    /// Both orderings of each pair
    #[arg(long)]
    directed: bool,
    /// Only politically relevant dyads: directly contiguous (types 1-5) or
    /// with a COW major power (Lemke & Reed 2001; peacesciencer filter_prd)
    #[arg(long)]
    only_politically_relevant: bool,
}

pub fn run(ctx: &Context, args: DyadsArgs) -> anyhow::Result<()> {
    ctx.print(ctx.session.dyads(&DyadsOptions {
        years: args.years.into(),
        directed: args.directed,
        only_politically_relevant: args.only_politically_relevant,
    })?)
}
