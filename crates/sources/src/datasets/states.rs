//! The state-system lists as raw tables (the typed state system itself is
//! built by `ordo-states`).
//!
//! - COW State System Membership v2016, 1816-2016. Correlates of War Project.
//!   2017. "State System Membership List, v2016." One row per membership spell.
//! - COW Major Powers v2016 and v2024 (same spells; v2024 extends the open
//!   ones to 2024-12-31).
//! - Gleditsch, Kristian S. and Michael D. Ward. 1999. "A Revised List of
//!   Independent States since the Congress of Vienna." International
//!   Interactions 25(4): 393-413. The 2017 list; dates are ISO strings.

use crate::typed::{Column as C, TableSpec};

const SPELL: [C; 6] = [
    C::year("styear"),
    C::int("stmonth").range(1.0, 12.0),
    C::int("stday").range(1.0, 31.0),
    C::year("endyear"),
    C::int("endmonth").range(1.0, 12.0),
    C::int("endday").range(1.0, 31.0),
];

pub static COW_STATES: TableSpec = TableSpec {
    dataset: "cow_states",
    file: "cow_states.csv",
    table: "cow_states",
    columns: &[
        C::text("stateabb"),
        C::ccode("ccode"),
        C::text("statenme"),
        SPELL[0],
        SPELL[1],
        SPELL[2],
        SPELL[3],
        SPELL[4],
        SPELL[5],
    ],
    unique: &["ccode", "styear", "stmonth", "stday"],
    na_missing: false,
};

/// Columns of both major-power releases (v2024 adds `stateabb`, ignored).
const MAJORS: [C; 7] = [
    C::ccode("ccode"),
    SPELL[0],
    SPELL[1],
    SPELL[2],
    SPELL[3],
    SPELL[4],
    SPELL[5],
];

const fn majors(dataset: &'static str, file: &'static str) -> TableSpec {
    TableSpec {
        dataset,
        file,
        table: dataset,
        columns: &MAJORS,
        unique: &["ccode", "styear", "stmonth", "stday"],
        na_missing: false,
    }
}

pub static COW_MAJORS: TableSpec = majors("cow_majors", "cow_majors.csv");

pub static COW_MAJORS_V2024: TableSpec = majors("cow_majors_v2024", "majors2024.csv");

pub static GW_STATES: TableSpec = TableSpec {
    dataset: "gw_states",
    file: "gw_states.csv",
    table: "gw_states",
    columns: &[
        C::ccode("gwcode"),
        C::text("stateabb"),
        C::text("statename"),
        C::date("startdate"),
        C::date("enddate"),
    ],
    unique: &["gwcode", "startdate"],
    na_missing: false,
};
