//! What the event commands share: the CAMEO tables and profiles, the actor
//! resolver, the scan options, and the event store's SQL tables.

use crate::context::Context;
use crate::provenance::describe;
use anyhow::Context as _;
use ordo_events::{ActorResolver, ActorScheme, Cameo, EventStore, Family};
use ordo_store::{Engine, StoreDir};

/// The tables and resolver every event command needs.
pub struct EventSetup {
    pub cameo: Cameo,
    pub resolver: ActorResolver,
    pub family: Family,
    pub actors: ActorScheme,
    pub provenance: Vec<String>,
}

impl EventSetup {
    pub fn new(ctx: &Context, family: Family, codes: Option<&str>) -> anyhow::Result<EventSetup> {
        let dir = ctx.data_dir()?;
        let states = ctx.states()?;
        let cameo = Cameo::load(&dir).context("loading the CAMEO tables (cameo_lookups)")?;
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
                .add_icews_names(&dir)
                .context("loading the ICEWS country-name table (icews_country_gwcode)")?;
        }
        let provenance = cameo.sources.iter().map(describe).collect();
        Ok(EventSetup {
            cameo,
            resolver,
            family,
            actors,
            provenance,
        })
    }

    pub fn row_context(&self) -> ordo_events::parse::RowContext<'_> {
        ordo_events::parse::RowContext {
            family: self.family,
            actors: self.actors,
            resolver: &self.resolver,
            codes: &self.cameo.codes,
        }
    }
}

/// Worker threads for parsing: the machine's cores.
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// `events` (one row per stored event) and `event_totals` (events per day
/// and state), over the committed segments of the store.
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
    Ok(())
}
