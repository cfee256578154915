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
    /// State system: cow (Correlates of War) or gw (Gleditsch-Ward: the
    /// state is a GW state, a number a GW code; `gwcode` first, its COW code
    /// `ccode` beside it)
    #[arg(long, default_value = "cow", value_name = "cow|gw")]
    system: ordo::System,
}

/// Every state-year of a span (same columns as `ordo state`).
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo states-year --year 1938\n  ordo states-year --from 1946 --to 2014 --format parquet --out sy.parquet\n  ordo states-year --system gw --year 1816"
)]
pub struct StatesYearArgs {
    #[command(flatten)]
    years: Years,
    #[command(flatten)]
    frame: FrameArgs,
    /// State system: cow (Correlates of War) or gw (Gleditsch-Ward: `gwcode`
    /// first, its COW code `ccode` beside it; see docs/units.md)
    #[arg(long, default_value = "cow", value_name = "cow|gw")]
    system: ordo::System,
}

pub fn run_state(ctx: &Context, args: StateArgs) -> anyhow::Result<()> {
    let o = StateYearsOptions {
        years: args.years.into(),
        spells: args.frame.spells.clone(),
        attach: args.frame.attach(),
        system: args.system,
    };
    ctx.print(ctx.session.state(&args.state, &o)?)
}

pub fn run_states_year(ctx: &Context, args: StatesYearArgs) -> anyhow::Result<()> {
    let o = StateYearsOptions {
        years: args.years.into(),
        spells: args.frame.spells.clone(),
        attach: args.frame.attach(),
        system: args.system,
    };
    ctx.print(ctx.session.state_years(&o)?)
}

/// One row per day a state was a member of the state system (COW, day
/// precision; spells open at the end of COW v2016 run through 2022-12-31).
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo states-days GMY --from 1990-09-01 --to 1990-12-31\n  ordo states-days \"South Sudan\" --format csv --out ssd-days.csv"
)]
pub struct StatesDaysArgs {
    /// The state (any name or code `ordo states resolve` accepts)
    state: String,
    /// First day, YYYY-MM-DD [default: the state's first day of membership]
    #[arg(long, value_parser = crate::cmd::states::parse_day)]
    from: Option<chrono::NaiveDate>,
    /// Last day, YYYY-MM-DD [default: its last day]
    #[arg(long, value_parser = crate::cmd::states::parse_day)]
    to: Option<chrono::NaiveDate>,
}

pub fn run_states_days(ctx: &Context, args: StatesDaysArgs) -> anyhow::Result<()> {
    ctx.emit(
        &ctx.session
            .state_days(&ordo::state_days::StateDaysOptions {
                state: args.state,
                from: args.from,
                to: args.to,
            })?,
    )
}
