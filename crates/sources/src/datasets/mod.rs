//! One reader per dataset, peacesciencer-style: each file's doc comment gives
//! the dataset, version, coverage, citation and known quirks, and its
//! [`TableSpec`](crate::typed::TableSpec) declares the columns, the
//! missing-value codes of each column, and the key the source promises to be
//! unique. Every spec is also a table of ordo's SQL store, named by `table`.

pub mod alliances;
pub mod archigos;
pub mod arms_races;
pub mod bib;
pub mod capitals;
pub mod contiguity;
pub mod democracy;
pub mod economy;
pub mod fractionalization;
pub mod igo;
pub mod mids;
pub mod mindist;
pub mod nmc;
pub mod powers;
pub mod rivalries;
pub mod states;
pub mod territory;
pub mod trade;
pub mod ucdp;
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
        &capitals::GW_CAPITALS,
        &mindist::MINDIST,
        &igo::DYADIC,
        &igo::STATE,
        &democracy::DEMOCRACY,
        &archigos::LEADERS,
        &archigos::SUMS,
        &archigos::CODES,
        &archigos::LEAD,
        &archigos::LWUF,
        &un::VOTES,
        &un::ROLL_CALLS,
        &un::ISSUES,
        &un::IDEAL_POINTS,
        &economy::SDP_GDP,
        &territory::TERRTHREAT,
        &fractionalization::CREG,
        &fractionalization::HIEF,
        &powers::MAOZ,
        &arms_races::GRH,
        &ucdp::ACD,
        &ucdp::ONSETS,
        &war::COW_WAR_INTRA,
        &mids::GML_PART,
        &mids::COW_DIRDISPS,
        &mids::COW_DISPS,
        &mids::GML_DIRDISP,
        &mids::GML_DISPS,
        &bib::PS_BIB,
        &bib::PS_DATA_VERSION,
    ]
}
