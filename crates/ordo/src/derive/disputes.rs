//! Militarized interstate disputes beginning between the two: COW-MID's
//! dyadic onsets, and the disputes Gibler, Miller and Little's revision has
//! for the dyad that COW-MID does not (by dispute number). Dated by the
//! dispute's start month where the file gives it.

use super::{date, Ctx, Found};
use crate::columns::ints;
use ordo_analysis::derive_recipe::{Rule, RuleKind};

/// COW-MID hostility levels (codebook v5.0).
fn hostility(level: Option<i64>) -> &'static str {
    match level {
        Some(1) => "no militarized action",
        Some(2) => "threat to use force",
        Some(3) => "display of force",
        Some(4) => "use of force",
        Some(5) => "war",
        _ => "unknown",
    }
}

/// COW-MID dispute fatality levels.
fn fatality(level: Option<i64>) -> &'static str {
    match level {
        Some(0) => "none",
        Some(1) => "1-25 deaths",
        Some(2) => "26-100 deaths",
        Some(3) => "101-250 deaths",
        Some(4) => "251-500 deaths",
        Some(5) => "501-999 deaths",
        Some(6) => "more than 999 deaths",
        _ => "unknown",
    }
}

pub(super) fn find(ctx: &Ctx, rule: &Rule) -> anyhow::Result<Vec<Found>> {
    let gml = rule.kind == RuleKind::GmlMidOnset;
    let (table, onset, dataset, label) = if gml {
        (
            "gml_mid_dyad_years",
            "gmlmidonset",
            "gml_mid_ddydisps",
            "GML MID",
        )
    } else {
        (
            "cow_mid_dyad_years",
            "cowmidonset",
            "cow_mid_ddydisps",
            "COW-MID",
        )
    };
    let not_in_cow = if gml {
        format!(
            " AND dispnum NOT IN (SELECT dispnum FROM cow_mid_dyad_years WHERE ccode1 = {} AND ccode2 = {})",
            ctx.lo, ctx.hi
        )
    } else {
        String::new()
    };
    let batches = ctx.sql(&format!(
        "SELECT dispnum, year, stmon, sidea1, hostlev1, hostlev2, hostlev, fatality FROM {table} \
         WHERE ccode1 = {} AND ccode2 = {} AND {onset} = 1 AND hostlev >= {}{not_in_cow} ORDER BY year, dispnum",
        ctx.lo, ctx.hi, rule.min_hostlev
    ))?;
    let mut out = Vec::new();
    for b in &batches {
        let col = |c: &str| ints(b, c);
        let (num, year, mon, side) = (col("dispnum"), col("year"), col("stmon"), col("sidea1"));
        let (h1, h2, h, fat) = (
            col("hostlev1"),
            col("hostlev2"),
            col("hostlev"),
            col("fatality"),
        );
        for i in 0..b.num_rows() {
            let (Some(n), Some(y)) = (num[i], year[i]) else {
                continue;
            };
            let (d, precision) = date(y, mon[i]);
            // side A is the side that took the first militarized action
            let (actor, target) = if side[i] == Some(1) {
                (ctx.abb_lo.clone(), ctx.abb_hi.clone())
            } else if side[i] == Some(0) {
                (ctx.abb_hi.clone(), ctx.abb_lo.clone())
            } else {
                (ctx.abb_lo.clone(), ctx.abb_hi.clone())
            };
            out.push(Found {
                date: d,
                precision,
                end: None,
                actor: actor.clone(),
                target: target.clone(),
                stance: rule.stance.clone().unwrap_or_default(),
                summary: format!(
                    "{label} dispute #{n} begins, {actor} on side A: highest action {} {} ({}), {} {} ({}); dispute fatality: {}",
                    ctx.abb_lo,
                    h1[i].map_or("?".into(), |v| v.to_string()),
                    hostility(h1[i]),
                    ctx.abb_hi,
                    h2[i].map_or("?".into(), |v| v.to_string()),
                    hostility(h2[i]),
                    fatality(fat[i])
                ),
                dataset,
                key: format!(
                    "{table} dispnum={n} ccode1={} ccode2={} year={y}",
                    ctx.lo, ctx.hi
                ),
                note: format!("dyadic hostility level {}", h[i].unwrap_or(0)),
            });
        }
    }
    Ok(out)
}
