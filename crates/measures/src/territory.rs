//! Latent external territorial threat (Miller 2022), 1816-2010: the
//! posterior mean of a random item response model of the territorial
//! claims, rivalries and disputes a state faces (`terr_threat`), and of the
//! alternative model estimated from 1885 (`terr_threat_m`). peacesciencer's
//! `add_latent_territorial_threat()` names them `lterrthreat` and
//! `m_lterrthreat`. NULL outside the years.

use crate::batch;
use crate::state_vars::{StateVars, Var};
use ordo_sources::datasets::territory::{COVERAGE, TERRTHREAT};
use ordo_sources::{DataDir, DataError, SourceUse};

static VARS: [Var; 2] = [
    Var::value("terr_threat").in_dyads("terr_threat1", "terr_threat2"),
    Var::value("terr_threat_m"),
];
static PAIRS: [(&str, &str); 1] = [("terr_threat1", "terr_threat2")];

pub fn load(dir: &DataDir) -> Result<(StateVars, SourceUse), DataError> {
    let t = TERRTHREAT.read(dir)?;
    let b = &t.batch;
    let (c, y) = (batch::codes(b, "ccode"), batch::ints(b, "year"));
    let (main, alt) = (
        batch::floats(b, "lterrthreat"),
        batch::floats(b, "m_lterrthreat"),
    );
    let mut vars = StateVars::new("terrthreat", COVERAGE, &VARS, &PAIRS);
    for i in 0..c.len() {
        if let Some(year) = y[i] {
            vars.set(c[i], year as i32, vec![main[i], alt[i]]);
        }
    }
    Ok((vars, t.source))
}
