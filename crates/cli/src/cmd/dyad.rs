//! `ordo dyad A B`: one row per year for one dyad, with every measure.

use crate::context::Context;
use crate::query::{print_query, DYAD_RULES};
use crate::tables::{FIRST_YEAR, LAST_YEAR};
use crate::years::Years;
use anyhow::bail;
use clap::Args;

/// One row per year for a dyad, with every measure: capabilities, ATOP
/// alliances and portfolio similarity, COW and GML disputes, war, rivalry,
/// trade and dependence, contiguity, distances, shared IGOs, democracy, UN
/// voting agreement and ideal-point distance. Years where the two were not
/// both members on a same day have no row; measures outside their source's
/// coverage are NULL (`ordo coverage A B` explains every gap).
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo dyad ITA RUS\n  ordo dyad Italy \"Soviet Union\" --from 1920 --to 1991 --format csv --out ita-rus.csv\n  ordo dyad RUS ITA --directed --year 1938"
)]
pub struct DyadArgs {
    /// First state (any name or code `ordo states resolve` accepts)
    a: String,
    /// Second state
    b: String,
    #[command(flatten)]
    years: Years,
    /// Keep the order given (ccode1 = A); otherwise ccode1 < ccode2
    #[arg(long)]
    directed: bool,
}

pub fn run(ctx: &Context, args: DyadArgs) -> anyhow::Result<()> {
    let states = ctx.states()?;
    let resolver = states.resolver();
    let (a, b) = (
        resolver.resolve(&args.a)?.state.code.0,
        resolver.resolve(&args.b)?.state.code.0,
    );
    if a == b {
        bail!(
            "a dyad needs two different states ({} was given twice)",
            args.a
        );
    }
    let (from, to) = args.years.span((FIRST_YEAR, LAST_YEAR))?;
    let (table, c1, c2) = if args.directed {
        ("dyad_years_directed", a, b)
    } else {
        ("dyad_years", a.min(b), a.max(b))
    };
    for rule in DYAD_RULES {
        ctx.note(rule);
    }
    let (engine, _world) = ctx.engine()?;
    let sql = format!("SELECT * FROM {table} WHERE ccode1 = {c1} AND ccode2 = {c2} AND year BETWEEN {from} AND {to} ORDER BY year");
    print_query(
        ctx,
        &engine,
        &sql,
        &[format!(
            "dyad {c1}-{c2}, {from}-{to}, {}",
            if args.directed {
                "directed"
            } else {
                "non-directed (ccode1 < ccode2)"
            }
        )],
    )?;
    Ok(())
}
