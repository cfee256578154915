//! COW National Material Capabilities (NMC) v7.0, state-year, 1816-2022.
//!
//! Singer, J. David, Stuart Bremer, and John Stuckey. 1972. "Capability
//! Distribution, Uncertainty, and Major Power War, 1820-1965." In Bruce
//! Russett (ed), Peace, War, and Numbers. Beverly Hills: Sage, 19-48.
//!
//! `cinc` is the Composite Index of National Capability: the mean of a state's
//! shares of the system totals of the six components. Quirks: in the
//! peacesciencer copy missing components are empty (the official release uses
//! `-9`, also treated as missing here); the official release's `stateabb` and
//! `version` columns are ignored.

use crate::typed::{Column as C, TableSpec};

pub static NMC: TableSpec = TableSpec {
    dataset: "cow_nmc",
    file: "cow_nmc.csv",
    table: "cow_nmc",
    columns: &[
        C::ccode("ccode"),
        C::year("year"),
        C::float("milex").missing(&["-9"]),
        C::float("milper").missing(&["-9"]),
        C::float("irst").missing(&["-9"]),
        C::float("pec").missing(&["-9"]),
        C::float("tpop").missing(&["-9"]),
        C::float("upop").missing(&["-9"]),
        C::float("cinc").missing(&["-9"]).range(0.0, 1.0),
    ],
    unique: &["ccode", "year"],
    na_missing: false,
};
