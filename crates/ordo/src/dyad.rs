//! One dyad, one row per year, every measure.

use crate::attach::Attach;
use crate::frame_sql::FrameSql;
use crate::query::Query;
use crate::tables::{FIRST_YEAR, LAST_YEAR};
use crate::{Session, Span, System};
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
    /// 0/1 event columns to add peace spells for (`x_spell`, `x_spell2`,
    /// `x_spell3`; see `spells.rs`).
    pub spells: Vec<String>,
    /// Whittle the dispute-years by these rules (comma-separated names,
    /// `whittle.rs`) instead of reading the pre-whittled files.
    pub whittle: Option<String>,
    /// The user's own data to join on the dyad-years.
    pub attach: Option<Attach>,
    /// The state system: COW (default) or Gleditsch-Ward, where `a` and `b`
    /// are GW states (a number is a GW code).
    pub system: System,
}

impl Session {
    /// One row per year for a dyad, with every measure: capabilities, ATOP
    /// alliances and portfolio similarity, COW and GML disputes, war,
    /// rivalry, trade and dependence, contiguity, distances, shared IGOs,
    /// democracy, UN voting agreement and ideal-point distance. Years where
    /// the two were not both members on a same day have no row; measures
    /// outside their source's coverage are NULL.
    pub fn dyad(&self, o: &DyadOptions) -> anyhow::Result<Query> {
        o.system
            .check_joins(o.whittle.is_some(), o.attach.is_some())?;
        let (a, b) = (
            self.state_code(o.system, &o.a)?,
            self.state_code(o.system, &o.b)?,
        );
        if a == b {
            bail!(
                "a dyad needs two different states ({} was given twice)",
                o.a
            );
        }
        let (from, to) = o.years.resolve((FIRST_YEAR, LAST_YEAR))?;
        let (c1, c2) = if o.directed {
            (a, b)
        } else {
            (a.min(b), a.max(b))
        };
        let table = o.system.dyad_table(o.directed);
        let unit = o.system.dyad_unit();
        for rule in o.system.dyad_rules() {
            self.note(rule);
        }
        let frame = FrameSql {
            table,
            unit,
            unit_filter: format!("t.{} = {c1} AND t.{} = {c2}", unit[0], unit[1]),
            filter: format!("year BETWEEN {from} AND {to}"),
            order: "year".into(),
            spells: crate::spells::parse_list(&o.spells),
            replace: None,
            attach: None,
        };
        let order = if o.directed {
            "directed".to_string()
        } else {
            format!("non-directed ({} < {})", unit[0], unit[1])
        };
        let system = match o.system {
            System::Cow => "",
            System::Gw => "Gleditsch-Ward ",
        };
        let lines = vec![format!("{system}dyad {c1}-{c2}, {from}-{to}, {order}")];
        self.frame_query(frame, o.whittle.as_deref(), o.attach.as_ref(), false, lines)
    }
}
