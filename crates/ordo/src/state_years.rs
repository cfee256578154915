//! State-year frames: one state, or every state of a span.

use crate::attach::Attach;
use crate::frame_sql::FrameSql;
use crate::query::Query;
use crate::spells::parse_list;
use crate::tables::{FIRST_YEAR, LAST_YEAR};
use crate::{Session, Span, System};

/// Options of [`Session::state`] and [`Session::state_years`].
#[derive(Debug, Clone, Default)]
pub struct StateYearsOptions {
    /// Years [default: 1816-2022].
    pub years: Span,
    /// 0/1 event columns to add peace spells for (`x_spell`, `x_spell2`,
    /// `x_spell3`), counted on each state's whole history (see `spells.rs`).
    pub spells: Vec<String>,
    /// The user's own data to join on the state-years.
    pub attach: Option<Attach>,
    /// The state system: COW (default) or Gleditsch-Ward (`gwcode` first,
    /// `ccode` beside it; the state of [`Session::state`] a GW state).
    pub system: System,
}

impl Session {
    /// One row per year for a state: CINC and its components, share of
    /// system capabilities, major-power status (COW, Maoz), democracy
    /// (V-Dem, Polity2, UDS), leader on 31 December (Archigos), total trade,
    /// IGO memberships, economy, territorial threat, fractionalization,
    /// rivalries by type and conflict (UCDP, COW wars, GML disputes); see
    /// docs/measures.md.
    pub fn state(&self, state: &str, o: &StateYearsOptions) -> anyhow::Result<Query> {
        let code = self.state_code(o.system, state)?;
        let unit = o.system.state_unit()[0];
        self.state_frame(format!("t.{unit} = {code}"), o, "year")
    }

    /// Every state-year of a span (the columns of [`Session::state`]),
    /// ordered by year and COW code (GW code with the GW system).
    pub fn state_years(&self, o: &StateYearsOptions) -> anyhow::Result<Query> {
        let order = format!("year, {}", o.system.state_unit()[0]);
        self.state_frame("TRUE".into(), o, &order)
    }

    fn state_frame(
        &self,
        unit: String,
        o: &StateYearsOptions,
        order: &str,
    ) -> anyhow::Result<Query> {
        let (from, to) = o.years.resolve((FIRST_YEAR, LAST_YEAR))?;
        o.system.check_joins(false, o.attach.is_some())?;
        let frame = FrameSql {
            table: o.system.state_table(),
            unit: o.system.state_unit(),
            unit_filter: unit,
            filter: format!("year BETWEEN {from} AND {to}"),
            order: order.into(),
            spells: parse_list(&o.spells),
            replace: None,
            attach: None,
        };
        self.frame_query(frame, None, o.attach.as_ref(), false, Vec::new())
    }
}
