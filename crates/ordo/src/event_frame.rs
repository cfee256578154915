//! An event series as the table `ordo events` prints: one row per series
//! row and scoring profile. Shared by the `events` call and the
//! `event_dyad_months` SQL table, so both show the same columns.

use crate::frame::Frame;
use ordo_events::series::SeriesRow;
use ordo_events::{Keys, Period, Profile};

pub fn frame(
    rows: &[SeriesRow],
    profiles: &[Profile],
    by: Period,
    keys: Keys,
    sensitivity: bool,
    totals: bool,
) -> anyhow::Result<arrow_array::RecordBatch> {
    // One output row per (series row, profile).
    let cells: Vec<(&SeriesRow, usize)> = rows
        .iter()
        .flat_map(|r| (0..profiles.len()).map(move |p| (r, p)))
        .collect();
    let mut f = Frame::new();
    f = match keys {
        Keys::Cow => f
            .int("actor1", cells.iter().map(|(r, _)| r.actor1.parse().ok()))
            .int("actor2", cells.iter().map(|(r, _)| r.actor2.parse().ok())),
        Keys::Raw => f
            .text("actor1", cells.iter().map(|(r, _)| Some(&*r.actor1)))
            .text("actor2", cells.iter().map(|(r, _)| Some(&*r.actor2))),
    };
    // Labels and profile ids made once, not a String per row.
    let mut labels = std::collections::HashMap::<i32, String>::new();
    for r in rows {
        labels.entry(r.period).or_insert_with(|| by.label(r.period));
    }
    let ids: Vec<String> = profiles.iter().map(Profile::id).collect();
    f = f
        .text(
            "period",
            cells.iter().map(|(r, _)| Some(&labels[&r.period])),
        )
        .int(
            "year",
            cells
                .iter()
                .map(|(r, _)| Some(i64::from(by.year(r.period)))),
        )
        .text("profile", cells.iter().map(|(_, p)| Some(&ids[*p])))
        .int("events", cells.iter().map(|(r, _)| Some(r.events)));
    if !sensitivity {
        for (c, class) in profiles[0].scheme.classes.iter().enumerate() {
            f = f.int(
                class,
                cells.iter().map(|(r, p)| Some(r.profiles[*p].classes[c])),
            );
        }
    }
    let ratio = |x: i64, y: i64| (y != 0).then(|| x as f64 / y as f64);
    f = f
        .int("coop", cells.iter().map(|(r, p)| Some(v(r, *p).coop)))
        .int(
            "conflict",
            cells.iter().map(|(r, p)| Some(v(r, *p).conflict)),
        )
        .int("neutral", cells.iter().map(|(r, p)| Some(v(r, *p).neutral)))
        .float(
            "goldstein_sum",
            cells.iter().map(|(r, p)| Some(v(r, *p).goldstein_sum)),
        )
        .float(
            "goldstein_pos",
            cells.iter().map(|(r, p)| Some(v(r, *p).goldstein_pos)),
        )
        .float(
            "goldstein_neg",
            cells.iter().map(|(r, p)| Some(v(r, *p).goldstein_neg)),
        )
        .float(
            "goldstein_mean",
            cells.iter().map(|(r, p)| v(r, *p).goldstein_mean),
        )
        .float("net_coop", cells.iter().map(|(r, p)| v(r, *p).net_coop))
        .float(
            "conflict_share",
            cells.iter().map(|(r, p)| v(r, *p).conflict_share),
        )
        .int("mentions", cells.iter().map(|(r, _)| Some(r.mentions)))
        .int(
            "period_total",
            cells.iter().map(|(r, _)| totals.then_some(r.period_total)),
        )
        .float(
            "per_million",
            cells
                .iter()
                .map(|(r, _)| ratio(r.events * 1_000_000, r.period_total).filter(|_| totals)),
        )
        .int(
            "actor1_total",
            cells.iter().map(|(r, _)| totals.then_some(r.actor1_total)),
        )
        .int(
            "actor2_total",
            cells.iter().map(|(r, _)| totals.then_some(r.actor2_total)),
        )
        .float(
            "share_of_actor1",
            cells
                .iter()
                .map(|(r, _)| ratio(r.events, r.actor1_total).filter(|_| totals)),
        )
        .float(
            "share_of_actor2",
            cells
                .iter()
                .map(|(r, _)| ratio(r.events, r.actor2_total).filter(|_| totals)),
        );
    f.build()
}

fn v(r: &SeriesRow, p: usize) -> &ordo_events::series::ProfileValues {
    &r.profiles[p]
}
