//! `ordo report A B`: the main job in one command — a self-contained report
//! on a dyad's relations and the stability of the international order.

use crate::context::Context;
use clap::Args;
use ordo::output::Format;
use ordo_report::{Inputs, ReportFormat, ReportOptions};

/// A report on a dyad: the verdict of the hypothesis test in one sentence;
/// charts of the cooperation index and its components with the order's
/// phases shaded, turning points, change points and chronology entries
/// marked, of the instability index, of trade and of UN voting agreement;
/// the article's Table 1 regenerated from the chronology with the evidence
/// per phase; the statistical tables; the provenance (datasets with
/// version, coverage and checksum, recipe and periodization hashes, ordo's
/// version and the command); and the bibliography.
///
/// Written to `--out DIR` (default `reports`) as `ordo-report-A-B.html`
/// (one file, inline SVG, opens without a network) or, with `--format md`,
/// `ordo-report-A-B.md` with its charts in `ordo-report-A-B-charts/`. Every
/// table is what an `ordo` command prints (named under it); two runs on the
/// same data give the same bytes.
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo report ITA RUS\n  ordo report Italy \"Soviet Union\" --from 1917 --to 1991 --out my-reports\n  ordo report FRN GMY --format md\n  ordo report ITA RUS --periods my-periods.toml --chronology my-chronology.toml"
)]
pub struct ReportArgs {
    /// First state
    a: String,
    /// Second state
    b: String,
    /// First year shown in the charts [default: the first year with a cooperation index]
    #[arg(long)]
    from: Option<i32>,
    /// Last year shown in the charts [default: the last year with a cooperation index]
    #[arg(long)]
    to: Option<i32>,
    /// Periodization file (TOML) [default: the article's]
    #[arg(long, value_name = "FILE")]
    periods: Option<String>,
    /// Cooperation recipe file (TOML) [default: ordo's]
    #[arg(long, value_name = "FILE")]
    recipe: Option<String>,
    /// Instability recipe file (TOML) [default: ordo's]
    #[arg(long, value_name = "FILE")]
    instability_recipe: Option<String>,
    /// Chronology file of the dyad (TOML, docs/chronology.md) [default: the one ordo ships, if any]
    #[arg(long, value_name = "FILE")]
    chronology: Option<String>,
}

impl ReportArgs {
    fn inputs(&self) -> Inputs {
        Inputs {
            periods: self.periods.clone(),
            recipe: self.recipe.clone(),
            instability_recipe: self.instability_recipe.clone(),
            chronology: self.chronology.clone(),
        }
    }
}

pub fn run(ctx: &Context, args: ReportArgs) -> anyhow::Result<()> {
    let format = match ctx.output.requested() {
        None | Some(Format::Html) => ReportFormat::Html,
        Some(Format::Md) => ReportFormat::Md,
        Some(other) => anyhow::bail!("ordo report writes html or md, not {other:?}"),
    };
    crate::data_pull::pull_for_report_if_no_data(ctx)?;
    let written = ordo_report::write(
        &ctx.session,
        &ReportOptions {
            inputs: args.inputs(),
            a: args.a,
            b: args.b,
            from: args.from,
            to: args.to,
            format,
            dir: ctx.output.out().map(|p| p.to_path_buf()),
        },
    )?;
    eprintln!("{}", written.verdict);
    eprintln!("wrote {}", written.path.display());
    Ok(())
}
