//! `ordo coverage A B`: for each measure of a dyad, the years with a value
//! and why the others have none.

use crate::context::Context;
use crate::frame::Frame;
use crate::provenance::Provenance;
use crate::tables::{FIRST_YEAR, LAST_YEAR};
use crate::years::Years;
use clap::Args;
use ordo_measures::coverage::{dyad_coverage, Status};
use ordo_measures::{dyad_frame, Inputs, Universe};

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
    let dir = ctx.data_dir()?;
    let states = ctx.states()?;
    let r = states.resolver();
    let (a, b) = (
        r.resolve(&args.a)?.state.code.0,
        r.resolve(&args.b)?.state.code.0,
    );
    let (from, to) = args.years.span((FIRST_YEAR, LAST_YEAR))?;
    let inputs = Inputs::load(&dir, states)?;
    let universe = Universe::new(&states.system, Some(LAST_YEAR));
    let keys = universe.dyad(a, b, from, to, false);
    let frame = dyad_frame(&inputs, states, &universe, &keys);
    let rows = dyad_coverage(&frame, from, to);
    let get = |s: Status| {
        rows.iter()
            .map(move |m| m.ranges.get(&s).cloned())
            .collect::<Vec<_>>()
    };
    let batch = Frame::new()
        .text("measure", rows.iter().map(|m| Some(m.measure)))
        .text("source", rows.iter().map(|m| Some(m.source)))
        .text("covered", get(Status::Covered))
        .text("not_member", get(Status::NotMember))
        .text("outside_coverage", get(Status::OutsideCoverage))
        .text("no_data", get(Status::NoData))
        .build()?;
    let provenance = Provenance::of_world(states, &inputs).with(format!(
        "dyad {}-{}, {from}-{to}",
        a.min(b),
        a.max(b)
    ));
    ctx.output.emit(&batch, &provenance)
}
