//! `ordo periods`: the periodization analyses use.

use crate::context::Context;
use crate::frame::Frame;
use crate::provenance::Provenance;
use clap::Args;
use ordo_analysis::Periodization;
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
    let p = match &args.periods {
        Some(path) => Periodization::load(path)?,
        None => Periodization::builtin(),
    };
    let mut rows: Vec<(String, &'static str, i32, Option<i32>, String)> = Vec::new();
    for o in &p.orders {
        rows.push((o.name.clone(), "order", o.from, Some(o.to), String::new()));
        for ph in &o.phases {
            rows.push((
                o.name.clone(),
                ph.kind.as_str(),
                ph.from,
                Some(ph.to),
                String::new(),
            ));
        }
        for t in &o.turning_points {
            rows.push((
                o.name.clone(),
                "turning point",
                t.year,
                t.end,
                t.label.clone(),
            ));
        }
    }
    let batch = Frame::new()
        .text("order", rows.iter().map(|r| Some(r.0.as_str())))
        .text("kind", rows.iter().map(|r| Some(r.1)))
        .int("from", rows.iter().map(|r| Some(i64::from(r.2))))
        .int("to", rows.iter().map(|r| r.3.map(i64::from)))
        .text(
            "label",
            rows.iter()
                .map(|r| Some(r.4.as_str()).filter(|s| !s.is_empty())),
        )
        .build()?;
    let provenance = Provenance::default().with(format!(
        "periodization {} ({}, sha256 {}); {}",
        p.name, p.file, p.sha256, p.source
    ));
    ctx.output.emit(&batch, &provenance)
}
