//! For each measure of a dyad, the years with a value and why the others
//! have none.

use crate::frame::Frame;
use crate::provenance::Provenance;
use crate::tables::{FIRST_YEAR, LAST_YEAR};
use crate::{Session, Span, Table};
use ordo_measures::coverage::{dyad_coverage, Status};
use ordo_measures::{dyad_frame, Universe};

impl Session {
    /// Per measure: the years covered for the dyad `a`-`b`, and the years
    /// missing because the two were not both members (not_member), because
    /// the source does not cover the year (outside_coverage), or because the
    /// source covers the year but has no value for the dyad (no_data).
    pub fn coverage(&self, a: &str, b: &str, years: Span) -> anyhow::Result<Table> {
        let world = self.world()?;
        let (states, inputs) = world.get().map_err(anyhow::Error::msg)?;
        let r = states.resolver();
        let (a, b) = (r.resolve(a)?.state.code.0, r.resolve(b)?.state.code.0);
        let (from, to) = years.resolve((FIRST_YEAR, LAST_YEAR))?;
        let universe = Universe::new(&states.system, Some(LAST_YEAR));
        let keys = universe.dyad(a, b, from, to, false);
        let frame = dyad_frame(inputs, states, &universe, &keys);
        let rows = dyad_coverage(&frame, from, to);
        let get = |s: Status| {
            rows.iter()
                .map(move |m| m.ranges.get(&s).cloned())
                .collect::<Vec<_>>()
        };
        let batch = Frame::new()
            .text("measure", rows.iter().map(|m| Some(m.measure)))
            .text("source", rows.iter().map(|m| Some(m.source)))
            .text("covered", get(Status::Covered))
            .text("not_member", get(Status::NotMember))
            .text("outside_coverage", get(Status::OutsideCoverage))
            .text("no_data", get(Status::NoData))
            .build()?;
        let provenance = Provenance::of_world(states, inputs).with(format!(
            "dyad {}-{}, {from}-{to}",
            a.min(b),
            a.max(b)
        ));
        Ok(Table::new(batch, provenance))
    }
}
