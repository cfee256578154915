//! The international system, one row per year.

use crate::provenance::Provenance;
use crate::tables::{FIRST_YEAR, LAST_YEAR};
use crate::{Session, Span, Table};
use ordo_measures::majors_rule::MajorsRule;
use ordo_measures::system_year::{system_years, to_batch};
use ordo_measures::Universe;

/// Options of [`Session::system`].
#[derive(Debug, Clone)]
pub struct SystemOptions {
    /// Years [default: 1816-2022].
    pub years: Span,
    /// Major-power rule: cow (v2016), cow2024, top:K, share:θ, or a CSV
    /// file ccode,from,to.
    pub majors: String,
}

impl Default for SystemOptions {
    fn default() -> SystemOptions {
        SystemOptions {
            years: Span::ALL,
            majors: "cow2024".into(),
        }
    }
}

impl Session {
    /// The system year by year: the major powers under a rule, their shares
    /// of the majors' capabilities, Ray-Singer concentration (CON), HHI and
    /// the effective number of poles, ΔCON and MOVE over 1 and 5 years,
    /// leader and challenger, and disputes, wars, rivalries and alliances
    /// among the majors (formulas: docs/measures.md).
    pub fn system(&self, o: &SystemOptions) -> anyhow::Result<Table> {
        let rule = MajorsRule::parse(&o.majors).map_err(anyhow::Error::msg)?;
        let (from, to) = o.years.resolve((FIRST_YEAR, LAST_YEAR))?;
        let world = self.world()?;
        let (states, inputs) = world.get().map_err(anyhow::Error::msg)?;
        let universe = Universe::new(&states.system, Some(LAST_YEAR));
        let frame = system_years(inputs, states, &universe, &rule, from, to);
        for w in &frame.warnings {
            eprintln!("warning: {w}");
        }
        let provenance = Provenance::of_world(states, inputs).with(format!("majors rule: {rule}"));
        Ok(Table::new(to_batch(&frame), provenance))
    }
}
