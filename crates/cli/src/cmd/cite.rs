//! `ordo cite`: what to cite for the datasets a command reads.

use crate::context::Context;
use clap::Args;
use ordo::cite::{CiteFormat, CiteOptions};
use ordo::output::Format;

/// The references of the datasets you used, of ordo and of the article
/// behind it (Natalizia and Morini 2020): BibTeX by default, or with
/// `--format text` a reference list (author-year) followed by the version of
/// each dataset ordo reads beside the one peacesciencer lists.
///
/// Name datasets by the ids `ordo data status` lists, or name commands with
/// --for to cite what they read (`--for report` is the report's
/// bibliography); with neither, every dataset ordo knows is cited. Entries
/// come from peacesciencer's bibliography (the `ps_bib` dataset: run `ordo
/// data pull ps_bib ps_data_version` if it is missing) where it has the
/// work, and from ordo's own for the rest; sorted by key, each once.
/// docs/citations.md lists which keys cite which dataset.
#[derive(Args)]
#[command(
    after_long_help = "Examples:\n  ordo cite cow_nmc ucdp_acd\n  ordo cite --for report --out references.bib\n  ordo cite --for dyads --for events --format text\n  ordo cite                     # every dataset ordo knows"
)]
pub struct CiteArgs {
    /// Datasets to cite, by their ids in `ordo data status` (e.g. cow_nmc,
    /// atop_alliance, ucdp_acd)
    datasets: Vec<String>,
    /// Cite what a command reads: report, dyad, dyads, state, states-year,
    /// states, coverage, system, instability, periods, cooperation, test,
    /// breaks, panel, chronology, table1, events, ingest, sql, serve, data
    #[arg(long = "for", value_name = "COMMAND")]
    for_commands: Vec<String>,
}

pub fn run(ctx: &Context, args: CiteArgs) -> anyhow::Result<()> {
    let out = ctx.output.out();
    let format = match ctx.output.requested() {
        Some(Format::Bibtex) => CiteFormat::Bibtex,
        Some(Format::Text) => CiteFormat::Text,
        // `--out refs.txt` asks for the reference list.
        None if out.and_then(|p| p.extension()).is_some_and(|e| e == "txt") => CiteFormat::Text,
        None => CiteFormat::Bibtex,
        Some(other) => anyhow::bail!(
            "ordo cite writes bibtex or text, not {}",
            format!("{other:?}").to_lowercase()
        ),
    };
    let text = ctx.session.cite(&CiteOptions {
        datasets: args.datasets,
        commands: args.for_commands,
        format,
    })?;
    match out {
        Some(path) => ordo::output::write_atomically(path, text.as_bytes()),
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(text.as_bytes())?;
            stdout.flush()?;
            Ok(())
        }
    }
}
