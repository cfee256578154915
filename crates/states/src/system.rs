//! The COW state system: members and their day-precision membership spells.

use crate::code::StateCode;
use crate::spell::Spell;
use chrono::NaiveDate;
use ordo_sources::{DataDir, SourceUse};
use std::collections::BTreeMap;

/// A COW state system member with its membership spells (several when a state
/// left the system and came back, e.g. Germany 1816–1945 and 1990–).
#[derive(Debug, Clone)]
pub struct State {
    pub code: StateCode,
    /// COW abbreviation, e.g. `ITA`, `RUS`, `GFR`.
    pub abbrev: String,
    /// COW name, e.g. `German Federal Republic`.
    pub name: String,
    /// Sorted, non-overlapping.
    pub spells: Vec<Spell>,
}

impl State {
    pub fn is_member_on(&self, day: NaiveDate) -> bool {
        self.spells.iter().any(|s| s.contains(day))
    }
}

/// COW State System Membership (v2016): every state, keyed by COW code.
#[derive(Debug, Clone)]
pub struct StateSystem {
    states: BTreeMap<StateCode, State>,
    /// Last day of the membership data, computed once at load.
    data_end: Option<NaiveDate>,
}

impl StateSystem {
    /// Reads `cow_states/cow_states.csv`, one row per membership spell.
    pub fn load(dir: &DataDir) -> Result<(StateSystem, SourceUse), crate::StatesError> {
        let mut t = dir.open("cow_states", "cow_states.csv")?;
        let [abb, code, name] = ["stateabb", "ccode", "statenme"].map(|c| t.column(c));
        let (abb, code, name) = (abb?, code?, name?);
        let start = [
            t.column("styear")?,
            t.column("stmonth")?,
            t.column("stday")?,
        ];
        let end = [
            t.column("endyear")?,
            t.column("endmonth")?,
            t.column("endday")?,
        ];
        let mut states: BTreeMap<StateCode, State> = BTreeMap::new();
        while let Some(row) = t.next_row()? {
            let raw = row.i64(&code)?;
            let ccode = StateCode::from_i64(raw)
                .ok_or_else(|| row.error(&code, &raw.to_string(), "not a COW code (1-999)"))?;
            let spell = Spell::from_ymd_columns(
                &row,
                [&start[0], &start[1], &start[2]],
                [&end[0], &end[1], &end[2]],
            )?;
            let state = states.entry(ccode).or_insert_with(|| State {
                code: ccode,
                abbrev: String::new(),
                name: String::new(),
                spells: Vec::new(),
            });
            if state.spells.iter().any(|s| s.overlaps(&spell)) {
                return Err(row
                    .error(
                        &start[0],
                        &spell.to_string(),
                        format!("spell overlaps another spell of {ccode}"),
                    )
                    .into());
            }
            state.abbrev = row.str(&abb)?.to_string();
            state.name = row.str(&name)?.to_string();
            state.spells.push(spell);
            state.spells.sort();
        }
        let data_end = states
            .values()
            .flat_map(|s| s.spells.iter().map(|sp| sp.end))
            .max();
        Ok((StateSystem { states, data_end }, t.finish()?))
    }

    pub fn get(&self, code: StateCode) -> Option<&State> {
        self.states.get(&code)
    }

    pub fn by_abbrev(&self, abbrev: &str) -> Option<&State> {
        self.states
            .values()
            .find(|s| s.abbrev.eq_ignore_ascii_case(abbrev))
    }

    /// All states, by COW code.
    pub fn iter(&self) -> impl Iterator<Item = &State> {
        self.states.values()
    }

    /// The last day of the membership data (2016-12-31 in COW v2016). Spells
    /// that end on it are the spells of states still members when the data
    /// were closed: "open", not ended.
    pub fn data_end(&self) -> Option<NaiveDate> {
        self.data_end
    }

    /// Whether a state was a member on `day`, counting spells open at the
    /// end of the data as ongoing (so a 2019 UN vote of Italy counts).
    pub fn is_member_ongoing(&self, code: StateCode, day: NaiveDate) -> bool {
        let end = self.data_end;
        self.get(code).is_some_and(|s| {
            s.spells
                .iter()
                .any(|sp| sp.start <= day && (day <= sp.end || Some(sp.end) == end))
        })
    }

    /// Members of the system on a given day.
    pub fn members_on(&self, day: NaiveDate) -> impl Iterator<Item = &State> {
        self.states.values().filter(move |s| s.is_member_on(day))
    }
}
