//! COW Direct Contiguity v3.2, one row per contiguity spell (directed).
//!
//! Stinnett, Douglas M., Jaroslav Tir, Philip Schafer, Paul F. Diehl, and
//! Charles Gochman. 2002. "The Correlates of War Project Direct Contiguity
//! Data, Version 3." Conflict Management and Peace Science 19(2): 58-66.
//!
//! `conttype`: 1 land, 2 water <= 12 miles, 3 <= 24, 4 <= 150, 5 <= 400
//! miles; 0 (a spell of separation by more than 400 miles, as peacesciencer
//! codes it) and no row both mean not directly contiguous. Quirk: the source gives
//! months only (YYYYMM); peacesciencer's day of month means nothing. A dyad
//! can have several spells and types; ordo takes the closest type (smallest
//! code) of any spell touching the year. Coverage 1816-2016.

use crate::typed::{Column as C, TableSpec};

pub static DIRECT: TableSpec = TableSpec {
    dataset: "cow_contdir",
    file: "cow_contdir.csv",
    table: "cow_contiguity",
    columns: &[
        C::ccode("ccode1"),
        C::ccode("ccode2"),
        C::int("conttype").range(0.0, 5.0),
        C::date("stdate"),
        C::date("enddate"),
    ],
    unique: &[],
    na_missing: false,
};

pub const COVERAGE: (i32, i32) = (1816, 2016);
