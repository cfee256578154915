//! `ordo state A` and `ordo states-year`: state-year frames.

use crate::context::Context;
use crate::query::print_query;
use crate::tables::{FIRST_YEAR, LAST_YEAR};
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
    let code = ctx.states()?.resolver().resolve(&args.state)?.state.code.0;
    let (from, to) = args.years.span((FIRST_YEAR, LAST_YEAR))?;
    let (engine, _world) = ctx.engine()?;
    let sql = format!("SELECT * FROM state_years WHERE ccode = {code} AND year BETWEEN {from} AND {to} ORDER BY year");
    print_query(ctx, &engine, &sql, &[])?;
    Ok(())
}

pub fn run_states_year(ctx: &Context, args: StatesYearArgs) -> anyhow::Result<()> {
    let (from, to) = args.years.span((FIRST_YEAR, LAST_YEAR))?;
    let (engine, _world) = ctx.engine()?;
    let sql = format!(
        "SELECT * FROM state_years WHERE year BETWEEN {from} AND {to} ORDER BY year, ccode"
    );
    print_query(ctx, &engine, &sql, &[])?;
    Ok(())
}
