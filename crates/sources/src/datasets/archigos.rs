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

/// Archigos turnover by Gleditsch-Ward code and year, 1870-2015, as
/// peacesciencer precomputes it from the daily expansion of the spells:
/// `jan1obsid` / `dec31obsid` the leader in office on the first and last day
/// of the year, `leadertransition` 1 when they differ, `n_leaders` the
/// number of distinct leaders (`leadid`) in office during the year,
/// `irregular` 1 when there was a transition and a spell of that year ended
/// irregularly. Quirk: GW-coded, so ordo reads it onto COW state-years through
/// the crosswalk (`ordo_measures::archigos_sums`).
pub static SUMS: TableSpec = TableSpec {
    dataset: "archigossums",
    file: "archigossums.csv",
    table: "archigos_sums",
    columns: &[
        C::ccode("gwcode"),
        C::year("year"),
        C::int("leadertransition").range(0.0, 1.0),
        C::int("irregular").range(0.0, 1.0),
        C::int("n_leaders").range(1.0, 366.0),
        C::text("jan1obsid"),
        C::text("dec31obsid"),
    ],
    unique: &["gwcode", "year"],
    na_missing: true,
};

/// Years of [`SUMS`].
pub const SUMS_COVERAGE: (i32, i32) = (1870, 2015);

/// One row per Archigos 4.1 spell (`obsid`) with the leader's ids in
/// Archigos 4.1 (`leadid`), Archigos 2.9 (`leadid29`) and LEAD
/// (`leaderid`), as peacesciencer matched them. An empty `leaderid` is a
/// leader LEAD does not code (most of those in office after 2004).
pub static CODES: TableSpec = TableSpec {
    dataset: "leader_codes",
    file: "leader_codes.csv",
    table: "leader_codes",
    columns: &[
        C::text("obsid"),
        C::text("leadid"),
        C::text("leadid29"),
        C::text("leaderid"),
    ],
    unique: &["obsid"],
    na_missing: true,
};

/// Leader Experience and Attribute Descriptions (abbreviated), one row per
/// Archigos spell (`obsid`; peacesciencer keyed LEAD's leaders to Archigos
/// through `leader_codes`): education (`leveledu` 0-3), military service,
/// combat, rebel experience, wars and rebellions won and lost, years of
/// political experience, physical and mental health. Rows of leaders LEAD
/// does not code are empty.
///
/// Ellis, Carli Mortenson, Michael C. Horowitz, and Allan C. Stam. 2015.
/// "Introducing the LEAD Data Set." International Interactions 41(4):
/// 718-741.
pub static LEAD: TableSpec = TableSpec {
    dataset: "LEAD",
    file: "LEAD.csv",
    table: "lead",
    columns: &[
        C::text("obsid"),
        C::int("leveledu").range(0.0, 3.0),
        C::int("milservice").range(0.0, 1.0),
        C::int("combat").range(0.0, 1.0),
        C::int("rebel").range(0.0, 1.0),
        C::int("warwin").range(0.0, 1.0),
        C::int("warloss").range(0.0, 1.0),
        C::int("rebelwin").range(0.0, 1.0),
        C::int("rebelloss").range(0.0, 1.0),
        C::int("yrsexper").range(0.0, 100.0),
        C::int("physhealth").range(0.0, 1.0),
        C::int("mentalhealth").range(0.0, 1.0),
    ],
    unique: &["obsid"],
    na_missing: true,
};

/// The LEAD columns ordo's leader-years carry, in file order.
pub const LEAD_COLUMNS: [&str; 11] = [
    "leveledu",
    "milservice",
    "combat",
    "rebel",
    "warwin",
    "warloss",
    "rebelwin",
    "rebelloss",
    "yrsexper",
    "physhealth",
    "mentalhealth",
];

/// Leader Willingness to Use Force: posterior means and standard deviations
/// of four latent measures (M1 risk-related LEAD items; M2 adds political
/// orientation and psychology, the authors' preferred; M3, M4 all 36 LEAD
/// items), one row per Archigos spell (`obsid`), empty for leaders LEAD
/// does not code.
///
/// Carter, Jeff and Charles E. Smith, Jr. 2020. "A Framework for Measuring
/// Leaders' Willingness to Use Force." American Political Science Review
/// 114(4): 1352-1358.
pub static LWUF: TableSpec = TableSpec {
    dataset: "lwuf",
    file: "lwuf.csv",
    table: "lwuf",
    columns: &[
        C::text("obsid"),
        C::float("theta1_mean"),
        C::float("theta1_sd"),
        C::float("theta2_mean"),
        C::float("theta2_sd"),
        C::float("theta3_mean"),
        C::float("theta3_sd"),
        C::float("theta4_mean"),
        C::float("theta4_sd"),
    ],
    unique: &["obsid"],
    na_missing: true,
};

/// The LWUF columns, in file order.
pub const LWUF_COLUMNS: [&str; 8] = [
    "theta1_mean",
    "theta1_sd",
    "theta2_mean",
    "theta2_sd",
    "theta3_mean",
    "theta3_sd",
    "theta4_mean",
    "theta4_sd",
];

/// The GML participant file (`gml_part`, v2.2.1) read for what attributes a
/// participation to Archigos leaders: the days GML uses for it
/// (`dummy_stday`, `dummy_endday`: the known day, or the day GML chose
/// when it is unknown or falls on a leader change), the leader at its start
/// (`obsid_start`) and the flags of participations with no leader coded
/// (`allmiss_leader_*`, all before 1870). The SQL table of the file is
/// `mids::GML_PART` (`gml_participants`); this spec is not registered.
pub static GML_PART_LEADERS: TableSpec = TableSpec {
    dataset: "gml_part",
    file: "gml_part.csv",
    table: "gml_participant_leaders",
    columns: &[
        C::int("dispnum"),
        C::ccode("ccode"),
        C::year("styear"),
        C::int("stmon").range(1.0, 12.0),
        C::int("dummy_stday").range(1.0, 31.0),
        C::year("endyear"),
        C::int("endmon").range(1.0, 12.0),
        C::int("dummy_endday").range(1.0, 31.0),
        C::int("sidea").range(0.0, 1.0),
        C::int("orig").range(0.0, 1.0),
        C::text("obsid_start"),
        C::text("obsid_end"),
        C::int("allmiss_leader_start").range(0.0, 1.0),
        C::int("allmiss_leader_end").range(0.0, 1.0),
    ],
    unique: &[],
    na_missing: true,
};
