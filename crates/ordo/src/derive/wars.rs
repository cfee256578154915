//! Inter-state wars of the two (COW inter-state war data, as the dyad-year
//! file peacesciencer builds from them). The file pairs only opponents, so
//! fighting on the same side is read from each state's side against common
//! enemies in the same war and year.

use super::{Ctx, Found};
use crate::columns::{floats, ints};
use ordo_analysis::derive_recipe::{Rule, RuleKind};

fn opposite(ctx: &Ctx, rule: &Rule) -> anyhow::Result<Vec<Found>> {
    let batches = ctx.sql(&format!(
        "SELECT warnum, year, initiator1, initiator2, batdeath1, batdeath2 FROM cow_war_inter \
         WHERE ccode1 = {} AND ccode2 = {} AND cowinteronset = 1 AND sidea1 <> sidea2 ORDER BY year, warnum",
        ctx.lo, ctx.hi
    ))?;
    let mut out = Vec::new();
    for b in &batches {
        let (num, year, i1, i2) = (
            ints(b, "warnum"),
            ints(b, "year"),
            ints(b, "initiator1"),
            ints(b, "initiator2"),
        );
        let (d1, d2) = (floats(b, "batdeath1"), floats(b, "batdeath2"));
        for i in 0..b.num_rows() {
            let (Some(n), Some(y)) = (num[i], year[i]) else {
                continue;
            };
            let (actor, target) = if i2[i] == Some(1) && i1[i] != Some(1) {
                (ctx.abb_hi.clone(), ctx.abb_lo.clone())
            } else {
                (ctx.abb_lo.clone(), ctx.abb_hi.clone())
            };
            let deaths = |v: Option<f64>| v.map_or("unknown".to_string(), |x| format!("{x:.0}"));
            out.push(Found {
                date: format!("{y:04}-01-01"),
                precision: "year",
                end: None,
                actor,
                target,
                stance: rule.stance.clone().unwrap_or_default(),
                summary: format!(
                    "COW inter-state war #{n}: {} and {} on opposite sides; battle deaths {} {}, {} {}",
                    ctx.abb_lo,
                    ctx.abb_hi,
                    ctx.abb_lo,
                    deaths(d1[i]),
                    ctx.abb_hi,
                    deaths(d2[i])
                ),
                dataset: "cow_war_inter",
                key: format!(
                    "cow_war_inter warnum={n} ccode1={} ccode2={} year={y}",
                    ctx.lo, ctx.hi
                ),
                note: format!(
                    "initiator: {}",
                    match (i1[i], i2[i]) {
                        (Some(1), _) => ctx.abb_lo.as_str(),
                        (_, Some(1)) => ctx.abb_hi.as_str(),
                        _ => "neither of the two",
                    }
                ),
            });
        }
    }
    Ok(out)
}

fn same_side(ctx: &Ctx, rule: &Rule) -> anyhow::Result<Vec<Found>> {
    let batches = ctx.sql(&format!(
        "SELECT x.warnum AS warnum, MIN(x.year) AS year, MIN(x.sidea1) AS side \
         FROM cow_war_inter x JOIN cow_war_inter y \
         ON x.warnum = y.warnum AND x.year = y.year AND x.sidea1 = y.sidea1 \
         WHERE x.ccode1 = {} AND y.ccode1 = {} \
         GROUP BY x.warnum ORDER BY year, warnum",
        ctx.lo, ctx.hi
    ))?;
    let mut out = Vec::new();
    for b in &batches {
        let (num, year, side) = (ints(b, "warnum"), ints(b, "year"), ints(b, "side"));
        for i in 0..b.num_rows() {
            let (Some(n), Some(y)) = (num[i], year[i]) else {
                continue;
            };
            out.push(Found {
                date: format!("{y:04}-01-01"),
                precision: "year",
                end: None,
                actor: ctx.abb_lo.clone(),
                target: ctx.abb_hi.clone(),
                stance: rule.stance.clone().unwrap_or_default(),
                summary: format!(
                    "COW inter-state war #{n}: {} and {} fight on the same side (side {}) from {y}",
                    ctx.abb_lo,
                    ctx.abb_hi,
                    if side[i] == Some(1) { "A" } else { "B" }
                ),
                dataset: "cow_war_inter",
                key: format!(
                    "cow_war_inter warnum={n} ccode1 in ({}, {}) year={y}, same sidea1",
                    ctx.lo, ctx.hi
                ),
                note: String::new(),
            });
        }
    }
    Ok(out)
}

pub(super) fn find(ctx: &Ctx, rule: &Rule) -> anyhow::Result<Vec<Found>> {
    if rule.kind == RuleKind::WarOpposite {
        opposite(ctx, rule)
    } else {
        same_side(ctx, rule)
    }
}
