//! `ordo coverage A B`: for each measure of a dyad, the years it has a value
//! and, for every other year asked for, why not — the dyad did not exist
//! (not both members on a same day), the source does not cover the year, or
//! the source covers the year but has no value for this dyad.

use crate::frame::Frame;
use arrow_array::Array;
use std::collections::BTreeMap;

/// Why a dyad-year of a measure has no value, or that it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Covered,
    NotMember,
    OutsideCoverage,
    NoData,
}

/// Per measure: the years in each status, as compact ranges.
#[derive(Debug, Clone)]
pub struct MeasureCoverage {
    pub measure: &'static str,
    pub source: &'static str,
    pub ranges: BTreeMap<Status, String>,
}

/// Coverage of each measure of a one-dyad frame over `from..=to`.
pub fn dyad_coverage(frame: &Frame, from: i32, to: i32) -> Vec<MeasureCoverage> {
    let years: Vec<i32> = frame
        .batch
        .column_by_name("year")
        .and_then(|c| c.as_any().downcast_ref::<arrow_array::Int64Array>())
        .map(|a| a.iter().flatten().map(|y| y as i32).collect())
        .unwrap_or_default();
    let row_of: BTreeMap<i32, usize> = years.iter().enumerate().map(|(i, y)| (*y, i)).collect();
    frame
        .columns
        .iter()
        .map(|info| {
            let values = frame.batch.column_by_name(info.name).expect("frame column");
            let mut by_status: BTreeMap<Status, Vec<i32>> = BTreeMap::new();
            for year in from..=to {
                let status = match row_of.get(&year) {
                    None => Status::NotMember,
                    Some(&i) if values.is_valid(i) => Status::Covered,
                    Some(_) if !(info.coverage.0..=info.coverage.1).contains(&year) => {
                        Status::OutsideCoverage
                    }
                    Some(_) => Status::NoData,
                };
                by_status.entry(status).or_default().push(year);
            }
            MeasureCoverage {
                measure: info.name,
                source: info.source,
                ranges: by_status
                    .into_iter()
                    .map(|(s, y)| (s, ranges(&y)))
                    .collect(),
            }
        })
        .collect()
}

/// `1816-1820, 1825, 1830-1831` from sorted years.
pub fn ranges(years: &[i32]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < years.len() {
        let start = years[i];
        while i + 1 < years.len() && years[i + 1] == years[i] + 1 {
            i += 1;
        }
        out.push(if years[i] == start {
            start.to_string()
        } else {
            format!("{start}-{}", years[i])
        });
        i += 1;
    }
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::ranges;

    #[test]
    fn compact_year_ranges() {
        assert_eq!(
            ranges(&[1816, 1817, 1818, 1820, 1830, 1831]),
            "1816-1818, 1820, 1830-1831"
        );
        assert_eq!(ranges(&[]), "");
    }
}
