//! Archigos v4.1 (peacesciencer subset): political leaders with their spells
//! in office, keyed by Gleditsch-Ward code, 1875-2015.
//!
//! Goemans, Henk E., Kristian Skrede Gleditsch, and Giacomo Chiozza. 2009.
//! "Introducing Archigos: A Dataset of Political Leaders." Journal of Peace
//! Research 46(2): 269-283. Quirk: keyed by GW codes, not COW; ordo maps them
//! through the crosswalk on the date in question.

use crate::typed::{Column as C, TableSpec};

pub static LEADERS: TableSpec = TableSpec {
    dataset: "archigos",
    file: "archigos.csv",
    table: "archigos",
    columns: &[
        C::text("obsid"),
        C::ccode("gwcode"),
        C::text("leadid"),
        C::text("leader"),
        C::int("yrborn"),
        C::text("gender"),
        C::date("startdate"),
        C::date("enddate"),
        C::text("entry"),
        C::text("exit"),
        C::text("exitcode"),
    ],
    unique: &["obsid"],
    na_missing: false,
};
