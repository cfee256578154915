//! Leader-level units of analysis from Archigos 4.1: leader-years (with
//! LEAD, LWUF and GML disputes), leader-days, and leader-dyad-years with the
//! GML leader-level dispute flags; like peacesciencer's
//! `create_leaderyears()`, `create_leaderdays()` and
//! `create_leaderdyadyears()` with `add_lead()`, `add_lwuf()` and
//! `add_gml_mids()`. Rules: docs/measures.md, "Leaders".

use crate::query::Query;
use crate::tables::World;
use crate::{Session, Span, Table};
use ordo_measures::leader_data::{LeaderData, LAST_YEAR};
use ordo_measures::leader_dyads::{leader_dyad_years, FIRST_YEAR as DYADS_FIRST_YEAR};
use ordo_measures::leader_years::{leader_days, leader_years};
use ordo_sources::datasets::{self, archigos};
use ordo_sources::DataDir;
use ordo_states::{Scheme, States};
use ordo_store::{Built, TableDef};
use std::sync::Arc;

/// Options of [`Session::leaders`] and [`Session::leader_days`].
#[derive(Debug, Clone, Default)]
pub struct LeadersOptions {
    /// Only the leaders of this state (any name or code the resolver
    /// accepts): those whose GW code denotes the COW state in the year
    /// (days: on the day) in ordo's crosswalk [default: every leader].
    pub state: Option<String>,
    /// Years [default: every year of Archigos, 1840-2015 for leader-years
    /// (the leaders in office in 1870 from their first year); leader-days
    /// need a span or a state].
    pub years: Span,
}

/// Options of [`Session::leader_dyads`].
#[derive(Debug, Clone, Default)]
pub struct LeaderDyadsOptions {
    /// First state; with `b`, one dyad; alone, every dyad of the state.
    pub a: Option<String>,
    /// Second state.
    pub b: Option<String>,
    /// Years [default: 1870-2015].
    pub years: Span,
    /// Both orderings of each pair (and the initiation flags); with two
    /// states, `a` is `ccode1`.
    pub directed: bool,
}

/// The rules behind the leader tables, printed with `--verbose`.
pub const LEADER_RULES: &[&str] = &[
    "leader-years (Archigos 4.1): a spell (obsid) and each calendar year with at least one day in office; the handover day is in both spells, so both leaders have that year; leaderage = year - yrborn; yrinoffice counts calendar years from 1",
    "ccode: the COW state the crosswalk maps the GW code to on the leader's last day in office of the year; cowmember = 1 if the leader governed a COW member on some day of the year",
    "LEAD and LWUF: joined on obsid (keyed by peacesciencer through leader_codes); leaders LEAD does not code have NULL",
    "GML disputes (v2.2.1) attributed to leaders by day (GML's dummy_stday/dummy_endday); ongoing/onset/init 0 in 1816-2010 for COW leader-years and leader-dyad-years, NULL outside; init = the leader GML gives the participation at its start, on side A or a joiner",
    "leader-dyad-years 1870-2015: two leaders of different COW states in office on a same day of the year, each on days his state is a COW member; onset = the first dispute day of the pair in the year is a participation's first day",
];

impl Session {
    /// Leader-years: one row per Archigos spell and calendar year in
    /// office, with the COW and GW codes, age, year in office, entry and
    /// exit, the LEAD attributes, Leader Willingness to Use Force and the
    /// GML dispute flags; ordered by year, GW code, start of the spell.
    pub fn leaders(&self, o: &LeadersOptions) -> anyhow::Result<Query> {
        let years = year_filter(&o.years)?;
        let (unit, lines) = match &o.state {
            Some(name) => {
                let (code, filter) = self.leader_state_filter(name)?;
                (
                    filter,
                    vec![format!("leader-years of COW {code}{}", span_text(&o.years))],
                )
            }
            None => (
                "TRUE".to_string(),
                vec![format!("leader-years{}", span_text(&o.years))],
            ),
        };
        for rule in LEADER_RULES {
            self.note(rule);
        }
        let sql = format!(
            "SELECT * FROM leader_years WHERE ({unit}) AND {years} ORDER BY year, gwcode, startdate, obsid"
        );
        Query::new(self, sql, lines)
    }

    /// Leader-days: one row per spell and day in office, built for the
    /// state and years asked (the whole of Archigos is 5.6 million rows),
    /// with the day's COW state and whether it is a member that day.
    pub fn leader_days(&self, o: &LeadersOptions) -> anyhow::Result<Table> {
        if o.state.is_none() && o.years.from.is_none() && o.years.to.is_none() {
            anyhow::bail!("leader-days are built for a state or a span of years: name a state, or give --year or --from/--to");
        }
        let (from, to) = o.years.resolve((1800, LAST_YEAR))?;
        let states = self.states()?;
        let state = match &o.state {
            Some(name) => Some(states.resolver().resolve(name)?.state.code.0),
            None => None,
        };
        for rule in LEADER_RULES.iter().take(2) {
            self.note(rule);
        }
        let data = LeaderData::load(&self.data_dir()?, states)?;
        let batch = leader_days(&data, state, from, to);
        let mut p = provenance(states, &data);
        p.lines.push(match state {
            Some(c) => format!("leader-days of COW {c}, {from}-{to}"),
            None => format!("leader-days {from}-{to}"),
        });
        Ok(Table::new(batch, p))
    }

    /// Leader-dyad-years 1870-2015: every pair of leaders of two COW states
    /// in office on a same day of the year (or those of one state, or of
    /// one dyad), with both leaders' names, gender, age and year in office
    /// and the GML dispute flags; ordered by ccode1, ccode2, year, obsid1,
    /// obsid2.
    pub fn leader_dyads(&self, o: &LeaderDyadsOptions) -> anyhow::Result<Query> {
        let (from, to) = o.years.resolve((DYADS_FIRST_YEAR, LAST_YEAR))?;
        let table = if o.directed {
            "leader_dyad_years_directed"
        } else {
            "leader_dyad_years"
        };
        let resolver = self.states()?.resolver();
        let code = |s: &str| -> anyhow::Result<u16> { Ok(resolver.resolve(s)?.state.code.0) };
        let (unit, what) = match (&o.a, &o.b) {
            (Some(a), Some(b)) => {
                let (a, b) = (code(a)?, code(b)?);
                if a == b {
                    anyhow::bail!("a dyad needs two different states ({a} was given twice)");
                }
                let (c1, c2) = if o.directed {
                    (a, b)
                } else {
                    (a.min(b), a.max(b))
                };
                (
                    format!("ccode1 = {c1} AND ccode2 = {c2}"),
                    format!(" of {c1}-{c2}"),
                )
            }
            (Some(s), None) | (None, Some(s)) => {
                let c = code(s)?;
                let unit = if o.directed {
                    format!("ccode1 = {c}")
                } else {
                    format!("(ccode1 = {c} OR ccode2 = {c})")
                };
                (unit, format!(" of COW {c}"))
            }
            (None, None) => ("TRUE".to_string(), String::new()),
        };
        for rule in LEADER_RULES {
            self.note(rule);
        }
        let order = if o.directed {
            "directed"
        } else {
            "non-directed (ccode1 < ccode2)"
        };
        let lines = vec![format!("leader-dyad-years{what}, {from}-{to}, {order}")];
        let sql = format!(
            "SELECT * FROM {table} WHERE {unit} AND year BETWEEN {from} AND {to} ORDER BY ccode1, ccode2, year, obsid1, obsid2"
        );
        Ok(Query::new(self, sql, lines)?.in_stored_order())
    }

    /// The COW code of a state and the SQL condition on leader-years whose
    /// GW code denotes it in the year.
    fn leader_state_filter(&self, name: &str) -> anyhow::Result<(u16, String)> {
        let states = self.states()?;
        let state = states.resolver().resolve(name)?.state;
        let mut terms = vec![format!("ccode = {}", state.code.0)];
        for m in states.crosswalk.codes_of(state.code, Scheme::Gw, None) {
            use chrono::Datelike;
            let Ok(gw) = m.code.parse::<u16>() else {
                continue;
            };
            let from = m.from.map_or(i32::MIN, |d| d.year());
            let to = m.to.map_or(i32::MAX, |d| d.year());
            terms.push(format!("(gwcode = {gw} AND year BETWEEN {from} AND {to})"));
        }
        Ok((state.code.0, terms.join(" OR ")))
    }
}

/// `year BETWEEN …` for the ends of the span that are given.
fn year_filter(span: &Span) -> anyhow::Result<String> {
    let (from, to) = span.resolve((span.from.unwrap_or(i32::MIN), span.to.unwrap_or(i32::MAX)))?;
    Ok(format!("year BETWEEN {from} AND {to}"))
}

fn span_text(span: &Span) -> String {
    match (span.from, span.to) {
        (None, None) => String::new(),
        (f, t) => format!(
            ", {}-{}",
            f.map_or(String::new(), |y| y.to_string()),
            t.map_or(String::new(), |y| y.to_string())
        ),
    }
}

/// The files behind the leader tables, then what their joins left out.
fn provenance(states: &States, data: &LeaderData) -> crate::provenance::Provenance {
    let mut p = crate::provenance::Provenance::from_sources(
        &states
            .sources
            .iter()
            .chain(&data.sources)
            .cloned()
            .collect::<Vec<_>>(),
    );
    p.lines.extend(data.notes.iter().cloned());
    p
}

/// The leader tables of the SQL store.
pub(crate) fn definitions(world: &Arc<World>) -> Vec<TableDef> {
    let dir = world.data_dir().clone();
    let inputs = input_files(&dir);
    let mut defs = Vec::new();
    let d = dir.clone();
    defs.push(TableDef {
        name: "leader_years".into(),
        description: "leader-years (Archigos 4.1 spells by calendar year in office) with LEAD, LWUF and GML disputes".into(),
        inputs: inputs.clone(),
        params: "archigos".into(),
        cached: true,
        sorted_by: vec!["year".into(), "gwcode".into(), "startdate".into(), "obsid".into()],
        build: Arc::new(move || {
            let (states, data) = load(&d)?;
            Ok(Built {
                batch: leader_years(&data, &states),
                provenance: provenance(&states, &data).lines,
            })
        }),
    });
    for (name, directed) in [
        ("leader_dyad_years", false),
        ("leader_dyad_years_directed", true),
    ] {
        let d = dir.clone();
        defs.push(TableDef {
            name: name.into(),
            description: format!(
                "{} leader-dyad-years {DYADS_FIRST_YEAR}-{LAST_YEAR} (COW) with GML dispute flags",
                if directed { "directed" } else { "non-directed" }
            ),
            inputs: inputs.clone(),
            params: format!("{DYADS_FIRST_YEAR}-{LAST_YEAR} directed={directed}"),
            cached: true,
            sorted_by: ["ccode1", "ccode2", "year", "obsid1", "obsid2"]
                .map(String::from)
                .to_vec(),
            build: Arc::new(move || {
                let (states, data) = load(&d)?;
                Ok(Built {
                    batch: leader_dyad_years(&data, DYADS_FIRST_YEAR, LAST_YEAR, directed),
                    provenance: provenance(&states, &data).lines,
                })
            }),
        });
    }
    defs
}

fn load(dir: &DataDir) -> Result<(States, LeaderData), String> {
    let states = States::load(dir).map_err(|e| e.to_string())?;
    let data = LeaderData::load(dir, &states).map_err(|e| e.to_string())?;
    Ok((states, data))
}

/// The files the leader tables read (every dataset file, like the frames:
/// the state system's files included).
fn input_files(dir: &DataDir) -> Vec<std::path::PathBuf> {
    let mut files: Vec<std::path::PathBuf> = datasets::all()
        .iter()
        .copied()
        .chain([&archigos::GML_PART_LEADERS])
        .map(|s| dir.root().join(s.dataset).join(s.file))
        .collect();
    files.sort();
    files.dedup();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_filters_take_the_ends_given() {
        assert_eq!(
            year_filter(&Span::between(1990, 1995)).unwrap(),
            "year BETWEEN 1990 AND 1995"
        );
        assert!(year_filter(&Span::ALL)
            .unwrap()
            .starts_with("year BETWEEN -"));
        assert!(year_filter(&Span::between(1995, 1990)).is_err());
        assert_eq!(
            span_text(&Span {
                from: Some(1990),
                to: None
            }),
            ", 1990-"
        );
    }

    #[test]
    fn leader_days_need_a_state_or_years() {
        let s = Session::new(crate::SessionOptions::default());
        let e = s
            .leader_days(&LeadersOptions::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains("a state or a span"), "{e}");
    }
}
