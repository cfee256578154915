//! `ordo`: how the stability of the international order shapes relations
//! between states, from the public datasets of the field.
//!
//! The command line is a face over the `ordo` library: each subcommand
//! lives in one file under `cmd/` with its help text and examples, parses
//! its flags into the library's options, makes one call on the session and
//! writes the table in the format the user asked for.

mod cmd;
mod context;
mod data_pull;
mod frame_args;
mod resampling;
mod years;

use clap::{Parser, Subcommand};

/// mimalloc instead of the system allocator: a frame build allocates and
/// frees many column-sized buffers, and the system allocator returns each to
/// the kernel, which then zeroes fresh pages for the next one (`perf`: page
/// clearing was the largest single cost of `ordo dyads --directed`).
/// mimalloc reuses them. The cold directed frame 1816-2016 took 4.3 s in
/// three runs against 4.5-6.2 s before (release; see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
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
    /// One dyad, one row per year, every measure.
    Dyad(cmd::dyad::DyadArgs),
    /// All dyad-years of a span, every measure.
    Dyads(cmd::dyads::DyadsArgs),
    /// One state, one row per year.
    State(cmd::state::StateArgs),
    /// All state-years of a span.
    #[command(name = "states-year")]
    StatesYear(cmd::state::StatesYearArgs),
    /// Leader-years (Archigos with LEAD and LWUF) or leader-days, for a state or all.
    Leaders(cmd::leaders::LeadersArgs),
    /// Leader-dyad-years: pairs of leaders of two states in office on a same day, with GML disputes.
    #[command(name = "leader-dyads")]
    LeaderDyads(cmd::leaders::LeaderDyadsArgs),
    /// One state, one row per day of membership.
    #[command(name = "states-days")]
    StatesDays(cmd::state::StatesDaysArgs),
    /// Which years each measure covers for a dyad, and why the others are missing.
    Coverage(cmd::coverage::CoverageArgs),
    /// SQL over every dataset and derived table.
    Sql(cmd::sql::SqlArgs),
    /// The international system year by year: majors, concentration, movement, transitions, conflict among majors.
    System(cmd::system::SystemArgs),
    /// The instability index of the international order, its components, and its comparison with the periods.
    Instability(cmd::instability::InstabilityArgs),
    /// The periodization: orders, stable and crisis phases, turning points.
    Periods(cmd::periods::PeriodsArgs),
    /// Event files (GDELT, ICEWS, CSV) into the store, every row accounted for.
    Ingest(cmd::ingest::IngestArgs),
    /// The event store's files: list what is ingested, retire a file.
    #[command(subcommand)]
    Store(cmd::store::StoreCommand),
    /// Event series by month, quarter or year for a dyad or all dyads.
    Events(cmd::events::EventsArgs),
    /// The curated chronology of a dyad's relations (Italy–Russia shipped).
    Chronology(cmd::chronology::ChronologyArgs),
    /// The article's Table 1 rebuilt from the chronology, and the evidence per phase.
    Table1(cmd::table1::Table1Args),
    /// A dyad's yearly cooperation index, with its components.
    Cooperation(cmd::cooperation::CooperationArgs),
    /// The hypothesis for a dyad: is cooperation lower in the order's crisis phases?
    Test(cmd::test::TestArgs),
    /// Change points of the cooperation or instability index, and the turning points.
    Breaks(cmd::breaks::BreaksArgs),
    /// The hypothesis over a panel: every middle power against each major.
    Panel(cmd::panel::PanelArgs),
    /// A self-contained report on a dyad (HTML with charts, or Markdown with SVG files).
    Report(cmd::report::ReportArgs),
    /// The web dashboard and its JSON API on a local address.
    Serve(cmd::serve::ServeArgs),
    /// What to cite: BibTeX (or a reference list) for the datasets a command reads, ordo and the article.
    Cite(cmd::cite::CiteArgs),
    /// Processes of an Apache Ballista cluster that runs ordo's queries: scheduler, executor.
    #[command(subcommand)]
    Cluster(cmd::cluster::ClusterCommand),
}

/// Runs one command with `ctx`.
fn dispatch(ctx: &context::Context, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Data(c) => cmd::data::run(ctx, c),
        Command::States(c) => cmd::states::run(ctx, c),
        Command::Dyad(a) => cmd::dyad::run(ctx, a),
        Command::Dyads(a) => cmd::dyads::run(ctx, a),
        Command::State(a) => cmd::state::run_state(ctx, a),
        Command::StatesYear(a) => cmd::state::run_states_year(ctx, a),
        Command::Leaders(a) => cmd::leaders::run_leaders(ctx, a),
        Command::LeaderDyads(a) => cmd::leaders::run_leader_dyads(ctx, a),
        Command::StatesDays(a) => cmd::state::run_states_days(ctx, a),
        Command::Coverage(a) => cmd::coverage::run(ctx, a),
        Command::Sql(a) => cmd::sql::run(ctx, a),
        Command::System(a) => cmd::system::run(ctx, a),
        Command::Instability(a) => cmd::instability::run(ctx, a),
        Command::Periods(a) => cmd::periods::run(ctx, a),
        Command::Ingest(a) => cmd::ingest::run(ctx, a),
        Command::Store(c) => cmd::store::run(ctx, c),
        Command::Events(a) => cmd::events::run(ctx, a),
        Command::Chronology(a) => cmd::chronology::run(ctx, a),
        Command::Table1(a) => cmd::table1::run(ctx, a),
        Command::Cooperation(a) => cmd::cooperation::run(ctx, a),
        Command::Test(a) => cmd::test::run(ctx, a),
        Command::Breaks(a) => cmd::breaks::run(ctx, a),
        Command::Panel(a) => cmd::panel::run(ctx, a),
        Command::Report(a) => cmd::report::run(ctx, a),
        Command::Serve(a) => cmd::serve::run(ctx, a),
        Command::Cite(a) => cmd::cite::run(ctx, a),
        Command::Cluster(c) => cmd::cluster::run(ctx, c),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = context::Context::new(cli.global).and_then(|ctx| dispatch(&ctx, cli.command));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
