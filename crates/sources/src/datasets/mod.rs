//! One reader per dataset, peacesciencer-style: each file's doc comment gives
//! the dataset, version, coverage, citation and known quirks, and its
//! [`TableSpec`](crate::typed::TableSpec) declares the columns, the
//! missing-value codes of each column, and the key the source promises to be
//! unique. Every spec is also a table of ordo's SQL store, named by `table`.

pub mod alliances;
pub mod archigos;
pub mod capitals;
pub mod contiguity;
pub mod democracy;
pub mod igo;
pub mod mids;
pub mod mindist;
pub mod nmc;
pub mod rivalries;
pub mod states;
pub mod trade;
pub mod un;
pub mod war;

use crate::typed::TableSpec;

/// Every dataset table ordo reads, for registration in the SQL store.
pub fn all() -> Vec<&'static TableSpec> {
    vec![
        &states::COW_STATES,
        &states::COW_MAJORS,
        &states::COW_MAJORS_V2024,
        &states::GW_STATES,
        &nmc::NMC,
        &alliances::ATOP,
        &mids::COW_MID,
        &mids::GML_MID,
        &war::COW_WAR_INTER,
        &rivalries::TD,
        &rivalries::TSS,
        &trade::DYADIC,
        &trade::NATIONAL,
        &contiguity::DIRECT,
        &capitals::COW_CAPITALS,
        &mindist::MINDIST,
        &igo::DYADIC,
        &igo::STATE,
        &democracy::DEMOCRACY,
        &archigos::LEADERS,
        &un::VOTES,
        &un::ROLL_CALLS,
        &un::ISSUES,
        &un::IDEAL_POINTS,
    ]
}
