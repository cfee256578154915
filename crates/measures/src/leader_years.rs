//! Leader-years and leader-days (Archigos 4.1), like peacesciencer's
//! `create_leaderyears()` and `create_leaderdays()` followed by
//! `add_lead()`, `add_lwuf()` and `add_gml_mids()`.
//!
//! A leader-year is a spell in office (`obsid`) and a calendar year in which
//! the leader held office for at least one day; the day of a handover is in
//! both spells (Archigos gives it as the predecessor's end and the
//! successor's start), so both leaders have that year. `leaderage` is the
//! year minus the year of birth (an approximation, as peacesciencer says),
//! `yrinoffice` counts the spell's calendar years from 1. `ccode` is the COW
//! state the leader governed on the last day in office of the year that the
//! crosswalk maps (Kohl 1990: 255); `cowmember` is 1 when the leader
//! governed a COW member on some day of the year (peacesciencer's
//! `standardize = "cow"` keeps those rows only).
//!
//! GML disputes at leader-year (`gmlmid_*`, GML v2.2.1, 1816-2010): the
//! leader's state is in a dispute on a COW day the leader is in office
//! (`gmlmid_ongoing`), a participation of the state begins on such a day
//! (`gmlmid_onset`); the `_init` flags count only participations whose
//! starting leader (`obsid_start`) is this leader and whose state initiated
//! them under peacesciencer's default rule (side A, or a joiner). 0 inside
//! 1816-2010 for leader-years with `cowmember` = 1, NULL otherwise.

use crate::column::covers;
use crate::leader_data::{year_days, LeaderData};
use crate::Map;
use arrow_array::{ArrayRef, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray};
use ordo_sources::datasets::archigos::{LEAD_COLUMNS, LWUF_COLUMNS};
use ordo_sources::datasets::mids::GML_COVERAGE;
use ordo_states::{StateCode, States};
use std::sync::Arc;

/// The GML columns of leader-years and leader-dyad-years.
pub const GML_COLUMNS: [&str; 4] = [
    "gmlmid_ongoing",
    "gmlmid_onset",
    "gmlmid_ongoing_init",
    "gmlmid_onset_init",
];

/// Every leader-year, ordered by year, GW code, start of the spell, obsid.
pub fn leader_years(data: &LeaderData, states: &States) -> RecordBatch {
    let mut rows: Vec<(usize, i32)> = data
        .spells
        .iter()
        .enumerate()
        .flat_map(|(i, s)| (s.first_year()..=s.last_year()).map(move |y| (i, y)))
        .collect();
    let spell = |i: usize| &data.spells[i];
    rows.sort_by(|a, b| {
        let (x, y) = (spell(a.0), spell(b.0));
        (a.1, x.gwcode, x.start, &x.obsid).cmp(&(b.1, y.gwcode, y.start, &y.obsid))
    });
    let gml = gml_flags(data);
    let text = |f: &dyn Fn(usize, i32) -> Option<String>| -> ArrayRef {
        Arc::new(rows.iter().map(|&(i, y)| f(i, y)).collect::<StringArray>())
    };
    let int = |f: &dyn Fn(usize, i32) -> Option<i64>| -> ArrayRef {
        Arc::new(rows.iter().map(|&(i, y)| f(i, y)).collect::<Int64Array>())
    };
    let float = |f: &dyn Fn(usize, i32) -> Option<f64>| -> ArrayRef {
        Arc::new(rows.iter().map(|&(i, y)| f(i, y)).collect::<Float64Array>())
    };
    let date = |f: &dyn Fn(usize) -> i32| -> ArrayRef {
        Arc::new(
            rows.iter()
                .map(|&(i, _)| Some(f(i)))
                .collect::<Date32Array>(),
        )
    };
    let ccode = |i: usize, y: i32| spell(i).ccode_in(y);
    let mut columns: Vec<(&str, ArrayRef)> = vec![
        ("obsid", text(&|i, _| Some(spell(i).obsid.clone()))),
        ("year", int(&|_, y| Some(i64::from(y)))),
        ("ccode", int(&|i, y| ccode(i, y).map(i64::from))),
        (
            "stateabb",
            text(&|i, y| Some(states.system.get(StateCode(ccode(i, y)?))?.abbrev.clone())),
        ),
        ("gwcode", int(&|i, _| Some(i64::from(spell(i).gwcode)))),
        ("leadid", text(&|i, _| Some(spell(i).leadid.clone()))),
        ("leader", text(&|i, _| Some(spell(i).leader.clone()))),
        ("gender", text(&|i, _| spell(i).gender.clone())),
        ("yrborn", int(&|i, _| spell(i).yrborn)),
        (
            "leaderage",
            int(&|i, y| Some(i64::from(y) - spell(i).yrborn?)),
        ),
        (
            "yrinoffice",
            int(&|i, y| Some(i64::from(y - spell(i).first_year() + 1))),
        ),
        ("startdate", date(&|i| spell(i).start)),
        ("enddate", date(&|i| spell(i).end)),
        ("entry", text(&|i, _| spell(i).entry.clone())),
        ("exit", text(&|i, _| spell(i).exit.clone())),
        ("exitcode", text(&|i, _| spell(i).exitcode.clone())),
        (
            "cowmember",
            int(&|i, y| Some(i64::from(spell(i).is_member_in(y)))),
        ),
    ];
    for (k, name) in LEAD_COLUMNS.iter().enumerate() {
        columns.push((name, int(&|i, _| spell(i).lead[k])));
    }
    columns.push(("leaderid", text(&|i, _| spell(i).leaderid.clone())));
    for (k, name) in LWUF_COLUMNS.iter().enumerate() {
        columns.push((name, float(&|i, _| spell(i).lwuf[k])));
    }
    for (k, name) in GML_COLUMNS.iter().enumerate() {
        columns.push((
            name,
            int(&|i, y| {
                (covers(GML_COVERAGE, y) && spell(i).is_member_in(y))
                    .then(|| i64::from(gml.get(&(i, y)).is_some_and(|f| f[k])))
            }),
        ));
    }
    crate::column::record_batch(columns)
}

/// The GML flags of each (spell, year) with a dispute, in [`GML_COLUMNS`]
/// order.
fn gml_flags(data: &LeaderData) -> Map<(usize, i32), [bool; 4]> {
    let by_state = member_segments(data);
    let mut flags: Map<(usize, i32), [bool; 4]> = Map::default();
    for p in &data.participations {
        for &(i, a, b) in by_state.get(&p.ccode).into_iter().flatten() {
            let (x, y) = (p.first.max(a), p.last.min(b));
            if x > y {
                continue;
            }
            let init = p.initiates() && p.obsid_start.as_deref() == Some(&data.spells[i].obsid);
            for year in crate::batch::year_of_day(x)..=crate::batch::year_of_day(y) {
                let f = flags.entry((i, year)).or_default();
                f[0] = true;
                f[2] |= init;
            }
            if a <= p.first && p.first <= b {
                let f = flags
                    .entry((i, crate::batch::year_of_day(p.first)))
                    .or_default();
                f[1] = true;
                f[3] |= init;
            }
        }
    }
    flags
}

/// The COW days of every spell, by state: (spell, first day, last day).
pub(crate) fn member_segments(data: &LeaderData) -> Map<u16, Vec<(usize, i32, i32)>> {
    let mut by_state: Map<u16, Vec<(usize, i32, i32)>> = Map::default();
    for (i, s) in data.spells.iter().enumerate() {
        for g in s.cow.iter().filter(|g| g.member) {
            by_state
                .entry(g.ccode)
                .or_default()
                .push((i, g.first, g.last));
        }
    }
    by_state
}

/// Leader-days from `from` to `to` (years, inclusive): one row per spell
/// and day in office, with the COW state of the day (`ccode`, NULL when the
/// crosswalk maps the GW code to none) and whether it is a member that day.
/// With `state`, only the days the leader governed that COW state. Ordered
/// by date, GW code, obsid.
pub fn leader_days(data: &LeaderData, state: Option<u16>, from: i32, to: i32) -> RecordBatch {
    let (Some((lo, _)), Some((_, hi))) = (year_days(from), year_days(to)) else {
        return crate::column::record_batch(day_columns(data, &[]));
    };
    let mut rows: Vec<(i32, usize, Option<u16>, bool)> = Vec::new();
    for (i, s) in data.spells.iter().enumerate() {
        let (a, b) = (s.start.max(lo), s.end.min(hi));
        for day in a..=b {
            let seg = s.segment_on(day);
            let ccode = seg.map(|g| g.ccode);
            if state.is_none_or(|c| ccode == Some(c)) {
                rows.push((day, i, ccode, seg.is_some_and(|g| g.member)));
            }
        }
    }
    rows.sort_by(|x, y| {
        let (a, b) = (&data.spells[x.1], &data.spells[y.1]);
        (x.0, a.gwcode, &a.obsid).cmp(&(y.0, b.gwcode, &b.obsid))
    });
    crate::column::record_batch(day_columns(data, &rows))
}

fn day_columns<'a>(
    data: &LeaderData,
    rows: &[(i32, usize, Option<u16>, bool)],
) -> Vec<(&'a str, ArrayRef)> {
    let spell = |i: usize| &data.spells[i];
    vec![
        (
            "obsid",
            Arc::new(
                rows.iter()
                    .map(|r| Some(spell(r.1).obsid.as_str()))
                    .collect::<StringArray>(),
            ),
        ),
        (
            "date",
            Arc::new(rows.iter().map(|r| Some(r.0)).collect::<Date32Array>()),
        ),
        (
            "year",
            Arc::new(
                rows.iter()
                    .map(|r| Some(i64::from(crate::batch::year_of_day(r.0))))
                    .collect::<Int64Array>(),
            ),
        ),
        (
            "ccode",
            Arc::new(
                rows.iter()
                    .map(|r| r.2.map(i64::from))
                    .collect::<Int64Array>(),
            ),
        ),
        (
            "gwcode",
            Arc::new(
                rows.iter()
                    .map(|r| Some(i64::from(spell(r.1).gwcode)))
                    .collect::<Int64Array>(),
            ),
        ),
        (
            "leader",
            Arc::new(
                rows.iter()
                    .map(|r| Some(spell(r.1).leader.as_str()))
                    .collect::<StringArray>(),
            ),
        ),
        (
            "cowmember",
            Arc::new(
                rows.iter()
                    .map(|r| Some(i64::from(r.3)))
                    .collect::<Int64Array>(),
            ),
        ),
    ]
}
