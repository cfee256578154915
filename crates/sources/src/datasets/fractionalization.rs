//! Ethnic and religious fractionalization, state-year, 1945-2013.
//!
//! - CREG: Nardulli, Peter F., Cara J. Wong, Ajay Singh, Buddy Petyon, and
//!   Joseph Bajjalieh. 2012. The Composition of Religious and Ethnic Groups
//!   (CREG) Project. Cline Center for Democracy. Fractionalization after
//!   Alesina et al. (2003), polarization after Montalvo & Reynal-Querol
//!   (2005).
//! - HIEF: Drazanova, Lenka. 2020. "Introducing the Historical Index of
//!   Ethnic Fractionalization (HIEF) Dataset." Journal of Open Humanities
//!   Data 6:6.
//!
//! Quirks. CREG has its own state codes (`creg_ccode`): COW 365 has rows for
//! both CREG 365 and 393, and COW 345 rows for CREG 340 and 345, so
//! (ccode, year) is not unique; ordo uses the row whose CREG code is the COW
//! code. HIEF repeats 25 state-years with identical values (e.g. 41 in
//! 1978); the repeats collapse, and differing repeats would be an error.

use crate::typed::{Column as C, TableSpec};

pub static CREG: TableSpec = TableSpec {
    dataset: "creg",
    file: "creg.csv",
    table: "creg",
    columns: &[
        C::ccode("ccode"),
        C::int("gwcode"),
        C::int("creg_ccode"),
        C::year("year"),
        C::float("ethfrac").range(0.0, 1.0),
        C::float("ethpol").range(0.0, 1.0),
        C::float("relfrac").range(0.0, 1.0),
        C::float("relpol").range(0.0, 1.0),
    ],
    unique: &["creg_ccode", "ccode", "gwcode", "year"],
    na_missing: true,
};

pub static HIEF: TableSpec = TableSpec {
    dataset: "hief",
    file: "hief.csv",
    table: "hief",
    columns: &[
        C::ccode("ccode"),
        C::int("gwcode"),
        C::year("year"),
        C::float("efindex").range(0.0, 1.0),
    ],
    unique: &[],
    na_missing: true,
};

pub const COVERAGE: (i32, i32) = (1945, 2013);
