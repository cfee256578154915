//! Militarized disputes at state-year, from the GML participant records
//! (Gibler, Miller & Little 2016, v2.2.1), 1816-2010.
//!
//! A participation covers its first to its last year. `gml_mid_ongoing`:
//! the state is in a dispute that year; `gml_mid_onset`: one of its
//! participations starts; `gml_mid_count`: how many disputes. The `_init`
//! flags count only participations as an originator on side A, the side that
//! took the first militarized action (`sidea = 1`, `orig = 1`): the state
//! started the dispute rather than joined or was targeted. 0 inside the
//! years, NULL outside. (peacesciencer's state-year GML adder was not
//! readable for this release: see docs/units.md.)

use crate::batch;
use crate::state_vars::{StateVars, Var};
use crate::Map;
use ordo_sources::datasets::mids::{GML_COVERAGE, GML_PART};
use ordo_sources::{DataDir, DataError, SourceUse};
use std::collections::BTreeSet;

static VARS: [Var; 5] = [
    Var::count("gml_mid_ongoing"),
    Var::count("gml_mid_onset"),
    Var::count("gml_mid_ongoing_init"),
    Var::count("gml_mid_onset_init"),
    Var::count("gml_mid_count"),
];

/// Per state-year: ongoing, onset, ongoing as initiator, onset as initiator,
/// disputes.
type Tally = (bool, bool, bool, bool, BTreeSet<i64>);

pub fn load(dir: &DataDir) -> Result<(StateVars, SourceUse), DataError> {
    let t = GML_PART.read(dir)?;
    let b = &t.batch;
    let (disp, c) = (batch::ints(b, "dispnum"), batch::codes(b, "ccode"));
    let (st, en) = (batch::ints(b, "styear"), batch::ints(b, "endyear"));
    let (sidea, orig) = (batch::ints(b, "sidea"), batch::ints(b, "orig"));
    let mut by_state: Map<(u16, i32), Tally> = Map::default();
    for i in 0..c.len() {
        let (Some(s), Some(e)) = (st[i], en[i]) else {
            continue;
        };
        let init = sidea[i] == Some(1) && orig[i] == Some(1);
        for year in s..=e {
            let t = by_state.entry((c[i], year as i32)).or_default();
            t.0 = true;
            t.1 |= year == s;
            t.2 |= init;
            t.3 |= init && year == s;
            t.4.extend(disp[i]);
        }
    }
    let mut vars = StateVars::new("gml_part", GML_COVERAGE, &VARS, &[]);
    let one = |b: bool| Some(f64::from(u8::from(b)));
    for ((code, year), (on, st, on_i, st_i, disputes)) in by_state {
        vars.set(
            code,
            year,
            vec![
                one(on),
                one(st),
                one(on_i),
                one(st_i),
                Some(disputes.len() as f64),
            ],
        );
    }
    Ok((vars, t.source))
}
