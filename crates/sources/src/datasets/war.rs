//! COW Inter-State War v4.0, directed dyad-year, 1816-2007.
//!
//! Sarkees, Meredith Reid, and Frank Wheldon Wayman. 2010. Resort to War: A
//! Data Guide to Inter-State, Extra-State, Intra-State, and Non-State Wars,
//! 1816-2007. Washington DC: CQ Press.
//!
//! Quirk: a dyad can be at war in two wars in one year (52 dyad-years in
//! v4.0), so there is no one-row-per-dyad-year promise; ordo's dyad measure
//! takes the maximum (at war if in any war, onset if any war starts). A war
//! that stopped and resumed within a year has a second row with `resume = 1`
//! (e.g. war 46, the Second Schleswig War, in 1864), so the key includes
//! `resume`. `-9` is missing in the battle deaths.

use crate::typed::{Column as C, TableSpec};

pub static COW_WAR_INTER: TableSpec = TableSpec {
    dataset: "cow_war_inter",
    file: "cow_war_inter.csv",
    table: "cow_war_inter",
    columns: &[
        C::int("warnum"),
        C::ccode("ccode1"),
        C::ccode("ccode2"),
        C::year("year"),
        C::int("cowinterongoing").range(0.0, 1.0),
        C::int("cowinteronset").range(0.0, 1.0),
        C::int("sidea1"),
        C::int("sidea2"),
        C::int("initiator1"),
        C::int("initiator2"),
        C::int("outcome1").missing(&["-9"]),
        C::int("outcome2").missing(&["-9"]),
        C::float("batdeath1").missing(&["-9"]),
        C::float("batdeath2").missing(&["-9"]),
        C::int("resume"),
    ],
    unique: &["warnum", "ccode1", "ccode2", "year", "resume"],
    na_missing: false,
};

/// Coverage of COW inter-state war v4.0.
pub const COVERAGE: (i32, i32) = (1816, 2007);
