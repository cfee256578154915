//! Democracy scores for COW states, state-year, 1816-2020 (peacesciencer's
//! `ccode_democracy`): V-Dem v10 electoral democracy (polyarchy, 0-1),
//! Polity2 (-10..10, Polity IV 2017) and the extended Unified Democracy
//! Scores (QuickUDS 0.2.3, latent, mean ~0).
//!
//! Coppedge, Michael, et al. 2020. V-Dem Dataset v10. Marshall, Monty G., Ted
//! Robert Gurr, and Keith Jaggers. 2017. Polity IV Project. Marquez, Xavier.
//! 2016. "A Quick Method for Extending the Unified Democracy Scores."
//!
//! Quirk: `-9` is NOT a missing code here — it is a real Polity2 score (as
//! are -10..-1); missing values are empty.

use crate::typed::{Column as C, TableSpec};

pub static DEMOCRACY: TableSpec = TableSpec {
    dataset: "ccode_democracy",
    file: "ccode_democracy.csv",
    table: "democracy",
    columns: &[
        C::ccode("ccode"),
        C::year("year"),
        C::float("v2x_polyarchy").range(0.0, 1.0),
        C::float("polity2").range(-10.0, 10.0),
        C::float("xm_qudsest"),
    ],
    unique: &["ccode", "year"],
    na_missing: false,
};

pub const COVERAGE: (i32, i32) = (1816, 2020);
