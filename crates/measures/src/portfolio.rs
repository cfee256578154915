//! Alliance-portfolio similarity (Bueno de Mesquita 1975; Signorino and
//! Ritter 1999; Häge 2011).
//!
//! A state's alliance portfolio in a year is the vector of its tie levels to
//! every state in the system, itself included. Two states' similarity is the
//! agreement of their portfolios, item by item over the system's members,
//! measured by [`crate::similarity::agreement`] on the ordinal scale 0..=3
//! (`d_max = 3`).
//!
//! Each state is tied to itself at the top level, as in Bueno de Mesquita
//! (1975) and Signorino and Ritter (1999): a state is its own most committed
//! ally, so two mutually allied states agree on each other's position.
//!
//! # References
//!
//! - Bueno de Mesquita, Bruce. 1975. "Measuring Systemic Polarity." *Journal
//!   of Conflict Resolution* 19(2): 187–216.
//! - Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and
//!   Andrew G. Long. 2002. "Alliance Treaty Obligations and Provisions,
//!   1815–1944." *International Interactions* 28(3): 237–260.
//! - Signorino and Ritter (1999) and Häge (2011): see [`crate::similarity`].

use crate::Map;

use crate::similarity::{agreement, Agreement, Contingency};

/// Highest tie level: a defence or offence pledge, and the self-tie.
const MAX_TIE: u8 = 3;

/// Number of tie levels, 0..=3.
const LEVELS: usize = MAX_TIE as usize + 1;

/// ATOP tie level of a directed pair in a year: 3 = defence or offence
/// pledge, 2 = neutrality or consultation, 1 = non-aggression only, 0 = none.
///
/// The strongest obligation sets the level, since ATOP alliances often carry
/// several. The order ranks ATOP's obligation types by the commitment they
/// imply. Note that it differs from the COW-based coding used by Signorino
/// and Ritter (1999) (defence 3, neutrality *or non-aggression* 2, entente 1),
/// whose nearest ATOP analogue would place consultation at 1 and
/// non-aggression at 2; scores from the two codings are not interchangeable.
pub fn tie_level(defense: bool, offense: bool, neutral: bool, nonagg: bool, consul: bool) -> u8 {
    if defense || offense {
        3
    } else if neutral || consul {
        2
    } else if nonagg {
        1
    } else {
        0
    }
}

/// Similarity of the alliance portfolios of each requested pair in one year.
///
/// - `members`: the states in the system that year, the portfolio's items
///   (duplicates are counted once).
/// - `ties`: tie level of `(i, k)` for every allied pair; absent means 0.
///   Ties are looked up in both orders and the maximum taken, because ATOP
///   rows are directed; levels above 3 are read as 3. Ties involving a state
///   outside `members` are ignored. Each state is tied to itself at level 3.
///
/// Returns, for each pair in order, the [`Agreement`] of the two portfolios
/// over `members` (levels 0..=3, `d_max = 3`), or `None` if either state is
/// not in `members` (absent from the system that year). The result is
/// symmetric: `(a, b)` and `(b, a)` score alike.
///
/// Cost: O(members² + ties) to build the tie matrix once, then
/// O(members / 64) per unordered pair.
pub fn portfolio_similarity(
    members: &[u16],
    ties: &Map<(u16, u16), u8>,
    pairs: &[(u16, u16)],
) -> Vec<Option<Agreement>> {
    let system = TieMatrix::new(members, ties).with_bitsets();
    // Each unordered pair is scored once, as `(low, high)`: a directed
    // frame asks for both orders, and one score serves both (which also
    // makes them equal to the last bit).
    let canonical = |&(a, b): &(u16, u16)| (a.min(b), a.max(b));
    let mut unique: Vec<(u16, u16)> = pairs.iter().map(canonical).collect();
    unique.sort_unstable();
    unique.dedup();
    let scores: Vec<Option<Agreement>> = unique
        .iter()
        .map(|&(a, b)| system.similarity(a, b))
        .collect();
    pairs
        .iter()
        .map(|p| {
            let at = unique
                .binary_search(&canonical(p))
                .expect("every pair was scored");
            scores[at]
        })
        .collect()
}

/// Symmetric tie levels among a year's system members, one dense row (the
/// portfolio) per state.
struct TieMatrix {
    /// Members, ascending; a state's index is its row and column.
    members: Vec<u16>,
    /// Row-major `members × members` tie levels.
    levels: Vec<u8>,
    /// Each portfolio as one bitset per level over the members, 64 members
    /// per word: word `w` of state `s` at level `l` sits at
    /// `(s * words + w) * LEVELS + l`. Cell `(a, b)` of two portfolios'
    /// contingency table is then `popcount(bits_i[a] & bits_k[b])`, a few
    /// word operations instead of a pass over two hundred members (the
    /// method of `un_votes`); this measure was the slowest of the frame.
    bits: Vec<u64>,
    words: usize,
}

impl TieMatrix {
    fn new(members: &[u16], ties: &Map<(u16, u16), u8>) -> TieMatrix {
        let mut members = members.to_vec();
        members.sort_unstable();
        members.dedup();
        let size = members.len();
        let mut matrix = TieMatrix {
            members,
            levels: vec![0; size * size],
            bits: Vec::new(),
            words: 0,
        };
        for i in 0..size {
            matrix.levels[i * size + i] = MAX_TIE;
        }
        for (&(a, b), &level) in ties {
            matrix.raise(a, b, level.min(MAX_TIE));
        }
        matrix
    }

    /// Fills the bitsets from the finished tie levels.
    fn with_bitsets(mut self) -> TieMatrix {
        let size = self.members.len();
        self.words = size.div_ceil(64);
        self.bits = vec![0; size * self.words * LEVELS];
        for s in 0..size {
            for item in 0..size {
                let level = usize::from(self.levels[s * size + item]);
                let word = (s * self.words + item / 64) * LEVELS + level;
                self.bits[word] |= 1 << (item % 64);
            }
        }
        self
    }

    /// State `s`'s bitsets, word after word, levels interleaved.
    fn bitsets(&self, s: usize) -> &[u64] {
        let len = self.words * LEVELS;
        &self.bits[s * len..(s + 1) * len]
    }

    fn index(&self, state: u16) -> Option<usize> {
        self.members.binary_search(&state).ok()
    }

    /// Raises the tie between `a` and `b`, in both directions, to `level`.
    fn raise(&mut self, a: u16, b: u16, level: u8) {
        let (Some(i), Some(k)) = (self.index(a), self.index(b)) else {
            return;
        };
        let size = self.members.len();
        for cell in [i * size + k, k * size + i] {
            self.levels[cell] = self.levels[cell].max(level);
        }
    }

    /// State `i`'s portfolio as a dense row (the tests' reference path).
    #[cfg(test)]
    fn portfolio(&self, i: usize) -> &[u8] {
        let size = self.members.len();
        &self.levels[i * size..(i + 1) * size]
    }

    fn similarity(&self, a: u16, b: u16) -> Option<Agreement> {
        let (i, k) = (self.index(a)?, self.index(b)?);
        let mut cells = [[0u64; LEVELS]; LEVELS];
        let words_k = self.bitsets(k).chunks_exact(LEVELS);
        for (word_i, word_k) in self.bitsets(i).chunks_exact(LEVELS).zip(words_k) {
            for (row, &ties_i) in cells.iter_mut().zip(word_i) {
                for (cell, &ties_k) in row.iter_mut().zip(word_k) {
                    *cell += u64::from((ties_i & ties_k).count_ones());
                }
            }
        }
        let mut table = Contingency::new(LEVELS);
        for (row, x) in cells.iter().zip(0u8..) {
            for (&count, y) in row.iter().zip(0u8..) {
                table.add_count(x, y, count);
            }
        }
        agreement(&table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(got: Option<f64>, want: f64) -> bool {
        got.is_some_and(|g| (g - want).abs() < 1e-9)
    }

    /// The bitset tables equal the tables counted item by item over the
    /// dense portfolios, for a system spanning three 64-member words with
    /// ties at every level (pseudo-random, fixed seed).
    #[test]
    fn bitset_tables_equal_item_by_item_tables() {
        let members: Vec<u16> = (0..150u16).map(|i| 2 + i * 3).collect();
        let mut ties: Map<(u16, u16), u8> = Map::default();
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let (a, b) = (
                members[(x % 150) as usize],
                members[((x >> 8) % 150) as usize],
            );
            ties.insert((a, b), ((x >> 16) % 4) as u8);
        }
        let system = TieMatrix::new(&members, &ties).with_bitsets();
        for (i, k) in [(0, 1), (3, 149), (64, 128), (10, 10), (77, 140)] {
            let reference = agreement(
                &Contingency::from_codes(LEVELS, system.portfolio(i), system.portfolio(k)).unwrap(),
            );
            assert_eq!(system.similarity(members[i], members[k]), reference);
        }
    }

    #[test]
    fn tie_level_takes_the_strongest_obligation() {
        assert_eq!(tie_level(true, false, true, true, true), 3);
        assert_eq!(tie_level(false, true, false, false, false), 3);
        assert_eq!(tie_level(false, false, true, true, false), 2);
        assert_eq!(tie_level(false, false, false, true, true), 2);
        assert_eq!(tie_level(false, false, false, true, false), 1);
        assert_eq!(tie_level(false, false, false, false, false), 0);
    }

    /// Three states, one defence pact 1–2, directed as (2, 1) only.
    /// Portfolios over (1, 2, 3): state 1 = (3, 3, 0), state 2 = (3, 3, 0),
    /// state 3 = (0, 0, 3).
    /// - (1, 2): identical portfolios, S = 1.
    /// - (1, 3): Σ|x−y| = 3 + 3 + 3 = 9; S = 1 − 2·9/(3·3) = −1.
    #[test]
    fn hand_computed_three_state_system() {
        let ties = Map::from_iter([((2, 1), 3)]);
        let got = portfolio_similarity(&[1, 2, 3], &ties, &[(1, 2), (1, 3)]);
        let (allies, strangers) = (got[0].expect("members"), got[1].expect("members"));
        assert_eq!((allies.n, allies.agree, allies.s), (3, 1.0, Some(1.0)));
        assert!(close(strangers.s, -1.0));
        assert!(close(strangers.tau_b, -1.0));
    }

    /// Reference values printed by tests/reference/similarity_reference.py
    /// (case "portfolio"), computed from the vectors directly. The ties below
    /// give states 10 and 20 the portfolios, over members 10, 20, …, 100,
    /// x = (3,3,0,0,1,2,0,0,3,0) and y = (3,3,3,0,0,2,0,1,0,0).
    #[test]
    fn reference_portfolio_case() {
        let members: Vec<u16> = (1..=10).map(|i| i * 10).collect();
        let ties = Map::from_iter([
            ((10, 20), 3),
            ((10, 50), 1),
            ((60, 10), 2), // directed the other way: looked up in both orders
            ((10, 90), 3),
            ((20, 30), 3),
            ((20, 60), 2),
            ((20, 80), 1),
            ((30, 40), 3), // a tie of neither state: irrelevant to the pair
        ]);
        let got = portfolio_similarity(&members, &ties, &[(10, 20)])[0].expect("members");
        assert_eq!(got.n, 10);
        assert!((got.agree - 0.6).abs() < 1e-9);
        assert!(close(got.s, 0.466666666667));
        assert!(close(got.kappa, 0.428571428571));
        assert!(close(got.pi, 0.428571428571));
        assert!(close(got.tau_b, 0.34375));
    }

    #[test]
    fn pair_outside_the_system_has_no_score() {
        let ties = Map::from_iter([((1, 2), 3), ((1, 99), 3)]);
        let got = portfolio_similarity(&[1, 2, 3], &ties, &[(1, 99), (99, 2), (1, 2)]);
        assert_eq!((got[0], got[1]), (None, None));
        // The tie to the non-member 99 is ignored: 1 and 2 still match.
        assert_eq!(got[2].map(|a| a.s), Some(Some(1.0)));
    }

    #[test]
    fn results_are_symmetric_in_the_pair() {
        let ties = Map::from_iter([((1, 2), 2), ((3, 1), 3), ((2, 4), 1), ((4, 3), 2)]);
        let got = portfolio_similarity(&[1, 2, 3, 4, 5], &ties, &[(1, 2), (2, 1), (3, 4), (4, 3)]);
        assert_eq!(got[0], got[1]);
        assert_eq!(got[2], got[3]);
        assert!(got[0].is_some() && got[2].is_some());
    }

    /// Directed rows disagreeing on the level: the maximum is taken.
    #[test]
    fn directed_ties_take_the_maximum() {
        let both = Map::from_iter([((1, 2), 1), ((2, 1), 3)]);
        let strongest = Map::from_iter([((1, 2), 3)]);
        let pairs = [(1, 2), (1, 3), (2, 3)];
        assert_eq!(
            portfolio_similarity(&[1, 2, 3], &both, &pairs),
            portfolio_similarity(&[1, 2, 3], &strongest, &pairs)
        );
    }

    #[test]
    fn out_of_scale_levels_and_duplicates_are_tolerated() {
        let clamped = Map::from_iter([((1, 2), 200)]);
        let plain = Map::from_iter([((1, 2), 3)]);
        assert_eq!(
            portfolio_similarity(&[1, 2, 2, 3, 1], &clamped, &[(1, 2)]),
            portfolio_similarity(&[1, 2, 3], &plain, &[(1, 2)])
        );
    }

    #[test]
    fn empty_inputs_give_empty_or_missing_results() {
        let none = Map::default();
        assert!(portfolio_similarity(&[1, 2], &none, &[]).is_empty());
        assert_eq!(portfolio_similarity(&[], &none, &[(1, 2)]), vec![None]);
    }

    /// A state compared with itself over a one-state system: perfect
    /// agreement, chance-corrected measures undefined.
    #[test]
    fn lone_state_compared_with_itself() {
        let got = portfolio_similarity(&[7], &Map::default(), &[(7, 7)])[0].expect("member");
        assert_eq!((got.n, got.s), (1, Some(1.0)));
        assert_eq!((got.kappa, got.pi, got.tau_b), (None, None, None));
    }
}
