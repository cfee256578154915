//! Ethnic and religious fractionalization and polarization, 1945-2013.
//!
//! Fractionalization is the probability that two people drawn at random
//! belong to different groups, `1 - sum(s_i^2)` (Alesina et al. 2003);
//! polarization is how close the group shares are to two equal halves,
//! `1 - sum(((0.5 - s_i) / 0.5)^2 s_i)` (Montalvo & Reynal-Querol 2005).
//! CREG gives both for ethnic and religious groups, HIEF an ethnic
//! fractionalization index. peacesciencer's `add_creg_fractionalization()`
//! and `add_fractionalization()` (HIEF) give the same values under the
//! source's names (`ethfrac`, …, `efindex`).

use crate::batch;
use crate::state_vars::{StateVars, Var};
use crate::Map;
use ordo_sources::datasets::fractionalization::{COVERAGE, CREG, HIEF};
use ordo_sources::{DataDir, DataError, SourceUse};

static CREG_VARS: [Var; 4] = [
    Var::value("creg_ethfrac").in_dyads("creg_ethfrac1", "creg_ethfrac2"),
    Var::value("creg_ethpol"),
    Var::value("creg_relfrac").in_dyads("creg_relfrac1", "creg_relfrac2"),
    Var::value("creg_relpol"),
];
static CREG_PAIRS: [(&str, &str); 2] = [
    ("creg_ethfrac1", "creg_ethfrac2"),
    ("creg_relfrac1", "creg_relfrac2"),
];
static HIEF_VARS: [Var; 1] =
    [Var::value("hief_efindex").in_dyads("hief_efindex1", "hief_efindex2")];
static HIEF_PAIRS: [(&str, &str); 1] = [("hief_efindex1", "hief_efindex2")];

/// CREG. Where a state-year has one row, that row, whatever its CREG code
/// (CREG codes united Germany and Yemen after 1990 as 260 and 678); where it
/// has several (COW 365: CREG 365 and 393; COW 345: CREG 340 and 345), the
/// row whose CREG code is the COW code.
pub fn load_creg(dir: &DataDir) -> Result<(StateVars, SourceUse), DataError> {
    let t = CREG.read(dir)?;
    let b = &t.batch;
    let (c, own, y) = (
        batch::codes(b, "ccode"),
        batch::ints(b, "creg_ccode"),
        batch::ints(b, "year"),
    );
    let cols = ["ethfrac", "ethpol", "relfrac", "relpol"].map(|n| batch::floats(b, n));
    let mut rows: Map<(u16, i32), Vec<usize>> = Map::default();
    for i in 0..c.len() {
        if let Some(year) = y[i] {
            rows.entry((c[i], year as i32)).or_default().push(i);
        }
    }
    let mut vars = StateVars::new("creg", COVERAGE, &CREG_VARS, &CREG_PAIRS);
    for ((code, year), found) in rows {
        let pick = match found.as_slice() {
            [one] => Some(*one),
            many => many
                .iter()
                .copied()
                .find(|&i| own[i] == Some(i64::from(code))),
        };
        if let Some(i) = pick {
            vars.set(code, year, cols.iter().map(|v| v[i]).collect());
        }
    }
    Ok((vars, t.source))
}

/// HIEF; a repeated state-year with the same value counts once, one with
/// two different values (Russia 1991: 0.691 and 0.286 in the release) is
/// NULL, and said so in the provenance.
pub fn load_hief(dir: &DataDir) -> Result<(StateVars, SourceUse), DataError> {
    let t = HIEF.read(dir)?;
    let b = &t.batch;
    let (c, y, v) = (
        batch::codes(b, "ccode"),
        batch::ints(b, "year"),
        batch::floats(b, "efindex"),
    );
    let mut vars = StateVars::new("hief", COVERAGE, &HIEF_VARS, &HIEF_PAIRS);
    let mut conflicts = Vec::new();
    for i in 0..c.len() {
        let Some(year) = y[i] else { continue };
        let year = year as i32;
        if vars.has(c[i], year) && vars.get(0, c[i], year) != v[i] {
            conflicts.push((c[i], year));
        }
        vars.set(c[i], year, vec![v[i]]);
    }
    for (c, year) in conflicts {
        vars.set(c, year, vec![None]);
        vars.notes.push(format!(
            "hief: ccode {c} in {year} has two different efindex values; set to NULL"
        ));
    }
    Ok((vars, t.source))
}
