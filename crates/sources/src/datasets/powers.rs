//! Regional and global powers (Maoz 2010), one row per state with the dates
//! of its regional and of its global power spells.
//!
//! Maoz, Zeev. 2010. Networks of Nations: The Evolution, Structure, and
//! Impact of International Networks, 1816-2001. Cambridge University Press.
//! As extended by peacesciencer to 2019-12-31. A state can be both (the USA
//! is a regional power 1824-1898 and a global power from 1899), and a state
//! can have several rows, one per spell (France, the UK).

use crate::typed::{Column as C, TableSpec};

pub static MAOZ: TableSpec = TableSpec {
    dataset: "maoz_powers",
    file: "maoz_powers.csv",
    table: "maoz_powers",
    columns: &[
        C::ccode("ccode"),
        C::date("regstdate"),
        C::date("regenddate"),
        C::date("globstdate"),
        C::date("globenddate"),
    ],
    unique: &[],
    na_missing: true,
};

pub const COVERAGE: (i32, i32) = (1816, 2019);
