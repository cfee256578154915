//! Strategic rivalry between the two states: Thompson & Dreyer (2012) and
//! Thompson, Sakuwa & Suhas (2021).
//!
//! A strategic rivalry is a pair of states that regard each other as
//! competitors, sources of threat and enemies (Thompson 2001). `td_rivalry` /
//! `tss_rivalry`: 1 if a rivalry between the two (in either order) runs that
//! year (start <= year <= end), 0 inside the coverage (to 2010 / 2020)
//! otherwise, NULL after.

use crate::batch;
use crate::column::{covers, Column};
use crate::dyads::DyadYears;
use crate::state_vars::{StateVars, Var};
use crate::Map;
use ordo_sources::datasets::rivalries::{TD, TD_COVERAGE, TSS, TSS_COVERAGE};
use ordo_sources::typed::TableSpec;
use ordo_sources::{DataDir, DataError, SourceUse};

type Spans = Map<(u16, u16), Vec<(i32, i32)>>;

#[derive(Debug, Default)]
pub struct Rivalries {
    td: Spans,
    tss: Spans,
}

fn load_one(
    dir: &DataDir,
    spec: &TableSpec,
    start: &str,
    end: &str,
) -> Result<(Spans, SourceUse), DataError> {
    let t = spec.read(dir)?;
    let b = &t.batch;
    let (c1, c2, s, e) = (
        batch::codes(b, "ccode1"),
        batch::codes(b, "ccode2"),
        batch::ints(b, start),
        batch::ints(b, end),
    );
    let mut spans: Spans = Map::default();
    for i in 0..c1.len() {
        if let (Some(s), Some(e)) = (s[i], e[i]) {
            spans
                .entry(pair(c1[i], c2[i]))
                .or_default()
                .push((s as i32, e as i32));
        }
    }
    Ok((spans, t.source))
}

fn pair(a: u16, b: u16) -> (u16, u16) {
    (a.min(b), a.max(b))
}

impl Rivalries {
    /// The states in a strategic rivalry (Thompson, Sakuwa & Suhas) with
    /// `code` in `year`, sorted.
    pub fn tss_rivals(&self, code: u16, year: i32) -> Vec<u16> {
        let mut out: Vec<u16> = self
            .tss
            .iter()
            .filter(|((a, b), spans)| {
                (*a == code || *b == code) && spans.iter().any(|(s, e)| *s <= year && year <= *e)
            })
            .map(|((a, b), _)| if *a == code { *b } else { *a })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Both rivalry lists, and the TSS rivalries of each state by type.
    pub fn load(dir: &DataDir) -> Result<((Rivalries, StateVars), Vec<SourceUse>), DataError> {
        let (td, s1) = load_one(dir, &TD, "styear", "endyear")?;
        let (tss, s2) = load_one(dir, &TSS, "start", "end")?;
        let types = tss_by_type(dir)?;
        Ok(((Rivalries { td, tss }, types), vec![s1, s2]))
    }

    pub fn columns(&self, keys: &DyadYears) -> Vec<Column> {
        vec![
            Column::ints(
                "td_rivalry",
                "td_rivalries",
                TD_COVERAGE,
                active(&self.td, keys, TD_COVERAGE),
            ),
            Column::ints(
                "tss_rivalry",
                "tss_rivalries",
                TSS_COVERAGE,
                active(&self.tss, keys, TSS_COVERAGE),
            ),
        ]
    }
}

/// `tss_n_positional`, `tss_n_spatial`, `tss_n_ideological`,
/// `tss_n_interventionary`: how many of a state's TSS rivalries running that
/// year have that element (peacesciencer's state-year
/// `add_strategic_rivalries()` counts; a rivalry can have several). 0 up to
/// 2020, NULL after. Rivalries before 1816 fall outside every frame.
static TYPES: [Var; 4] = [
    Var::count("tss_n_positional"),
    Var::count("tss_n_spatial"),
    Var::count("tss_n_ideological"),
    Var::count("tss_n_interventionary"),
];

fn tss_by_type(dir: &DataDir) -> Result<StateVars, DataError> {
    let t = TSS.read(dir)?;
    let b = &t.batch;
    let (c1, c2) = (batch::codes(b, "ccode1"), batch::codes(b, "ccode2"));
    let (s, e) = (batch::ints(b, "start"), batch::ints(b, "end"));
    let kinds =
        ["positional", "spatial", "ideological", "interventionary"].map(|k| batch::ints(b, k));
    let mut counts: Map<(u16, i32), [u32; 4]> = Map::default();
    for i in 0..c1.len() {
        let (Some(s), Some(e)) = (s[i], e[i]) else {
            continue;
        };
        for year in s.max(1816)..=e {
            for code in [c1[i], c2[i]] {
                let n = counts.entry((code, year as i32)).or_default();
                for (k, kind) in kinds.iter().enumerate() {
                    n[k] += u32::from(kind[i] == Some(1));
                }
            }
        }
    }
    let mut vars = StateVars::new("tss_rivalries", TSS_COVERAGE, &TYPES, &[]);
    for ((code, year), n) in counts {
        vars.set(code, year, n.iter().map(|&k| Some(f64::from(k))).collect());
    }
    Ok(vars)
}

fn active(spans: &Spans, keys: &DyadYears, coverage: (i32, i32)) -> Vec<Option<i64>> {
    (0..keys.len())
        .map(|i| {
            let (a, b, y) = keys.key(i);
            covers(coverage, y).then(|| {
                let on = spans
                    .get(&pair(a, b))
                    .is_some_and(|v| v.iter().any(|(s, e)| *s <= y && y <= *e));
                i64::from(on)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rivalry_years_are_inclusive_in_either_order() {
        let mut spans = Spans::default();
        spans.insert((325, 365), vec![(1920, 1930)]);
        let keys = DyadYears {
            ccode1: vec![365, 325, 325, 325],
            ccode2: vec![325, 365, 365, 365],
            year: vec![1920, 1930, 1931, 2015],
            directed: true,
        };
        assert_eq!(
            active(&spans, &keys, (1494, 2010)),
            [Some(1), Some(1), Some(0), None]
        );
    }
}
