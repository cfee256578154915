//! Regional and global powers (Maoz 2010, extended by peacesciencer to
//! 2019): `maoz_regional` / `maoz_global` are 1 if the state is one on any
//! day of the year, 0 inside 1816-2019 otherwise, NULL after. The two are
//! separate lists: a global power is not also flagged regional unless Maoz
//! lists it so.

use crate::batch;
use crate::state_vars::{StateVars, Var};
use crate::Map;
use ordo_sources::datasets::powers::{COVERAGE, MAOZ};
use ordo_sources::{DataDir, DataError, SourceUse};

static VARS: [Var; 2] = [Var::count("maoz_regional"), Var::count("maoz_global")];

pub fn load(dir: &DataDir) -> Result<(StateVars, SourceUse), DataError> {
    let t = MAOZ.read(dir)?;
    let b = &t.batch;
    let c = batch::codes(b, "ccode");
    let spans = [("regstdate", "regenddate"), ("globstdate", "globenddate")]
        .map(|(s, e)| (batch::dates(b, s), batch::dates(b, e)));
    let mut flags: Map<(u16, i32), [bool; 2]> = Map::default();
    for i in 0..c.len() {
        for (k, (s, e)) in spans.iter().enumerate() {
            let (Some(s), Some(e)) = (s[i], e[i]) else {
                continue;
            };
            for year in batch::year_of_day(s)..=batch::year_of_day(e) {
                flags.entry((c[i], year)).or_default()[k] = true;
            }
        }
    }
    let mut vars = StateVars::new("maoz_powers", COVERAGE, &VARS, &[]);
    for ((code, year), f) in flags {
        vars.set(
            code,
            year,
            f.iter().map(|&b| Some(f64::from(u8::from(b)))).collect(),
        );
    }
    Ok((vars, t.source))
}
