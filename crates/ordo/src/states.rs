//! The state system: resolve what users type, list the members on a day,
//! show one state's spells, codes and names, the middle powers of a year.

use crate::frame::Frame;
use crate::provenance::Provenance;
use crate::{Session, System, Table};
use anyhow::{bail, Context as _};
use chrono::NaiveDate;
use ordo_states::{MajorPowers, Resolved, Scheme, Spell, State, States};

/// Which COW major-power release marks the majors of [`Session::members`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MajorsList {
    /// COW Major Powers v2016.
    #[default]
    Cow,
    /// COW Major Powers v2024.
    Cow2024,
}

impl Session {
    /// Resolves names or codes to COW states, in English, Italian, French or
    /// Russian, current or historical: a COW number (365), a COW
    /// abbreviation (RUS), a name ("Soviet Union", "URSS", "Россия"), an ISO
    /// alpha-3, CAMEO, ISO alpha-2 or FIPS code, or `scheme:code` (gw:260,
    /// iso3:DEU). Codes that denoted different states at different times
    /// need `on`.
    pub fn resolve(&self, names: &[String], on: Option<NaiveDate>) -> anyhow::Result<Table> {
        resolve(self.states()?, names, on)
    }

    /// The members of the state system on `on` (else 31 December of
    /// `year`), with major-power status and their codes on that day. With
    /// [`System::Gw`], the Gleditsch-Ward members (`gwcode` first) with the
    /// COW code the crosswalk gives them that day (NULL when that COW state
    /// is not a member that day) and its status and codes.
    pub fn members(
        &self,
        year: Option<i32>,
        on: Option<NaiveDate>,
        majors: MajorsList,
        system: System,
    ) -> anyhow::Result<Table> {
        match system {
            System::Cow => list(self.states()?, year, on, majors),
            System::Gw => gw_list(self.states()?, year, on, majors),
        }
    }

    /// Everything ordo knows about states: membership spells, major-power
    /// spells (v2016 and v2024), Gleditsch-Ward spells, every dated code
    /// and every name.
    pub fn show(&self, names: &[String]) -> anyhow::Result<Table> {
        show(self.states()?, names)
    }

    /// Middle powers of `year` under `rule` (next:K, the K largest
    /// non-majors by CINC; band:lo:hi, non-majors whose CINC share of the
    /// members' total lies in [lo, hi)), majors by `majors` (cow, cow2024,
    /// top:K, share:θ or a CSV file).
    pub fn middle_powers(&self, year: i32, rule: &str, majors: &str) -> anyhow::Result<Table> {
        middle(self, year, rule, majors)
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

fn resolve(states: &States, names: &[String], on: Option<NaiveDate>) -> anyhow::Result<Table> {
    let resolver = states.resolver();
    let found: Vec<(String, Resolved)> = names
        .iter()
        .map(|s| resolver.resolve_on(s, on).map(|r| (s.clone(), r)))
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
    Ok(Table::new(
        batch,
        Provenance::from_sources(&states.sources[..2]),
    ))
}

/// The day of a member list: `on`, else 31 December of `year`.
fn list_day(year: Option<i32>, on: Option<NaiveDate>) -> anyhow::Result<NaiveDate> {
    Ok(match (on, year) {
        (Some(d), _) => d,
        (None, Some(y)) => NaiveDate::from_ymd_opt(y, 12, 31)
            .with_context(|| format!("year {y} is out of range"))?,
        (None, None) => bail!("give --year YEAR or --on YYYY-MM-DD"),
    })
}

/// The major-power list and the source it was read from.
fn majors_of(states: &States, majors: MajorsList) -> (&MajorPowers, &ordo_sources::SourceUse) {
    match majors {
        MajorsList::Cow => (&states.majors, &states.sources[1]),
        MajorsList::Cow2024 => (&states.majors_2024, &states.sources[2]),
    }
}

fn list(
    states: &States,
    year: Option<i32>,
    on: Option<NaiveDate>,
    majors: MajorsList,
) -> anyhow::Result<Table> {
    let day = list_day(year, on)?;
    let (majors, source) = majors_of(states, majors);
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
    Ok(Table::new(batch, provenance))
}

/// The Gleditsch-Ward members on a day and their COW counterparts.
fn gw_list(
    states: &States,
    year: Option<i32>,
    on: Option<NaiveDate>,
    majors: MajorsList,
) -> anyhow::Result<Table> {
    let day = list_day(year, on)?;
    let (majors, source) = majors_of(states, majors);
    let members: Vec<&ordo_states::GwState> = states.gw.members_on(day).collect();
    let cow: Vec<Option<ordo_states::StateCode>> = members
        .iter()
        .map(|g| {
            states
                .crosswalk
                .to_cow(Scheme::Gw, &g.code.to_string(), day)
                .filter(|c| states.system.get(*c).is_some_and(|s| s.is_member_on(day)))
        })
        .collect();
    let code = |c: &Option<ordo_states::StateCode>, scheme| {
        c.and_then(|c| states.crosswalk.code_on(c, scheme, day))
    };
    let batch = Frame::new()
        .int("gwcode", members.iter().map(|g| Some(i64::from(g.code))))
        .text("stateabb", members.iter().map(|g| Some(g.abbrev.as_str())))
        .text("statename", members.iter().map(|g| Some(g.name.as_str())))
        .int("ccode", cow.iter().map(|c| c.map(|c| i64::from(c.0))))
        .flag(
            "major",
            cow.iter().map(|c| c.map(|c| majors.is_major_on(c, day))),
        )
        .text("iso3", cow.iter().map(|c| code(c, Scheme::Iso3)))
        .text("cameo", cow.iter().map(|c| code(c, Scheme::Cameo)))
        .text("fips", cow.iter().map(|c| code(c, Scheme::Fips)))
        .build()?;
    let provenance = Provenance::from_sources(&[
        states.sources[3].clone(),
        states.sources[0].clone(),
        source.clone(),
    ])
    .with(format!(
        "members of the Gleditsch-Ward system on {day} (2017 list, no microstates); ccode: the crosswalk's COW state that day, NULL when it is not a COW member that day; majors (of ccode): {}",
        majors.list
    ));
    Ok(Table::new(batch, provenance))
}

fn middle(session: &Session, year: i32, rule: &str, majors: &str) -> anyhow::Result<Table> {
    use ordo_measures::majors_rule::MajorsRule;
    use ordo_measures::middle::MiddleRule;
    let rule = MiddleRule::parse(rule).map_err(anyhow::Error::msg)?;
    let majors = MajorsRule::parse(majors).map_err(anyhow::Error::msg)?;
    let world = session.world()?;
    let (states, inputs) = world.get().map_err(anyhow::Error::msg)?;
    let universe = ordo_measures::Universe::new(&states.system, Some(crate::tables::LAST_YEAR));
    let rows = rule.middle_powers(year, &majors, states, &inputs.capabilities, &universe);
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
    let provenance = Provenance::from_sources(&used)
        .with(format!("{year}: middle powers by {rule}; majors: {majors}"));
    Ok(Table::new(batch, provenance))
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

fn show(states: &States, names: &[String]) -> anyhow::Result<Table> {
    let resolver = states.resolver();
    let mut facts = Vec::new();
    for input in names {
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
    Ok(Table::new(batch, provenance))
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
