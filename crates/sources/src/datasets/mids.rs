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
//! fatality, hostility, minimum and maximum duration, reciprocation, then
//! the earliest start month. ordo reads the whittled files and checks the
//! promise; the dispute-year files below let a user choose another chain
//! (`--whittle`, crates/measures/src/whittle.rs).
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

/// GML MID participants v2.2.1: one row per state's participation in a
/// dispute (a state that left and rejoined has two), with its side
/// (`sidea` 1 = the side that took the first militarized action), whether it
/// was an originator (`orig`), its first and last year, and Archigos leader
/// ids at its start and end (`obsid_start`, `obsid_end`).
///
/// Gibler, Douglas M., Steven V. Miller, and Erin K. Little. 2016. "An
/// Analysis of the Militarized Interstate Dispute (MID) Dataset, 1816-2001."
/// International Studies Quarterly 60(4): 719-730.
pub static GML_PART: TableSpec = TableSpec {
    dataset: "gml_part",
    file: "gml_part.csv",
    table: "gml_participants",
    columns: &[
        C::int("dispnum"),
        C::ccode("ccode"),
        C::year("styear"),
        C::int("stmon").missing(&["-9"]),
        C::int("stday").missing(&["-9"]),
        C::year("endyear"),
        C::int("endmon").missing(&["-9"]),
        C::int("endday").missing(&["-9"]),
        C::text("obsid_start"),
        C::text("obsid_end"),
        C::int("sidea").range(0.0, 1.0),
        C::int("hiact").missing(&["-9"]),
        C::int("orig").range(0.0, 1.0),
    ],
    unique: &[],
    na_missing: true,
};

/// The columns of a directed dispute-year file (COW and GML name the
/// ongoing and onset flags differently).
const fn dispute_year_columns(ongoing: &'static str, onset: &'static str) -> [C; 14] {
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
        C::int("hostlev1").missing(&["-9"]).range(1.0, 5.0),
        C::int("hostlev2").missing(&["-9"]).range(1.0, 5.0),
        C::int("orig1").range(0.0, 1.0),
        C::int("orig2").range(0.0, 1.0),
    ]
}

const COW_DIRDISP_COLUMNS: [C; 14] = dispute_year_columns("dispongoing", "disponset");
const GML_DIRDISP_COLUMNS: [C; 14] = dispute_year_columns("midongoing", "midonset");

/// COW-MID v5.0 directed dispute-years: one row per dispute, directed dyad
/// and year (a dyad-year in two disputes has two rows), with each side's
/// values.
pub static COW_DIRDISPS: TableSpec = TableSpec {
    dataset: "cow_mid_dirdisps",
    file: "cow_mid_dirdisps.csv",
    table: "cow_mid_dispute_years",
    columns: &COW_DIRDISP_COLUMNS,
    unique: &["dispnum", "ccode1", "ccode2", "year"],
    na_missing: true,
};

/// The dispute-level values the whittling rules compare, one row per
/// dispute. `fatality` keeps `-9` (fatal, level unknown): the fatality rule
/// ranks it between 0 and 1.
const DISPUTE_COLUMNS: [C; 11] = [
    C::int("dispnum"),
    C::year("styear"),
    C::int("stmon").missing(&["-9"]),
    C::int("outcome").missing(&["-9"]),
    C::int("settle").missing(&["-9"]),
    C::int("fatality").range(-9.0, 6.0),
    C::int("mindur").missing(&["-9"]),
    C::int("maxdur").missing(&["-9"]),
    C::int("hiact").missing(&["-9"]),
    C::int("hostlev").missing(&["-9"]).range(1.0, 5.0),
    C::int("recip").missing(&["-9"]),
];

const fn disputes(dataset: &'static str, file: &'static str, table: &'static str) -> TableSpec {
    TableSpec {
        dataset,
        file,
        table,
        columns: &DISPUTE_COLUMNS,
        unique: &["dispnum"],
        na_missing: true,
    }
}

/// COW-MID v5.0 disputes.
pub static COW_DISPS: TableSpec =
    disputes("cow_mid_disps", "cow_mid_disps.csv", "cow_mid_disputes");

/// GML v2.2.1 directed dispute-years.
pub static GML_DIRDISP: TableSpec = TableSpec {
    dataset: "gml_dirdisp",
    file: "gml_dirdisp.csv",
    table: "gml_mid_dispute_years",
    columns: &GML_DIRDISP_COLUMNS,
    unique: &["dispnum", "ccode1", "ccode2", "year"],
    na_missing: true,
};

/// GML v2.2.1 disputes (GML's own dispute-level values: the pre-whittled
/// GML file was whittled on these, not on COW's).
pub static GML_DISPS: TableSpec =
    disputes("gml_mid_disps", "gml_mid_disps.csv", "gml_mid_disputes");
