//! `ordo coverage A B`: for each measure of a dyad, the years with a value
//! and why the others have none.

use crate::context::Context;
use crate::years::Years;
use clap::Args;

/// Per measure: the years covered for this dyad, and the years missing
/// because the two were not both members (not_member), because the source
/// does not cover the year (outside_coverage), or because the source covers
/// the year but has no value for the dyad (no_data).
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo coverage ITA RUS\n  ordo coverage Germany Poland --from 1919 --to 1990 --format csv"
)]
pub struct CoverageArgs {
    a: String,
    b: String,
    #[command(flatten)]
    years: Years,
}

pub fn run(ctx: &Context, args: CoverageArgs) -> anyhow::Result<()> {
    ctx.emit(&ctx.session.coverage(&args.a, &args.b, args.years.into())?)
}
