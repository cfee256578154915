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

    /// [`Session::sql`] with the user's files served as tables too: each
    /// `(name, file)` (CSV with a header row, or Parquet) is the table
    /// `name` for this query only; nothing is copied into the store.
    pub fn sql_with(
        &self,
        query: &str,
        files: &[(String, std::path::PathBuf)],
    ) -> anyhow::Result<Query> {
        let (engine, _) = self.engine()?;
        let mut lines = Vec::new();
        for (name, file) in files {
            if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') || name.is_empty() {
                anyhow::bail!("--attach {name}=…: a table name is letters, digits and _");
            }
            let batch = crate::attach::read_file(file)?;
            lines.push(format!(
                "table {name}: {} ({} rows, attached for this query)",
                file.display(),
                batch.num_rows()
            ));
            engine.register_batch(name, batch)?;
        }
        Ok(Query::on_engine(self, engine, query.to_string(), lines))
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
