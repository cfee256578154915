//! `ordo state A` and `ordo states-year`: state-year frames.

use crate::context::Context;
use crate::years::Years;
use clap::Args;

/// One row per year for a state: CINC, share of system capabilities,
/// major-power status (COW), democracy (V-Dem, Polity2, UDS), leader on 31
/// December (Archigos), total trade and full IGO memberships.
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo state Italy\n  ordo state URSS --from 1922 --to 1991 --format csv"
)]
pub struct StateArgs {
    /// The state (any name or code `ordo states resolve` accepts)
    state: String,
    #[command(flatten)]
    years: Years,
}

/// Every state-year of a span (same columns as `ordo state`).
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo states-year --year 1938\n  ordo states-year --from 1946 --to 2014 --format parquet --out sy.parquet"
)]
pub struct StatesYearArgs {
    #[command(flatten)]
    years: Years,
}

pub fn run_state(ctx: &Context, args: StateArgs) -> anyhow::Result<()> {
    ctx.print(ctx.session.state(&args.state, args.years.into())?)
}

pub fn run_states_year(ctx: &Context, args: StatesYearArgs) -> anyhow::Result<()> {
    ctx.print(ctx.session.state_years(args.years.into())?)
}
