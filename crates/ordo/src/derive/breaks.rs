//! The largest year-on-year breaks in the dyad's trade and UN voting: a
//! change beyond `sd` standard deviations of the dyad's own year-on-year
//! changes (`ordo_analysis::outliers`). Trade is ln(1 + total trade in
//! current US$ millions), total = both directed flows, NULL when either is
//! missing (never a missing flow taken as 0); UN voting is the share of
//! roll calls both voted the same way. Gaps are never bridged.

use super::{Ctx, Found};
use crate::columns::{floats, ints};
use ordo_analysis::derive_recipe::{Rule, RuleKind};
use ordo_analysis::outliers::outlying_changes;

/// The dyad's present values by year.
fn series(ctx: &Ctx, expr: &str) -> anyhow::Result<Vec<(i32, f64)>> {
    let batches = ctx.sql(&format!(
        "SELECT year, {expr} AS v FROM dyad_years WHERE ccode1 = {} AND ccode2 = {} ORDER BY year",
        ctx.lo, ctx.hi
    ))?;
    let mut out = Vec::new();
    for b in &batches {
        for (y, v) in ints(b, "year").into_iter().zip(floats(b, "v")) {
            if let (Some(y), Some(v)) = (y, v) {
                out.push((y as i32, v));
            }
        }
    }
    Ok(out)
}

pub(super) fn find(ctx: &Ctx, rule: &Rule) -> anyhow::Result<Vec<Found>> {
    let trade = rule.kind == RuleKind::TradeBreak;
    let raw = if trade {
        series(
            ctx,
            "CAST(trade_flow1 AS DOUBLE) + CAST(trade_flow2 AS DOUBLE)",
        )?
    } else {
        series(ctx, "CAST(un_agree AS DOUBLE)")?
    };
    let transformed: Vec<(i32, f64)> = if trade {
        raw.iter().map(|&(y, v)| (y, v.ln_1p())).collect()
    } else {
        raw.clone()
    };
    let level = |y: i32| raw.iter().find(|(x, _)| *x == y).map_or(f64::NAN, |p| p.1);
    let changes = outlying_changes(&transformed, rule.sd, rule.min_changes);
    Ok(changes
        .into_iter()
        .map(|c| {
            let rise = c.change > 0.0;
            let stance = if rise { &rule.rise } else { &rule.fall };
            let (what, before, after, dataset, cols) = if trade {
                (
                    "total trade",
                    format!("{:.1}", level(c.year - 1)),
                    format!("{:.1} million current US$", level(c.year)),
                    "cow_trade_ndy",
                    "trade_flow1 + trade_flow2",
                )
            } else {
                (
                    "UN voting agreement",
                    format!("{:.3}", c.before),
                    format!("{:.3}", c.after),
                    "unvotes",
                    "un_agree",
                )
            };
            Found {
                date: format!("{:04}-01-01", c.year),
                precision: "year",
                end: None,
                actor: ctx.abb_lo.clone(),
                target: ctx.abb_hi.clone(),
                stance: stance.clone().unwrap_or_default(),
                summary: format!(
                    "{what} {} from {before} in {} to {after} in {} (z = {:.2} of the dyad's year-on-year changes)",
                    if rise { "rises" } else { "falls" },
                    c.year - 1,
                    c.year,
                    c.z
                ),
                dataset,
                key: format!(
                    "dyad_years ccode1={} ccode2={} year={}..{} ({cols})",
                    ctx.lo,
                    ctx.hi,
                    c.year - 1,
                    c.year
                ),
                note: format!(
                    "change {:+.4}{}",
                    c.change,
                    if trade { " in ln(1 + trade)" } else { "" }
                ),
            }
        })
        .collect())
}
