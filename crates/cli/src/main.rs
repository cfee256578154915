//! `ordo`: how the stability of the international order shapes relations
//! between states, from the public datasets of the field.
//!
//! Each subcommand lives in one file under `cmd/` with its help text and
//! examples; `output.rs` writes every table in the format the user asked for.

mod cmd;
mod context;
mod frame;
mod output;
mod provenance;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// ordo measures how cooperative or competitive relations between two states
/// are, year by year, and relates them to the stability of the international
/// order. States can be given in any form a scholar would type: "Italy",
/// "Regno d'Italia", "URSS", "Россия", "RUS", "365".
#[derive(Parser)]
#[command(name = "ordo", version, propagate_version = true)]
#[command(
    after_long_help = "Examples:\n  ordo data status\n  ordo states resolve Italia \"Unione Sovietica\"\n  ordo states show ITA RUS\n  ordo states list --year 1938 --format csv --out members-1938.csv"
)]
struct Cli {
    #[command(flatten)]
    global: context::GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The public datasets ordo reads: where they are, versions, coverage, checksums.
    #[command(subcommand)]
    Data(cmd::data::DataCommand),
    /// The state system: resolve names, list members in a year, show a state's codes.
    #[command(subcommand)]
    States(cmd::states::StatesCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = context::Context::new(cli.global).and_then(|ctx| match cli.command {
        Command::Data(c) => cmd::data::run(&ctx, c),
        Command::States(c) => cmd::states::run(&ctx, c),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
