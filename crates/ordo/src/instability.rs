//! the instability index of the international order,
//! its components, and its comparison with the article's periodization.

use crate::frame::Frame;
use crate::provenance::Provenance;
use crate::tables::{FIRST_YEAR, LAST_YEAR};
use crate::{Session, Table};
use anyhow::Context as _;
use arrow_array::RecordBatch;
use ordo_analysis::bootstrap::block_bootstrap_diff;
use ordo_analysis::{instability_index, IndexRow, Periodization, PhaseKind, Recipe};
use ordo_measures::majors_rule::MajorsRule;
use ordo_measures::system_year::system_years;
use ordo_measures::Universe;
use std::path::PathBuf;

/// Options of [`Session::instability`].
#[derive(Debug, Clone)]
pub struct InstabilityOptions {
    pub years: crate::Span,
    /// Recipe file (TOML) [default: ordo's shipped recipe]
    pub recipe: Option<PathBuf>,
    /// Periodization file (TOML) [default: the article's, shipped with ordo]
    pub periods: Option<PathBuf>,
    /// Major-power rule: cow, cow2024, top:K, share:θ or a CSV file
    pub majors: String,
    /// Compare stable and crisis phases of each order
    pub compare_periods: bool,
    pub resampling: crate::Resampling,
}

fn run(session: &Session, args: &InstabilityOptions) -> anyhow::Result<Table> {
    let recipe = match &args.recipe {
        Some(p) => Recipe::load(p)?,
        None => Recipe::builtin(),
    };
    let periods = match &args.periods {
        Some(p) => Periodization::load(p)?,
        None => Periodization::builtin(),
    };
    let rule = MajorsRule::parse(&args.majors).map_err(anyhow::Error::msg)?;
    let (from, to) = args.years.resolve((FIRST_YEAR, LAST_YEAR))?;
    let world = session.world()?;
    let (states, inputs) = world.get().map_err(anyhow::Error::msg)?;
    let universe = Universe::new(&states.system, Some(LAST_YEAR));
    // The reference window must be inside the computed years.
    let (lo, hi) = (from.min(recipe.reference.0), to.max(recipe.reference.1));
    let system = system_years(inputs, states, &universe, &rule, lo, hi);
    let (index, stats) = instability_index(&system.rows, &recipe)
        .map_err(anyhow::Error::msg)
        .with_context(|| format!("recipe {}", recipe.file))?;
    let mut provenance = Provenance::of_world(states, inputs)
        .with(format!(
            "recipe {} v{} ({}, sha256 {})",
            recipe.name, recipe.version, recipe.file, recipe.sha256
        ))
        .with(format!(
            "reference window {}-{}; majors rule: {rule}",
            recipe.reference.0, recipe.reference.1
        ))
        .with(format!(
            "periodization {} ({}, sha256 {})",
            periods.name, periods.file, periods.sha256
        ));
    for s in &stats {
        provenance = provenance.with(format!(
            "standardisation {}: mean {:.6}, sd {:.6}, n {}",
            s.component, s.mean, s.sd, s.n
        ));
    }
    let rows: Vec<&IndexRow> = index
        .iter()
        .filter(|r| from <= r.year && r.year <= to)
        .collect();
    if args.compare_periods {
        let p = provenance.with(format!("moving-block bootstrap: block {} years, {} replicates, seed {}, 95% percentile interval", args.resampling.block, args.resampling.reps, args.resampling.seed));
        return Ok(Table::new(compare(&rows, &periods, args)?, p));
    }
    Ok(Table::new(
        index_table(&rows, &recipe, &periods)?,
        provenance,
    ))
}

fn index_table(
    rows: &[&IndexRow],
    recipe: &Recipe,
    periods: &Periodization,
) -> anyhow::Result<RecordBatch> {
    let phase = |y: i32| {
        periods
            .phase_of(y)
            .map(|(o, p)| format!("{} {}", o.name, p.kind.as_str()))
    };
    let mut frame = Frame::new()
        .int("year", rows.iter().map(|r| Some(i64::from(r.year))))
        .text("phase", rows.iter().map(|r| phase(r.year)))
        .float("index", rows.iter().map(|r| r.index))
        .float("distributive", rows.iter().map(|r| r.distributive))
        .float("normative", rows.iter().map(|r| r.normative))
        .float(
            "weight_available",
            rows.iter().map(|r| Some(r.weight_available)),
        );
    for (k, c) in recipe.components.iter().enumerate() {
        frame = frame
            .float(&c.name, rows.iter().map(|r| r.raw[k]))
            .float(&format!("z_{}", c.name), rows.iter().map(|r| r.z[k]));
    }
    frame.build()
}

/// Stable vs crisis means per order, and pooled.
fn compare(
    rows: &[&IndexRow],
    periods: &Periodization,
    args: &InstabilityOptions,
) -> anyhow::Result<RecordBatch> {
    let values = |from: i32, to: i32| -> Vec<f64> {
        rows.iter()
            .filter(|r| from <= r.year && r.year <= to)
            .filter_map(|r| r.index)
            .collect()
    };
    let mut out: Vec<(String, Vec<f64>, Vec<f64>)> = Vec::new();
    let (mut all_stable, mut all_crisis) = (Vec::new(), Vec::new());
    for o in &periods.orders {
        let pick = |k: PhaseKind| {
            o.phases
                .iter()
                .filter(|p| p.kind == k)
                .flat_map(|p| values(p.from, p.to))
                .collect::<Vec<f64>>()
        };
        let (s, c) = (pick(PhaseKind::Stable), pick(PhaseKind::Crisis));
        all_stable.extend(&s);
        all_crisis.extend(&c);
        out.push((o.name.clone(), s, c));
    }
    out.push(("pooled".into(), all_stable, all_crisis));
    let diffs: Vec<_> = out
        .iter()
        .map(|(_, s, c)| {
            block_bootstrap_diff(
                s,
                c,
                args.resampling.block,
                args.resampling.reps,
                0.95,
                args.resampling.seed,
            )
        })
        .collect();
    let verdict = |d: &Option<ordo_analysis::bootstrap::Difference>| {
        d.map(|d| {
            if d.lo > 0.0 {
                "agrees: crisis more unstable"
            } else if d.hi < 0.0 {
                "disagrees: crisis less unstable"
            } else {
                "inconclusive: interval includes 0"
            }
        })
    };
    Frame::new()
        .text("order", out.iter().map(|o| Some(o.0.as_str())))
        .int("stable_years", out.iter().map(|o| Some(o.1.len() as i64)))
        .int("crisis_years", out.iter().map(|o| Some(o.2.len() as i64)))
        .float("mean_stable", diffs.iter().map(|d| d.map(|d| d.mean_a)))
        .float("mean_crisis", diffs.iter().map(|d| d.map(|d| d.mean_b)))
        .float("difference", diffs.iter().map(|d| d.map(|d| d.diff)))
        .float("ci95_lo", diffs.iter().map(|d| d.map(|d| d.lo)))
        .float("ci95_hi", diffs.iter().map(|d| d.map(|d| d.hi)))
        .text("verdict", diffs.iter().map(verdict))
        .build()
}

impl Session {
    /// A transparent instability index: every component of the recipe (TOML,
    /// default crates/analysis/data/instability.toml) standardised over the
    /// recipe's reference window and combined with its weights, overall and for
    /// the distributive and normative dimensions; each component is shown raw and
    /// standardised. With --compare-periods: for each order of the
    /// periodization, the mean index in the stable and in the crisis phase, the
    /// difference and its moving-block bootstrap interval, and whether the data
    /// agree with the periodization.
    pub fn instability(&self, options: &InstabilityOptions) -> anyhow::Result<Table> {
        run(self, options)
    }
}

impl Default for InstabilityOptions {
    fn default() -> InstabilityOptions {
        InstabilityOptions {
            years: crate::Span::ALL,
            recipe: None,
            periods: None,
            majors: "cow2024".into(),
            compare_periods: false,
            resampling: crate::Resampling::default(),
        }
    }
}

/// The instability index of the order (the majors rule `ordo instability`
/// uses by default, COW v2024; recipe of `file` or ordo's default), as
/// (year, value) for the years with a value. Takes the caller's `world` so
/// the datasets are loaded once per run.
pub fn instability_series(
    world: &crate::tables::World,
    file: Option<&std::path::Path>,
) -> anyhow::Result<(Vec<(i32, f64)>, String)> {
    let recipe = match file {
        Some(p) => Recipe::load(p)?,
        None => Recipe::builtin(),
    };
    let (states, inputs) = world.get().map_err(anyhow::Error::msg)?;
    let universe = Universe::new(&states.system, Some(LAST_YEAR));
    let rule = MajorsRule::parse("cow2024").map_err(anyhow::Error::msg)?;
    let system = system_years(inputs, states, &universe, &rule, FIRST_YEAR, LAST_YEAR);
    let (index, _) = instability_index(&system.rows, &recipe)
        .map_err(anyhow::Error::msg)
        .with_context(|| format!("recipe {}", recipe.file))?;
    Ok((
        index
            .iter()
            .filter_map(|r| r.index.map(|v| (r.year, v)))
            .collect(),
        format!(
            "instability index, recipe {} ({}, sha256 {}), COW majors v2024",
            recipe.name, recipe.file, recipe.sha256
        ),
    ))
}
