//! `ordo leaders` and `ordo leader-dyads`: leader-level units from Archigos
//! 4.1, like peacesciencer's `create_leaderyears()`,
//! `create_leaderdays()` and `create_leaderdyadyears()`.

use crate::context::Context;
use crate::years::Years;
use clap::Args;
use ordo::leaders::{LeaderDyadsOptions, LeadersOptions};

/// Leader-years: one row per Archigos spell and calendar year in office
/// (both leaders have the year of a handover), with COW and GW codes, age,
/// year in office, entry and exit, the LEAD attributes, Leader Willingness
/// to Use Force (theta1_mean ... theta4_sd) and GML disputes
/// (gmlmid_ongoing, gmlmid_onset, and as initiator). With --days, one row
/// per leader and day. See docs/measures.md, "Leaders".
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo leaders Italy --from 1993 --to 1996\n  ordo leaders --year 1994 --format csv --out leaders-1994.csv\n  ordo leaders Germany --year 1990 --days\n  ordo sql \"SELECT year, COUNT(*) FROM leader_years GROUP BY year ORDER BY year\""
)]
pub struct LeadersArgs {
    /// Only the leaders of this state (any name or code `ordo states
    /// resolve` accepts) [default: every leader]
    state: Option<String>,
    #[command(flatten)]
    years: Years,
    /// One row per leader and day in office (built for the state and years
    /// asked; needs a state or years)
    #[arg(long)]
    days: bool,
}

/// Leader-dyad-years 1870-2015: pairs of leaders of two COW states in office
/// on a same day of the year, with their names, gender, age, year in office
/// and the GML dispute flags attributed to the two leaders (and, directed,
/// whether the first initiated). One state: all its leader dyads; two: that
/// dyad. See docs/measures.md, "Leaders".
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo leader-dyads USA IRQ --from 1989 --to 1992\n  ordo leader-dyads ITA --year 1994\n  ordo leader-dyads --directed --year 1914 --format parquet --out 1914.parquet"
)]
pub struct LeaderDyadsArgs {
    /// A state: its leader dyads (with B: that dyad; directed: A first)
    a: Option<String>,
    /// The other state of the dyad
    b: Option<String>,
    #[command(flatten)]
    years: Years,
    /// Both orderings of each pair, with the initiation flags
    #[arg(long)]
    directed: bool,
}

pub fn run_leaders(ctx: &Context, args: LeadersArgs) -> anyhow::Result<()> {
    let o = LeadersOptions {
        state: args.state,
        years: args.years.into(),
    };
    if args.days {
        ctx.emit(&ctx.session.leader_days(&o)?)
    } else {
        ctx.print(ctx.session.leaders(&o)?)
    }
}

pub fn run_leader_dyads(ctx: &Context, args: LeaderDyadsArgs) -> anyhow::Result<()> {
    ctx.print(ctx.session.leader_dyads(&LeaderDyadsOptions {
        a: args.a,
        b: args.b,
        years: args.years.into(),
        directed: args.directed,
    })?)
}
