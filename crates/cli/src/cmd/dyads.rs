//! `ordo dyads`: every dyad-year of a span, like peacesciencer's
//! `create_dyadyears()` followed by every `add_*()`.

use crate::context::Context;
use crate::query::{print_query, DYAD_RULES};
use crate::tables::{FIRST_YEAR, LAST_YEAR};
use crate::years::Years;
use clap::Args;

/// All dyad-years: every pair of states that were both system members on a
/// same day of the year, with every measure.
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo dyads --year 1938\n  ordo dyads --from 1946 --to 2014 --only-politically-relevant --format parquet --out prd.parquet\n  ordo dyads --directed --year 2000 --format csv --out 2000.csv"
)]
pub struct DyadsArgs {
    #[command(flatten)]
    years: Years,
    /// Both orderings of each pair
    #[arg(long)]
    directed: bool,
    /// Only politically relevant dyads: directly contiguous (types 1-5) or
    /// with a COW major power (Lemke & Reed 2001; peacesciencer filter_prd)
    #[arg(long)]
    only_politically_relevant: bool,
}

pub fn run(ctx: &Context, args: DyadsArgs) -> anyhow::Result<()> {
    let (from, to) = args.years.span((FIRST_YEAR, LAST_YEAR))?;
    let table = if args.directed {
        "dyad_years_directed"
    } else {
        "dyad_years"
    };
    let prd = if args.only_politically_relevant {
        " AND (cow_conttype >= 1 OR cowmaj1 = 1 OR cowmaj2 = 1)"
    } else {
        ""
    };
    for rule in DYAD_RULES {
        ctx.note(rule);
    }
    let (engine, _world) = ctx.engine()?;
    let engine = engine.in_stored_order();
    let sql = format!("SELECT * FROM {table} WHERE year BETWEEN {from} AND {to}{prd} ORDER BY ccode1, ccode2, year");
    print_query(
        ctx,
        &engine,
        &sql,
        &[format!(
            "dyad-years {from}-{to}{}",
            if prd.is_empty() {
                ""
            } else {
                ", politically relevant only"
            }
        )],
    )?;
    Ok(())
}
