//! Conventional arms races during rivalry (Gibler, Rider & Hutchison 2005),
//! one row per race with its first and last year.
//!
//! Gibler, Douglas M., Toby J. Rider, and Marc L. Hutchison. 2005. "Taking
//! Arms Against a Sea of Troubles: Conventional Arms Races during Periods of
//! Rivalry." Journal of Peace Research 42(2): 131-47. The study covers
//! 1816-1993; races start 1854-1982.

use crate::typed::{Column as C, TableSpec};

pub static GRH: TableSpec = TableSpec {
    dataset: "grh_arms_races",
    file: "grh_arms_races.csv",
    table: "grh_arms_races",
    columns: &[
        C::int("race_id"),
        C::ccode("ccode1"),
        C::ccode("ccode2"),
        C::year("styear"),
        C::year("endyear"),
    ],
    unique: &["race_id"],
    na_missing: true,
};

pub const COVERAGE: (i32, i32) = (1816, 1993);
