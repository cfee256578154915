//! Every dyad-year of a span, like peacesciencer's `create_dyadyears()`
//! followed by every `add_*()`.

use crate::attach::Attach;
use crate::frame_sql::FrameSql;
use crate::query::Query;
use crate::tables::{FIRST_YEAR, LAST_YEAR};
use crate::{Session, Span, System};

/// Options of [`Session::dyads`].
#[derive(Debug, Clone, Default)]
pub struct DyadsOptions {
    /// Years [default: 1816-2022].
    pub years: Span,
    /// Both orderings of each pair.
    pub directed: bool,
    /// Only politically relevant dyads (`prd = 1`): directly contiguous
    /// (types 1-5) or with a COW major power (Lemke & Reed 2001;
    /// peacesciencer `filter_prd`). Contiguity ends in 2016; later years use
    /// the dyad's 2016 contiguity (flagged `prd_carried = 1`), never
    /// "absent = not contiguous".
    pub only_politically_relevant: bool,
    /// 0/1 event columns to add peace spells for, counted on each dyad's
    /// whole history before the years and the politically relevant filter
    /// are applied (see `spells.rs`).
    pub spells: Vec<String>,
    /// Whittle the dispute-years by these rules (comma-separated names,
    /// `whittle.rs`) instead of reading the pre-whittled files.
    pub whittle: Option<String>,
    /// The user's own data to join on the dyad-years.
    pub attach: Option<Attach>,
    /// The state system: COW (default) or Gleditsch-Ward (`gwcode1`,
    /// `gwcode2` first, `ccode1`, `ccode2` beside them).
    pub system: System,
}

impl Session {
    /// All dyad-years: every pair of states that were both system members on
    /// a same day of the year, with every measure, ordered by ccode1,
    /// ccode2, year.
    pub fn dyads(&self, o: &DyadsOptions) -> anyhow::Result<Query> {
        let (from, to) = o.years.resolve((FIRST_YEAR, LAST_YEAR))?;
        o.system
            .check_joins(o.whittle.is_some(), o.attach.is_some())?;
        let table = o.system.dyad_table(o.directed);
        let unit = o.system.dyad_unit();
        let prd = if o.only_politically_relevant {
            " AND prd = 1"
        } else {
            ""
        };
        for rule in o.system.dyad_rules() {
            self.note(rule);
        }
        let what = if prd.is_empty() {
            ""
        } else {
            ", politically relevant only"
        };
        let system = match o.system {
            System::Cow => "",
            System::Gw => "Gleditsch-Ward ",
        };
        let lines = vec![format!("{system}dyad-years {from}-{to}{what}")];
        let frame = FrameSql {
            table,
            unit,
            unit_filter: "TRUE".into(),
            filter: format!("year BETWEEN {from} AND {to}{prd}"),
            order: format!("{}, year", unit.join(", ")),
            spells: crate::spells::parse_list(&o.spells),
            replace: None,
            attach: None,
        };
        self.frame_query(frame, o.whittle.as_deref(), o.attach.as_ref(), true, lines)
    }
}
