//! Gleditsch–Ward independent states (2017 list), kept beside COW because
//! event data (ICEWS) and UCDP are keyed by GW codes.

use crate::spell::Spell;
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
        Ok((GwSystem { states }, t.finish()?))
    }

    pub fn get(&self, code: u16) -> Option<&GwState> {
        self.states.get(&code)
    }

    pub fn iter(&self) -> impl Iterator<Item = &GwState> {
        self.states.values()
    }
}
