//! Material capabilities of the two states: CINC and the capability ratio.
//!
//! CINC (Singer, Bremer & Stuckey 1972): a state's mean share of the system's
//! military expenditure, military personnel, iron and steel, energy,
//! population and urban population. The capability ratio is the stronger
//! state's CINC over the weaker's, `max(c1, c2) / min(c1, c2)` (Bremer 1992,
//! "Dangerous Dyads", Journal of Conflict Resolution 36(2)): 1 at parity,
//! larger as preponderance grows; NULL if either CINC is missing or zero.

use crate::batch;
use crate::column::{float_pairs, Column};
use crate::dyads::DyadYears;
use crate::state_vars::{StateVars, Var};
use crate::Map;
use ordo_sources::datasets::nmc;
use ordo_sources::{DataDir, DataError, SourceUse};

/// CINC by (ccode, year).
#[derive(Debug, Default)]
pub struct Capabilities {
    cinc: Map<(u16, i32), f64>,
}

const SOURCE: &str = "cow_nmc";
pub const COVERAGE: (i32, i32) = (1816, 2022);

/// The six components of CINC, in NMC's units: military expenditure
/// (thousands of current USD; pounds sterling before 1914), military
/// personnel (thousands), iron and steel production (thousands of tons),
/// primary energy consumption (thousands of coal-ton equivalents), total and
/// urban population (thousands). peacesciencer's `add_nmc()` gives the same
/// values under NMC's names.
static COMPONENTS: [Var; 6] = [
    Var::value("nmc_milex").in_dyads("nmc_milex1", "nmc_milex2"),
    Var::value("nmc_milper").in_dyads("nmc_milper1", "nmc_milper2"),
    Var::value("nmc_irst").in_dyads("nmc_irst1", "nmc_irst2"),
    Var::value("nmc_pec").in_dyads("nmc_pec1", "nmc_pec2"),
    Var::value("nmc_tpop").in_dyads("nmc_tpop1", "nmc_tpop2"),
    Var::value("nmc_upop").in_dyads("nmc_upop1", "nmc_upop2"),
];
static COMPONENT_PAIRS: [(&str, &str); 6] = [
    ("nmc_milex1", "nmc_milex2"),
    ("nmc_milper1", "nmc_milper2"),
    ("nmc_irst1", "nmc_irst2"),
    ("nmc_pec1", "nmc_pec2"),
    ("nmc_tpop1", "nmc_tpop2"),
    ("nmc_upop1", "nmc_upop2"),
];

impl Capabilities {
    /// CINC, and the components as state variables.
    pub fn load(dir: &DataDir) -> Result<((Capabilities, StateVars), SourceUse), DataError> {
        let t = nmc::NMC.read(dir)?;
        let b = &t.batch;
        let (c, y, v) = (
            batch::codes(b, "ccode"),
            batch::ints(b, "year"),
            batch::floats(b, "cinc"),
        );
        let cinc = (0..c.len())
            .filter_map(|i| Some(((c[i], y[i]? as i32), v[i]?)))
            .collect();
        let parts = ["milex", "milper", "irst", "pec", "tpop", "upop"].map(|n| batch::floats(b, n));
        let mut components = StateVars::new(SOURCE, COVERAGE, &COMPONENTS, &COMPONENT_PAIRS);
        for i in 0..c.len() {
            if let Some(year) = y[i] {
                components.set(c[i], year as i32, parts.iter().map(|p| p[i]).collect());
            }
        }
        Ok(((Capabilities { cinc }, components), t.source))
    }

    pub fn cinc(&self, code: u16, year: i32) -> Option<f64> {
        self.cinc.get(&(code, year)).copied()
    }

    pub fn columns(&self, keys: &DyadYears) -> Vec<Column> {
        let cinc = |name, codes: &[u16]| {
            let v = codes.iter().zip(&keys.year).map(|(&c, &y)| self.cinc(c, y));
            Column::floats(name, SOURCE, COVERAGE, v)
        };
        let (c1, c2) = (
            cinc("nmc_cinc1", &keys.ccode1),
            cinc("nmc_cinc2", &keys.ccode2),
        );
        let ratio = float_pairs(&c1, &c2).map(|(a, b)| capability_ratio(a, b));
        let ratio = Column::floats("nmc_capratio", SOURCE, COVERAGE, ratio);
        vec![c1, c2, ratio]
    }
}

/// Stronger over weaker CINC.
pub fn capability_ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    let (a, b) = (a?, b?);
    let (hi, lo) = if a >= b { (a, b) } else { (b, a) };
    (lo > 0.0).then(|| hi / lo)
}

#[cfg(test)]
mod tests {
    use super::capability_ratio;

    #[test]
    fn ratio_of_stronger_to_weaker() {
        // Italy and the USSR in 1938 (NMC v7.0): 0.030... and 0.139...; here
        // round numbers: 0.12 / 0.03 = 4.
        assert_eq!(capability_ratio(Some(0.03), Some(0.12)), Some(4.0));
        assert_eq!(capability_ratio(Some(0.12), Some(0.03)), Some(4.0));
        assert_eq!(capability_ratio(Some(0.0), Some(0.1)), None);
        assert_eq!(capability_ratio(None, Some(0.1)), None);
    }
}
