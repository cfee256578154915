//! Politically relevant dyads (Weede 1976; Lemke & Reed 2001): directly
//! contiguous (any COW type 1-5, land or up to 400 miles of water) or with a
//! COW major power on either side, as peacesciencer's `filter_prd()`.
//!
//! Contiguity past its last year. COW Direct Contiguity v3.2 ends in 2016,
//! so `cow_conttype` is NULL from 2017. Treating that NULL as "not
//! contiguous" would drop every contiguous dyad without a major power (the
//! frame fell from 1,811 politically relevant dyads in 2016 to 1,337 in
//! 2017). `prd` instead carries each dyad's 2016 contiguity forward: the
//! "most recent year" rule of peacesciencer's `add_contiguity(mry = TRUE)`,
//! which assumes borders unchanged since the last release. `prd_carried` is 1
//! on the years where that assumption is used, so a user can drop them.
//! Major powers come from the COW v2024 list, which runs through 2024.

use crate::column::Column;
use crate::contiguity::Contiguity;
use crate::dyads::DyadYears;
use crate::majors;
use ordo_sources::datasets::contiguity::COVERAGE;
use ordo_states::States;

/// Whether a dyad-year is politically relevant, and whether its contiguity
/// was carried forward from the last year of the contiguity data.
pub fn relevance(
    contiguity: &Contiguity,
    states: &States,
    a: u16,
    b: u16,
    year: i32,
) -> (bool, bool) {
    let carried = year > COVERAGE.1;
    let conttype = contiguity.conttype(a, b, year.min(COVERAGE.1));
    let major = |c| majors::is_major_in(&states.majors_2024, c, year);
    (conttype.unwrap_or(0) >= 1 || major(a) || major(b), carried)
}

/// `prd` and `prd_carried` (see the module doc); NULL before 1816.
pub fn columns(contiguity: &Contiguity, states: &States, keys: &DyadYears) -> Vec<Column> {
    let rel: Vec<Option<(bool, bool)>> = (0..keys.len())
        .map(|i| {
            let (a, b, y) = keys.key(i);
            (y >= COVERAGE.0).then(|| relevance(contiguity, states, a, b, y))
        })
        .collect();
    let coverage = (COVERAGE.0, majors::COVERAGE.1);
    vec![
        Column::ints(
            "prd",
            "cow_contdir",
            coverage,
            rel.iter().map(|r| r.map(|(p, _)| i64::from(p))),
        ),
        Column::ints(
            "prd_carried",
            "cow_contdir",
            coverage,
            rel.iter().map(|r| r.map(|(_, c)| i64::from(c))),
        ),
    ]
}

/// The politically relevant dyad-years among `keys`.
pub fn politically_relevant(
    contiguity: &Contiguity,
    states: &States,
    keys: &DyadYears,
) -> DyadYears {
    let idx: Vec<usize> = (0..keys.len())
        .filter(|&i| {
            let (a, b, y) = keys.key(i);
            relevance(contiguity, states, a, b, y).0
        })
        .collect();
    DyadYears {
        ccode1: idx.iter().map(|&i| keys.ccode1[i]).collect(),
        ccode2: idx.iter().map(|&i| keys.ccode2[i]).collect(),
        year: idx.iter().map(|&i| keys.year[i]).collect(),
        directed: keys.directed,
    }
}
