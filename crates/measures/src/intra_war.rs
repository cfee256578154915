//! COW intra-state wars at state-year (Sarkees & Wayman 2010, v4.1):
//! `cowintra_ongoing`, `cowintra_onset` (a war of the state starts that
//! year) and `cowintra_wars` (how many), 0 inside 1816-2007, NULL outside.
//!
//! A state takes part in a war-year when it is side A or side B of a row
//! marked `primary_state` (interveners are not counted). peacesciencer's
//! `add_cow_wars(type = "intra")` reads side A only and then keeps one war
//! per state-year by its whittling rules; ordo keeps the flags and the count
//! of all the state's wars, so no war is dropped.

use crate::batch;
use crate::state_vars::{StateVars, Var};
use crate::Map;
use ordo_sources::datasets::war::{COW_WAR_INTRA, INTRA_COVERAGE};
use ordo_sources::{DataDir, DataError, SourceUse};
use std::collections::BTreeSet;

static VARS: [Var; 3] = [
    Var::count("cowintra_ongoing"),
    Var::count("cowintra_onset"),
    Var::count("cowintra_wars"),
];

pub fn load(dir: &DataDir) -> Result<(StateVars, SourceUse), DataError> {
    let t = COW_WAR_INTRA.read(dir)?;
    let b = &t.batch;
    let (war, y, primary) = (
        batch::ints(b, "warnum"),
        batch::ints(b, "year"),
        batch::ints(b, "primary_state"),
    );
    let (onset, ongoing) = (
        batch::ints(b, "cowintraonset"),
        batch::ints(b, "cowintraongoing"),
    );
    let sides = [batch::ints(b, "ccodea"), batch::ints(b, "ccodeb")];
    // (state, year) -> (ongoing, onset, wars)
    let mut by_state: Map<(u16, i32), (i64, i64, BTreeSet<i64>)> = Map::default();
    for i in 0..war.len() {
        let Some(year) = y[i].map(|y| y as i32) else {
            continue;
        };
        if primary[i] != Some(1) || !crate::column::covers(INTRA_COVERAGE, year) {
            continue;
        }
        for code in sides.iter().filter_map(|s| s[i]).filter(|c| *c > 0) {
            let e = by_state.entry((code as u16, year)).or_default();
            e.0 = e.0.max(ongoing[i].unwrap_or(0));
            e.1 = e.1.max(onset[i].unwrap_or(0));
            e.2.extend(war[i]);
        }
    }
    let mut vars = StateVars::new("cow_war_intra", INTRA_COVERAGE, &VARS, &[]);
    for ((c, year), (on, st, wars)) in by_state {
        vars.set(
            c,
            year,
            vec![Some(on as f64), Some(st as f64), Some(wars.len() as f64)],
        );
    }
    Ok((vars, t.source))
}
