//! `ordo cooperation A B`: the dyad's yearly cooperation index and its
//! components.

use crate::context::Context;
use clap::Args;
use ordo::cooperation::CooperationOptions;
use std::path::PathBuf;

/// One row per year for a dyad: the cooperation index (the recipe's
/// components, each standardised over the dyad's own years and signed so
/// that higher = more cooperative, averaged with the recipe's weights), how
/// many components exist that year and their share of the weight, and every
/// component raw and standardised beside it. A year with less than half of
/// the weight has no index. Default recipe:
/// crates/analysis/data/cooperation.toml (alliance similarity, UN agreement
/// and ideal-point distance, trade dependence, MID hostility, war, and event
/// net cooperation where events are ingested).
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo cooperation ITA RUS\n  ordo cooperation ITA RUS --from 1920 --to 2022 --format csv --out ita-rus-coop.csv\n  ordo cooperation FRN GMY --recipe my-cooperation.toml"
)]
pub struct CooperationArgs {
    /// First state
    a: String,
    /// Second state
    b: String,
    #[command(flatten)]
    years: crate::years::Years,
    /// Cooperation recipe file (TOML)
    #[arg(long, value_name = "FILE")]
    recipe: Option<PathBuf>,
}

impl From<CooperationArgs> for CooperationOptions {
    fn from(a: CooperationArgs) -> CooperationOptions {
        CooperationOptions {
            a: a.a,
            b: a.b,
            years: a.years.into(),
            recipe: a.recipe,
        }
    }
}

pub fn run(ctx: &Context, args: CooperationArgs) -> anyhow::Result<()> {
    ctx.emit(&ctx.session.cooperation(&args.into())?)
}
