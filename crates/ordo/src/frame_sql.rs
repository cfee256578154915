//! One query for a dyad-year or state-year frame with the user's choices:
//! the stored frame, some of its columns replaced (disputes whittled by
//! another chain), the user's own columns attached, peace spells counted on
//! each unit's whole history, and then the rows asked for.
//!
//! Why one builder: the choices compose (spells of a whittled onset column,
//! on a frame with attached data), and each needs the row set of the next
//! stage, so they are stages of one SQL query the engine plans together.

use crate::spells::{self, SpellSql};
use crate::Session;
use anyhow::Context as _;
use arrow_array::RecordBatch;
use ordo_store::Engine;

/// A table joined onto the frame by its keys (`ccode1, ccode2, year` or
/// `ccode, year`), registered in the query's engine.
pub(crate) struct Join {
    pub name: String,
    pub batch: RecordBatch,
    /// Its columns besides the keys: for a replacement, the frame columns
    /// they replace, each with the years in which a missing row means 0.
    pub columns: Vec<(String, Option<(i32, i32)>)>,
}

/// The query being built.
pub(crate) struct FrameSql<'a> {
    /// The stored frame: `dyad_years`, `dyad_years_directed`, `state_years`.
    pub table: &'a str,
    /// Unit columns (`ccode1`, `ccode2` or `ccode`); the keys are these and
    /// `year`.
    pub unit: &'a [&'a str],
    /// Which units (over all their years), on the stored frame's columns.
    pub unit_filter: String,
    /// Which rows, on the result's columns.
    pub filter: String,
    pub order: String,
    pub spells: Vec<String>,
    pub replace: Option<Join>,
    pub attach: Option<Join>,
}

impl FrameSql<'_> {
    /// Whether anything beyond a plain selection is asked.
    pub fn is_plain(&self) -> bool {
        self.spells.is_empty() && self.replace.is_none() && self.attach.is_none()
    }

    /// Registers the joined tables in `engine`, checks the spell columns and
    /// returns the SQL, and what the sources should add (attached rows that
    /// match no row of the frame).
    pub fn prepare(
        self,
        session: &Session,
        engine: &Engine,
    ) -> anyhow::Result<(String, Vec<String>)> {
        if self.is_plain() {
            let sql = format!(
                "SELECT * FROM {} t WHERE ({}) AND ({}) ORDER BY {}",
                self.table, self.unit_filter, self.filter, self.order
            );
            return Ok((sql, Vec::new()));
        }
        let stored = self.stored_columns(engine)?;
        for j in self.replace.iter().chain(&self.attach) {
            engine
                .register_batch(&j.name, j.batch.clone())
                .with_context(|| format!("registering {}", j.name))?;
        }
        let mut lines = Vec::new();
        if let Some(a) = &self.attach {
            let outside = self.outside_frame(engine, &a.name)?;
            if outside > 0 {
                let line = format!(
                    "attached: {outside} of {} keyed rows match no row of the {} frame (that state or dyad is not in it that year) and are not shown",
                    a.batch.num_rows(),
                    self.table
                );
                session.note(line.clone());
                lines.push(line);
            }
        }
        let base = self.base(&stored);
        if !self.spells.is_empty() {
            session.note(crate::query::SPELL_RULE);
            let mut columns = stored.clone();
            columns.extend(
                self.attach
                    .iter()
                    .flat_map(|a| a.columns.iter().map(|c| c.0.clone())),
            );
            spells::check(
                engine,
                self.table,
                &columns,
                &format!("({base}) AS b"),
                &self.spells,
            )?;
        }
        Ok((self.with_spells(&base), lines))
    }

    /// The stored frame's columns, in order.
    pub fn stored_columns(&self, engine: &Engine) -> anyhow::Result<Vec<String>> {
        Ok(engine
            .schema_of(&format!("SELECT * FROM {} LIMIT 0", self.table))?
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect())
    }

    /// Rows of a joined table whose keys are in no row of the frame.
    fn outside_frame(&self, engine: &Engine, name: &str) -> anyhow::Result<i64> {
        let keys: Vec<&str> = self.unit.iter().copied().chain(["year"]).collect();
        let on: Vec<String> = keys.iter().map(|k| format!("t.{k} = a.{k}")).collect();
        let sql = format!(
            "SELECT COUNT(*) AS n FROM {name} a WHERE NOT EXISTS (SELECT 1 FROM {} t WHERE {})",
            self.table,
            on.join(" AND ")
        );
        let b = engine.sql(&sql)?;
        Ok(crate::columns::ints(&b[0], "n")[0].unwrap_or(0))
    }

    /// The frame's rows of the chosen units with replaced and attached
    /// columns, in the stored frame's column order.
    fn base(&self, stored: &[String]) -> String {
        let replaced = |c: &str| {
            self.replace
                .as_ref()
                .and_then(|r| r.columns.iter().find(|(n, _)| n == c))
        };
        let mut items: Vec<String> = stored
            .iter()
            .map(|c| match replaced(c) {
                Some((_, Some((lo, hi)))) => format!(
                    "COALESCE(w.\"{c}\", CASE WHEN t.year BETWEEN {lo} AND {hi} THEN 0 END) AS \"{c}\""
                ),
                Some((_, None)) => format!("w.\"{c}\" AS \"{c}\""),
                None => format!("t.\"{c}\""),
            })
            .collect();
        if let Some(a) = &self.attach {
            items.extend(a.columns.iter().map(|(c, _)| format!("a.\"{c}\"")));
        }
        let keys: Vec<&str> = self.unit.iter().copied().chain(["year"]).collect();
        let on = |alias: &str| {
            keys.iter()
                .map(|k| format!("t.{k} = {alias}.{k}"))
                .collect::<Vec<_>>()
                .join(" AND ")
        };
        let mut from = format!("{} t", self.table);
        if let Some(r) = &self.replace {
            from += &format!(" LEFT JOIN {} w ON {}", r.name, on("w"));
        }
        if let Some(a) = &self.attach {
            from += &format!(" LEFT JOIN {} a ON {}", a.name, on("a"));
        }
        format!(
            "SELECT {} FROM {from} WHERE {}",
            items.join(", "),
            self.unit_filter
        )
    }

    fn with_spells(&self, base: &str) -> String {
        let (filter, order) = (&self.filter, &self.order);
        if self.spells.is_empty() {
            return format!("SELECT * FROM ({base}) AS b WHERE {filter} ORDER BY {order}");
        }
        let s = SpellSql::new(self.unit, &self.spells);
        format!(
            "WITH f AS ({base}), g AS (SELECT *, {} FROM f), h AS (SELECT *, {} FROM g) \
             SELECT * EXCLUDE ({}), {} FROM h WHERE {filter} ORDER BY {order}",
            s.ids.join(", "),
            s.spells.join(", "),
            s.helpers.join(", "),
            s.powers.join(", ")
        )
    }
}

impl Session {
    /// Runs a frame query with the user's choices: disputes whittled by a
    /// named chain (dyad frames), a file attached, spells. `stored_order`:
    /// a plain query may stream the frame as stored (`Query::in_stored_order`).
    pub(crate) fn frame_query(
        &self,
        mut frame: FrameSql<'_>,
        whittle: Option<&str>,
        attach: Option<&crate::attach::Attach>,
        stored_order: bool,
        mut lines: Vec<String>,
    ) -> anyhow::Result<crate::Query> {
        let (engine, _) = self.engine()?;
        if let Some(w) = whittle {
            let chain = ordo_measures::whittle::parse_chain(w).map_err(anyhow::Error::msg)?;
            let (join, more) = self.whittled_disputes(&chain)?;
            frame.replace = Some(join);
            lines.extend(more);
        }
        if let Some(a) = attach {
            let columns = frame.stored_columns(&engine)?;
            let directed = frame.table.ends_with("_directed");
            let (join, more) = self.attachment(a, frame.unit, directed, &columns)?;
            frame.attach = Some(join);
            lines.extend(more);
        }
        let plain = frame.is_plain();
        let (sql, more) = frame.prepare(self, &engine)?;
        lines.extend(more);
        let q = crate::Query::on_engine(self, engine, sql, lines);
        Ok(if plain && stored_order {
            q.in_stored_order()
        } else {
            q
        })
    }
}
