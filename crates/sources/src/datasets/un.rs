//! UN General Assembly roll-call votes and Bailey-Strezhnev-Voeten ideal
//! points.
//!
//! - Votes: Voeten, Erik. 2013. "Data and Analyses of Voting in the UN
//!   General Assembly." In Routledge Handbook of International Organization.
//!   Data: Voeten, Strezhnev and Bailey, Harvard Dataverse hdl:1902.1/12379,
//!   as packaged by the `unvotes` R package (0.2.0.9000), sessions 1-74,
//!   1946-2019. Only yes/abstain/no are kept (absences were dropped).
//!   Quirks: states are named, with ISO alpha-2 codes (empty for the FRG, the
//!   YAR and Zanzibar; `NA` is Namibia, not missing); the USSR votes as
//!   `Russia`; the Ukrainian and Byelorussian SSRs vote from 1946.
//! - Ideal points: Bailey, Michael A., Anton Strezhnev, and Erik Voeten. 2017.
//!   "Estimating Dynamic State Preferences from United Nations Voting Data."
//!   Journal of Conflict Resolution 61(2): 430-456; state-year 1946-2012, the
//!   vintage distributed with the `qss` R package; `CountryAbb` is a COW
//!   abbreviation (RUS covers the USSR). Quirk: this vintage has two rows,
//!   with different ideal points, for Nauru (NAU) in every year 2000-2012
//!   (2000 is when Tuvalu joined the UN; one row is probably Tuvalu's). The
//!   file therefore carries no uniqueness promise; ordo's ideal-point
//!   measure sets such ambiguous state-years to NULL and counts them.

use crate::typed::{Column as C, TableSpec};

pub static VOTES: TableSpec = TableSpec {
    dataset: "unvotes",
    file: "un_votes.csv",
    table: "un_votes",
    columns: &[
        C::int("rcid"),
        C::text("country"),
        C::text("country_code"),
        C::text("vote"),
    ],
    unique: &["rcid", "country"],
    na_missing: false,
};

pub static ROLL_CALLS: TableSpec = TableSpec {
    dataset: "unvotes",
    file: "un_roll_calls.csv",
    table: "un_roll_calls",
    columns: &[
        C::int("rcid"),
        C::int("session"),
        C::int("importantvote"),
        C::date("date"),
        C::text("unres"),
        C::int("amend"),
        C::int("para"),
        C::text("short"),
        C::text("descr"),
    ],
    unique: &["rcid"],
    na_missing: false,
};

pub static ISSUES: TableSpec = TableSpec {
    dataset: "unvotes",
    file: "un_roll_call_issues.csv",
    table: "un_roll_call_issues",
    columns: &[C::int("rcid"), C::text("short_name"), C::text("issue")],
    unique: &["rcid", "short_name"],
    na_missing: false,
};

pub static IDEAL_POINTS: TableSpec = TableSpec {
    dataset: "un_ideal_points_bsv",
    file: "unvoting_idealpoints.csv",
    table: "bsv_ideal_points",
    columns: &[
        C::year("Year"),
        C::text("CountryAbb"),
        C::text("CountryName"),
        C::float("idealpoint"),
    ],
    unique: &[],
    na_missing: false,
};

/// Roll calls run from 1946 to 2020-01-14 (one vote in 2020). 1964 has no
/// roll call at all: the 19th session took no recorded votes during the
/// Article 19 financing crisis.
pub const VOTES_COVERAGE: (i32, i32) = (1946, 2020);
pub const IDEAL_POINTS_COVERAGE: (i32, i32) = (1946, 2012);
