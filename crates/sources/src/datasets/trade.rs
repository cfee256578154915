//! COW Trade v4.0: dyadic (non-directed dyad-year, 1870-2014) and national
//! (state-year totals) trade, in current million US dollars.
//!
//! Barbieri, Katherine and Omar M.G. Keshk. 2016. Correlates of War Project
//! Trade Data Set Codebook, Version 4.0. Barbieri, Katherine, Omar M.G.
//! Keshk, and Brian Pollins. 2009. "TRADING DATA: Evaluating Our Assumptions
//! and Coding Rules." Conflict Management and Peace Science 26(5): 471-491.
//!
//! `flow1` is imports of `ccode1` from `ccode2`, `flow2` imports of `ccode2`
//! from `ccode1` (ccode1 < ccode2). Quirks: the peacesciencer copy rounds
//! flows to whole millions (so small flows read 0); missing flows are empty
//! (`-9` in the official release, also treated as missing).

use crate::typed::{Column as C, TableSpec};

pub static DYADIC: TableSpec = TableSpec {
    dataset: "cow_trade_ndy",
    file: "cow_trade_ndy.csv",
    table: "cow_trade_dyadic",
    columns: &[
        C::ccode("ccode1"),
        C::ccode("ccode2"),
        C::year("year"),
        C::float("flow1").missing(&["-9"]),
        C::float("flow2").missing(&["-9"]),
        C::float("smoothflow1").missing(&["-9"]),
        C::float("smoothflow2").missing(&["-9"]),
    ],
    unique: &["ccode1", "ccode2", "year"],
    na_missing: false,
};

pub static NATIONAL: TableSpec = TableSpec {
    dataset: "cow_trade_sy",
    file: "cow_trade_sy.csv",
    table: "cow_trade_national",
    columns: &[
        C::ccode("ccode"),
        C::year("year"),
        C::float("imports").missing(&["-9"]),
        C::float("exports").missing(&["-9"]),
    ],
    unique: &["ccode", "year"],
    na_missing: false,
};

pub const COVERAGE: (i32, i32) = (1870, 2014);
