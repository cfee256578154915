//! Event dates: `yyyymmdd` (GDELT `SQLDATE`) or `yyyy-mm-dd` (ICEWS), as
//! day numbers since 1970-01-01, and the periods series are grouped by.

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
}
