//! Gleditsch–Ward independent states (2017 list), kept beside COW because
//! event data (ICEWS) and UCDP are keyed by GW codes, and the second state
//! system of the frames (`--system gw`).
//!
//! The file is GW's main list (`gw_states`, data to 2017-12-31); their
//! separate list of microstates is not among ordo's datasets, so states such
//! as Dominica, Liechtenstein or Nauru, members of the COW system, are not
//! GW states here.

use crate::spell::Spell;
use chrono::NaiveDate;
use ordo_sources::{DataDir, SourceUse};
use std::collections::BTreeMap;

/// A GW state with its spells of independence.
#[derive(Debug, Clone)]
pub struct GwState {
    pub code: u16,
    pub abbrev: String,
    pub name: String,
    pub spells: Vec<Spell>,
}

/// The GW state list, keyed by GW code.
#[derive(Debug, Clone)]
pub struct GwSystem {
    states: BTreeMap<u16, GwState>,
    /// Last day of the data (2017-12-31): spells ending on it are open.
    data_end: Option<NaiveDate>,
}

impl GwSystem {
    pub fn load(dir: &DataDir) -> Result<(GwSystem, SourceUse), crate::StatesError> {
        let mut t = dir.open("gw_states", "gw_states.csv")?;
        let (code, abb, name) = (
            t.column("gwcode")?,
            t.column("stateabb")?,
            t.column("statename")?,
        );
        let (start, end) = (t.column("startdate")?, t.column("enddate")?);
        let mut states: BTreeMap<u16, GwState> = BTreeMap::new();
        while let Some(row) = t.next_row()? {
            let raw = row.i64(&code)?;
            let gw = u16::try_from(raw)
                .ok()
                .filter(|v| (1..=999).contains(v))
                .ok_or_else(|| row.error(&code, &raw.to_string(), "not a GW code (1-999)"))?;
            let spell = Spell::from_iso_columns(&row, &start, &end)?;
            let state = states.entry(gw).or_insert_with(|| GwState {
                code: gw,
                abbrev: String::new(),
                name: String::new(),
                spells: Vec::new(),
            });
            state.abbrev = row.str(&abb)?.to_string();
            state.name = row.str(&name)?.to_string();
            state.spells.push(spell);
            state.spells.sort();
        }
        let data_end = states
            .values()
            .flat_map(|s| s.spells.iter().map(|sp| sp.end))
            .max();
        Ok((GwSystem { states, data_end }, t.finish()?))
    }

    pub fn get(&self, code: u16) -> Option<&GwState> {
        self.states.get(&code)
    }

    pub fn iter(&self) -> impl Iterator<Item = &GwState> {
        self.states.values()
    }

    /// The last day of the GW data (2017-12-31): spells that end on it are
    /// the spells of states still independent when the list was closed.
    pub fn data_end(&self) -> Option<NaiveDate> {
        self.data_end
    }

    /// States independent on `day`.
    pub fn members_on(&self, day: NaiveDate) -> impl Iterator<Item = &GwState> {
        self.states
            .values()
            .filter(move |s| s.spells.iter().any(|sp| sp.contains(day)))
    }
}
