//! Minimum distance between COW states from CShapes 2.0 (km), non-directed
//! dyad-year, 1886-2019.
//!
//! Schvitz, Guy, et al. 2022. "Mapping The International System, 1886-2017:
//! The CShapes 2.0 Dataset." Journal of Conflict Resolution 66(1): 144-161.

use crate::typed::{Column as C, TableSpec};

pub static MINDIST: TableSpec = TableSpec {
    dataset: "cow_mindist",
    file: "cow_mindist.csv.gz",
    table: "cow_mindist",
    columns: &[
        C::ccode("ccode1"),
        C::ccode("ccode2"),
        C::year("year"),
        C::float("mindist").range(0.0, 25_000.0),
    ],
    unique: &["ccode1", "ccode2", "year"],
    na_missing: false,
};

pub const COVERAGE: (i32, i32) = (1886, 2019);
