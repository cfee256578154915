//! The economy of a state: GDP, population, surplus domestic product and GDP
//! per capita (Anders, Fariss & Markowitz 2020), natural logs, 1816-2016.
//! peacesciencer's `add_sdp_gdp()` names them `wbgdp2011est`, `wbpopest`,
//! `sdpest`, `wbgdppc2011est`.

use crate::batch;
use crate::state_vars::{StateVars, Var};
use ordo_sources::datasets::economy::{COVERAGE, SDP_GDP};
use ordo_sources::{DataDir, DataError, SourceUse};

static VARS: [Var; 4] = [
    Var::value("sdp_gdp").in_dyads("sdp_gdp1", "sdp_gdp2"),
    Var::value("sdp_pop").in_dyads("sdp_pop1", "sdp_pop2"),
    Var::value("sdp_sdp").in_dyads("sdp_sdp1", "sdp_sdp2"),
    Var::value("sdp_gdppc").in_dyads("sdp_gdppc1", "sdp_gdppc2"),
];
static PAIRS: [(&str, &str); 4] = [
    ("sdp_gdp1", "sdp_gdp2"),
    ("sdp_pop1", "sdp_pop2"),
    ("sdp_sdp1", "sdp_sdp2"),
    ("sdp_gdppc1", "sdp_gdppc2"),
];

pub fn load(dir: &DataDir) -> Result<(StateVars, SourceUse), DataError> {
    let t = SDP_GDP.read(dir)?;
    let b = &t.batch;
    let (c, y) = (batch::codes(b, "ccode"), batch::ints(b, "year"));
    let cols =
        ["wbgdp2011est", "wbpopest", "sdpest", "wbgdppc2011est"].map(|n| batch::floats(b, n));
    let mut vars = StateVars::new("cow_sdp_gdp", COVERAGE, &VARS, &PAIRS);
    for i in 0..c.len() {
        match y[i] {
            Some(year) if crate::column::covers(COVERAGE, year as i32) => {
                vars.set(c[i], year as i32, cols.iter().map(|v| v[i]).collect())
            }
            _ => {}
        }
    }
    Ok((vars, t.source))
}
