//! UCDP/PRIO Armed Conflict Dataset v25.1 and UCDP onsets, keyed by
//! Gleditsch-Ward codes.
//!
//! - Davies, Shawn, Therése Pettersson, Margareta Sollenberg, and Magnus
//!   Öberg. 2025. "Organized violence 1989-2024, and the challenges of
//!   identifying civilian victims." Journal of Peace Research 62(4).
//!   Gleditsch, Nils Petter, Peter Wallensteen, Mikael Eriksson, Margareta
//!   Sollenberg, and Håvard Strand. 2002. "Armed Conflict 1946-2001: A New
//!   Dataset." Journal of Peace Research 39(5): 615-637.
//! - Pettersson, Therése. 2019. UCDP Onset Dataset Codebook v19.1.
//!
//! Quirk: peacesciencer's copy of the ACD is unnested, one row per
//! conflict-year and listed state of each side (`gwno_a`, `gwno_a_2nd`,
//! `gwno_b`, `gwno_b_2nd` hold one code each), so a conflict-year has
//! several rows and there is no unique key. `type_of_conflict` is
//! `extrasystemic`, `interstate`, `intrastate` or `II` (internationalized
//! intrastate); `intensity_level` 1 is minor (25-999 battle deaths), 2 war.

use crate::typed::{Column as C, TableSpec};

const fn gw(name: &'static str) -> C {
    C::int(name).range(2.0, 999.0)
}

pub static ACD: TableSpec = TableSpec {
    dataset: "ucdp_acd",
    file: "ucdp_acd.csv",
    table: "ucdp_acd",
    columns: &[
        C::int("conflict_id"),
        C::year("year"),
        gw("gwno_a"),
        gw("gwno_a_2nd"),
        gw("gwno_b"),
        gw("gwno_b_2nd"),
        C::text("incompatibility"),
        C::int("intensity_level").range(1.0, 2.0),
        C::text("type_of_conflict"),
        C::date("start_date"),
        C::date("start_date2"),
        C::int("ep_end").range(0.0, 1.0),
        C::date("ep_end_date"),
    ],
    unique: &[],
    na_missing: true,
};

pub static ONSETS: TableSpec = TableSpec {
    dataset: "ucdp_onsets",
    file: "ucdp_onsets.csv",
    table: "ucdp_onsets",
    columns: &[
        gw("gwcode"),
        C::year("year"),
        C::int("sumnewconf"),
        C::int("sumonset1"),
        C::int("sumonset2"),
        C::int("sumonset3"),
        C::int("sumonset5"),
        C::int("sumonset10"),
    ],
    unique: &["gwcode", "year"],
    na_missing: true,
};

pub const ACD_COVERAGE: (i32, i32) = (1946, 2024);
pub const ONSETS_COVERAGE: (i32, i32) = (1946, 2017);
