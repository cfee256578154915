//! `ordo sql`: SQL over every dataset and derived table (Apache DataFusion).

use crate::context::Context;
use clap::Args;

/// Run a SQL query over ordo's tables.
///
/// Every dataset ordo reads is a table (cow_nmc, atop_alliance,
/// cow_mid_dyad_years, un_votes, un_roll_calls, bsv_ideal_points, …), and so
/// is every derived frame (dyad_years, dyad_years_directed, state_years).
/// Tables are built on first use and cached as Parquet in the store, keyed by
/// the checksums of their inputs; `--tables` lists them.
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo sql --tables\n  ordo sql \"SELECT ccode1, ccode2, un_agree, un_nvotes FROM dyad_years WHERE year = 1985 AND un_nvotes >= 50 ORDER BY un_agree DESC LIMIT 10\"\n  ordo sql \"SELECT year, cinc FROM cow_nmc WHERE ccode = 325 ORDER BY year\" --format csv --out italy-cinc.csv\n  ordo sql --attach crises=crises.csv \"SELECT d.*, c.crisis FROM dyad_years d JOIN crises c USING (ccode1, ccode2, year)\""
)]
pub struct SqlArgs {
    /// The query (DataFusion SQL dialect)
    #[arg(required_unless_present = "tables")]
    query: Option<String>,
    /// List the tables instead
    #[arg(long)]
    tables: bool,
    /// Serve your own CSV (header row) or Parquet file as table NAME for this
    /// query (repeatable); nothing is copied into the store
    #[arg(long, value_name = "NAME=FILE")]
    attach: Vec<String>,
}

pub fn run(ctx: &Context, args: SqlArgs) -> anyhow::Result<()> {
    match args.query {
        Some(query) if !args.tables => {
            let files = args
                .attach
                .iter()
                .map(|a| match a.split_once('=') {
                    Some((n, f)) => Ok((n.trim().to_string(), std::path::PathBuf::from(f))),
                    None => anyhow::bail!("--attach {a}: write NAME=FILE"),
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            ctx.print(ctx.session.sql_with(&query, &files)?)
        }
        _ => ctx.emit(&ctx.session.tables()?),
    }
}
