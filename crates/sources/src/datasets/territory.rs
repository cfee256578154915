//! Latent territorial threat (Miller 2022), state-year by COW code,
//! 1816-2010.
//!
//! Miller, Steven V. 2022. "A Random Item Response Model of External
//! Territorial Threat, 1816-2010." Journal of Global Security Studies 7(4).
//!
//! `lterrthreat` is the posterior mean of the main model, `sd`, `lwr`, `upr`
//! its spread; the `m_` columns are the alternative model, estimated from
//! 1885 only (empty before).

use crate::typed::{Column as C, TableSpec};

pub static TERRTHREAT: TableSpec = TableSpec {
    dataset: "terrthreat",
    file: "terrthreat.csv",
    table: "terrthreat",
    columns: &[
        C::ccode("ccode"),
        C::year("year"),
        C::float("lterrthreat"),
        C::float("sd"),
        C::float("lwr"),
        C::float("upr"),
        C::float("m_lterrthreat"),
        C::float("m_sd"),
        C::float("m_lwr"),
        C::float("m_upr"),
    ],
    unique: &["ccode", "year"],
    na_missing: true,
};

pub const COVERAGE: (i32, i32) = (1816, 2010);
