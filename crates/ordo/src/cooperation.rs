//! the dyad's yearly cooperation index and its
//! components.

use crate::frame::Frame;
use crate::provenance::Provenance;
use crate::{Session, Table};
use anyhow::{bail, Context as _};
use ordo_analysis::cooperation::{cooperation_index, CoopRecipe};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Options of [`Session::cooperation`].
#[derive(Debug, Clone, Default)]
pub struct CooperationOptions {
    /// First state
    pub a: String,
    /// Second state
    pub b: String,
    pub years: crate::Span,
    /// Cooperation recipe file (TOML)
    pub recipe: Option<PathBuf>,
}

/// The dyad's components per year, in the recipe's order.
pub struct Components {
    pub years: Vec<i32>,
    pub values: Vec<Vec<Option<f64>>>,
    pub provenance: Vec<String>,
}

/// The dyad-year columns the components are computed from.
pub const COLUMNS: [&str; 13] = [
    "atop_defense",
    "atop_offense",
    "atop_neutral",
    "atop_nonagg",
    "atop_consul",
    "atop_s",
    "un_agree",
    "bsv_distance",
    "trade_dep1",
    "trade_dep2",
    "cowmid_ongoing",
    "cowmid_hostlev",
    "cowwar_inter",
];

/// One component of a dyad-year from its dyad-year columns (`get`) and
/// its events (cooperative, conflictual) if any.
pub fn component_value(
    name: &str,
    get: &dyn Fn(&str) -> Option<f64>,
    events: Option<(i64, i64)>,
) -> Option<f64> {
    match name {
        "atop_any" => {
            let v: Vec<f64> = COLUMNS[..5].iter().filter_map(|c| get(c)).collect();
            (!v.is_empty()).then(|| if v.iter().any(|x| *x > 0.0) { 1.0 } else { 0.0 })
        }
        "trade_dep_mean" => match (get("trade_dep1"), get("trade_dep2")) {
            (Some(x), Some(y)) => Some((x + y) / 2.0),
            _ => None,
        },
        "mid_hostility" => match get("cowmid_ongoing") {
            Some(o) if o > 0.0 => get("cowmid_hostlev"),
            Some(_) => Some(0.0),
            None => None,
        },
        "war" => get("cowwar_inter"),
        "event_net_coop" => {
            events.and_then(|(c, k)| (c + k > 0).then(|| (c - k) as f64 / (c + k) as f64))
        }
        other => get(other),
    }
}

/// Each of [`COLUMNS`], year by year.
pub type ColumnsByName = BTreeMap<&'static str, Vec<Option<f64>>>;

/// The dyad's years and its [`COLUMNS`] (as DOUBLE) from `dyad_years`;
/// an error when the two never were members on the same day.
pub fn dyad_columns(
    engine: &ordo_store::Engine,
    a: u16,
    b: u16,
) -> anyhow::Result<(Vec<i32>, ColumnsByName)> {
    let (c1, c2) = (a.min(b), a.max(b));
    let select: Vec<String> = COLUMNS
        .iter()
        .map(|c| format!("CAST({c} AS DOUBLE) AS {c}"))
        .collect();
    let sql = format!(
        "SELECT CAST(year AS DOUBLE) AS year, {} FROM dyad_years WHERE ccode1 = {c1} AND ccode2 = {c2} ORDER BY year",
        select.join(", ")
    );
    let batches = engine.sql(&sql).context("reading the dyad-year frame")?;
    let years: Vec<i32> = crate::columns::floats_all(&batches, "year")
        .iter()
        .map(|y| y.unwrap_or(0.0) as i32)
        .collect();
    if years.is_empty() {
        bail!("{c1} and {c2} were never both system members on the same day: no dyad-years");
    }
    let col = COLUMNS
        .iter()
        .map(|c| (*c, crate::columns::floats_all(&batches, c)))
        .collect();
    Ok((years, col))
}

/// Reads the components of `recipe` for the dyad from the dyad-year frame
/// and the event store.
pub fn components(
    session: &Session,
    recipe: &CoopRecipe,
    a: u16,
    b: u16,
) -> anyhow::Result<Components> {
    let (engine, _world) = session.engine()?;
    let (years, col) = dyad_columns(&engine, a, b)?;
    let events =
        crate::event_store::dyad_event_years(&session.store_dir()?, &session.data_dir()?, a, b)?;
    let n = years.len();
    let value = |name: &str, i: usize| -> Option<f64> {
        component_value(
            name,
            &|c| col.get(c).and_then(|v| v[i]),
            events.get(&years[i]).copied(),
        )
    };
    let values = recipe
        .components
        .iter()
        .map(|c| (0..n).map(|i| value(&c.name, i)).collect())
        .collect();
    let mut provenance = engine.provenance();
    provenance.push(if events.is_empty() {
        "event_net_coop: no events of this dyad in the store (ordo ingest …): missing every year"
            .into()
    } else {
        format!(
            "event_net_coop: {} years with events in the store, profile gdelt@1",
            events.len()
        )
    });
    Ok(Components {
        years,
        values,
        provenance,
    })
}

fn run(session: &Session, args: &CooperationOptions) -> anyhow::Result<Table> {
    let recipe = session.coop_recipe(args.recipe.as_deref())?;
    let (a, b) = session.dyad_codes(&args.a, &args.b)?;
    let comps = components(session, &recipe, a, b)?;
    let (rows, scales) = cooperation_index(&comps.years, &comps.values, &recipe);
    let (from, to) = args.years.resolve((i32::MIN, i32::MAX))?;
    let rows: Vec<_> = rows
        .into_iter()
        .filter(|r| from <= r.year && r.year <= to)
        .collect();
    let mut f = Frame::new()
        .int("ccode1", rows.iter().map(|_| Some(i64::from(a.min(b)))))
        .int("ccode2", rows.iter().map(|_| Some(i64::from(a.max(b)))))
        .int("year", rows.iter().map(|r| Some(i64::from(r.year))))
        .float("index", rows.iter().map(|r| r.index))
        .int("components", rows.iter().map(|r| Some(r.components as i64)))
        .float(
            "weight_available",
            rows.iter().map(|r| Some(r.weight_available)),
        )
        .flag(
            "few_components",
            rows.iter().map(|r| Some(r.index.is_none())),
        );
    for (k, c) in recipe.components.iter().enumerate() {
        f = f.float(&c.name, rows.iter().map(|r| r.raw[k]));
    }
    for (k, c) in recipe.components.iter().enumerate() {
        f = f.float(&format!("z_{}", c.name), rows.iter().map(|r| r.z[k]));
    }
    let batch = f.build()?;
    let mut prov = Provenance::default().with(format!(
        "recipe {} v{} ({}, sha256 {}); reference window {}-{}",
        recipe.name,
        recipe.version,
        recipe.file,
        recipe.sha256,
        recipe.reference.0,
        recipe.reference.1
    ));
    for (c, s) in recipe.components.iter().zip(&scales) {
        prov = prov.with(match s {
            Some(s) => format!(
                "{} (sign {:+}): mean {:.6}, sd {:.6} over {} years",
                c.name, c.sign, s.mean, s.sd, s.n
            ),
            None => format!(
                "{}: fewer than 2 values or constant in the window: left out",
                c.name
            ),
        });
    }
    for line in comps.provenance {
        prov = prov.with(line);
    }
    Ok(Table::new(batch, prov))
}

impl Session {
    /// One row per year for a dyad: the cooperation index (the recipe's
    /// components, each standardised over the dyad's own years and signed so
    /// that higher = more cooperative, averaged with the recipe's weights), how
    /// many components exist that year and their share of the weight, and every
    /// component raw and standardised beside it. A year with less than half of
    /// the weight has no index. Default recipe:
    /// crates/analysis/data/cooperation.toml (alliance similarity, UN agreement
    /// and ideal-point distance, trade dependence, MID hostility, war, and event
    /// net cooperation where events are ingested).
    pub fn cooperation(&self, options: &CooperationOptions) -> anyhow::Result<Table> {
        run(self, options)
    }
}
