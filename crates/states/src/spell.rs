//! Day-precision spells (membership, major-power status, validity of a code).

use chrono::{Datelike, NaiveDate};
use ordo_sources::{Col, ReadError, Row};
use std::fmt;

/// A closed interval of days, `start..=end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Spell {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Spell {
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// Whether the spell has at least one day in `year`.
    pub fn touches_year(&self, year: i32) -> bool {
        self.start.year() <= year && year <= self.end.year()
    }

    pub fn overlaps(&self, other: &Spell) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Reads a spell from year/month/day columns (COW layout), checking that
    /// the dates exist and that the spell does not end before it starts.
    pub fn from_ymd_columns(
        row: &Row<'_>,
        start: [&Col; 3],
        end: [&Col; 3],
    ) -> Result<Spell, ReadError> {
        let s = date_from_columns(row, start)?;
        let e = date_from_columns(row, end)?;
        check_order(row, end[0], s, e)
    }

    /// Reads a spell from two ISO date columns (Gleditsch–Ward layout).
    pub fn from_iso_columns(row: &Row<'_>, start: &Col, end: &Col) -> Result<Spell, ReadError> {
        let s = iso_date(row, start)?;
        let e = iso_date(row, end)?;
        check_order(row, end, s, e)
    }
}

impl fmt::Display for Spell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

fn check_order(row: &Row<'_>, end: &Col, s: NaiveDate, e: NaiveDate) -> Result<Spell, ReadError> {
    if e < s {
        return Err(row.error(
            end,
            &e.to_string(),
            format!("spell ends before it starts ({s})"),
        ));
    }
    Ok(Spell { start: s, end: e })
}

fn date_from_columns(row: &Row<'_>, [y, m, d]: [&Col; 3]) -> Result<NaiveDate, ReadError> {
    let (year, month, day) = (row.i64(y)?, row.i64(m)?, row.i64(d)?);
    let make = || {
        NaiveDate::from_ymd_opt(
            i32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )
    };
    make().ok_or_else(|| row.error(d, &format!("{year}-{month}-{day}"), "not a valid date"))
}

fn iso_date(row: &Row<'_>, col: &Col) -> Result<NaiveDate, ReadError> {
    let s = row.str(col)?;
    parse_iso(s).ok_or_else(|| row.error(col, s, "expected a date YYYY-MM-DD"))
}

/// Parses `YYYY-MM-DD`.
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}
