//! `ordo instability`: the instability index of the international order,
//! its components, and its comparison with the article's periodization.

use crate::context::Context;
use clap::Args;
use ordo::instability::InstabilityOptions;
use std::path::PathBuf;

/// A transparent instability index: every component of the recipe (TOML,
/// default crates/analysis/data/instability.toml) standardised over the
/// recipe's reference window and combined with its weights, overall and for
/// the distributive and normative dimensions; each component is shown raw and
/// standardised. With --compare-periods: for each order of the
/// periodization, the mean index in the stable and in the crisis phase, the
/// difference and its moving-block bootstrap interval, and whether the data
/// agree with the periodization.
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo instability\n  ordo instability --compare-periods\n  ordo instability --recipe my-recipe.toml --periods my-periods.toml --compare-periods --seed 7\n  ordo instability --majors top:5 --format csv --out instability.csv"
)]
pub struct InstabilityArgs {
    #[command(flatten)]
    years: crate::years::Years,
    /// Recipe file (TOML) [default: ordo's shipped recipe]
    #[arg(long, value_name = "FILE")]
    recipe: Option<PathBuf>,
    /// Periodization file (TOML) [default: the article's, shipped with ordo]
    #[arg(long, value_name = "FILE")]
    periods: Option<PathBuf>,
    /// Major-power rule: cow, cow2024, top:K, share:θ or a CSV file
    #[arg(long, default_value = "cow2024")]
    majors: String,
    /// Compare stable and crisis phases of each order
    #[arg(long)]
    compare_periods: bool,
    #[command(flatten)]
    resampling: crate::resampling::ResamplingArgs,
}

impl From<InstabilityArgs> for InstabilityOptions {
    fn from(a: InstabilityArgs) -> InstabilityOptions {
        InstabilityOptions {
            years: a.years.into(),
            recipe: a.recipe,
            periods: a.periods,
            majors: a.majors,
            compare_periods: a.compare_periods,
            resampling: a.resampling.into(),
        }
    }
}

pub fn run(ctx: &Context, args: InstabilityArgs) -> anyhow::Result<()> {
    ctx.emit(&ctx.session.instability(&args.into())?)
}
