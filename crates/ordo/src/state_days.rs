//! State-days: one row per day a state was a member of the state system
//! (peacesciencer's `create_statedays()`), from COW's day-precision
//! membership. For daily event data (`ordo events --by day`) and for
//! questions where a year is too coarse: a state that enters on
//! 3 October has 90 days in that year, not one state-year.
//!
//! As the yearly frames, spells open at the end of COW v2016 (2016-12-31)
//! run through 31 December 2022 (`tables::LAST_YEAR`).

use crate::frame::Frame;
use crate::provenance::{describe, Provenance};
use crate::tables::{World, LAST_YEAR};
use crate::{Session, Table};
use anyhow::bail;
use arrow_array::RecordBatch;
use chrono::{Datelike, NaiveDate};
use ordo_states::{State, StateSystem};
use ordo_store::{Built, TableDef};
use std::sync::Arc;

/// Options of [`Session::state_days`].
#[derive(Debug, Clone, Default)]
pub struct StateDaysOptions {
    /// The state (any name or code the resolver accepts).
    pub state: String,
    /// First day [default: the state's first day of membership].
    pub from: Option<NaiveDate>,
    /// Last day [default: its last day, open spells through 2022-12-31].
    pub to: Option<NaiveDate>,
}

/// More days than this are refused: a mistake, not a question (all of
/// COW's 243 states over two centuries are under 3 million days; one state
/// is at most 75,000).
const MAX_DAYS: usize = 100_000;

impl Session {
    /// One row per day of membership: `ccode`, `stateabb`, `date`, `year`.
    pub fn state_days(&self, o: &StateDaysOptions) -> anyhow::Result<Table> {
        let states = self.states()?;
        let state = states.resolver().resolve(&o.state)?.state;
        let data_end = states.system.data_end();
        let extend = NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).expect("a valid day");
        let spells: Vec<(NaiveDate, NaiveDate)> = state
            .spells
            .iter()
            .map(|s| {
                (
                    s.start,
                    if Some(s.end) == data_end {
                        extend
                    } else {
                        s.end
                    },
                )
            })
            .collect();
        let first = spells
            .iter()
            .map(|s| s.0)
            .min()
            .expect("a state has a spell");
        let last = spells
            .iter()
            .map(|s| s.1)
            .max()
            .expect("a state has a spell");
        let (from, to) = (o.from.unwrap_or(first), o.to.unwrap_or(last));
        if from > to {
            bail!("--from {from} is after --to {to}");
        }
        let days: Vec<NaiveDate> = spells
            .iter()
            .flat_map(|&(s, e)| s.max(from).iter_days().take_while(move |d| *d <= e.min(to)))
            .take(MAX_DAYS + 1)
            .collect();
        if days.len() > MAX_DAYS {
            bail!("more than {MAX_DAYS} days asked; narrow --from/--to");
        }
        let batch = batch(&[(state, days.clone())])?;
        let provenance = Provenance::from_sources(&states.sources[..1]).with(format!(
            "state-days of {} ({}), {from} to {to}: {} days of membership; spells open at 2016-12-31 run through {extend}",
            state.name,
            state.abbrev,
            days.len()
        ));
        Ok(Table::new(batch, provenance))
    }
}

/// The last day of spells open at the end of the data.
fn extended_to() -> NaiveDate {
    NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).expect("a valid day")
}

/// A state's membership spells, open ones extended.
fn spells(system: &StateSystem, state: &State) -> Vec<(NaiveDate, NaiveDate)> {
    let data_end = system.data_end();
    state
        .spells
        .iter()
        .map(|s| {
            let end = if Some(s.end) == data_end {
                extended_to()
            } else {
                s.end
            };
            (s.start, end)
        })
        .collect()
}

/// The rows of states and their days.
fn batch(days: &[(&State, Vec<NaiveDate>)]) -> anyhow::Result<RecordBatch> {
    let rows = || {
        days.iter()
            .flat_map(|(s, d)| d.iter().map(move |d| (*s, *d)))
    };
    Frame::new()
        .int("ccode", rows().map(|(s, _)| Some(i64::from(s.code.0))))
        .text("stateabb", rows().map(|(s, _)| Some(s.abbrev.as_str())))
        .date("date", rows().map(|(_, d)| Some(d)))
        .int("year", rows().map(|(_, d)| Some(i64::from(d.year()))))
        .build()
}

/// The SQL table `state_days`: every state's days of membership, 1816-2022
/// (about 2.9 million rows, built on first use and cached).
pub(crate) fn definition(world: &Arc<World>) -> TableDef {
    let w = Arc::clone(world);
    TableDef {
        name: "state_days".into(),
        description: format!("state-days: one row per day of COW membership, 1816-{LAST_YEAR}"),
        inputs: vec![world
            .data_dir()
            .root()
            .join("cow_states")
            .join("cow_states.csv")],
        params: format!("through {LAST_YEAR}"),
        cached: true,
        sorted_by: vec!["ccode".into(), "date".into()],
        build: Arc::new(move || {
            let (states, _) = w.get()?;
            let mut all: Vec<&State> = states.system.iter().collect();
            all.sort_by_key(|s| s.code.0);
            let days: Vec<(&State, Vec<NaiveDate>)> = all
                .into_iter()
                .map(|s| {
                    let mut d: Vec<NaiveDate> = spells(&states.system, s)
                        .into_iter()
                        .flat_map(|(a, b)| a.iter_days().take_while(move |x| *x <= b))
                        .collect();
                    d.sort_unstable();
                    d.dedup();
                    (s, d)
                })
                .collect();
            let batch = batch(&days).map_err(|e| e.to_string())?;
            Ok(Built {
                batch,
                provenance: states.sources.iter().take(1).map(describe).collect(),
            })
        }),
    }
}
