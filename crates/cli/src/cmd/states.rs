//! `ordo states …`: the state system — resolve what users type, list the
//! members on a day, show one state's spells, codes and names.

use crate::context::Context;
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use ordo::states::MajorsList;

#[derive(Subcommand)]
pub enum StatesCommand {
    /// Resolve names or codes to COW states, in English, Italian, French or
    /// Russian, current or historical, and print their codes and spells.
    ///
    /// Accepted: a COW number (365), a COW abbreviation (RUS), a name
    /// ("Soviet Union", "Unione Sovietica", "URSS", "Россия"), an ISO alpha-3,
    /// CAMEO, ISO alpha-2 or FIPS code, or `scheme:code` (gw:260, iso3:DEU,
    /// cameo:SUN, fips:UR, un:Russia). Codes that denoted different states at
    /// different times need --on.
    #[command(
        after_long_help = "Examples:\n  ordo states resolve Italia \"Unione Sovietica\" Россия 365\n  ordo states resolve DEU --on 1980-01-01\n  ordo states resolve gw:260 --on 2000-01-01 --format json"
    )]
    Resolve(ResolveArgs),
    /// List the members of the state system on a day (31 December of --year,
    /// or --on DATE), with major-power status and their codes on that day.
    #[command(
        after_long_help = "Examples:\n  ordo states list --year 1938\n  ordo states list --on 1914-07-28 --majors cow2024\n  ordo states list --year 2016 --format parquet --out members-2016.parquet\n  ordo states list --system gw --year 1990"
    )]
    List(ListArgs),
    /// Everything ordo knows about states: membership spells, major-power
    /// spells (v2016 and v2024), Gleditsch-Ward spells, every dated code and
    /// every name.
    #[command(
        after_long_help = "Examples:\n  ordo states show RUS\n  ordo states show Italy \"Soviet Union\"\n  ordo states show 255 260 265 --format csv"
    )]
    Show(ShowArgs),
    /// Middle powers of a year: by default the 20 largest non-majors by
    /// CINC (next:20); or band:lo:hi, non-majors whose CINC share of the
    /// members' total lies in [lo, hi).
    #[command(
        after_long_help = "Examples:\n  ordo states middle --year 1960\n  ordo states middle --year 2010 --rule band:0.005:0.05 --majors top:5"
    )]
    Middle(MiddleArgs),
}

#[derive(Args)]
pub struct MiddleArgs {
    /// The year
    #[arg(long)]
    year: i32,
    /// Middle-power rule: next:K or band:lo:hi
    #[arg(long, default_value = "next:20")]
    rule: String,
    /// Major-power rule: cow, cow2024, top:K, share:θ or a CSV file
    #[arg(long, default_value = "cow2024")]
    majors: String,
}

#[derive(Args)]
pub struct ResolveArgs {
    /// Names or codes of states
    #[arg(required = true, value_name = "STATE")]
    states: Vec<String>,
    /// Day on which dated codes are read (YYYY-MM-DD)
    #[arg(long, value_parser = parse_day)]
    on: Option<NaiveDate>,
}

#[derive(Args)]
pub struct ListArgs {
    /// Members on 31 December of this year
    #[arg(long, conflicts_with = "on")]
    year: Option<i32>,
    /// Members on this day (YYYY-MM-DD)
    #[arg(long, value_parser = parse_day)]
    on: Option<NaiveDate>,
    /// Major-power list
    #[arg(long, value_enum, default_value = "cow")]
    majors: Majors,
    /// State system: cow (Correlates of War) or gw (Gleditsch-Ward members,
    /// with the COW code the crosswalk gives each that day)
    #[arg(long, default_value = "cow", value_name = "cow|gw")]
    system: ordo::System,
}

#[derive(Args)]
pub struct ShowArgs {
    /// Names or codes of states
    #[arg(required = true, value_name = "STATE")]
    states: Vec<String>,
}

/// Which COW major-power release to mark majors with.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Majors {
    /// COW Major Powers v2016
    Cow,
    /// COW Major Powers v2024
    Cow2024,
}

pub fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("`{s}` is not a date YYYY-MM-DD"))
}

pub fn run(ctx: &Context, cmd: StatesCommand) -> anyhow::Result<()> {
    let s = &ctx.session;
    ctx.emit(&match cmd {
        StatesCommand::Resolve(a) => s.resolve(&a.states, a.on)?,
        StatesCommand::List(a) => s.members(a.year, a.on, a.majors.into(), a.system)?,
        StatesCommand::Show(a) => s.show(&a.states)?,
        StatesCommand::Middle(a) => s.middle_powers(a.year, &a.rule, &a.majors)?,
    })
}

impl From<Majors> for MajorsList {
    fn from(m: Majors) -> MajorsList {
        match m {
            Majors::Cow => MajorsList::Cow,
            Majors::Cow2024 => MajorsList::Cow2024,
        }
    }
}
