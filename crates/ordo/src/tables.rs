//! The tables of ordo's SQL store: every dataset ordo reads, by its reader's
//! table name, and the derived frames. Inputs are loaded at most once per run
//! and only when a query needs a derived table.

use crate::provenance::{describe, Provenance};
use ordo_measures::distance::GwCapitals;
use ordo_measures::gw::{self, Systems};
use ordo_measures::{dyad_frame, Inputs};
use ordo_sources::{datasets, DataDir};
use ordo_states::States;
use ordo_store::{Built, TableDef};
use std::sync::{Arc, OnceLock};

/// First and last year of the derived frames: COW membership from 1816;
/// spells open at the end of COW v2016 are extended through 2022, the last
/// year of NMC v7.0 (see `docs/measures.md`).
pub const FIRST_YEAR: i32 = 1816;
pub const LAST_YEAR: i32 = 2022;

/// States and inputs, loaded on first use.
pub struct World {
    dir: DataDir,
    loaded: OnceLock<Result<(States, Inputs), String>>,
}

impl World {
    pub fn new(dir: DataDir) -> Arc<World> {
        Arc::new(World {
            dir,
            loaded: OnceLock::new(),
        })
    }

    pub fn data_dir(&self) -> &DataDir {
        &self.dir
    }

    pub fn get(&self) -> Result<&(States, Inputs), String> {
        self.loaded
            .get_or_init(|| {
                let states = States::load(&self.dir).map_err(|e| e.to_string())?;
                let inputs = Inputs::load(&self.dir, &states).map_err(|e| e.to_string())?;
                Ok((states, inputs))
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    fn provenance(&self) -> Vec<String> {
        self.get()
            .map(|(s, i)| Provenance::of_world(s, i).lines)
            .unwrap_or_default()
    }
}

/// Every table definition.
pub fn definitions(world: &Arc<World>) -> Vec<TableDef> {
    let mut defs: Vec<TableDef> = datasets::all()
        .into_iter()
        .map(|spec| dataset_table(&world.dir, spec))
        .collect();
    let inputs: Vec<std::path::PathBuf> = derived_inputs(&world.dir);
    for (name, directed) in [("dyad_years", false), ("dyad_years_directed", true)] {
        let w = Arc::clone(world);
        defs.push(TableDef {
            name: name.into(),
            description: format!(
                "{} dyad-years {FIRST_YEAR}-{LAST_YEAR} with every measure (see docs/measures.md)",
                if directed { "directed" } else { "non-directed" }
            ),
            inputs: inputs.clone(),
            params: format!("{FIRST_YEAR}-{LAST_YEAR} directed={directed}"),
            cached: true,
            sorted_by: vec!["ccode1".into(), "ccode2".into(), "year".into()],
            build: Arc::new(move || {
                let (states, inputs) = w.get()?;
                let systems = Systems::new(states, FIRST_YEAR, Some(LAST_YEAR));
                let keys = systems.cow.dyad_years(FIRST_YEAR, LAST_YEAR, directed);
                let frame = dyad_frame(inputs, states, &systems.cow, &keys);
                Ok(Built {
                    batch: gw::with_gw_codes(&frame.batch, &systems, &keys),
                    provenance: w.provenance(),
                })
            }),
        });
    }
    let w = Arc::clone(world);
    defs.push(TableDef {
        name: "state_years".into(),
        description: format!("state-years {FIRST_YEAR}-{LAST_YEAR}: CINC, share, majors, democracy, leader, trade, IGOs"),
        inputs: inputs.clone(),
        params: format!("{FIRST_YEAR}-{LAST_YEAR}"),
        cached: true,
        sorted_by: vec!["ccode".into(), "year".into()],
        build: Arc::new(move || {
            let (states, inputs) = w.get()?;
            let systems = Systems::new(states, FIRST_YEAR, Some(LAST_YEAR));
            let (cow, from, to) = (&systems.cow, FIRST_YEAR, LAST_YEAR);
            let batch = ordo_measures::state_year::state_frame(inputs, states, cow, &[], from, to);
            let batch = gw::with_gw_code(&batch, &systems);
            Ok(Built { batch, provenance: w.provenance() })
        }),
    });
    defs.extend(gw_definitions(world, &inputs));
    defs.extend(crate::leaders::definitions(world));
    defs.push(crate::state_days::definition(world));
    defs
}

/// The Gleditsch-Ward frames (`--system gw`): GW dyad-years and
/// state-years with their COW codes and the COW measures of those codes,
/// capital distances between GW capitals (`ordo_measures::gw`).
fn gw_definitions(world: &Arc<World>, inputs: &[std::path::PathBuf]) -> Vec<TableDef> {
    let mut defs = Vec::new();
    let rules = |w: &World, more: Vec<String>| {
        let mut lines = w.provenance();
        lines.extend(more);
        lines.extend(crate::state_system::GW_RULES.iter().map(|r| r.to_string()));
        lines
    };
    for (name, directed) in [("gw_dyad_years", false), ("gw_dyad_years_directed", true)] {
        let w = Arc::clone(world);
        defs.push(TableDef {
            name: name.into(),
            description: format!(
                "{} Gleditsch-Ward dyad-years {FIRST_YEAR}-{LAST_YEAR}: GW and COW codes, {}",
                if directed { "directed" } else { "non-directed" },
                "the measures of the COW codes, GW capital distance"
            ),
            inputs: inputs.to_vec(),
            params: format!("{FIRST_YEAR}-{LAST_YEAR} directed={directed} system=gw"),
            cached: true,
            sorted_by: vec!["gwcode1".into(), "gwcode2".into(), "year".into()],
            build: Arc::new(move || {
                let (states, inputs) = w.get()?;
                let (capitals, used) = GwCapitals::load(w.data_dir()).map_err(|e| e.to_string())?;
                let systems = Systems::new(states, FIRST_YEAR, Some(LAST_YEAR));
                let keys = systems.gw.dyad_years(FIRST_YEAR, LAST_YEAR, directed);
                let frame = gw::gw_dyad_frame(inputs, &systems, &capitals, &keys);
                Ok(Built {
                    batch: frame.batch,
                    provenance: rules(&w, vec![describe(&used)]),
                })
            }),
        });
    }
    let w = Arc::clone(world);
    defs.push(TableDef {
        name: "gw_state_years".into(),
        description: format!(
            "Gleditsch-Ward state-years {FIRST_YEAR}-{LAST_YEAR}: GW and COW codes, {}",
            "the COW state-year columns of the COW code"
        ),
        inputs: inputs.to_vec(),
        params: format!("{FIRST_YEAR}-{LAST_YEAR} system=gw"),
        cached: true,
        sorted_by: vec!["gwcode".into(), "year".into()],
        build: Arc::new(move || {
            let (states, inputs) = w.get()?;
            let systems = Systems::new(states, FIRST_YEAR, Some(LAST_YEAR));
            let batch = gw::gw_state_frame(inputs, &systems, FIRST_YEAR, LAST_YEAR);
            Ok(Built {
                batch,
                provenance: rules(&w, Vec::new()),
            })
        }),
    });
    defs
}

fn dataset_table(dir: &DataDir, spec: &'static ordo_sources::typed::TableSpec) -> TableDef {
    let d = dir.clone();
    let path = dir.root().join(spec.dataset).join(spec.file);
    let title = ordo_sources::catalog::dataset(spec.dataset).map_or("", |d| d.title);
    TableDef {
        name: spec.table.into(),
        description: format!("{title} ({}/{})", spec.dataset, spec.file),
        inputs: vec![path],
        params: String::new(),
        cached: true,
        sorted_by: Vec::new(),
        build: Arc::new(move || {
            let t = spec.read(&d).map_err(|e| e.to_string())?;
            Ok(Built {
                batch: t.batch,
                provenance: vec![describe(&t.source)],
            })
        }),
    }
}

/// The files the derived frames read.
fn derived_inputs(dir: &DataDir) -> Vec<std::path::PathBuf> {
    let mut files: Vec<std::path::PathBuf> = datasets::all()
        .iter()
        .map(|s| dir.root().join(s.dataset).join(s.file))
        .collect();
    files.sort();
    files.dedup();
    files
}
