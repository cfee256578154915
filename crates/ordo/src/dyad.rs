//! One dyad, one row per year, every measure.

use crate::query::{Query, DYAD_RULES};
use crate::tables::{FIRST_YEAR, LAST_YEAR};
use crate::{Session, Span};
use anyhow::bail;

/// Options of [`Session::dyad`].
#[derive(Debug, Clone, Default)]
pub struct DyadOptions {
    /// First state (any name or code the resolver accepts).
    pub a: String,
    /// Second state.
    pub b: String,
    /// Years [default: 1816-2022].
    pub years: Span,
    /// Keep the order given (ccode1 = a); otherwise ccode1 < ccode2.
    pub directed: bool,
}

impl Session {
    /// One row per year for a dyad, with every measure: capabilities, ATOP
    /// alliances and portfolio similarity, COW and GML disputes, war,
    /// rivalry, trade and dependence, contiguity, distances, shared IGOs,
    /// democracy, UN voting agreement and ideal-point distance. Years where
    /// the two were not both members on a same day have no row; measures
    /// outside their source's coverage are NULL.
    pub fn dyad(&self, o: &DyadOptions) -> anyhow::Result<Query> {
        let resolver = self.states()?.resolver();
        let (a, b) = (
            resolver.resolve(&o.a)?.state.code.0,
            resolver.resolve(&o.b)?.state.code.0,
        );
        if a == b {
            bail!(
                "a dyad needs two different states ({} was given twice)",
                o.a
            );
        }
        let (from, to) = o.years.resolve((FIRST_YEAR, LAST_YEAR))?;
        let (table, c1, c2) = if o.directed {
            ("dyad_years_directed", a, b)
        } else {
            ("dyad_years", a.min(b), a.max(b))
        };
        for rule in DYAD_RULES {
            self.note(rule);
        }
        let sql = format!("SELECT * FROM {table} WHERE ccode1 = {c1} AND ccode2 = {c2} AND year BETWEEN {from} AND {to} ORDER BY year");
        let order = if o.directed {
            "directed"
        } else {
            "non-directed (ccode1 < ccode2)"
        };
        Query::new(
            self,
            sql,
            vec![format!("dyad {c1}-{c2}, {from}-{to}, {order}")],
        )
    }
}
