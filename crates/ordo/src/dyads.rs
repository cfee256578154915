//! Every dyad-year of a span, like peacesciencer's `create_dyadyears()`
//! followed by every `add_*()`.

use crate::query::{Query, DYAD_RULES};
use crate::tables::{FIRST_YEAR, LAST_YEAR};
use crate::{Session, Span};

/// Options of [`Session::dyads`].
#[derive(Debug, Clone, Default)]
pub struct DyadsOptions {
    /// Years [default: 1816-2022].
    pub years: Span,
    /// Both orderings of each pair.
    pub directed: bool,
    /// Only politically relevant dyads: directly contiguous (types 1-5) or
    /// with a COW major power (Lemke & Reed 2001; peacesciencer
    /// `filter_prd`). A dyad-year whose contiguity is absent counts as not
    /// contiguous.
    pub only_politically_relevant: bool,
}

impl Session {
    /// All dyad-years: every pair of states that were both system members on
    /// a same day of the year, with every measure, ordered by ccode1,
    /// ccode2, year.
    pub fn dyads(&self, o: &DyadsOptions) -> anyhow::Result<Query> {
        let (from, to) = o.years.resolve((FIRST_YEAR, LAST_YEAR))?;
        let table = if o.directed {
            "dyad_years_directed"
        } else {
            "dyad_years"
        };
        let prd = if o.only_politically_relevant {
            " AND (cow_conttype >= 1 OR cowmaj1 = 1 OR cowmaj2 = 1)"
        } else {
            ""
        };
        for rule in DYAD_RULES {
            self.note(rule);
        }
        let sql = format!("SELECT * FROM {table} WHERE year BETWEEN {from} AND {to}{prd} ORDER BY ccode1, ccode2, year");
        let what = if prd.is_empty() {
            ""
        } else {
            ", politically relevant only"
        };
        Ok(Query::new(self, sql, vec![format!("dyad-years {from}-{to}{what}")])?.in_stored_order())
    }
}
