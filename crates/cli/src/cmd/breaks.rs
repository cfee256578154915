//! `ordo breaks SERIES`: change points of a yearly series, and how near
//! they fall to the periodization's turning points.

use crate::context::Context;
use clap::Args;
use ordo::breaks::BreaksOptions;
use std::path::PathBuf;

/// Change points of a yearly series — `cooperation A B` (the dyad's
/// cooperation index, or one of its components with --component) or
/// `instability` (the order's instability index) —
/// by PELT, binary segmentation or Bai–Perron (shift in mean; years without
/// a value are left out). Each break is listed with its year (the first
/// year of the new regime), Bai–Perron's 95% interval, and its distance to
/// the nearest turning point of the periodization; a permutation test says
/// whether breaks sit nearer the turning points than the same number of
/// breaks placed at random. --path LO:HI lists every optimal (PELT)
/// segmentation between two penalties, so you can see how the breaks
/// depend on the penalty.
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo breaks cooperation ITA RUS\n  ordo breaks cooperation ITA RUS --method bai-perron --max-breaks 5\n  ordo breaks instability --method binseg --penalty 20\n  ordo breaks cooperation ITA RUS --path 1:100\n  ordo breaks cooperation ITA RUS --component un_agree\n\nDefault penalty: 2 s^2 ln T, with s the series' standard deviation (conservative: an upper bound of the noise SD). See --path for how breaks depend on it."
)]
pub struct BreaksArgs {
    /// `cooperation` or `instability`
    series: String,
    /// With `cooperation`: the two states
    states: Vec<String>,
    /// pelt, binseg or bai-perron
    #[arg(long, default_value = "pelt")]
    method: String,
    /// Penalty per break (pelt, binseg) [default: 2 s^2 ln T]
    #[arg(long)]
    penalty: Option<f64>,
    /// Every PELT segmentation for penalties LO..HI
    #[arg(long, value_name = "LO:HI")]
    path: Option<String>,
    /// Shortest segment, in years
    #[arg(long, default_value_t = 3)]
    min_size: usize,
    /// Bai–Perron: most breaks considered
    #[arg(long, default_value_t = 5)]
    max_breaks: usize,
    /// Periodization (turning points) [default: the article's]
    #[arg(long, value_name = "FILE")]
    periods: Option<PathBuf>,
    /// Recipe of the index (cooperation or instability recipe file)
    #[arg(long, value_name = "FILE")]
    recipe: Option<PathBuf>,
    /// With `cooperation`: one component of the index (raw values, e.g.
    /// un_agree) instead of the index
    #[arg(long)]
    component: Option<String>,
    /// Permutation test: seed and replicates
    #[arg(long, default_value_t = 20260101)]
    seed: u64,
    #[arg(long, default_value_t = 10_000)]
    reps: usize,
}

impl From<BreaksArgs> for BreaksOptions {
    fn from(a: BreaksArgs) -> BreaksOptions {
        BreaksOptions {
            series: a.series,
            states: a.states,
            method: a.method,
            penalty: a.penalty,
            path: a.path,
            min_size: a.min_size,
            max_breaks: a.max_breaks,
            periods: a.periods,
            recipe: a.recipe,
            component: a.component,
            seed: a.seed,
            reps: a.reps,
        }
    }
}

pub fn run(ctx: &Context, args: BreaksArgs) -> anyhow::Result<()> {
    ctx.emit(&ctx.session.breaks(&args.into())?)
}
