//! What the event commands share: the CAMEO tables and profiles, the actor
//! resolver, the scan options, and the event store's SQL tables.

use crate::provenance::describe;
use anyhow::{bail, Context as _};
use ordo_events::{ActorResolver, ActorScheme, Cameo, EventStore, Family};
use ordo_sources::DataDir;
use ordo_states::States;
use ordo_store::{Built, Engine, StoreDir, TableDef};
use std::collections::BTreeMap;

/// The tables and resolver every event command needs.
pub struct EventSetup {
    pub cameo: Cameo,
    pub crosswalk: ordo_states::Crosswalk,
    pub resolver: ActorResolver,
    pub family: Family,
    pub actors: ActorScheme,
    pub provenance: Vec<String>,
}

impl EventSetup {
    /// The setup for files of `family` whose actors are coded as `codes`
    /// (default: ICEWS names for ICEWS, CAMEO country codes otherwise).
    pub fn new(
        dir: &DataDir,
        states: &States,
        family: Family,
        codes: Option<&str>,
    ) -> anyhow::Result<EventSetup> {
        let cameo = Cameo::load(dir).context("loading the CAMEO tables (cameo_lookups)")?;
        let mut resolver = ActorResolver::new(&states.crosswalk, &states.system)?;
        let actors = match codes {
            Some(c) => ActorScheme::parse(c)?,
            None => match family {
                Family::Icews => ActorScheme::IcewsName,
                _ => ActorScheme::Cameo,
            },
        };
        if actors == ActorScheme::IcewsName {
            resolver
                .add_icews_names(dir)
                .context("loading the ICEWS country-name table (icews_country_gwcode)")?;
        }
        let provenance = cameo.sources.iter().map(describe).collect();
        Ok(EventSetup {
            crosswalk: states.crosswalk.clone(),
            cameo,
            resolver,
            family,
            actors,
            provenance,
        })
    }

    /// Every CAMEO code the crosswalk gives a COW state, at any date.
    pub fn cameo_codes_of(&self, ccode: u16) -> Vec<String> {
        let mut codes: Vec<String> = self
            .crosswalk
            .rows(ordo_states::Scheme::Cameo)
            .filter(|m| m.ccode.0 == ccode)
            .map(|m| m.code.trim().to_uppercase())
            .collect();
        codes.sort();
        codes.dedup();
        codes
    }

    pub fn row_context(&self) -> ordo_events::parse::RowContext<'_> {
        ordo_events::parse::RowContext {
            family: self.family,
            actors: self.actors,
            resolver: &self.resolver,
            codes: &self.cameo.codes,
            event_texts: &self.cameo.icews_texts,
        }
    }
}

/// The `--map FIELD=COLUMN` pairs of a header file.
pub fn parse_map(map: &[String]) -> anyhow::Result<Vec<(String, String)>> {
    map.iter()
        .map(|m| match m.split_once('=') {
            Some((f, c)) if !f.is_empty() && !c.is_empty() => Ok((f.to_string(), c.to_string())),
            _ => bail!("--map {m}: expected FIELD=COLUMN"),
        })
        .collect()
}

/// Worker threads for parsing: the machine's cores (the event engine's
/// own count, so both sides agree).
pub use ordo_events::lines::threads;

/// `event_dyad_months`: every dyad's monthly series under the default
/// profile, built from the store on first use and cached (keyed by the
/// manifest, so a new ingest is never served stale).
pub fn series_table(world: &std::sync::Arc<crate::tables::World>, store: &StoreDir) -> TableDef {
    let events = EventStore::new(store.root());
    let w = std::sync::Arc::clone(world);
    let manifest = events.manifest_path();
    TableDef {
        name: "event_dyad_months".into(),
        description: "event series of every dyad by month, profile gdelt@1 (see docs/events.md); needs `ordo ingest`".into(),
        inputs: if manifest.exists() { vec![manifest] } else { Vec::new() },
        params: "month gdelt@1 cow undirected".into(),
        cached: true,
        sorted_by: vec!["actor1".into(), "actor2".into(), "period".into()],
        build: std::sync::Arc::new(move || build_series(&w, &events).map_err(|e| format!("{e:#}"))),
    }
}

fn build_series(world: &crate::tables::World, events: &EventStore) -> anyhow::Result<Built> {
    let dir = world.data_dir();
    let cameo = Cameo::load(dir)?;
    let profile = cameo.profile("gdelt")?;
    let compiled = ordo_events::Compiled::new(&profile, &cameo.codes);
    let spec = ordo_events::SeriesSpec {
        by: ordo_events::Period::Month,
        directed: false,
        root_only: false,
        weight: ordo_events::Weight::None,
        keys: ordo_events::Keys::Cow,
        dyad: None,
        from: None,
        to: None,
    };
    let mut agg = ordo_events::Aggregator::new(spec, vec![compiled]);
    let read = ordo_events::query::scan_store(events, &mut agg, None)?;
    let rows = agg.finish();
    let batch = crate::event_frame::frame(
        &rows,
        &[profile],
        ordo_events::Period::Month,
        ordo_events::Keys::Cow,
        false,
        true,
    )?;
    let mut provenance: Vec<String> = cameo.sources.iter().map(describe).collect();
    provenance.push(format!(
        "event store {}: {} rows in {} files",
        events.root().display(),
        read.rows_read,
        read.files
    ));
    Ok(Built { batch, provenance })
}

/// `events` (one row per stored event), `event_totals` (events per day
/// and state) and `event_mentions` (GDELT 2.0 Mentions per event id and
/// source name), over what the store's manifest names.
pub fn register_tables(engine: &Engine, store: &StoreDir) -> anyhow::Result<()> {
    let events = EventStore::new(store.root());
    engine.register_files(
        "events",
        &events.parquet_files()?,
        ordo_events::arrow::schema(),
    )?;
    engine.register_files(
        "event_totals",
        &events.totals_files()?,
        ordo_events::ingest::totals_schema(),
    )?;
    engine.register_files(
        "event_mentions",
        &events.mention_files()?,
        ordo_events::mentions::schema(),
    )?;
    Ok(())
}

/// Cooperative and conflictual events of the dyad per year in the event
/// store (profile gdelt@1); empty when nothing is ingested.
pub fn dyad_event_years(
    store: &StoreDir,
    dir: &DataDir,
    a: u16,
    b: u16,
) -> anyhow::Result<BTreeMap<i32, (i64, i64)>> {
    let store = ordo_events::EventStore::new(store.root());
    if store.manifest()?.segments.is_empty() {
        return Ok(BTreeMap::new());
    }
    let cameo = ordo_events::Cameo::load(dir)?;
    let profile = cameo.profile("gdelt")?;
    let spec = ordo_events::SeriesSpec {
        by: ordo_events::Period::Year,
        directed: false,
        root_only: false,
        weight: ordo_events::Weight::None,
        keys: ordo_events::Keys::Cow,
        dyad: Some((ordo_events::Actor::Cow(a), ordo_events::Actor::Cow(b))),
        from: None,
        to: None,
    };
    let mut agg = ordo_events::Aggregator::new(
        spec,
        vec![ordo_events::Compiled::new(&profile, &cameo.codes)],
    );
    agg.use_external_totals();
    ordo_events::query::scan_store(&store, &mut agg, ordo_events::arrow::dyad_key(a, b))?;
    Ok(agg
        .finish()
        .into_iter()
        .filter(|r| r.events > 0)
        .map(|r| (r.period, (r.profiles[0].coop, r.profiles[0].conflict)))
        .collect())
}
