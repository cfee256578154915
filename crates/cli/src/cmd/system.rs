//! `ordo system`: the international system, one row per year.

use crate::context::Context;
use crate::years::Years;
use clap::Args;
use ordo::system::SystemOptions;

/// The system year by year: the major powers under a rule, their shares of
/// the majors' capabilities, Ray-Singer concentration (CON), HHI and the
/// effective number of poles, ΔCON and MOVE over 1 and 5 years, leader and
/// challenger (lead ratio, parity, overtaking, growth differential), and
/// disputes, wars, rivalries and alliances among the majors.
/// Formulas: docs/measures.md.
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo system\n  ordo system --from 1900 --to 1950 --majors top:5\n  ordo system --majors share:0.05 --format csv --out system.csv\n  ordo system --majors my-majors.csv   (CSV: ccode,from,to)"
)]
pub struct SystemArgs {
    #[command(flatten)]
    years: Years,
    /// Major-power rule: cow (v2016), cow2024, top:K, share:θ, or a CSV file
    /// ccode,from,to
    #[arg(long, default_value = "cow2024")]
    majors: String,
}

pub fn run(ctx: &Context, args: SystemArgs) -> anyhow::Result<()> {
    ctx.emit(&ctx.session.system(&SystemOptions {
        years: args.years.into(),
        majors: args.majors,
    })?)
}
