//! Leaders taking office on either side (Archigos 4.1 through ordo's
//! leader-years, which carry the COW code of the day), in the years the
//! dyad exists. Neutral by default: a new leader is a date a scholar looks
//! at, not a stance.

use super::{Ctx, Found};
use crate::columns::{ints, texts};
use ordo_analysis::derive_recipe::Rule;

pub(super) fn find(ctx: &Ctx, rule: &Rule) -> anyhow::Result<Vec<Found>> {
    let batches = ctx.sql(&format!(
        "SELECT obsid, ccode, leader, CAST(startdate AS VARCHAR) AS startdate, entry, year FROM leader_years \
         WHERE ccode IN ({lo}, {hi}) AND year = CAST(SUBSTR(CAST(startdate AS VARCHAR), 1, 4) AS INT) \
         AND year IN (SELECT year FROM dyad_years WHERE ccode1 = {lo} AND ccode2 = {hi}) \
         ORDER BY startdate, obsid",
        lo = ctx.lo,
        hi = ctx.hi
    ))?;
    let mut out = Vec::new();
    for b in &batches {
        let (obsid, code, name, start, entry, year) = (
            texts(b, "obsid"),
            ints(b, "ccode"),
            texts(b, "leader"),
            texts(b, "startdate"),
            texts(b, "entry"),
            ints(b, "year"),
        );
        for i in 0..b.num_rows() {
            let (Some(o), Some(c), Some(s)) = (&obsid[i], code[i], &start[i]) else {
                continue;
            };
            let state = ctx.abb(c).to_string();
            let other = if c == i64::from(ctx.lo) {
                ctx.abb_hi.clone()
            } else {
                ctx.abb_lo.clone()
            };
            out.push(Found {
                date: s.clone(),
                precision: "day",
                end: None,
                actor: state.clone(),
                target: other,
                stance: rule.stance.clone().unwrap_or_default(),
                summary: format!(
                    "{} takes office in {state} ({} entry)",
                    name[i].as_deref().unwrap_or("?"),
                    entry[i].as_deref().unwrap_or("unknown").to_lowercase()
                ),
                dataset: "archigos",
                key: format!("leader_years obsid={o} year={}", year[i].unwrap_or(0)),
                note: String::new(),
            });
        }
    }
    Ok(out)
}
