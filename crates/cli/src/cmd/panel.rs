//! `ordo panel --middle-powers`: the hypothesis over every middle power
//! against each major power.

use crate::context::Context;
use clap::Args;
use ordo::panel::PanelOptions;

/// The article's hypothesis for a panel of dyads: every middle power (by
/// --middle-rule, default the 20 largest non-majors by CINC, year by year)
/// against each major power of the same year (or a list of dyads from a
/// file). For each dyad: the slope of its cooperation index (`ordo
/// cooperation`) on the order's instability index, with Newey–West errors,
/// and whether it supports (negative, p < 0.05), contradicts (positive,
/// p < 0.05) or is silent on the hypothesis; sorted by slope. Under the
/// table: the pooled slope with dyad fixed effects and errors clustered by
/// dyad and Driscoll–Kraay. Year fixed effects are not possible: the
/// instability index is the same for every dyad in a year, so they would
/// absorb it; dyad-specific slopes are the per-dyad rows.
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo panel --middle-powers\n  ordo panel --middle-powers --from 1946 --to 2014 --format csv --out panel.csv\n  ordo panel --counterparts my-dyads.csv   (CSV with columns a,b: any state names or codes)"
)]
pub struct PanelArgs {
    /// Every middle power against the counterparts
    #[arg(long)]
    middle_powers: bool,
    /// `majors` (default), `rivals` (each middle power's strategic rivals
    /// that year, TSS) or a CSV file of dyads (columns `a`, `b`)
    #[arg(long, default_value = "majors")]
    counterparts: String,
    /// First year
    #[arg(long, default_value_t = 1946)]
    from: i32,
    /// Last year
    #[arg(long, default_value_t = 2014)]
    to: i32,
    /// Middle powers: next:K or band:lo:hi (see ordo states middle)
    #[arg(long, default_value = "next:20")]
    middle_rule: String,
    /// Fewest years a dyad needs for its own slope
    #[arg(long, default_value_t = 15)]
    min_years: usize,
}

impl From<PanelArgs> for PanelOptions {
    fn from(a: PanelArgs) -> PanelOptions {
        PanelOptions {
            middle_powers: a.middle_powers,
            counterparts: a.counterparts,
            from: a.from,
            to: a.to,
            middle_rule: a.middle_rule,
            min_years: a.min_years,
        }
    }
}

pub fn run(ctx: &Context, args: PanelArgs) -> anyhow::Result<()> {
    ctx.emit(&ctx.session.panel(&args.into())?)
}
