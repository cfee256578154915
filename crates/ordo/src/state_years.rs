//! State-year frames: one state, or every state of a span.

use crate::query::Query;
use crate::tables::{FIRST_YEAR, LAST_YEAR};
use crate::{Session, Span};

impl Session {
    /// One row per year for a state: CINC, share of system capabilities,
    /// major-power status (COW), democracy (V-Dem, Polity2, UDS), leader on
    /// 31 December (Archigos), total trade and full IGO memberships.
    pub fn state(&self, state: &str, years: Span) -> anyhow::Result<Query> {
        let code = self.states()?.resolver().resolve(state)?.state.code.0;
        let (from, to) = years.resolve((FIRST_YEAR, LAST_YEAR))?;
        let sql = format!("SELECT * FROM state_years WHERE ccode = {code} AND year BETWEEN {from} AND {to} ORDER BY year");
        Query::new(self, sql, Vec::new())
    }

    /// Every state-year of a span (the columns of [`Session::state`]),
    /// ordered by year and COW code.
    pub fn state_years(&self, years: Span) -> anyhow::Result<Query> {
        let (from, to) = years.resolve((FIRST_YEAR, LAST_YEAR))?;
        let sql = format!(
            "SELECT * FROM state_years WHERE year BETWEEN {from} AND {to} ORDER BY year, ccode"
        );
        Query::new(self, sql, Vec::new())
    }
}
