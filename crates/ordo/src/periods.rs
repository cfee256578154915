//! The periodization analyses use: orders, phases, turning points.

use crate::frame::Frame;
use crate::provenance::Provenance;
use crate::{Session, Table};
use std::path::Path;

impl Session {
    /// The orders of the periodization, their stable, crisis and change
    /// phases and turning points. `file` is a periodization (TOML) replacing
    /// the article's Table 1 (crates/analysis/data/periods.toml).
    pub fn periods(&self, file: Option<&Path>) -> anyhow::Result<Table> {
        let p = self.periods_from(file)?;
        let mut rows: Vec<(String, &'static str, i32, Option<i32>, String)> = Vec::new();
        for o in &p.orders {
            rows.push((o.name.clone(), "order", o.from, Some(o.to), String::new()));
            for ph in &o.phases {
                rows.push((
                    o.name.clone(),
                    ph.kind.as_str(),
                    ph.from,
                    Some(ph.to),
                    String::new(),
                ));
            }
            for t in &o.turning_points {
                rows.push((
                    o.name.clone(),
                    "turning point",
                    t.year,
                    t.end,
                    t.label.clone(),
                ));
            }
        }
        let batch = Frame::new()
            .text("order", rows.iter().map(|r| Some(r.0.as_str())))
            .text("kind", rows.iter().map(|r| Some(r.1)))
            .int("from", rows.iter().map(|r| Some(i64::from(r.2))))
            .int("to", rows.iter().map(|r| r.3.map(i64::from)))
            .text(
                "label",
                rows.iter()
                    .map(|r| Some(r.4.as_str()).filter(|s| !s.is_empty())),
            )
            .build()?;
        let provenance = Provenance::default().with(format!(
            "periodization {} ({}, sha256 {}); {}",
            p.name, p.file, p.sha256, p.source
        ));
        Ok(Table::new(batch, provenance))
    }
}
