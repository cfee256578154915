//! change points of a yearly series, and how near
//! they fall to the periodization's turning points.

use crate::cooperation::components;
use crate::frame::Frame;
use crate::provenance::Provenance;
use crate::{Session, Table};
use anyhow::bail;
use ordo_analysis::breaks::{
    bai_perron_bic, binseg, distance_p, mean_distance, pelt, penalty_path,
};
use ordo_analysis::cooperation::cooperation_index;
use std::path::PathBuf;

/// Options of [`Session::breaks`].
#[derive(Debug, Clone)]
pub struct BreaksOptions {
    /// `cooperation` or `instability`
    pub series: String,
    /// With `cooperation`: the two states
    pub states: Vec<String>,
    /// pelt, binseg or bai-perron
    pub method: String,
    /// Penalty per break (pelt, binseg) [default: 2 s^2 ln T]
    pub penalty: Option<f64>,
    /// Every PELT segmentation for penalties LO..HI
    pub path: Option<String>,
    /// Shortest segment, in years
    pub min_size: usize,
    /// Bai–Perron: most breaks considered
    pub max_breaks: usize,
    /// Periodization (turning points) [default: the article's]
    pub periods: Option<PathBuf>,
    /// Recipe of the index (cooperation or instability recipe file)
    pub recipe: Option<PathBuf>,
    /// With `cooperation`: one component of the index (raw values, e.g.
    /// un_agree) instead of the index
    pub component: Option<String>,
    /// Permutation test: seed and replicates
    pub seed: u64,
    pub reps: usize,
}

/// The series as (year, value) pairs with a value, and what it is.
fn series(session: &Session, args: &BreaksOptions) -> anyhow::Result<(Vec<(i32, f64)>, String)> {
    match (args.series.as_str(), args.states.as_slice()) {
        ("cooperation", [a, b]) => {
            let recipe = session.coop_recipe(args.recipe.as_deref())?;
            let (a, b) = session.dyad_codes(a, b)?;
            let comps = components(session, &recipe, a, b)?;
            if let Some(name) = &args.component {
                let k = recipe
                    .components
                    .iter()
                    .position(|c| &c.name == name)
                    .ok_or_else(|| {
                        let names: Vec<&str> =
                            recipe.components.iter().map(|c| c.name.as_str()).collect();
                        anyhow::anyhow!(
                            "--component {name}: not in the recipe ({})",
                            names.join(", ")
                        )
                    })?;
                return Ok((
                    comps
                        .years
                        .iter()
                        .zip(&comps.values[k])
                        .filter_map(|(y, v)| v.map(|v| (*y, v)))
                        .collect(),
                    format!("component `{name}` of the cooperation index {a}-{b} (raw values)"),
                ));
            }
            let (rows, _) = cooperation_index(&comps.years, &comps.values, &recipe);
            Ok((
                rows.iter()
                    .filter_map(|r| r.index.map(|v| (r.year, v)))
                    .collect(),
                format!(
                    "cooperation index {a}-{b}, recipe {} ({}, sha256 {})",
                    recipe.name, recipe.file, recipe.sha256
                ),
            ))
        }
        ("instability", []) => {
            crate::instability::instability_series(&*session.world()?, args.recipe.as_deref())
        }
        _ => bail!("SERIES is `cooperation A B` or `instability`"),
    }
}

/// The series' SD: an upper bound of the noise SD (shifts inflate it), so
/// the default penalty errs towards fewer breaks. Year-to-year differences
/// would estimate the noise of a persistent series far too low and cut it
/// into dozens of tiny regimes.
fn series_sd(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    let m = x.iter().sum::<f64>() / n;
    (x.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (n - 1.0)).sqrt()
}

fn run(session: &Session, args: &BreaksOptions) -> anyhow::Result<Table> {
    let periods = session.periods_from(args.periods.as_deref())?;
    let (pairs, what) = series(session, args)?;
    if pairs.len() < 2 * args.min_size {
        bail!(
            "{} years with a value: too few for segments of {} years",
            pairs.len(),
            args.min_size
        );
    }
    let years: Vec<i32> = pairs.iter().map(|p| p.0).collect();
    let x: Vec<f64> = pairs.iter().map(|p| p.1).collect();
    let s = series_sd(&x);
    let penalty = args.penalty.unwrap_or(2.0 * s * s * (x.len() as f64).ln());
    let mut prov = Provenance::default().with(format!(
        "{what}: {} years with a value, {}-{}",
        x.len(),
        years[0],
        years[years.len() - 1]
    ));
    if let Some(path) = &args.path {
        let (lo, hi) = path
            .split_once(':')
            .and_then(|(a, b)| Some((a.parse::<f64>().ok()?, b.parse::<f64>().ok()?)))
            .filter(|(a, b)| a < b && *a > 0.0)
            .ok_or_else(|| anyhow::anyhow!("--path {path}: expected LO:HI with 0 < LO < HI"))?;
        let steps = penalty_path(&x, lo, hi, args.min_size);
        let batch = Frame::new()
            .float("penalty_from", steps.iter().map(|s| Some(s.penalty_from)))
            .float("penalty_to", steps.iter().map(|s| Some(s.penalty_to)))
            .int("breaks", steps.iter().map(|s| Some(s.breaks.len() as i64)))
            .text(
                "break_years",
                steps.iter().map(|s| {
                    Some(
                        s.breaks
                            .iter()
                            .map(|&k| years[k].to_string())
                            .collect::<Vec<_>>()
                            .join(" "),
                    )
                }),
            )
            .float("cost", steps.iter().map(|s| Some(s.cost)))
            .build()?;
        prov = prov.with(format!("PELT (shift in mean, min segment {} years) for penalties {lo}..{hi} (CROPS); each row is optimal from penalty_from to penalty_to", args.min_size));
        return Ok(Table::new(batch, prov));
    }
    let (breaks, intervals): (Vec<usize>, Vec<Option<(usize, usize)>>) = match args.method.as_str()
    {
        "pelt" => {
            let b = pelt(&x, penalty, args.min_size);
            let n = b.len();
            (b, vec![None; n])
        }
        "binseg" => {
            let b = binseg(&x, penalty, args.min_size);
            let n = b.len();
            (b, vec![None; n])
        }
        "bai-perron" => {
            let bp = bai_perron_bic(&x, args.max_breaks, args.min_size);
            prov = prov.with(format!(
                "Bai-Perron: LWZ criterion for 0..{} breaks: {}",
                bp.bic.len().saturating_sub(1),
                bp.bic
                    .iter()
                    .map(|v| format!("{v:.4}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            let iv = bp.intervals.iter().map(|i| Some(*i)).collect();
            (bp.breaks, iv)
        }
        m => bail!("--method {m}: expected pelt, binseg or bai-perron"),
    };
    let turning: Vec<i32> = periods
        .orders
        .iter()
        .flat_map(|o| o.turning_points.iter())
        .flat_map(|t| t.year..=t.end.unwrap_or(t.year))
        .collect();
    let break_years: Vec<i32> = breaks.iter().map(|&k| years[k]).collect();
    // Only breaks inside the periodization's orders can be compared with
    // its turning points; random placements are drawn from the same span.
    let inside = |y: &i32| periods.orders.iter().any(|o| o.from <= *y && *y <= o.to);
    let compared: Vec<i32> = break_years.iter().copied().filter(inside).collect();
    let nearest = |y: i32| turning.iter().min_by_key(|t| (y - **t).abs()).copied();
    let batch = Frame::new()
        .text("method", breaks.iter().map(|_| Some(args.method.as_str())))
        .int(
            "break_year",
            break_years.iter().map(|y| Some(i64::from(*y))),
        )
        .int(
            "ci_from",
            intervals
                .iter()
                .map(|i| i.map(|(lo, _)| i64::from(years[lo]))),
        )
        .int(
            "ci_to",
            intervals
                .iter()
                .map(|i| i.map(|(_, hi)| i64::from(years[hi]))),
        )
        .float(
            "mean_before",
            breaks.iter().enumerate().map(|(i, &k)| {
                let start = if i == 0 { 0 } else { breaks[i - 1] };
                Some(x[start..k].iter().sum::<f64>() / (k - start) as f64)
            }),
        )
        .float(
            "mean_after",
            breaks.iter().enumerate().map(|(i, &k)| {
                let end = breaks.get(i + 1).copied().unwrap_or(x.len());
                Some(x[k..end].iter().sum::<f64>() / (end - k) as f64)
            }),
        )
        .int(
            "nearest_turning_point",
            break_years.iter().map(|y| nearest(*y).map(i64::from)),
        )
        .int(
            "distance_years",
            break_years
                .iter()
                .map(|y| nearest(*y).map(|t| i64::from((y - t).abs()))),
        )
        .build()?;
    if args.method != "bai-perron" {
        prov = prov.with(format!(
            "{}: shift in mean, penalty {penalty:.4} per break{}, min segment {} years",
            args.method,
            if args.penalty.is_none() {
                format!(" (2 s^2 ln T, s = {s:.4})")
            } else {
                String::new()
            },
            args.min_size
        ));
    }
    // Admissible break positions: a break can start any year that leaves
    // min_size years on both sides.
    let positions: Vec<i32> = (args.min_size..=x.len() - args.min_size)
        .map(|k| years[k])
        .filter(inside)
        .collect();
    prov = prov.with(match (mean_distance(&compared, &turning), distance_p(&compared, &turning, &positions, args.reps, args.seed)) {
        (Some(d), Some(p)) => format!(
            "breaks vs turning points ({}): {} of {} breaks fall inside the periodization's orders; their mean distance {d:.2} years; permutation p = {p:.4} (share of {} random placements of as many breaks inside the orders at least as near; seed {})",
            turning.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(" "),
            compared.len(),
            breaks.len(),
            args.reps,
            args.seed
        ),
        _ => "no breaks inside the periodization's orders (or no turning points): nothing to compare".into(),
    });
    prov = prov.with(format!("periodization {} ({})", periods.name, periods.file));
    Ok(Table::new(batch, prov))
}

impl Session {
    /// Change points of a yearly series — `cooperation A B` (the dyad's
    /// cooperation index, or one of its components with --component) or
    /// `instability` (the order's instability index) —
    /// by PELT, binary segmentation or Bai–Perron (shift in mean; years without
    /// a value are left out). Each break is listed with its year (the first
    /// year of the new regime), Bai–Perron's 95% interval, and its distance to
    /// the nearest turning point of the periodization; a permutation test says
    /// whether breaks sit nearer the turning points than the same number of
    /// breaks placed at random. --path LO:HI lists every optimal (PELT)
    /// segmentation between two penalties, so you can see how the breaks
    /// depend on the penalty.
    pub fn breaks(&self, options: &BreaksOptions) -> anyhow::Result<Table> {
        run(self, options)
    }
}

impl Default for BreaksOptions {
    fn default() -> BreaksOptions {
        let r = crate::Resampling::default();
        BreaksOptions {
            series: "cooperation".into(),
            states: Vec::new(),
            method: "pelt".into(),
            penalty: None,
            path: None,
            min_size: 3,
            max_breaks: 5,
            periods: None,
            recipe: None,
            component: None,
            seed: r.seed,
            reps: r.reps,
        }
    }
}
