//! `ordo states …`: the state system — resolve what users type, list the
//! members on a day, show one state's spells, codes and names.

use crate::context::Context;
use crate::frame::Frame;
use crate::provenance::Provenance;
use anyhow::{bail, Context as _};
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use ordo_states::{MajorPowers, Resolved, Scheme, Spell, State, States};

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
        after_long_help = "Examples:\n  ordo states list --year 1938\n  ordo states list --on 1914-07-28 --majors cow2024\n  ordo states list --year 2016 --format parquet --out members-2016.parquet"
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

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("`{s}` is not a date YYYY-MM-DD"))
}

pub fn run(ctx: &Context, cmd: StatesCommand) -> anyhow::Result<()> {
    // `middle` loads the state system with the capabilities it needs.
    let cmd = match cmd {
        StatesCommand::Middle(a) => return middle(ctx, a),
        other => other,
    };
    let states = ctx.states()?;
    match cmd {
        StatesCommand::Resolve(a) => resolve(ctx, states, a),
        StatesCommand::List(a) => list(ctx, states, a),
        StatesCommand::Show(a) => show(ctx, states, a),
        StatesCommand::Middle(_) => unreachable!("dispatched above"),
    }
}

fn spells(list: &[Spell]) -> String {
    list.iter()
        .map(Spell::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// All codes of a state in a scheme, with validity where dated.
fn codes(states: &States, state: &State, scheme: Scheme) -> Option<String> {
    let rows = states.crosswalk.codes_of(state.code, scheme, None);
    let parts: Vec<String> = rows
        .iter()
        .map(|m| match m.validity().as_str() {
            "" => m.code.clone(),
            v => format!("{} [{v}]", m.code),
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

fn resolve(ctx: &Context, states: &States, args: ResolveArgs) -> anyhow::Result<()> {
    let resolver = states.resolver();
    let found: Vec<(String, Resolved)> = args
        .states
        .iter()
        .map(|s| resolver.resolve_on(s, args.on).map(|r| (s.clone(), r)))
        .collect::<Result<_, _>>()?;
    let col = |f: &dyn Fn(&Resolved) -> Option<String>| {
        found.iter().map(|(_, r)| f(r)).collect::<Vec<_>>()
    };
    let batch = Frame::new()
        .text("input", found.iter().map(|(i, _)| Some(i.as_str())))
        .int(
            "ccode",
            found.iter().map(|(_, r)| Some(i64::from(r.state.code.0))),
        )
        .text("stateabb", col(&|r| Some(r.state.abbrev.clone())))
        .text("statenme", col(&|r| Some(r.state.name.clone())))
        .text("matched_by", col(&|r| Some(r.matched.to_string())))
        .text("member", col(&|r| Some(spells(&r.state.spells))))
        .text(
            "major_v2016",
            col(&|r| Some(spells(states.majors.spells_of(r.state.code))).filter(|s| !s.is_empty())),
        )
        .text("gw", col(&|r| codes(states, r.state, Scheme::Gw)))
        .text("iso3", col(&|r| codes(states, r.state, Scheme::Iso3)))
        .text("cameo", col(&|r| codes(states, r.state, Scheme::Cameo)))
        .text("fips", col(&|r| codes(states, r.state, Scheme::Fips)))
        .build()?;
    ctx.output
        .emit(&batch, &Provenance::from_sources(&states.sources[..2]))
}

fn list(ctx: &Context, states: &States, args: ListArgs) -> anyhow::Result<()> {
    let day = match (args.on, args.year) {
        (Some(d), _) => d,
        (None, Some(y)) => NaiveDate::from_ymd_opt(y, 12, 31)
            .with_context(|| format!("year {y} is out of range"))?,
        (None, None) => bail!("give --year YEAR or --on YYYY-MM-DD"),
    };
    let (majors, source): (&MajorPowers, _) = match args.majors {
        Majors::Cow => (&states.majors, &states.sources[1]),
        Majors::Cow2024 => (&states.majors_2024, &states.sources[2]),
    };
    let members: Vec<&State> = states.system.members_on(day).collect();
    let code = |s: &State, scheme| states.crosswalk.code_on(s.code, scheme, day);
    let batch = Frame::new()
        .int("ccode", members.iter().map(|s| Some(i64::from(s.code.0))))
        .text("stateabb", members.iter().map(|s| Some(s.abbrev.as_str())))
        .text("statenme", members.iter().map(|s| Some(s.name.as_str())))
        .flag(
            "major",
            members
                .iter()
                .map(|s| Some(majors.is_major_on(s.code, day))),
        )
        .text("gw", members.iter().map(|s| code(s, Scheme::Gw)))
        .text("iso3", members.iter().map(|s| code(s, Scheme::Iso3)))
        .text("cameo", members.iter().map(|s| code(s, Scheme::Cameo)))
        .text("fips", members.iter().map(|s| code(s, Scheme::Fips)))
        .build()?;
    let provenance =
        Provenance::from_sources(&[states.sources[0].clone(), source.clone()]).with(format!(
            "members of the COW state system on {day}; majors: {}",
            majors.list
        ));
    ctx.output.emit(&batch, &provenance)
}

fn middle(ctx: &Context, args: MiddleArgs) -> anyhow::Result<()> {
    use ordo_measures::majors_rule::MajorsRule;
    use ordo_measures::middle::MiddleRule;
    let rule = MiddleRule::parse(&args.rule).map_err(anyhow::Error::msg)?;
    let majors = MajorsRule::parse(&args.majors).map_err(anyhow::Error::msg)?;
    let world = crate::tables::World::new(ctx.data_dir()?);
    let (states, inputs) = world.get().map_err(anyhow::Error::msg)?;
    let universe = ordo_measures::Universe::new(&states.system, Some(crate::tables::LAST_YEAR));
    let rows = rule.middle_powers(args.year, &majors, states, &inputs.capabilities, &universe);
    let name = |c: u16| {
        states
            .system
            .get(ordo_states::StateCode(c))
            .map(|s| s.name.clone())
    };
    let batch = Frame::new()
        .int("rank", (1..=rows.len()).map(|r| Some(r as i64)))
        .int("ccode", rows.iter().map(|r| Some(i64::from(r.0))))
        .text("statenme", rows.iter().map(|r| name(r.0)))
        .float("nmc_cinc", rows.iter().map(|r| Some(r.1)))
        .float("share_of_members", rows.iter().map(|r| Some(r.2)))
        .build()?;
    // Membership, major-power lists and capabilities all decide who is listed.
    let mut used = states.sources.clone();
    used.extend(
        inputs
            .sources
            .iter()
            .filter(|s| s.dataset == "cow_nmc")
            .cloned(),
    );
    let provenance = Provenance::from_sources(&used).with(format!(
        "{}: middle powers by {rule}; majors: {majors}",
        args.year
    ));
    ctx.output.emit(&batch, &provenance)
}

/// One line of `states show`.
struct Fact {
    ccode: u16,
    section: &'static str,
    key: String,
    value: String,
    from: Option<String>,
    to: Option<String>,
    note: Option<String>,
}

fn show(ctx: &Context, states: &States, args: ShowArgs) -> anyhow::Result<()> {
    let resolver = states.resolver();
    let mut facts = Vec::new();
    for input in &args.states {
        let state = resolver.resolve(input)?.state;
        facts.extend(facts_of(states, state));
    }
    let batch = Frame::new()
        .int("ccode", facts.iter().map(|f| Some(i64::from(f.ccode))))
        .text("section", facts.iter().map(|f| Some(f.section)))
        .text("key", facts.iter().map(|f| Some(f.key.as_str())))
        .text("value", facts.iter().map(|f| Some(f.value.as_str())))
        .text("from", facts.iter().map(|f| f.from.as_deref()))
        .text("to", facts.iter().map(|f| f.to.as_deref()))
        .text("note", facts.iter().map(|f| f.note.as_deref()))
        .build()?;
    let provenance = Provenance::from_sources(&states.sources)
        .with("codes: ordo crosswalk (crates/states/data/crosswalk.csv); names: crates/states/data/names.csv");
    ctx.output.emit(&batch, &provenance)
}

fn facts_of(states: &States, state: &State) -> Vec<Fact> {
    let c = state.code.0;
    let spell_fact = |section: &'static str, key: &str, value: &str, s: &Spell| Fact {
        ccode: c,
        section,
        key: key.to_string(),
        value: value.to_string(),
        from: Some(s.start.to_string()),
        to: Some(s.end.to_string()),
        note: None,
    };
    let mut out = vec![Fact {
        ccode: c,
        section: "state",
        key: "cow".into(),
        value: format!("{} {}", state.abbrev, state.name),
        from: None,
        to: None,
        note: None,
    }];
    out.extend(
        state
            .spells
            .iter()
            .map(|s| spell_fact("membership", "cow_v2016", "member", s)),
    );
    for majors in [&states.majors, &states.majors_2024] {
        let key = match majors.list {
            ordo_states::MajorList::Cow2016 => "cow_v2016",
            ordo_states::MajorList::Cow2024 => "cow_v2024",
        };
        out.extend(
            majors
                .spells_of(state.code)
                .iter()
                .map(|s| spell_fact("major_power", key, "major", s)),
        );
    }
    let mut gw_codes: Vec<u16> = states
        .crosswalk
        .codes_of(state.code, Scheme::Gw, None)
        .iter()
        .filter_map(|m| m.code.parse().ok())
        .collect();
    gw_codes.sort_unstable();
    gw_codes.dedup();
    for g in gw_codes.iter().filter_map(|g| states.gw.get(*g)) {
        let value = format!("{} {} {}", g.code, g.abbrev, g.name);
        out.extend(
            g.spells
                .iter()
                .map(|s| spell_fact("gw_membership", "gw_2017", &value, s)),
        );
    }
    out.extend(states.crosswalk.of_state(state.code).map(|m| Fact {
        ccode: c,
        section: "code",
        key: m.scheme.to_string(),
        value: m.code.clone(),
        from: m.from.map(|d| d.to_string()),
        to: m.to.map(|d| d.to_string()),
        note: (!m.note.is_empty()).then(|| m.note.clone()),
    }));
    out.extend(states.names.of_state(state.code).map(|n| Fact {
        ccode: c,
        section: "name",
        key: format!("{}/{}", n.lang, n.kind),
        value: n.name.clone(),
        from: None,
        to: None,
        note: (!n.note.is_empty()).then(|| n.note.clone()),
    }));
    out
}
