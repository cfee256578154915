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
/// Cost: O(members² + ties) to build the tie matrix once, then O(members)
/// per pair.
pub fn portfolio_similarity(
    members: &[u16],
    ties: &Map<(u16, u16), u8>,
    pairs: &[(u16, u16)],
) -> Vec<Option<Agreement>> {
    let system = TieMatrix::new(members, ties);
    pairs
        .iter()
        .map(|&(a, b)| system.similarity(a, b))
        .collect()
}

/// Symmetric tie levels among a year's system members, one dense row (the
/// portfolio) per state.
struct TieMatrix {
    /// Members, ascending; a state's index is its row and column.
    members: Vec<u16>,
    /// Row-major `members × members` tie levels.
    levels: Vec<u8>,
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
        };
        for i in 0..size {
            matrix.levels[i * size + i] = MAX_TIE;
        }
        for (&(a, b), &level) in ties {
            matrix.raise(a, b, level.min(MAX_TIE));
        }
        matrix
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

    fn portfolio(&self, i: usize) -> &[u8] {
        let size = self.members.len();
        &self.levels[i * size..(i + 1) * size]
    }

    fn similarity(&self, a: u16, b: u16) -> Option<Agreement> {
        let (i, k) = (self.index(a)?, self.index(b)?);
        let table = Contingency::from_codes(LEVELS, self.portfolio(i), self.portfolio(k))?;
        agreement(&table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(got: Option<f64>, want: f64) -> bool {
        got.is_some_and(|g| (g - want).abs() < 1e-9)
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
