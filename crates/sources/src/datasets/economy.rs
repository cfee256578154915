//! Simulated GDP and population (Anders, Fariss & Markowitz 2020), as
//! peacesciencer ships it: state-year by COW code, 1816-2016 in ordo's
//! frames (the file starts in 1800).
//!
//! Anders, Therese, Christopher J. Fariss, and Jonathan N. Markowitz. 2020.
//! "Bread Before Guns or Butter: Introducing Surplus Domestic Product (SDP)."
//! International Studies Quarterly 64(2): 392-405.
//!
//! All four values are natural logs of the posterior means: GDP (2011 USD),
//! population, surplus domestic product and GDP per capita.

use crate::typed::{Column as C, TableSpec};

pub static SDP_GDP: TableSpec = TableSpec {
    dataset: "cow_sdp_gdp",
    file: "cow_sdp_gdp.csv",
    table: "cow_sdp_gdp",
    columns: &[
        C::ccode("ccode"),
        C::year("year"),
        C::float("wbgdp2011est"),
        C::float("wbpopest"),
        C::float("sdpest"),
        C::float("wbgdppc2011est"),
    ],
    unique: &["ccode", "year"],
    na_missing: true,
};

/// Years the frames take from the file.
pub const COVERAGE: (i32, i32) = (1816, 2016);
