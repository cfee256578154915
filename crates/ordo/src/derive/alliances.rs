//! ATOP obligations of the dyad beginning and ending, from the dyad-year
//! frame's `atop_*` flags (0 where ATOP covers the year without an
//! obligation of that type, NULL outside ATOP's years). ATOP's dyad-year
//! file has no treaty dates, so the precision is the year.

use super::{Ctx, Found};
use crate::columns::{floats, ints};
use ordo_analysis::derive_recipe::{Rule, RuleKind};
use std::collections::BTreeMap;

/// The flags of `types` by year, over the dyad's years.
fn flags(ctx: &Ctx, types: &[String]) -> anyhow::Result<BTreeMap<i64, Vec<Option<f64>>>> {
    let cols: Vec<String> = types.iter().map(|t| format!("atop_{t}")).collect();
    let batches = ctx.sql(&format!(
        "SELECT year, {} FROM dyad_years WHERE ccode1 = {} AND ccode2 = {} ORDER BY year",
        cols.join(", "),
        ctx.lo,
        ctx.hi
    ))?;
    let mut out = BTreeMap::new();
    for b in &batches {
        let years = ints(b, "year");
        let vals: Vec<Vec<Option<f64>>> = cols.iter().map(|c| floats(b, c)).collect();
        for (i, y) in years.iter().enumerate() {
            if let Some(y) = y {
                out.insert(*y, vals.iter().map(|v| v[i]).collect());
            }
        }
    }
    Ok(out)
}

pub(super) fn find(ctx: &Ctx, rule: &Rule) -> anyhow::Result<Vec<Found>> {
    let by_year = flags(ctx, &rule.types)?;
    let on = |y: i64, t: usize| by_year.get(&y).and_then(|v| v[t]).map(|x| x > 0.0);
    let begin = rule.kind == RuleKind::AllianceBegin;
    let mut out = Vec::new();
    for &y in by_year.keys() {
        let mut types = Vec::new();
        let mut first_covered = false;
        for (t, name) in rule.types.iter().enumerate() {
            if on(y, t) != Some(true) {
                continue;
            }
            let other = if begin { on(y - 1, t) } else { on(y + 1, t) };
            match other {
                Some(false) => types.push(name.as_str()),
                // before: the dyad or ATOP's coverage starts in force;
                // after: an end is dated only when ATOP observes the next
                // year without the obligation (a state's end is not one).
                None if begin => {
                    types.push(name.as_str());
                    first_covered = true;
                }
                _ => {}
            }
        }
        if types.is_empty() {
            continue;
        }
        let list = types.join(", ");
        let summary = match (begin, first_covered) {
            (true, false) => format!(
                "ATOP obligation(s) between {} and {} begin: {list}",
                ctx.abb_lo, ctx.abb_hi
            ),
            (true, true) => format!(
                "ATOP obligation(s) between {} and {} in force in the first year the data cover the dyad: {list}",
                ctx.abb_lo, ctx.abb_hi
            ),
            (false, _) => format!(
                "last year of ATOP obligation(s) between {} and {}: {list} (not in force in {})",
                ctx.abb_lo,
                ctx.abb_hi,
                y + 1
            ),
        };
        let cols: Vec<String> = types.iter().map(|t| format!("atop_{t}")).collect();
        let key_year = if begin { y } else { y + 1 };
        out.push(Found {
            date: format!("{y:04}-01-01"),
            precision: "year",
            end: None,
            actor: ctx.abb_lo.clone(),
            target: ctx.abb_hi.clone(),
            stance: rule.stance.clone().unwrap_or_default(),
            summary,
            dataset: "atop_alliance",
            key: format!(
                "dyad_years ccode1={} ccode2={} year={}..{} ({})",
                ctx.lo,
                ctx.hi,
                key_year - 1,
                key_year,
                cols.join(", ")
            ),
            note: String::new(),
        });
    }
    Ok(out)
}
