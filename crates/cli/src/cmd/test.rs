//! `ordo test A B`: is the dyad's cooperation lower when the international
//! order is in crisis? The phase comparison of the hypothesis test.

use crate::context::Context;
use clap::Args;
use ordo::test::TestOptions;
use std::path::PathBuf;

/// The article's hypothesis for one dyad: cooperation (the dyad's
/// cooperation index, `ordo cooperation`) is lower in the crisis phase of
/// each international order than in its stable phase. For each order with
/// both phases, and pooled over the orders: the years compared, the means
/// and their difference (crisis − stable; negative supports the
/// hypothesis), Welch's t with its degrees of freedom and two-sided p, a
/// permutation p, a moving-block bootstrap 95% interval of the difference,
/// Hedges' g, and the verdict (supports / contradicts when the bootstrap
/// interval excludes 0, silent otherwise). Years are autocorrelated and few:
/// read the bootstrap interval first; t and permutation p-values treat
/// years as independent. Seeds are fixed and printed.
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo test ITA RUS\n  ordo test ITA RUS --periods my-periods.toml --recipe my-cooperation.toml\n  ordo test FRN GMY --seed 7 --reps 20000 --block 4"
)]
pub struct TestArgs {
    /// First state
    a: String,
    /// Second state
    b: String,
    /// Periodization file (TOML) [default: the article's]
    #[arg(long, value_name = "FILE")]
    periods: Option<PathBuf>,
    /// Cooperation recipe file (TOML) [default: crates/analysis/data/cooperation.toml]
    #[arg(long, value_name = "FILE")]
    recipe: Option<PathBuf>,
    #[command(flatten)]
    resampling: crate::resampling::ResamplingArgs,
    /// Print the regression (cooperation on instability, its lag and
    /// controls, Newey–West errors) instead of the phase comparison
    #[arg(long)]
    regression: bool,
    /// Newey–West lags [default: floor(4 (T/100)^(2/9))]
    #[arg(long)]
    lags: Option<usize>,
    /// Instability recipe file (TOML) [default: crates/analysis/data/instability.toml]
    #[arg(long, value_name = "FILE")]
    instability_recipe: Option<PathBuf>,
}

impl From<TestArgs> for TestOptions {
    fn from(a: TestArgs) -> TestOptions {
        TestOptions {
            a: a.a,
            b: a.b,
            periods: a.periods,
            recipe: a.recipe,
            resampling: a.resampling.into(),
            regression: a.regression,
            lags: a.lags,
            instability_recipe: a.instability_recipe,
        }
    }
}

pub fn run(ctx: &Context, args: TestArgs) -> anyhow::Result<()> {
    ctx.emit(&ctx.session.test(&args.into())?)
}
