//! SQL over every dataset and derived table (Apache DataFusion).

use crate::frame::Frame;
use crate::provenance::Provenance;
use crate::query::Query;
use crate::{Session, Table};

impl Session {
    /// Runs `query` (DataFusion's SQL dialect) over ordo's tables: every
    /// dataset ordo reads (cow_nmc, atop_alliance, un_votes, …) and every
    /// derived frame (dyad_years, dyad_years_directed, state_years). Tables
    /// are built on first use and cached as Parquet in the store, keyed by
    /// the checksums of their inputs.
    pub fn sql(&self, query: &str) -> anyhow::Result<Query> {
        Query::new(self, query.to_string(), Vec::new())
    }

    /// The tables [`Session::sql`] can read, with a line on each.
    pub fn tables(&self) -> anyhow::Result<Table> {
        let (engine, _world) = self.engine()?;
        let tables = engine.tables();
        let batch = Frame::new()
            .text("table", tables.iter().map(|t| Some(t.0.as_str())))
            .text("description", tables.iter().map(|t| Some(t.1.as_str())))
            .build()?;
        Ok(Table::new(batch, Provenance::default()))
    }
}
