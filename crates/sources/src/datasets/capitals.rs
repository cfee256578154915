//! Capitals of COW state system members, and of Gleditsch–Ward states, with
//! coordinates (peacesciencer), one row per capital spell.
//!
//! Miller, Steven V. 2022. "peacesciencer: An R Package for Quantitative
//! Peace Science Research." Conflict Management and Peace Science 39(6).
//! Quirks: start dates before a state's entry are placeholders (1816); ordo
//! uses the capital in place on 31 December of each year. The GW list also
//! has the capitals of GW's microstates (which `gw_states` does not list) and
//! two overlapping spells of the United Provinces of Central America
//! (Guatemala City to 1834-12-31, Sonsonate and San Salvador from 1833).

use crate::typed::{Column as C, TableSpec};

pub static COW_CAPITALS: TableSpec = TableSpec {
    dataset: "cow_capitals",
    file: "cow_capitals.csv",
    table: "cow_capitals",
    columns: &[
        C::ccode("ccode"),
        C::text("statenme"),
        C::text("capital"),
        C::date("stdate"),
        C::date("enddate"),
        C::float("lat").range(-90.0, 90.0),
        C::float("lng").range(-180.0, 180.0),
    ],
    unique: &["ccode", "stdate"],
    na_missing: false,
};

pub static GW_CAPITALS: TableSpec = TableSpec {
    dataset: "gw_capitals",
    file: "gw_capitals.csv",
    table: "gw_capitals",
    columns: &[
        C::ccode("gwcode"),
        C::text("statenme"),
        C::text("capital"),
        C::date("stdate"),
        C::date("enddate"),
        C::float("lat").range(-90.0, 90.0),
        C::float("lng").range(-180.0, 180.0),
    ],
    unique: &["gwcode", "stdate"],
    na_missing: false,
};
