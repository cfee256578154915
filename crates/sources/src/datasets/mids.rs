//! Militarized interstate disputes, directed dyad-year with no duplicate
//! dyad-years, in two versions:
//!
//! - COW-MID v5.0, 1816-2014. Palmer, Glenn, et al. 2022. "The MID5 Dataset,
//!   2011-2014: Procedures, coding rules, and description." Conflict
//!   Management and Peace Science 39(4): 470-482.
//! - Gibler-Miller-Little (GML) MID v2.2.1, 1816-2010. Gibler, Douglas M.,
//!   Steven V. Miller, and Erin K. Little. 2016. "An Analysis of the
//!   Militarized Interstate Dispute (MID) Dataset, 1816-2001." International
//!   Studies Quarterly 60(4): 719-730.
//!
//! Quirk: a dyad can be in several disputes in one year. peacesciencer
//! whittles these to one row per dyad-year (Miller 2021, "How to
//! (Meticulously) Convert Participant-Level Dispute Data to Dyadic
//! Dispute-Year Data in R"): keep onsets over continuations, then the highest
//! fatality, then the highest hostility, then the longest, then the lowest
//! dispute number. ordo reads the whittled files and checks the promise.
//! `-9` is missing in the fatality columns. Hostility levels: 1 no militarized
//! action, 2 threat, 3 display, 4 use of force, 5 war.

use crate::typed::{Column as C, TableSpec};

const fn dyadic(ongoing: &'static str, onset: &'static str) -> [C; 24] {
    [
        C::int("dispnum"),
        C::ccode("ccode1"),
        C::ccode("ccode2"),
        C::year("year"),
        C::int(ongoing).range(0.0, 1.0),
        C::int(onset).range(0.0, 1.0),
        C::int("sidea1").range(0.0, 1.0),
        C::int("sidea2").range(0.0, 1.0),
        C::int("fatality1").missing(&["-9"]),
        C::int("fatality2").missing(&["-9"]),
        C::int("fatalpre1").missing(&["-9"]),
        C::int("fatalpre2").missing(&["-9"]),
        C::int("hiact1").missing(&["-9"]),
        C::int("hiact2").missing(&["-9"]),
        C::int("hostlev1").missing(&["-9"]).range(1.0, 5.0),
        C::int("hostlev2").missing(&["-9"]).range(1.0, 5.0),
        C::int("orig1").range(0.0, 1.0),
        C::int("orig2").range(0.0, 1.0),
        C::int("fatality").missing(&["-9"]).range(0.0, 6.0),
        C::int("hostlev").missing(&["-9"]).range(1.0, 5.0),
        C::int("mindur").missing(&["-9"]),
        C::int("maxdur").missing(&["-9"]),
        C::int("recip").missing(&["-9"]),
        C::int("stmon").missing(&["-9"]),
    ]
}

const COW_COLUMNS: [C; 24] = dyadic("cowmidongoing", "cowmidonset");
const GML_COLUMNS: [C; 24] = dyadic("gmlmidongoing", "gmlmidonset");

pub static COW_MID: TableSpec = TableSpec {
    dataset: "cow_mid_ddydisps",
    file: "cow_mid_ddydisps.csv",
    table: "cow_mid_dyad_years",
    columns: &COW_COLUMNS,
    unique: &["ccode1", "ccode2", "year"],
    na_missing: false,
};

pub static GML_MID: TableSpec = TableSpec {
    dataset: "gml_mid_ddydisps",
    file: "gml_mid_ddydisps.csv",
    table: "gml_mid_dyad_years",
    columns: &GML_COLUMNS,
    unique: &["ccode1", "ccode2", "year"],
    na_missing: false,
};

/// Coverage of COW-MID v5.0 and GML v2.2.1.
pub const COW_COVERAGE: (i32, i32) = (1816, 2014);
pub const GML_COVERAGE: (i32, i32) = (1816, 2010);
