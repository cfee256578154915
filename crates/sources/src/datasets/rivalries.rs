//! Strategic rivalries, one row per rivalry with its first and last year.
//!
//! - Thompson, William R. and David Dreyer. 2012. Handbook of International
//!   Rivalries. CQ Press. 1494-2010.
//! - Thompson, William R., Kentaro Sakuwa, and Prashant Hosur Suhas. 2021.
//!   Analyzing Strategic Rivalries in World Politics. Springer. 1494-2020.
//!
//! As prepared by peacesciencer (Miller 2019, "Create and Extend Strategic
//! (International) Rivalry Data in R"). Quirk: a rivalry ongoing at the end
//! of the data has the last coverage year as its end; a dyad-year is "in
//! rivalry" when the year lies in [start, end].

use crate::typed::{Column as C, TableSpec};

pub static TD: TableSpec = TableSpec {
    dataset: "td_rivalries",
    file: "td_rivalries.csv",
    table: "td_rivalries",
    columns: &[
        C::int("rivalryno"),
        C::text("rivalryname"),
        C::ccode("ccode1"),
        C::ccode("ccode2"),
        C::year("styear"),
        C::year("endyear"),
        C::text("region"),
        C::text("type1"),
        C::text("type2"),
        C::text("type3"),
    ],
    unique: &["rivalryno"],
    na_missing: false,
};

pub static TSS: TableSpec = TableSpec {
    dataset: "tss_rivalries",
    file: "tss_rivalries.csv",
    table: "tss_rivalries",
    columns: &[
        C::int("tssr_id"),
        C::text("rivalry"),
        C::ccode("ccode1"),
        C::ccode("ccode2"),
        C::year("start"),
        C::year("end"),
        C::int("positional"),
        C::int("spatial"),
        C::int("ideological"),
        C::int("interventionary"),
        C::int("principal"),
        C::int("aprin"),
    ],
    unique: &["tssr_id"],
    na_missing: false,
};

pub const TD_COVERAGE: (i32, i32) = (1494, 2010);
pub const TSS_COVERAGE: (i32, i32) = (1494, 2020);
