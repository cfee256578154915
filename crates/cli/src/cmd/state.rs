//! `ordo state A` and `ordo states-year`: state-year frames.

use crate::context::Context;
use crate::frame_args::FrameArgs;
use crate::years::Years;
use clap::Args;
use ordo::state_years::StateYearsOptions;

/// One row per year for a state: CINC and its components, share of system
/// capabilities, major-power status (COW, Maoz), democracy (V-Dem, Polity2,
/// UDS), leader on 31 December (Archigos), trade, IGO memberships, economy
/// (SDP, GDP, population), territorial threat, fractionalization, rivalries
/// by type, and conflict (UCDP, COW intra-state and inter-state wars, GML
/// disputes). See docs/measures.md.
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo state Italy\n  ordo state URSS --from 1922 --to 1991 --format csv\n  ordo state RUS --from 1946 --spells ucdp_ongoing,gml_mid_onset"
)]
pub struct StateArgs {
    /// The state (any name or code `ordo states resolve` accepts)
    state: String,
    #[command(flatten)]
    years: Years,
    #[command(flatten)]
    frame: FrameArgs,
}

/// Every state-year of a span (same columns as `ordo state`).
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo states-year --year 1938\n  ordo states-year --from 1946 --to 2014 --format parquet --out sy.parquet"
)]
pub struct StatesYearArgs {
    #[command(flatten)]
    years: Years,
    #[command(flatten)]
    frame: FrameArgs,
}

pub fn run_state(ctx: &Context, args: StateArgs) -> anyhow::Result<()> {
    let o = StateYearsOptions {
        years: args.years.into(),
        spells: args.frame.spells.clone(),
        attach: args.frame.attach(),
    };
    ctx.print(ctx.session.state(&args.state, &o)?)
}

pub fn run_states_year(ctx: &Context, args: StatesYearArgs) -> anyhow::Result<()> {
    let o = StateYearsOptions {
        years: args.years.into(),
        spells: args.frame.spells.clone(),
        attach: args.frame.attach(),
    };
    ctx.print(ctx.session.state_years(&o)?)
}
