//! UN General Assembly voting agreement per dyad-year.
//!
//! Two states' votes on the roll calls of a year are compared item by item
//! with the measures of [`crate::similarity`]: the share of identical votes,
//! Signorino and Ritter's (1999) S, Häge's (2011) κ and π, and Kendall's τ-b.
//! Votes are ordinal, yes < abstain < no, coded 0, 1, 2 (`d_max = 2`), so an
//! abstention is half as far from a yes as a no is (the three-category coding
//! of Voeten's data; cf. Bailey, Strezhnev and Voeten 2017).
//!
//! Only roll calls on which **both** states cast a yes, abstain or no vote are
//! compared: an absence says nothing about a state's position, so counting it
//! as disagreement would confuse attendance with preference.
//!
//! # Algorithm
//!
//! For each year, each state's votes form a dense vector over the year's roll
//! calls, stored as three bitsets (yes, abstain, no; a roll call the state
//! missed has no bit set). Cell `(a, b)` of a dyad's 3 × 3 contingency table
//! is then `popcount(votes_i[a] & votes_j[b])`, 64 roll calls per machine
//! word. A year with S states and R roll calls costs O(S²/2 · 9 · R/64), a few
//! million word operations for the whole 1946–2019 record.
//!
//! # References
//!
//! - Voeten, Erik, Anton Strezhnev, and Michael Bailey. 2009. "United Nations
//!   General Assembly Voting Data." Harvard Dataverse, hdl:1902.1/12379.
//! - Bailey, Michael A., Anton Strezhnev, and Erik Voeten. 2017. "Estimating
//!   Dynamic State Preferences from United Nations Voting Data." *Journal of
//!   Conflict Resolution* 61(2): 430–456.
//! - Signorino and Ritter (1999) and Häge (2011): see [`crate::similarity`].

use crate::dyads::DyadYear;
use crate::Map;

use crate::similarity::{agreement, Agreement, Contingency};
use rayon::prelude::*;

/// One recorded vote: roll call, its year, the voting state (COW code),
/// vote 1 = yes, 2 = abstain, 3 = no.
///
/// Any other vote code (Voeten's 8 = absent, 9 = not a member, 0 = missing)
/// means the state did not vote on that roll call.
#[derive(Debug, Clone, Copy)]
pub struct Vote {
    pub rcid: u32,
    pub year: i32,
    pub ccode: u16,
    pub vote: u8,
}

/// Agreement of two states over the roll calls of a year on which both voted.
pub type UnScores = Agreement;

/// Number of vote positions: yes, abstain, no.
const POSITIONS: usize = 3;

/// For every year and every unordered pair `(a, b)`, `a < b`, of states that
/// both voted on at least one common roll call that year: the agreement
/// measures over those common roll calls (yes, abstain, no coded 0, 1, 2;
/// `d_max = 2`). Keyed by `(ccode_a, ccode_b, year)`.
///
/// If a state has several records for the same roll call, the last one in
/// `votes` counts, so that a corrected record appended to the data replaces
/// the original rather than being counted twice.
pub fn dyad_year_scores(votes: &[Vote]) -> Map<DyadYear, UnScores> {
    // Years are independent: scored on all cores, then gathered into one
    // map sized once.
    let by_year: Vec<Vec<(DyadYear, UnScores)>> = votes_by_year(votes)
        .into_par_iter()
        .map(|(year, year_votes)| YearBallots::new(&year_votes).score_dyads(year))
        .collect();
    let mut scores = Map::default();
    scores.reserve(by_year.iter().map(Vec::len).sum());
    scores.extend(by_year.into_iter().flatten());
    scores
}

/// Position of a vote on the ordinal scale, `None` if the state did not vote.
fn position(vote: u8) -> Option<usize> {
    match vote {
        1..=3 => Some(usize::from(vote - 1)),
        _ => None,
    }
}

/// The cast votes (yes, abstain, no) grouped by year, input order kept.
fn votes_by_year(votes: &[Vote]) -> Map<i32, Vec<Vote>> {
    let mut by_year: Map<i32, Vec<Vote>> = Map::default();
    for vote in votes.iter().filter(|v| position(v.vote).is_some()) {
        by_year.entry(vote.year).or_default().push(*vote);
    }
    by_year
}

/// One year's votes as per-state bitsets over the year's roll calls.
struct YearBallots {
    /// The states that cast at least one vote, ascending.
    states: Vec<u16>,
    /// 64-roll-call words per bitset.
    words: usize,
    /// Word `w` of state `s`'s bitset for position `p` at
    /// `(s * words + w) * POSITIONS + p`: the three positions of a word sit
    /// together, so one pass over the words fills all nine cells.
    bits: Vec<u64>,
}

impl YearBallots {
    fn new(votes: &[Vote]) -> YearBallots {
        let states = sorted_unique(votes.iter().map(|v| v.ccode));
        let roll_calls = sorted_unique(votes.iter().map(|v| v.rcid));
        let words = roll_calls.len().div_ceil(64);
        let mut ballots = YearBallots {
            bits: vec![0; states.len() * POSITIONS * words],
            states,
            words,
        };
        for vote in votes {
            ballots.record(vote, &roll_calls);
        }
        ballots
    }

    /// Sets the vote's bit and clears the state's other positions on that
    /// roll call (last record wins).
    fn record(&mut self, vote: &Vote, roll_calls: &[u32]) {
        let (Some(p), Ok(s), Ok(r)) = (
            position(vote.vote),
            self.states.binary_search(&vote.ccode),
            roll_calls.binary_search(&vote.rcid),
        ) else {
            return;
        };
        let bit = 1u64 << (r % 64);
        let word = self.word_mut(s, r / 64);
        for (q, positions) in word.iter_mut().enumerate() {
            if q == p {
                *positions |= bit;
            } else {
                *positions &= !bit;
            }
        }
    }

    fn word_mut(&mut self, state: usize, word: usize) -> &mut [u64] {
        let start = (state * self.words + word) * POSITIONS;
        &mut self.bits[start..start + POSITIONS]
    }

    /// State `state`'s bitsets, word after word, positions interleaved.
    fn ballot(&self, state: usize) -> &[u64] {
        let len = self.words * POSITIONS;
        &self.bits[state * len..(state + 1) * len]
    }

    /// Contingency table of states `i` and `j` over their common roll calls:
    /// cell `(a, b)` counts the roll calls where `i` took position `a` and
    /// `j` position `b`.
    fn table(&self, i: usize, j: usize, table: &mut Contingency) {
        let mut cells = [[0u64; POSITIONS]; POSITIONS];
        let words_j = self.ballot(j).chunks_exact(POSITIONS);
        for (word_i, word_j) in self.ballot(i).chunks_exact(POSITIONS).zip(words_j) {
            for (row, &votes_i) in cells.iter_mut().zip(word_i) {
                for (cell, &votes_j) in row.iter_mut().zip(word_j) {
                    *cell += u64::from((votes_i & votes_j).count_ones());
                }
            }
        }
        table.clear();
        for (row, a) in cells.iter().zip(0u8..) {
            for (&count, b) in row.iter().zip(0u8..) {
                table.add_count(a, b, count);
            }
        }
    }

    /// The scores of every dyad with at least one common roll call.
    fn score_dyads(&self, year: i32) -> Vec<(DyadYear, UnScores)> {
        let states = self.states.len();
        let mut scores = Vec::with_capacity(states * states.saturating_sub(1) / 2);
        let mut table = Contingency::new(POSITIONS);
        for (i, &a) in self.states.iter().enumerate() {
            for (j, &b) in self.states.iter().enumerate().skip(i + 1) {
                self.table(i, j, &mut table);
                if let Some(dyad) = agreement(&table) {
                    scores.push(((a, b, year), dyad));
                }
            }
        }
        scores
    }
}

fn sorted_unique<T: Ord>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut items: Vec<T> = items.collect();
    items.sort_unstable();
    items.dedup();
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vote(rcid: u32, year: i32, ccode: u16, vote: u8) -> Vote {
        Vote {
            rcid,
            year,
            ccode,
            vote,
        }
    }

    /// Votes of one state on roll calls `first_rcid..` of `year`.
    fn ballots(year: i32, first_rcid: u32, ccode: u16, codes: &[u8]) -> Vec<Vote> {
        (first_rcid..)
            .zip(codes)
            .map(|(rcid, &v)| vote(rcid, year, ccode, v))
            .collect()
    }

    fn close(got: Option<f64>, want: f64) -> bool {
        got.is_some_and(|g| (g - want).abs() < 1e-9)
    }

    /// USA (2) and UK (200) on three roll calls: (yes, yes), (yes, abstain),
    /// (no, no). Coded (0,0), (0,1), (2,2):
    /// - agree = 2/3; Σ|x−y| = 1; S = 1 − 2·1/(3·2) = 2/3.
    /// - κ: p_x = (⅔, 0, ⅓), p_y = (⅓, ⅓, ⅓);
    ///   D_e = ⅔·(0 + 1 + 2)/3 + ⅓·(2 + 1 + 0)/3 = 2/3 + 1/3 = 1;
    ///   D_o = 1/3; κ = 1 − (1/3)/1 = 2/3.
    /// - π: pooled p = (½, ⅙, ⅓); D_e = 2·(½·⅙·1 + ½·⅓·2 + ⅙·⅓·1) = 2·(1/12 +
    ///   1/3 + 1/18) = 17/18; π = 1 − (1/3)/(17/18) = 11/17.
    /// - τ-b: pairs (1,2) tied on x, (1,3) and (2,3) concordant; n₀ = 3,
    ///   n₁ = 1, n₂ = 0; τ-b = 2/√(2·3) = 2/√6.
    #[test]
    fn hand_computed_dyad() {
        let mut votes = ballots(1990, 1, 2, &[1, 1, 3]);
        votes.extend(ballots(1990, 1, 200, &[1, 2, 3]));
        let scores = dyad_year_scores(&votes);
        let got = scores[&(2, 200, 1990)];
        assert_eq!((scores.len(), got.n), (1, 3));
        assert!((got.agree - 2.0 / 3.0).abs() < 1e-12);
        assert!(close(got.s, 2.0 / 3.0));
        assert!(close(got.kappa, 2.0 / 3.0));
        assert!(close(got.pi, 11.0 / 17.0));
        assert!(close(got.tau_b, 2.0 / 6f64.sqrt()));
    }

    /// Roll calls a state missed (no record, or Voeten's 8 = absent and
    /// 9 = not a member) are excluded, not counted as disagreement: state 20
    /// misses roll calls 2 and 3, so the dyad is compared on roll calls 1 and
    /// 4 only, where both voted yes: n = 2, perfect agreement.
    #[test]
    fn missed_roll_calls_are_excluded() {
        let mut votes = ballots(1975, 1, 10, &[1, 3, 3, 1]);
        votes.extend([vote(1, 1975, 20, 1), vote(2, 1975, 20, 8)]);
        votes.extend([vote(3, 1975, 20, 9), vote(4, 1975, 20, 1)]);
        let got = dyad_year_scores(&votes)[&(10, 20, 1975)];
        assert_eq!((got.n, got.agree, got.s), (2, 1.0, Some(1.0)));
        assert_eq!((got.kappa, got.pi, got.tau_b), (None, None, None));
    }

    /// A dyad without a common roll call has no score, in that year only.
    #[test]
    fn dyad_without_common_roll_call_is_absent() {
        let mut votes = ballots(1960, 1, 2, &[1, 1]);
        votes.extend(ballots(1960, 3, 365, &[3, 3]));
        votes.extend(ballots(1961, 7, 2, &[1]));
        votes.extend(ballots(1961, 7, 365, &[3]));
        let scores = dyad_year_scores(&votes);
        assert!(!scores.contains_key(&(2, 365, 1960)));
        assert_eq!(scores[&(2, 365, 1961)].s, Some(-1.0));
        assert_eq!(scores.len(), 1);
    }

    /// Reference values printed by tests/reference/similarity_reference.py
    /// (case "un_votes"), computed from the 1/2/3 vectors directly. State 740
    /// also voted on roll calls 13–15, which state 255 missed; they must not
    /// change the scores.
    #[test]
    fn reference_un_votes_case() {
        let x = [1, 1, 1, 3, 2, 1, 3, 3, 1, 2, 1, 1, 3, 3, 2];
        let y = [1, 3, 1, 3, 1, 1, 3, 2, 2, 2, 1, 3];
        let mut votes = ballots(2001, 1, 740, &x);
        votes.extend(ballots(2001, 1, 255, &y));
        let got = dyad_year_scores(&votes)[&(255, 740, 2001)];
        assert_eq!(got.n, 12);
        assert!((got.agree - 0.583333333333).abs() < 1e-9);
        assert!(close(got.s, 0.416666666667));
        assert!(close(got.kappa, 0.373134328358));
        assert!(close(got.pi, 0.361216730038));
        assert!(close(got.tau_b, 0.364484551201));
    }

    #[test]
    fn last_duplicate_record_wins() {
        let votes = [
            vote(1, 1980, 2, 1),
            vote(1, 1980, 3, 3),
            vote(1, 1980, 3, 1),
        ];
        let got = dyad_year_scores(&votes)[&(2, 3, 1980)];
        assert_eq!((got.n, got.agree), (1, 1.0));
    }

    #[test]
    fn empty_and_single_state_input_give_no_scores() {
        assert!(dyad_year_scores(&[]).is_empty());
        assert!(dyad_year_scores(&ballots(1950, 1, 2, &[1, 2, 3])).is_empty());
    }

    /// Deterministic pseudo-random numbers (SplitMix64), so the tests need no
    /// `rand` dependency.
    struct SplitMix(u64);

    impl SplitMix {
        fn below(&mut self, bound: u64) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            (z ^ (z >> 31)) % bound
        }
    }

    /// Synthetic record: `years` years, the membership growing from 50 to
    /// `50 + years * 2` states, `roll_calls` roll calls a year, every state
    /// voting (1..=3) with probability 0.9 and otherwise recorded absent (8).
    fn synthetic_votes(years: i32, roll_calls: u32, seed: u64) -> Vec<Vote> {
        let mut rng = SplitMix(seed);
        let mut votes = Vec::new();
        for (y, year) in (1946..1946 + years).enumerate() {
            let states = 50 + 2 * y as u16;
            for r in 0..roll_calls {
                let rcid = year as u32 * 1000 + r;
                for ccode in 0..states {
                    let code = if rng.below(10) == 0 {
                        8
                    } else {
                        1 + rng.below(3) as u8
                    };
                    votes.push(vote(rcid, year, ccode, code));
                }
            }
        }
        votes
    }

    /// The bitset tables equal tables counted roll call by roll call.
    #[test]
    fn bitset_tables_match_naive_counting() {
        let votes = synthetic_votes(3, 70, 7);
        let scores = dyad_year_scores(&votes);
        let mut by_roll_call: Map<u32, Vec<&Vote>> = Map::default();
        for v in votes.iter().filter(|v| position(v.vote).is_some()) {
            by_roll_call.entry(v.rcid).or_default().push(v);
        }
        let mut naive: Map<DyadYear, Contingency> = Map::default();
        for cast in by_roll_call.values() {
            for va in cast {
                for vb in cast.iter().filter(|vb| va.ccode < vb.ccode) {
                    let table = naive
                        .entry((va.ccode, vb.ccode, va.year))
                        .or_insert_with(|| Contingency::new(3));
                    assert!(table.add(va.vote - 1, vb.vote - 1));
                }
            }
        }
        assert_eq!(scores.len(), naive.len());
        for (key, table) in &naive {
            assert_eq!(Some(scores[key]), agreement(table), "dyad-year {key:?}");
        }
    }

    /// Timing on a synthetic record the size of Voeten's data: 74 years,
    /// 50..196 states, 95 roll calls a year, ≈ 865,000 votes.
    /// Run with `cargo test -p ordo-measures -- --ignored --nocapture`.
    #[test]
    #[ignore = "benchmark"]
    fn benchmark_full_record_size() {
        let votes = synthetic_votes(74, 95, 1);
        let start = std::time::Instant::now();
        let scores = dyad_year_scores(&votes);
        println!(
            "{} votes -> {} dyad-years in {:?}",
            votes.len(),
            scores.len(),
            start.elapsed()
        );
    }
}
