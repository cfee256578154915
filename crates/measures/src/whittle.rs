//! Reducing dispute-years to one dispute per dyad-year, by a named chain of
//! rules (peacesciencer's `whittle_conflicts_*()`; Miller 2021, "How to
//! whittle dispute-year data to dyad-year data").
//!
//! A dyad can be in several disputes in a year; a dyad-year frame shows one.
//! Each step keeps, within every directed dyad-year that still has several
//! rows, the rows with the best value of one dispute-level variable; ties
//! survive to the next step:
//!
//! - `onset`: the rows where a dispute begins, when some do and some do not;
//! - `fatality`: the highest fatality level, an unknown level (`-9`) counting
//!   as 0.5 (fatal, but below level 1);
//! - `hostility`: the highest hostility level;
//! - `duration`: the longest minimum duration, then the longest maximum;
//! - `reciprocation`: reciprocated disputes over unreciprocated;
//! - `startmonth`: the earliest start month.
//!
//! peacesciencer's pre-whittled files apply all six in this order; ordo's
//! tests rebuild both of them exactly from the dispute-year files with that
//! chain. Whatever is still tied after the chain is decided by the lowest
//! dispute number (never needed by the full chain on COW-MID v5.0 or GML
//! v2.2.1), and counted, so a user sees how much a shorter chain leaves to
//! that last resort.

use crate::batch;
use crate::dyads::DyadYear;
use crate::Map;
use ordo_sources::datasets::mids::{COW_DIRDISPS, COW_DISPS, GML_DIRDISP, GML_DISPS};
use ordo_sources::typed::TableSpec;
use ordo_sources::{DataDir, DataError, SourceUse};
use std::fmt;
use std::str::FromStr;

/// One rule of the chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Onset,
    Fatality,
    Hostility,
    Duration,
    Reciprocation,
    StartMonth,
}

impl Step {
    /// peacesciencer's order: every step, as the pre-whittled files.
    pub const ALL: [Step; 6] = [
        Step::Onset,
        Step::Fatality,
        Step::Hostility,
        Step::Duration,
        Step::Reciprocation,
        Step::StartMonth,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Step::Onset => "onset",
            Step::Fatality => "fatality",
            Step::Hostility => "hostility",
            Step::Duration => "duration",
            Step::Reciprocation => "reciprocation",
            Step::StartMonth => "startmonth",
        }
    }

    /// The values compared, highest wins (start month is negated so the
    /// earliest wins); `None` sorts lowest.
    fn keys(self, d: &DisputeYear) -> [Option<f64>; 2] {
        let f = |v: Option<i64>| v.map(|v| v as f64);
        match self {
            Step::Onset => [Some(d.onset as f64), None],
            Step::Fatality => [
                d.fatality.map(|v| if v == -9 { 0.5 } else { v as f64 }),
                None,
            ],
            Step::Hostility => [f(d.hostlev), None],
            Step::Duration => [f(d.mindur), f(d.maxdur)],
            Step::Reciprocation => [f(d.recip), None],
            Step::StartMonth => [d.stmon.map(|m| -(m as f64)), None],
        }
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Step {
    type Err = String;
    fn from_str(s: &str) -> Result<Step, String> {
        Step::ALL
            .into_iter()
            .find(|r| r.name() == s.trim().to_ascii_lowercase())
            .ok_or_else(|| {
                let names: Vec<&str> = Step::ALL.iter().map(|r| r.name()).collect();
                format!("unknown whittling rule `{s}`: one of {}", names.join(", "))
            })
    }
}

/// A dispute-year of a directed dyad, with the dispute-level values the
/// rules compare.
#[derive(Debug, Clone, PartialEq)]
pub struct DisputeYear {
    pub dispnum: i64,
    pub key: DyadYear,
    pub ongoing: i64,
    pub onset: i64,
    /// Dispute-level fatality (`-9` unknown but fatal is kept as `-9`).
    pub fatality: Option<i64>,
    pub hostlev: Option<i64>,
    pub mindur: Option<i64>,
    pub maxdur: Option<i64>,
    pub recip: Option<i64>,
    pub stmon: Option<i64>,
}

/// What a chain did: duplicated dyad-years before it and after each step,
/// and how many the lowest dispute number had to decide.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WhittleReport {
    pub duplicated_before: usize,
    pub after_step: Vec<(Step, usize)>,
    pub by_lowest_dispnum: usize,
}

impl fmt::Display for WhittleReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} duplicated dyad-years", self.duplicated_before)?;
        for (s, n) in &self.after_step {
            write!(f, ", {n} after {s}")?;
        }
        write!(
            f,
            ", {} decided by the lowest dispute number",
            self.by_lowest_dispnum
        )
    }
}

/// One dispute per directed dyad-year, by `chain` then the lowest dispute
/// number.
pub fn whittle(
    rows: Vec<DisputeYear>,
    chain: &[Step],
) -> (Map<DyadYear, DisputeYear>, WhittleReport) {
    let mut groups: Map<DyadYear, Vec<DisputeYear>> = Map::default();
    for r in rows {
        groups.entry(r.key).or_default().push(r);
    }
    let duplicated =
        |g: &Map<DyadYear, Vec<DisputeYear>>| g.values().filter(|v| v.len() > 1).count();
    let mut report = WhittleReport {
        duplicated_before: duplicated(&groups),
        ..WhittleReport::default()
    };
    for &step in chain {
        for rows in groups.values_mut().filter(|v| v.len() > 1) {
            keep_best(rows, step);
        }
        report.after_step.push((step, duplicated(&groups)));
    }
    report.by_lowest_dispnum = duplicated(&groups);
    let kept = groups
        .into_iter()
        .map(|(k, rows)| {
            let best = rows
                .into_iter()
                .min_by_key(|r| r.dispnum)
                .expect("groups are not empty");
            (k, best)
        })
        .collect();
    (kept, report)
}

/// Keeps the rows with the best keys of `step` (all of them when tied).
fn keep_best(rows: &mut Vec<DisputeYear>, step: Step) {
    let rank = |d: &DisputeYear| step.keys(d).map(|k| k.map_or(f64::NEG_INFINITY, |v| v));
    let best = rows.iter().map(rank).fold([f64::NEG_INFINITY; 2], |m, k| {
        if k[0] > m[0] || (k[0] == m[0] && k[1] > m[1]) {
            k
        } else {
            m
        }
    });
    rows.retain(|r| rank(r) == best);
}

/// Which dispute data: COW-MID v5.0 or GML v2.2.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MidFamily {
    Cow,
    Gml,
}

impl MidFamily {
    fn specs(
        self,
    ) -> (
        &'static TableSpec,
        &'static TableSpec,
        &'static str,
        &'static str,
    ) {
        match self {
            MidFamily::Cow => (&COW_DIRDISPS, &COW_DISPS, "dispongoing", "disponset"),
            MidFamily::Gml => (&GML_DIRDISP, &GML_DISPS, "midongoing", "midonset"),
        }
    }
}

/// The dispute-years of a family with their disputes' values. A
/// dispute-year whose dispute is missing from the dispute table keeps no
/// dispute-level values (the rules rank it lowest) and is counted in the
/// second value returned.
pub fn dispute_years(
    dir: &DataDir,
    family: MidFamily,
) -> Result<(Vec<DisputeYear>, usize, Vec<SourceUse>), DataError> {
    let (years_spec, disp_spec, ongoing, onset) = family.specs();
    let d = disp_spec.read(dir)?;
    let db = &d.batch;
    let num = batch::ints(db, "dispnum");
    let cols =
        ["fatality", "hostlev", "mindur", "maxdur", "recip", "stmon"].map(|c| batch::ints(db, c));
    let disputes: Map<i64, usize> = num
        .iter()
        .enumerate()
        .filter_map(|(i, n)| Some(((*n)?, i)))
        .collect();
    let t = years_spec.read(dir)?;
    let b = &t.batch;
    let (n, c1, c2, y) = (
        batch::ints(b, "dispnum"),
        batch::codes(b, "ccode1"),
        batch::codes(b, "ccode2"),
        batch::ints(b, "year"),
    );
    let (on, st) = (batch::ints(b, ongoing), batch::ints(b, onset));
    let mut missing = 0;
    let mut rows = Vec::with_capacity(n.len());
    for i in 0..n.len() {
        let (Some(dispnum), Some(year)) = (n[i], y[i]) else {
            continue;
        };
        let at = disputes.get(&dispnum).copied();
        missing += usize::from(at.is_none());
        let v = |k: usize| at.and_then(|j| cols[k][j]);
        rows.push(DisputeYear {
            dispnum,
            key: (c1[i], c2[i], year as i32),
            ongoing: on[i].unwrap_or(0),
            onset: st[i].unwrap_or(0),
            fatality: v(0),
            hostlev: v(1),
            mindur: v(2),
            maxdur: v(3),
            recip: v(4),
            stmon: v(5),
        });
    }
    Ok((rows, missing, vec![t.source, d.source]))
}

/// The chain a user named, comma-separated (`default` or `all`: the full
/// chain).
pub fn parse_chain(text: &str) -> Result<Vec<Step>, String> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("default") || t.eq_ignore_ascii_case("all") {
        return Ok(Step::ALL.to_vec());
    }
    let steps: Vec<Step> = t
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()?;
    if steps.is_empty() {
        return Err("empty whittling chain: name rules such as onset,fatality".into());
    }
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(dispnum: i64, onset: i64, fatality: i64, stmon: i64) -> DisputeYear {
        DisputeYear {
            dispnum,
            key: (2, 365, 1950),
            ongoing: 1,
            onset,
            fatality: Some(fatality),
            hostlev: Some(3),
            mindur: Some(10),
            maxdur: Some(20),
            recip: Some(0),
            stmon: Some(stmon),
        }
    }

    #[test]
    fn onsets_first_then_unknown_fatality_above_zero() {
        let rows = vec![d(7, 0, 3, 1), d(5, 1, 0, 6), d(9, 1, -9, 8)];
        let (kept, report) = whittle(rows.clone(), &Step::ALL);
        // 7 is no onset; 9's unknown fatality (0.5) beats 5's 0.
        assert_eq!(kept[&(2, 365, 1950)].dispnum, 9);
        assert_eq!(report.duplicated_before, 1);
        assert_eq!(report.after_step[0], (Step::Onset, 1));
        assert_eq!(report.after_step[1], (Step::Fatality, 0));
        // Fatality alone picks 7 (level 3).
        let (kept, _) = whittle(rows.clone(), &[Step::Fatality]);
        assert_eq!(kept[&(2, 365, 1950)].dispnum, 7);
        // Start month alone: the earliest (7, January).
        let (kept, _) = whittle(rows, &[Step::StartMonth]);
        assert_eq!(kept[&(2, 365, 1950)].dispnum, 7);
    }

    #[test]
    fn ties_left_by_the_chain_go_to_the_lowest_dispute_number() {
        let rows = vec![d(12, 1, 2, 3), d(4, 1, 2, 3)];
        let (kept, report) = whittle(rows, &[Step::Onset]);
        assert_eq!(kept[&(2, 365, 1950)].dispnum, 4);
        assert_eq!(report.by_lowest_dispnum, 1);
    }

    #[test]
    fn chains_parse_by_name() {
        assert_eq!(parse_chain("default").unwrap(), Step::ALL.to_vec());
        assert_eq!(
            parse_chain("onset, Fatality").unwrap(),
            vec![Step::Onset, Step::Fatality]
        );
        assert!(parse_chain("fatalities")
            .unwrap_err()
            .contains("onset, fatality"));
    }
}
