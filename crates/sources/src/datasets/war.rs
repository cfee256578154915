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

/// COW Intra-State War v4.1, one row per war-year and pair of sides.
///
/// Sarkees & Wayman (2010), as above. `ccodea`/`ccodeb` are COW codes, or
/// `-8` for a non-state side; `primary_state` marks rows whose state is a
/// primary party (not an intervener). Wars ongoing at the end of 2007 have a
/// 2008 row (`ongo2007`), outside the coverage. `-9` is missing in deaths.
pub static COW_WAR_INTRA: TableSpec = TableSpec {
    dataset: "cow_war_intra",
    file: "cow_war_intra.csv",
    table: "cow_war_intra",
    columns: &[
        C::int("warnum"),
        C::text("warname"),
        C::text("wartype"),
        C::year("year"),
        C::int("cowintraonset").range(0.0, 1.0),
        C::int("cowintraongoing").range(0.0, 1.0),
        C::int("resume_combat"),
        C::int("primary_state").range(0.0, 1.0),
        C::int("ccodea").range(-8.0, 999.0),
        C::text("sidea"),
        C::int("ccodeb").range(-8.0, 999.0),
        C::text("sideb"),
        C::int("intnl"),
        C::int("outcome"),
        C::float("sideadeaths").missing(&["-9"]),
        C::float("sidebdeaths").missing(&["-9"]),
        C::int("ongo2007"),
    ],
    unique: &[],
    na_missing: true,
};

/// Coverage of COW intra-state war v4.1.
pub const INTRA_COVERAGE: (i32, i32) = (1816, 2007);
