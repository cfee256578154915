//! COW major powers, in the two releases in use (v2016 and v2024).
//!
//! The lists differ only in end dates (v2024 extends the open spells to
//! 2024-12-31), but which one a result used must be printed with it, because
//! the major-power set drives every system-level measure.

use crate::code::StateCode;
use crate::spell::Spell;
use chrono::NaiveDate;
use ordo_sources::{DataDir, SourceUse};
use std::collections::BTreeMap;
use std::fmt;

/// Which COW major-power release.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MajorList {
    Cow2016,
    Cow2024,
}

impl MajorList {
    fn file(self) -> (&'static str, &'static str) {
        match self {
            MajorList::Cow2016 => ("cow_majors", "cow_majors.csv"),
            MajorList::Cow2024 => ("cow_majors_v2024", "majors2024.csv"),
        }
    }
}

impl fmt::Display for MajorList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MajorList::Cow2016 => "cow (COW Major Powers v2016)",
            MajorList::Cow2024 => "cow2024 (COW Major Powers v2024)",
        })
    }
}

/// Major-power spells by state.
#[derive(Debug, Clone)]
pub struct MajorPowers {
    pub list: MajorList,
    spells: BTreeMap<StateCode, Vec<Spell>>,
}

impl MajorPowers {
    pub fn load(
        dir: &DataDir,
        list: MajorList,
    ) -> Result<(MajorPowers, SourceUse), crate::StatesError> {
        let (id, file) = list.file();
        let mut t = dir.open(id, file)?;
        let code = t.column("ccode")?;
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
        let mut spells: BTreeMap<StateCode, Vec<Spell>> = BTreeMap::new();
        while let Some(row) = t.next_row()? {
            let raw = row.i64(&code)?;
            let ccode = StateCode::from_i64(raw)
                .ok_or_else(|| row.error(&code, &raw.to_string(), "not a COW code (1-999)"))?;
            let spell = Spell::from_ymd_columns(
                &row,
                [&start[0], &start[1], &start[2]],
                [&end[0], &end[1], &end[2]],
            )?;
            let list = spells.entry(ccode).or_default();
            list.push(spell);
            list.sort();
        }
        Ok((MajorPowers { list, spells }, t.finish()?))
    }

    pub fn is_major_on(&self, code: StateCode, day: NaiveDate) -> bool {
        self.spells_of(code).iter().any(|s| s.contains(day))
    }

    pub fn spells_of(&self, code: StateCode) -> &[Spell] {
        self.spells.get(&code).map_or(&[], Vec::as_slice)
    }

    /// Major powers on a given day, by COW code.
    pub fn on(&self, day: NaiveDate) -> Vec<StateCode> {
        self.spells
            .iter()
            .filter(|(_, s)| s.iter().any(|sp| sp.contains(day)))
            .map(|(c, _)| *c)
            .collect()
    }
}
