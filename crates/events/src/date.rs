//! Event dates: `yyyymmdd` (GDELT `SQLDATE`) or `yyyy-mm-dd` (ICEWS), as
//! day numbers since 1970-01-01, and the periods series are grouped by;
//! plus what the documented date errata need: `m/d/yyyy` (the 2017 ICEWS
//! re-release) decided per file, and whole-year shifts (GDELT's 1920 for
//! 2020).

use chrono::NaiveDate;

pub fn day_number(date: NaiveDate) -> Option<i32> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from((date - epoch).num_days()).ok()
}

pub fn date_of_day(days: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch") + chrono::Duration::days(i64::from(days))
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0u32, |v, d| v * 10 + u32::from(d - b'0')))
}

/// Parses `yyyymmdd` or `yyyy-mm-dd`; `None` for anything else or an
/// impossible date (2013-02-30).
pub fn parse_day(b: &[u8]) -> Option<i32> {
    let (y, m, d) = match b.len() {
        8 => (digits(&b[0..4])?, digits(&b[4..6])?, digits(&b[6..8])?),
        10 if b[4] == b'-' && b[7] == b'-' => {
            (digits(&b[0..4])?, digits(&b[5..7])?, digits(&b[8..10])?)
        }
        _ => return None,
    };
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y as i32, m) {
        return None;
    }
    Some(days_from_civil(y as i32, m, d))
}

/// A day from year, month and day; `None` for an impossible date.
pub fn day_from_ymd(y: i32, m: u32, d: u32) -> Option<i32> {
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// Year, month and day of a day number.
pub fn ymd_of_day(day: i32) -> (i32, u32, u32) {
    let (y, m) = civil_from_days(day);
    let first = days_from_civil(y, m, 1);
    (y, m, (day - first) as u32 + 1)
}

/// The same month and day `years` later; `None` when that day does not
/// exist (29 February into a common year).
pub fn add_years(day: i32, years: i32) -> Option<i32> {
    let (y, m, d) = ymd_of_day(day);
    day_from_ymd(y.checked_add(years)?, m, d)
}

/// 1979-01-01: GDELT's first day ("no other row in 1979 to 2026 is dated
/// before 1979", GdeltForge `docs/data-cleaning.md`, `date_1920`).
pub const GDELT_FIRST_DAY: i32 = 3_287;

/// The two numbers before the year of an `m/d/yyyy`-shaped date
/// (`1/13/2017` → (1, 13, 2017)), whichever order they are in; `None` for
/// anything else.
pub fn slash_parts(b: &[u8]) -> Option<(u32, u32, i32)> {
    if b.len() > 10 || !b.contains(&b'/') {
        return None;
    }
    let mut parts = b.split(|c| *c == b'/');
    let (p, q, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || !(1..=2).contains(&p.len())
        || !(1..=2).contains(&q.len())
        || y.len() != 4
    {
        return None;
    }
    Some((digits(p)?, digits(q)?, digits(y)? as i32))
}

/// How a file's `m/d/yyyy` dates are read, decided from all of them before
/// any is stored (the icews package reads the 2017 re-release with
/// `%m/%d/%Y`, andybega/icews issue #57; a file is read month-first only
/// when one of its dates proves it and none contradicts it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum SlashDates {
    /// Not examined: slash dates are bad dates (every family but ICEWS).
    #[default]
    NotRead,
    /// Month-first, proved by a second number above 12 at `line`.
    MonthFirst { line: u64, value: String },
    /// No date has a number above 12: month or day first is unknown.
    Unproved,
    /// Dates prove both orders (month-first at one line, day-first at
    /// another): the file is mixed.
    Mixed {
        month_first: (u64, String),
        day_first: (u64, String),
    },
}

impl SlashDates {
    /// The day of a slash date under this file's decision, or why not.
    pub fn read(&self, b: &[u8]) -> Result<i32, String> {
        let Some((m, d, y)) = slash_parts(b) else {
            return Err("not a date".into());
        };
        // `1/1/2017` is the same day in either order.
        if m == d && !matches!(self, SlashDates::NotRead) {
            return day_from_ymd(y, m, d).ok_or_else(|| "not a real day".into());
        }
        match self {
            SlashDates::MonthFirst { .. } => {
                day_from_ymd(y, m, d).ok_or_else(|| "not a real day, read month-first".into())
            }
            SlashDates::NotRead => Err("m/d/yyyy dates are read only in ICEWS files".into()),
            SlashDates::Unproved => Err("no date of this file has a number above 12, so month-first (m/d/yyyy) is not proved; not repaired".into()),
            SlashDates::Mixed { month_first, day_first } => Err(format!(
                "the file mixes month-first (line {}: `{}`) and day-first (line {}: `{}`) dates; not repaired",
                month_first.0, month_first.1, day_first.0, day_first.1
            )),
        }
    }
}

/// What a file's slash dates show, gathered row by row.
#[derive(Debug, Clone, Default)]
pub struct SlashEvidence {
    month_first: Option<(u64, String)>,
    day_first: Option<(u64, String)>,
}

impl SlashEvidence {
    /// Takes the date field of the row at `line`.
    pub fn add(&mut self, line: u64, b: &[u8]) {
        let Some((p, q, _)) = slash_parts(b) else {
            return;
        };
        let shown = || (line, String::from_utf8_lossy(b).into_owned());
        if p <= 12 && q > 12 && self.month_first.is_none() {
            self.month_first = Some(shown());
        } else if p > 12 && q <= 12 && self.day_first.is_none() {
            self.day_first = Some(shown());
        }
    }

    pub fn decide(self) -> SlashDates {
        match (self.month_first, self.day_first) {
            (Some((line, value)), None) => SlashDates::MonthFirst { line, value },
            (Some(month_first), Some(day_first)) => SlashDates::Mixed {
                month_first,
                day_first,
            },
            (None, _) => SlashDates::Unproved,
        }
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Days from 1970-01-01 and back, by Howard Hinnant's civil-calendar
// algorithms ("chrono-compatible low-level date algorithms"). Hand-written
// because the date of every event row is converted here (twice per row in
// aggregation); the exhaustive test below checks them against chrono.
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = (y - era * 400) as u32;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe as i32 - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = (z - era * 146_097) as u32;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe as i32 + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m)
}

/// The period a day falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Month,
    Quarter,
    Year,
}

impl Period {
    pub fn parse(text: &str) -> Option<Period> {
        match text {
            "month" => Some(Period::Month),
            "quarter" => Some(Period::Quarter),
            "year" => Some(Period::Year),
            _ => None,
        }
    }

    /// A sortable key: yyyymm, yyyyq or yyyy.
    pub fn key(self, day: i32) -> i32 {
        let (year, month) = civil_from_days(day);
        match self {
            Period::Month => year * 100 + month as i32,
            Period::Quarter => year * 10 + ((month as i32 - 1) / 3 + 1),
            Period::Year => year,
        }
    }

    /// `2013-04`, `2013-Q2` or `2013`.
    pub fn label(self, key: i32) -> String {
        match self {
            Period::Month => format!("{}-{:02}", key / 100, key % 100),
            Period::Quarter => format!("{}-Q{}", key / 10, key % 10),
            Period::Year => key.to_string(),
        }
    }

    pub fn year(self, key: i32) -> i32 {
        match self {
            Period::Month => key / 100,
            Period::Quarter => key / 10,
            Period::Year => key,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_algorithms_agree_with_chrono_1600_to_2400() {
        use chrono::Datelike;
        let mut d = NaiveDate::from_ymd_opt(1600, 1, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(2400, 12, 31).unwrap();
        while d <= end {
            let n = day_number(d).unwrap();
            assert_eq!(days_from_civil(d.year(), d.month(), d.day()), n);
            assert_eq!(civil_from_days(n), (d.year(), d.month()));
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn parses_both_date_forms_and_rejects_impossible_days() {
        assert_eq!(
            parse_day(b"20000229"),
            day_number(NaiveDate::from_ymd_opt(2000, 2, 29).unwrap())
        );
        assert_eq!(parse_day(b"19000229"), None);
        assert_eq!(parse_day(b"20131301"), None);
        assert_eq!(parse_day(b"20130100"), None);
        assert_eq!(parse_day(b"19700102"), Some(1));
        assert_eq!(parse_day(b"2018-06-01"), parse_day(b"20180601"));
        assert_eq!(parse_day(b"20130230"), None);
        assert_eq!(parse_day(b"2013-2-3"), None);
        assert_eq!(parse_day(b"NA"), None);
        let d = parse_day(b"20130415").unwrap();
        assert_eq!(Period::Month.key(d), 201304);
        assert_eq!(Period::Quarter.label(Period::Quarter.key(d)), "2013-Q2");
    }

    #[test]
    fn year_shifts_and_ymd_round_trip() {
        let d = parse_day(b"19200229").unwrap();
        assert_eq!(add_years(d, 100), parse_day(b"20200229"));
        assert_eq!(
            add_years(parse_day(b"19190228").unwrap(), 100),
            parse_day(b"20190228")
        );
        assert_eq!(add_years(parse_day(b"20200229").unwrap(), 1), None);
        assert_eq!(ymd_of_day(parse_day(b"19201231").unwrap()), (1920, 12, 31));
        assert_eq!(GDELT_FIRST_DAY, parse_day(b"19790101").unwrap());
    }

    #[test]
    fn slash_dates_are_read_only_when_the_file_proves_the_order() {
        assert_eq!(slash_parts(b"1/13/2017"), Some((1, 13, 2017)));
        assert_eq!(slash_parts(b"12/31/2017"), Some((12, 31, 2017)));
        for bad in [
            &b"1/1/17"[..],
            b"2017-01-01",
            b"/1/2017",
            b"1//2017",
            b"111/1/2017",
            b"1/1/2017/",
            b"a/1/2017",
            b"",
        ] {
            assert_eq!(slash_parts(bad), None, "{bad:?}");
        }
        let mut e = SlashEvidence::default();
        e.add(2, b"1/1/2017");
        let unproved = e.clone().decide();
        assert_eq!(unproved, SlashDates::Unproved);
        assert!(unproved.read(b"1/2/2017").is_err());
        assert_eq!(
            unproved.read(b"3/3/2017"),
            Ok(parse_day(b"2017-03-03").unwrap())
        );
        e.add(9, b"1/13/2017");
        let mf = e.clone().decide();
        assert_eq!(mf.read(b"1/2/2017"), Ok(parse_day(b"2017-01-02").unwrap()));
        assert_eq!(
            mf.read(b"12/31/2017"),
            Ok(parse_day(b"2017-12-31").unwrap())
        );
        assert!(mf.read(b"2/30/2017").is_err());
        e.add(11, b"13/1/2017");
        let mixed = e.decide();
        let why = mixed.read(b"1/2/2017").unwrap_err();
        assert!(
            why.contains("line 9: `1/13/2017`") && why.contains("line 11: `13/1/2017`"),
            "{why}"
        );
        assert!(SlashDates::NotRead.read(b"1/2/2017").is_err());
    }
}
