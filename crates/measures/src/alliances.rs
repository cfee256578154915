//! Alliances between the two states (ATOP v5.1 pledges) and the similarity of
//! their alliance portfolios.
//!
//! Pledges: `atop_defense`, `atop_offense`, `atop_neutral`, `atop_nonagg`,
//! `atop_consul` are 1 when an alliance in force that year between the two
//! carries that obligation (Leeds et al. 2002), 0 inside 1815-2018 when there
//! is none, NULL outside.
//!
//! Portfolio similarity: each state's ties with every state in the system
//! that year, coded 3 defence or offence, 2 neutrality or consultation, 1
//! non-aggression only, 0 none, each state tied to itself at 3; the two
//! vectors compared with S (Signorino & Ritter 1999), Cohen's κ and Scott's π
//! with linear distances (Häge 2011) and Kendall's τ-b — see
//! [`crate::similarity`] and [`crate::portfolio`].

use crate::batch;
use crate::column::{flag, Column};
use crate::dyads::DyadYear;
use crate::dyads::{DyadYears, Universe};
use crate::portfolio::{portfolio_similarity, tie_level};
use crate::similarity::Agreement;
use crate::Map;
use ordo_sources::datasets::alliances::{ATOP, COVERAGE};
use ordo_sources::{DataDir, DataError, SourceUse};
use rayon::prelude::*;
use std::collections::BTreeMap;

const SOURCE: &str = "atop_alliance";

/// ATOP pledges by directed dyad-year.
#[derive(Debug, Default)]
pub struct Alliances {
    /// defense, offense, neutral, nonagg, consul.
    pledges: Map<DyadYear, [i64; 5]>,
}

impl Alliances {
    pub fn load(dir: &DataDir) -> Result<(Alliances, SourceUse), DataError> {
        let t = ATOP.read(dir)?;
        let b = &t.batch;
        let (c1, c2, y) = (
            batch::codes(b, "ccode1"),
            batch::codes(b, "ccode2"),
            batch::ints(b, "year"),
        );
        let cols = [
            "atop_defense",
            "atop_offense",
            "atop_neutral",
            "atop_nonagg",
            "atop_consul",
        ]
        .map(|n| batch::ints(b, n));
        let mut pledges = Map::with_capacity_and_hasher(c1.len(), Default::default());
        for i in 0..c1.len() {
            let Some(year) = y[i] else { continue };
            pledges.insert(
                (c1[i], c2[i], year as i32),
                cols.each_ref().map(|c| c[i].unwrap_or(0)),
            );
        }
        Ok((Alliances { pledges }, t.source))
    }

    /// The five pledge flags only.
    pub fn pledge_columns(&self, keys: &DyadYears) -> Vec<Column> {
        let names = [
            "atop_defense",
            "atop_offense",
            "atop_neutral",
            "atop_nonagg",
            "atop_consul",
        ];
        // One lookup per dyad-year serves the five flags.
        let found: Vec<Option<&[i64; 5]>> = (0..keys.len())
            .map(|i| self.pledges.get(&keys.key(i)))
            .collect();
        names
            .iter()
            .enumerate()
            .map(|(k, name)| {
                let v = found
                    .iter()
                    .zip(&keys.year)
                    .map(|(p, &y)| flag(p.map(|p| p[k]), COVERAGE, y));
                Column::ints(name, SOURCE, COVERAGE, v)
            })
            .collect()
    }

    /// Portfolio similarity only.
    pub fn portfolio_columns(&self, keys: &DyadYears, universe: &Universe<'_>) -> Vec<Column> {
        let mut by_year: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
        for i in 0..keys.len() {
            if crate::column::covers(COVERAGE, keys.year[i]) {
                by_year.entry(keys.year[i]).or_default().push(i);
            }
        }
        let mut ties_by_year: Map<i32, Map<(u16, u16), u8>> = Map::default();
        for ((a, b, y), p) in &self.pledges {
            if by_year.contains_key(y) {
                let level = tie_level(p[0] == 1, p[1] == 1, p[2] == 1, p[3] == 1, p[4] == 1);
                ties_by_year.entry(*y).or_default().insert((*a, *b), level);
            }
        }
        let mut cols: [Vec<Option<f64>>; 4] = std::array::from_fn(|_| vec![None; keys.len()]);
        let empty = Map::default();
        // Years are independent, and this is the frame's costliest measure
        // (every pair's portfolios over every member): score them on all
        // cores, then place the scores in order.
        let scored: Vec<(Vec<usize>, Vec<Option<Agreement>>)> = by_year
            .into_par_iter()
            .map(|(year, rows)| {
                let members = universe.members_in(year);
                let pairs: Vec<(u16, u16)> = rows
                    .iter()
                    .map(|&i| (keys.ccode1[i], keys.ccode2[i]))
                    .collect();
                let ties = ties_by_year.get(&year).unwrap_or(&empty);
                let scores = portfolio_similarity(&members, ties, &pairs);
                (rows, scores)
            })
            .collect();
        for (rows, scores) in scored {
            for (&i, score) in rows.iter().zip(scores) {
                if let Some(s) = score {
                    cols[0][i] = s.s;
                    cols[1][i] = s.kappa;
                    cols[2][i] = s.pi;
                    cols[3][i] = s.tau_b;
                }
            }
        }
        let [s, kappa, pi, tau] = cols;
        vec![
            Column::floats("atop_s", SOURCE, COVERAGE, s),
            Column::floats("atop_kappa", SOURCE, COVERAGE, kappa),
            Column::floats("atop_pi", SOURCE, COVERAGE, pi),
            Column::floats("atop_taub", SOURCE, COVERAGE, tau),
        ]
    }
}
