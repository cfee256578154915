//! UN General Assembly voting between the two states, and the distance
//! between their ideal points.
//!
//! Votes: each vote's country is mapped to a COW code on the date of the roll
//! call through ordo's crosswalk (`un` names, else ISO alpha-2), so the USSR's
//! votes (`Russia`) are COW 365 and the Ukrainian/Byelorussian SSR seats map to
//! 369/370. A vote counts only if its state is a COW member on the day of
//! the vote (spells open at the end of COW v2016 count as ongoing): the
//! Ukrainian SSR's votes of autumn 1991 are not Ukraine's, though Ukraine is
//! a member from 1991-12-26. Per dyad and calendar year, over the roll calls on which both
//! voted (yes = 1, abstain = 2, no = 3): `un_nvotes`, `un_agree` (share of
//! identical votes; Voeten 2013), `un_s` (Signorino & Ritter 1999, d_max 2),
//! `un_kappa`, `un_pi` (Häge 2011, linear distances). NULL with no common
//! roll call. Coverage 1946-2019.
//!
//! Ideal points (Bailey, Strezhnev & Voeten 2017): `bsv_ideal1`,
//! `bsv_ideal2`, `bsv_distance = |ideal1 - ideal2|`, 1946-2012. States are
//! matched by COW abbreviation, else by name through the resolver (the file
//! writes South Sudan `SSUD`). A state-year the file lists twice (Nauru
//! 2000-2012) is NULL: ambiguous.

use crate::batch;
use crate::column::{distance, float_pairs, Column};
use crate::dyads::DyadYear;
use crate::dyads::DyadYears;
use crate::un_votes::{dyad_year_scores, UnScores, Vote};
use crate::Map;
use ordo_sources::datasets::un::{
    IDEAL_POINTS, IDEAL_POINTS_COVERAGE, ROLL_CALLS, VOTES, VOTES_COVERAGE,
};
use ordo_sources::{DataDir, DataError, SourceUse};
use ordo_states::States;

#[derive(Debug, Default)]
pub struct UnVoting {
    scores: Map<DyadYear, UnScores>,
    ideal: Map<(u16, i32), Option<f64>>,
    /// Votes whose country could not be mapped to a COW code on the vote date.
    pub unmapped_votes: usize,
    /// Votes cast on a day the state was not a COW member (not counted).
    pub non_member_votes: usize,
    /// State-years listed twice in the ideal points (set to NULL).
    pub ambiguous_ideal_points: usize,
}

impl UnVoting {
    pub fn load(dir: &DataDir, states: &States) -> Result<(UnVoting, Vec<SourceUse>), DataError> {
        let rc = ROLL_CALLS.read(dir)?;
        let (rcid, date) = (
            batch::ints(&rc.batch, "rcid"),
            batch::dates(&rc.batch, "date"),
        );
        let day_of: Map<i64, i32> = rcid
            .iter()
            .zip(&date)
            .filter_map(|(r, d)| Some(((*r)?, (*d)?)))
            .collect();
        let v = VOTES.read(dir)?;
        let b = &v.batch;
        let (rc_col, country, code, vote) = (
            batch::ints(b, "rcid"),
            batch::texts(b, "country"),
            batch::texts(b, "country_code"),
            batch::texts(b, "vote"),
        );
        let mut memo: Map<(&str, Option<&str>, i32), Option<u16>> = Map::default();
        let mut votes = Vec::with_capacity(rc_col.len());
        let mut unmapped = 0;
        let mut non_member = 0;
        for i in 0..rc_col.len() {
            let (Some(r), Some(c), Some(value)) = (rc_col[i], country[i], vote_code(vote[i]))
            else {
                unmapped += 1;
                continue;
            };
            let Some(&day) = day_of.get(&r) else {
                unmapped += 1;
                continue;
            };
            let key = (c, code[i], day);
            let ccode = *memo.entry(key).or_insert_with(|| {
                let date = batch::date_of_day(day);
                let code = states.crosswalk.un_to_cow(c, code[i], date)?;
                // 0 marks a mapped state that was not a member that day.
                Some(if states.system.is_member_ongoing(code, date) {
                    code.0
                } else {
                    0
                })
            });
            match ccode {
                Some(0) => non_member += 1,
                Some(cc) => votes.push(Vote {
                    rcid: r as u32,
                    year: batch::year_of_day(day),
                    ccode: cc,
                    vote: value,
                }),
                None => unmapped += 1,
            }
        }
        let scores = dyad_year_scores(&votes);
        let (ideal, ambiguous, s3) = load_ideal_points(dir, states)?;
        Ok((
            UnVoting {
                scores,
                ideal,
                unmapped_votes: unmapped,
                non_member_votes: non_member,
                ambiguous_ideal_points: ambiguous,
            },
            vec![v.source, rc.source, s3],
        ))
    }

    pub fn columns(&self, keys: &DyadYears) -> Vec<Column> {
        let sc: Vec<Option<&UnScores>> = (0..keys.len())
            .map(|i| {
                let (a, b, y) = keys.key(i);
                self.scores.get(&(a.min(b), a.max(b), y))
            })
            .collect();
        let f = |name, get: fn(&UnScores) -> Option<f64>| {
            let v = sc.iter().map(|s| s.and_then(get));
            Column::floats(name, "unvotes", VOTES_COVERAGE, v)
        };
        let ideal = |name, code: &[u16]| {
            let v = (0..keys.len())
                .map(|i| self.ideal.get(&(code[i], keys.year[i])).copied().flatten());
            Column::floats(name, "un_ideal_points_bsv", IDEAL_POINTS_COVERAGE, v)
        };
        let (i1, i2) = (
            ideal("bsv_ideal1", &keys.ccode1),
            ideal("bsv_ideal2", &keys.ccode2),
        );
        let d = Column::floats(
            "bsv_distance",
            "un_ideal_points_bsv",
            IDEAL_POINTS_COVERAGE,
            float_pairs(&i1, &i2).map(|(a, b)| distance(a, b)),
        );
        vec![
            Column::ints(
                "un_nvotes",
                "unvotes",
                VOTES_COVERAGE,
                sc.iter().map(|s| s.map(|s| s.n as i64)),
            ),
            f("un_agree", |s| Some(s.agree)),
            f("un_s", |s| s.s),
            f("un_kappa", |s| s.kappa),
            f("un_pi", |s| s.pi),
            i1,
            i2,
            d,
        ]
    }
}

/// yes = 1, abstain = 2, no = 3.
fn vote_code(v: Option<&str>) -> Option<u8> {
    match v? {
        "yes" => Some(1),
        "abstain" => Some(2),
        "no" => Some(3),
        _ => None,
    }
}

type IdealPoints = (Map<(u16, i32), Option<f64>>, usize, SourceUse);

fn load_ideal_points(dir: &DataDir, states: &States) -> Result<IdealPoints, DataError> {
    let t = IDEAL_POINTS.read(dir)?;
    let b = &t.batch;
    let (y, abb, name, ip) = (
        batch::ints(b, "Year"),
        batch::texts(b, "CountryAbb"),
        batch::texts(b, "CountryName"),
        batch::floats(b, "idealpoint"),
    );
    let resolver = states.resolver();
    let mut ideal: Map<(u16, i32), Option<f64>> = Map::default();
    let mut ambiguous = 0;
    for i in 0..y.len() {
        let code = abb[i].and_then(|a| states.system.by_abbrev(a)).or_else(|| {
            name[i]
                .and_then(|n| resolver.resolve(n).ok())
                .map(|r| r.state)
        });
        let (Some(state), Some(year)) = (code, y[i]) else {
            continue;
        };
        let key = (state.code.0, year as i32);
        match ideal.entry(key) {
            std::collections::hash_map::Entry::Occupied(mut e) => {
                e.insert(None);
                ambiguous += 1;
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(ip[i]);
            }
        }
    }
    Ok((ideal, ambiguous, t.source))
}

#[cfg(test)]
mod tests {
    use super::vote_code;

    #[test]
    fn votes_are_coded_yes_one_abstain_two_no_three() {
        assert_eq!(
            [
                vote_code(Some("yes")),
                vote_code(Some("abstain")),
                vote_code(Some("no"))
            ],
            [Some(1), Some(2), Some(3)]
        );
        assert_eq!(vote_code(Some("absent")), None);
        assert_eq!(vote_code(None), None);
    }
}
