//! the hypothesis over every middle power
//! against each major power.

use crate::cooperation::{component_value, COLUMNS};
use crate::frame::Frame;
use crate::provenance::Provenance;
use crate::{Session, Table};
use anyhow::{bail, Context as _};
use ordo_analysis::cooperation::cooperation_index;
use ordo_analysis::panel::{fixed_effects, Obs};
use ordo_analysis::regression::{default_lags, ols_newey_west};
use ordo_measures::majors_rule::MajorsRule;
use ordo_measures::middle::MiddleRule;
use ordo_measures::Universe;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Options of [`Session::panel`].
#[derive(Debug, Clone)]
pub struct PanelOptions {
    /// Every middle power against the counterparts
    pub middle_powers: bool,
    /// `majors` (default), `rivals` (each middle power's strategic rivals
    /// that year, TSS) or a CSV file of dyads (columns `a`, `b`)
    pub counterparts: String,
    /// First year
    pub from: i32,
    /// Last year
    pub to: i32,
    /// Middle powers: next:K or band:lo:hi (see ordo states middle)
    pub middle_rule: String,
    /// Fewest years a dyad needs for its own slope
    pub min_years: usize,
}

/// A dyad-year: the year and its dyad-year columns by name.
type YearColumns = (i32, BTreeMap<&'static str, Option<f64>>);

fn run(session: &Session, args: &PanelOptions) -> anyhow::Result<Table> {
    if args.from > args.to {
        bail!("--from {} is after --to {}", args.from, args.to);
    }
    let world = session.world()?;
    let (states, inputs) = world.get().map_err(anyhow::Error::msg)?;
    let universe = Universe::new(&states.system, Some(crate::tables::LAST_YEAR));
    let majors = MajorsRule::parse("cow").map_err(anyhow::Error::msg)?;
    // (first, second) -> the years the pair is in the panel.
    let mut panel: BTreeMap<(u16, u16), BTreeSet<i32>> = BTreeMap::new();
    let rule_text = if args.counterparts == "majors" || args.counterparts == "rivals" {
        if !args.middle_powers {
            bail!("give --middle-powers (every middle power against the majors or its rivals) or --counterparts FILE");
        }
        let rule = MiddleRule::parse(&args.middle_rule).map_err(anyhow::Error::msg)?;
        let rivals = args.counterparts == "rivals";
        for y in args.from..=args.to {
            let mids = rule.middle_powers(y, &majors, states, &inputs.capabilities, &universe);
            for (m, _, _) in &mids {
                let against = if rivals {
                    inputs.rivalries.tss_rivals(*m, y)
                } else {
                    majors.majors(y, states, &inputs.capabilities, &universe)
                };
                for j in against {
                    panel.entry((*m, j)).or_default().insert(y);
                }
            }
        }
        if rivals {
            format!("middle powers by {rule}, against their strategic rivals of each year (Thompson, Sakuwa & Suhas)")
        } else {
            format!("middle powers by {rule}, against the COW majors of each year")
        }
    } else {
        let path = PathBuf::from(&args.counterparts);
        let mut r =
            csv::Reader::from_path(&path).with_context(|| format!("reading {}", path.display()))?;
        let resolver = states.resolver();
        for (i, rec) in r.records().enumerate() {
            let rec = rec.with_context(|| format!("{}:{}", path.display(), i + 2))?;
            let (Some(a), Some(b)) = (rec.get(0), rec.get(1)) else {
                bail!("{}:{}: expected two columns a,b", path.display(), i + 2);
            };
            let (x, y) = (
                resolver.resolve(a)?.state.code.0,
                resolver.resolve(b)?.state.code.0,
            );
            panel.entry((x, y)).or_default().extend(args.from..=args.to);
        }
        format!("dyads of {}", path.display())
    };
    if panel.is_empty() {
        bail!("no dyads in the panel");
    }
    let (engine, _w) = session.engine()?;
    let codes: BTreeSet<u16> = panel.keys().flat_map(|(a, b)| [*a, *b]).collect();
    let list = codes
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let select: Vec<String> = COLUMNS
        .iter()
        .map(|c| format!("CAST({c} AS DOUBLE) AS {c}"))
        .collect();
    let batches = engine.sql(&format!(
        "SELECT ccode1, ccode2, year, {} FROM dyad_years WHERE ccode1 IN ({list}) AND ccode2 IN ({list}) ORDER BY ccode1, ccode2, year",
        select.join(", ")
    ))?;
    // Per dyad (lo, hi): year -> columns.
    let mut data: BTreeMap<(u16, u16), Vec<YearColumns>> = BTreeMap::new();
    for b in &batches {
        let (c1, c2, yy) = (
            crate::columns::ints(b, "ccode1"),
            crate::columns::ints(b, "ccode2"),
            crate::columns::ints(b, "year"),
        );
        let cols: Vec<Vec<Option<f64>>> = COLUMNS
            .iter()
            .map(|c| crate::columns::floats(b, c))
            .collect();
        for i in 0..b.num_rows() {
            let key = (c1[i].unwrap_or(0) as u16, c2[i].unwrap_or(0) as u16);
            let row = COLUMNS.iter().zip(&cols).map(|(n, v)| (*n, v[i])).collect();
            data.entry(key)
                .or_default()
                .push((yy[i].unwrap_or(0) as i32, row));
        }
    }
    let recipe = session.coop_recipe(None)?;
    let (inst, inst_what) = crate::instability::instability_series(&world, None)?;
    let inst: BTreeMap<i32, f64> = inst.into_iter().collect();
    let mut obs = Vec::new();
    let mut rows = Vec::new();
    for (d, ((a, b), years)) in panel.iter().enumerate() {
        let Some(hist) = data.get(&((*a).min(*b), (*a).max(*b))) else {
            continue;
        };
        let ys: Vec<i32> = hist.iter().map(|h| h.0).collect();
        let values: Vec<Vec<Option<f64>>> = recipe
            .components
            .iter()
            .map(|c| {
                hist.iter()
                    .map(|(_, cols)| {
                        component_value(&c.name, &|k| cols.get(k).copied().flatten(), None)
                    })
                    .collect()
            })
            .collect();
        let (index, _) = cooperation_index(&ys, &values, &recipe);
        let pts: Vec<(i32, f64, f64)> = index
            .iter()
            .filter(|r| years.contains(&r.year))
            .filter_map(|r| Some((r.year, r.index?, *inst.get(&r.year)?)))
            .collect();
        for p in &pts {
            obs.push(Obs {
                dyad: d,
                year: p.0,
                y: p.1,
                x: p.2,
            });
        }
        let fit = (pts.len() >= args.min_years)
            .then(|| {
                let y: Vec<f64> = pts.iter().map(|p| p.1).collect();
                let x: Vec<f64> = pts.iter().map(|p| p.2).collect();
                ols_newey_west(
                    &y,
                    &[vec![1.0; y.len()], x],
                    &["const", "instability"],
                    default_lags(y.len()),
                )
            })
            .flatten();
        rows.push((*a, *b, pts.len(), fit.map(|f| f.coefficients[1].clone())));
    }
    rows.sort_by(|x, y| {
        let k = |r: &(
            u16,
            u16,
            usize,
            Option<ordo_analysis::regression::Coefficient>,
        )| r.3.as_ref().map_or(f64::INFINITY, |c| c.estimate);
        k(x).total_cmp(&k(y)).then((x.0, x.1).cmp(&(y.0, y.1)))
    });
    let verdict = |c: &Option<ordo_analysis::regression::Coefficient>| match c {
        Some(c) if c.p < 0.05 && c.estimate < 0.0 => "supports",
        Some(c) if c.p < 0.05 => "contradicts",
        Some(_) => "silent",
        None => "too few years",
    };
    let name = |c: u16| {
        states
            .system
            .get(ordo_states::StateCode(c))
            .map_or_else(|| c.to_string(), |s| s.abbrev.clone())
    };
    let batch = Frame::new()
        .int("ccode1", rows.iter().map(|r| Some(i64::from(r.0))))
        .text("state1", rows.iter().map(|r| Some(name(r.0))))
        .int("ccode2", rows.iter().map(|r| Some(i64::from(r.1))))
        .text("state2", rows.iter().map(|r| Some(name(r.1))))
        .int("years", rows.iter().map(|r| Some(r.2 as i64)))
        .float(
            "slope",
            rows.iter().map(|r| r.3.as_ref().map(|c| c.estimate)),
        )
        .float(
            "se_newey_west",
            rows.iter().map(|r| r.3.as_ref().map(|c| c.se)),
        )
        .float("p", rows.iter().map(|r| r.3.as_ref().map(|c| c.p)))
        .text("verdict", rows.iter().map(|r| Some(verdict(&r.3))))
        .build()?;
    let count = |v: &str| rows.iter().filter(|r| verdict(&r.3) == v).count();
    let years_n = obs.iter().map(|o| o.year).collect::<BTreeSet<_>>().len();
    let fe = fixed_effects(&obs, default_lags(years_n));
    let mut prov = Provenance::default()
        .with(format!(
            "{} dyads ({rule_text}), {}-{}: {} support, {} contradict, {} silent, {} with fewer than {} years",
            rows.len(), args.from, args.to, count("supports"), count("contradicts"), count("silent"), count("too few years"), args.min_years
        ))
        .with(match &fe {
            Some(f) => format!(
                "pooled, dyad fixed effects: slope {:+.4} on instability; SE clustered by dyad {:.4} (p = {:.4}); Driscoll-Kraay SE {:.4} (p = {:.4}, {} lags); {} dyad-years, {} dyads, {} years; no year effects (instability varies only by year)",
                f.beta, f.se_cluster, f.p_cluster, f.se_dk, f.p_dk, f.lags, f.n, f.dyads, f.years
            ),
            None => "pooled fit not possible (no variation)".into(),
        })
        .with(format!("cooperation index: recipe {} ({}, sha256 {}), standardised over each dyad's own history; event data not used in panels", recipe.name, recipe.file, recipe.sha256))
        .with(inst_what);
    for line in engine.provenance() {
        prov = prov.with(line);
    }
    Ok(Table::new(batch, prov))
}

impl Session {
    /// The article's hypothesis for a panel of dyads: every middle power (by
    /// --middle-rule, default the 20 largest non-majors by CINC, year by year)
    /// against each major power of the same year (or a list of dyads from a
    /// file). For each dyad: the slope of its cooperation index (`ordo
    /// cooperation`) on the order's instability index, with Newey–West errors,
    /// and whether it supports (negative, p < 0.05), contradicts (positive,
    /// p < 0.05) or is silent on the hypothesis; sorted by slope. Under the
    /// table: the pooled slope with dyad fixed effects and errors clustered by
    /// dyad and Driscoll–Kraay. Year fixed effects are not possible: the
    /// instability index is the same for every dyad in a year, so they would
    /// absorb it; dyad-specific slopes are the per-dyad rows.
    pub fn panel(&self, options: &PanelOptions) -> anyhow::Result<Table> {
        run(self, options)
    }
}

impl Default for PanelOptions {
    fn default() -> PanelOptions {
        PanelOptions {
            middle_powers: false,
            counterparts: "majors".into(),
            from: 1946,
            to: 2014,
            middle_rule: "next:20".into(),
            min_years: 15,
        }
    }
}
