//! `ordo periods`: the periodization analyses use.

use crate::context::Context;
use clap::Args;
use std::path::PathBuf;

/// The orders of the periodization, their stable, crisis and change phases
/// and turning points (default: the article's Table 1, shipped as
/// crates/analysis/data/periods.toml; any analysis takes --periods FILE).
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo periods\n  ordo periods --periods my-periods.toml --format csv"
)]
pub struct PeriodsArgs {
    /// Periodization file (TOML)
    #[arg(long, value_name = "FILE")]
    periods: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: PeriodsArgs) -> anyhow::Result<()> {
    ctx.emit(&ctx.session.periods(args.periods.as_deref())?)
}
