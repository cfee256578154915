//! With `--events`: the months in which the dyad's event net cooperation
//! ((cooperative - conflictual) / (cooperative + conflictual), profile
//! gdelt@1, `event_dyad_months`) lies beyond `sd` standard deviations of its
//! own scored months, with the most-mentioned events of the month on the
//! side of the swing and their source URLs. Months with fewer than
//! `min_events` events are not scored: a handful of reports is not a swing.

use super::{Ctx, Found};
use crate::columns::{floats, ints, texts};
use ordo_analysis::derive_recipe::Rule;
use ordo_analysis::outliers::outlying_levels;

struct Month {
    period: String,
    events: i64,
    net: f64,
}

fn months(ctx: &Ctx, rule: &Rule) -> anyhow::Result<Vec<Month>> {
    let batches = ctx.sql(&format!(
        "SELECT period, events, net_coop FROM event_dyad_months \
         WHERE ((actor1 = {lo} AND actor2 = {hi}) OR (actor1 = {hi} AND actor2 = {lo})) \
         AND events >= {} AND net_coop IS NOT NULL ORDER BY period",
        rule.min_events,
        lo = ctx.lo,
        hi = ctx.hi
    ))?;
    let mut out = Vec::new();
    for b in &batches {
        let (p, n, v) = (texts(b, "period"), ints(b, "events"), floats(b, "net_coop"));
        for i in 0..b.num_rows() {
            if let (Some(period), Some(events), Some(net)) = (p[i].clone(), n[i], v[i]) {
                out.push(Month {
                    period,
                    events,
                    net,
                });
            }
        }
    }
    Ok(out)
}

/// The month's most-mentioned events on the side of the swing.
fn top_events(ctx: &Ctx, rule: &Rule, period: &str, rise: bool) -> anyhow::Result<Vec<String>> {
    // the store's `month` is the YYYYMM key of the event's month
    let key = period.replace('-', "");
    let quads = if rise { "1, 2" } else { "3, 4" };
    let batches = ctx.sql(&format!(
        "SELECT CAST(day AS VARCHAR) AS day, actor1_code, actor2_code, event_code, mentions, source_url, file, line \
         FROM events WHERE dyad = {} AND month = {key} AND quad_class IN ({quads}) \
         ORDER BY mentions DESC NULLS LAST, day, line LIMIT {}",
        i64::from(ctx.lo) * 1000 + i64::from(ctx.hi),
        rule.top
    ))?;
    let mut out = Vec::new();
    for b in &batches {
        let t = |c: &str| texts(b, c);
        let (day, a1, a2, code, url, file) = (
            t("day"),
            t("actor1_code"),
            t("actor2_code"),
            t("event_code"),
            t("source_url"),
            t("file"),
        );
        let (mentions, line) = (ints(b, "mentions"), ints(b, "line"));
        for i in 0..b.num_rows() {
            out.push(format!(
                "{} {}->{} CAMEO {} ({} mentions) {} [{}:{}]",
                day[i].as_deref().unwrap_or("?"),
                a1[i].as_deref().unwrap_or("?"),
                a2[i].as_deref().unwrap_or("?"),
                code[i].as_deref().unwrap_or("?"),
                mentions[i].map_or("?".into(), |m| m.to_string()),
                url[i].as_deref().unwrap_or("no URL"),
                file[i].as_deref().unwrap_or("?"),
                line[i].unwrap_or(0)
            ));
        }
    }
    Ok(out)
}

pub(super) fn find(ctx: &Ctx, rule: &Rule) -> anyhow::Result<Vec<Found>> {
    let store = ordo_events::EventStore::new(ctx.session.store_dir()?.root());
    if store.manifest()?.segments.is_empty() {
        return Ok(Vec::new());
    }
    let months = months(ctx, rule)?;
    let nets: Vec<f64> = months.iter().map(|m| m.net).collect();
    let mut out = Vec::new();
    for (i, z) in outlying_levels(&nets, rule.sd, rule.min_months) {
        let m = &months[i];
        let rise = z > 0.0;
        let top = top_events(ctx, rule, &m.period, rise)?;
        out.push(Found {
            date: format!("{}-01", m.period),
            precision: "month",
            end: None,
            actor: ctx.abb_lo.clone(),
            target: ctx.abb_hi.clone(),
            stance: if rise { &rule.rise } else { &rule.fall }
                .clone()
                .unwrap_or_default(),
            summary: format!(
                "event net cooperation {:.3} over {} events in {} (z = {:.2} of the dyad's {} scored months)",
                m.net,
                m.events,
                m.period,
                z,
                months.len()
            ),
            dataset: "events",
            key: format!(
                "event_dyad_months actor1={} actor2={} period={}",
                ctx.lo, ctx.hi, m.period
            ),
            note: top.join("; "),
        });
    }
    Ok(out)
}
