//! A SQL answer that can be streamed batch by batch (the CLI writes a
//! million-row frame without holding it) or collected into a [`Table`].

use crate::table::Table;
use crate::Session;
use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use ordo_store::Engine;

/// A query on the store, not yet run.
pub struct Query {
    engine: Engine,
    sql: String,
    /// Lines added to the engine's sources (what the rows are).
    lines: Vec<String>,
}

impl Query {
    /// `sql` on `session`'s store; `lines` are added to the sources.
    pub fn new(session: &Session, sql: String, lines: Vec<String>) -> anyhow::Result<Query> {
        session.note(format!("query: {sql}"));
        let (engine, _world) = session.engine()?;
        Ok(Query { engine, sql, lines })
    }

    /// `sql` on an engine already prepared for it (tables registered).
    pub(crate) fn on_engine(
        session: &Session,
        engine: Engine,
        sql: String,
        lines: Vec<String>,
    ) -> Query {
        session.note(format!("query: {sql}"));
        Query { engine, sql, lines }
    }

    /// The rows in the order they are stored (the derived frames are
    /// written sorted; see `Engine::in_stored_order`).
    pub fn in_stored_order(self) -> Query {
        Query {
            engine: self.engine.in_stored_order(),
            ..self
        }
    }

    /// Runs the query, handing each batch to `each`; returns the schema and
    /// the sources of every table it touched.
    pub fn stream(
        self,
        mut each: impl FnMut(&RecordBatch) -> anyhow::Result<()>,
    ) -> anyhow::Result<(SchemaRef, Vec<String>)> {
        let mut failure = None;
        let schema = self.engine.stream(&self.sql, |batch| {
            if failure.is_none() {
                failure = each(batch).err();
            }
            Ok(())
        })?;
        if let Some(e) = failure {
            return Err(e);
        }
        let mut sources = self.engine.provenance();
        sources.extend(self.lines);
        // A table built for this answer is cached while the answer is used;
        // a cache that could not be written is an error of the call too.
        self.engine.wait_for_cache()?;
        Ok((schema, sources))
    }

    /// Runs the query and keeps every batch.
    pub fn collect(self) -> anyhow::Result<Table> {
        let mut batches = Vec::new();
        let (schema, sources) = self.stream(|b| {
            batches.push(b.clone());
            Ok(())
        })?;
        Ok(Table {
            schema,
            batches,
            sources,
        })
    }
}

/// How peace spells are counted, printed with `--verbose`.
pub const SPELL_RULE: &str = "spells (peacesciencer add_spells rule): per unit in year order, first row 0, +1 per row, 0 on the row after an event; counted on the unit's whole history, then the years kept; NULL events get NULL spells; _spell2/_spell3 are the Carter-Signorino square and cube";

/// The rules behind the dyad-year frames, printed with `--verbose`.
pub const DYAD_RULES: &[&str] = &[
    "dyad-years: pairs of COW members on a same day of the year; spells open at the end of COW v2016 (2016-12-31) extended through 2022",
    "MIDs (COW v5.0, GML v2.2.1): one dispute per dyad-year as whittled by peacesciencer (onsets first, then highest fatality, hostility, duration, reciprocation, earliest start month; --whittle for another chain); ongoing/onset 0 inside coverage when no dispute, hostlev/fatality NULL",
    "war (COW v4.0): a dyad-year in several wars takes the maximum of ongoing and onset",
    "contiguity (COW v3.2): closest type (smallest code >= 1) of any spell overlapping the year; 0 none; NULL after 2016",
    "politically relevant (prd): contiguous (types 1-5) or a COW major on either side; after 2016 each dyad's 2016 contiguity is carried forward (prd_carried = 1)",
    "UCDP ACD v25.1: primary parties on either side (gwno_a, gwno_b), GW codes mapped to COW on 31 December; ucdp_interstate = opposite sides of an interstate conflict",
    "state attributes ...1/...2 (NMC components, SDP, territorial threat, CREG, HIEF): NULL where the source has no state-year",
    "capital distance: capitals in place on 31 December (else the latest spell in the year), haversine on a 6,371 km sphere",
    "UN votes: countries mapped to COW codes on each vote's date; roll calls grouped by calendar year of the vote",
    "BSV ideal points: state-years listed twice in the source (Nauru 2000-2012) are NULL",
    "ATOP pledges: 0 inside 1815-2018 when no alliance row, NULL outside",
];
