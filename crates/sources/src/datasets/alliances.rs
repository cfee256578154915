//! Alliance Treaty Obligations and Provisions (ATOP) v5.1, directed
//! dyad-year, 1815-2018, as processed by peacesciencer (both orderings of
//! each dyad present).
//!
//! Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and
//! Andrew G. Long. 2002. "Alliance Treaty Obligations and Provisions,
//! 1815-1944." International Interactions 28: 237-260.
//!
//! Each flag is 1 when any alliance in force that year carries that pledge.
//! Quirk: dyad-years with no alliance are absent, so "no row" means 0 inside
//! 1815-2018 and missing outside.

use crate::typed::{Column as C, TableSpec};

pub static ATOP: TableSpec = TableSpec {
    dataset: "atop_alliance",
    file: "atop_alliance.csv",
    table: "atop_alliance",
    columns: &[
        C::ccode("ccode1"),
        C::ccode("ccode2"),
        C::year("year"),
        C::int("atop_defense").range(0.0, 1.0),
        C::int("atop_offense").range(0.0, 1.0),
        C::int("atop_neutral").range(0.0, 1.0),
        C::int("atop_nonagg").range(0.0, 1.0),
        C::int("atop_consul").range(0.0, 1.0),
    ],
    unique: &["ccode1", "ccode2", "year"],
    na_missing: false,
};

/// First and last year ATOP v5.1 covers.
pub const COVERAGE: (i32, i32) = (1815, 2018);
