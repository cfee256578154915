//! COW Intergovernmental Organizations v3.0: shared full memberships per
//! non-directed dyad-year, and membership counts per state-year, 1816-2014.
//!
//! Pevehouse, Jon C.W., Timothy Nordstrom, Roseanne W. McManus, and Anne
//! Spencer Jamison. 2020. "Tracking Organizations in the World: The
//! Correlates of War IGO Version 3.0 datasets." Journal of Peace Research
//! 57(3): 492-503.

use crate::typed::{Column as C, TableSpec};

pub static DYADIC: TableSpec = TableSpec {
    dataset: "cow_igo_ndy",
    file: "cow_igo_ndy.csv",
    table: "cow_igo_dyadic",
    columns: &[
        C::ccode("ccode1"),
        C::ccode("ccode2"),
        C::year("year"),
        C::int("dyadigos").missing(&["-9"]),
    ],
    unique: &["ccode1", "ccode2", "year"],
    na_missing: false,
};

pub static STATE: TableSpec = TableSpec {
    dataset: "cow_igo_sy",
    file: "cow_igo_sy.csv",
    table: "cow_igo_state",
    columns: &[
        C::ccode("ccode"),
        C::year("year"),
        C::int("sum_igo_full"),
        C::int("sum_igo_associate"),
        C::int("sum_igo_observer"),
        C::int("sum_igo_anytype"),
    ],
    unique: &["ccode", "year"],
    na_missing: false,
};

pub const COVERAGE: (i32, i32) = (1816, 2014);
