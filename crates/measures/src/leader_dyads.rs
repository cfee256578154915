//! Leader-dyad-years: pairs of leaders of two COW states in office on a
//! same day of the year, 1870-2015, with the GML dispute flags attributed to
//! the two leaders (like peacesciencer's `create_leaderdyadyears(system =
//! "cow")` followed by `add_gml_mids()`).
//!
//! A unit is a leader governing a COW state: an Archigos spell and the COW
//! state its GW code maps to, on the days that state is a system member
//! (`leader_data.rs`). Two units of different states form a leader-dyad-year
//! when both hold office on at least one same day of the year; a leader who
//! governed two COW states in a year (Kohl: COW 260 until 1990-10-02, 255
//! after) is two units. Non-directed frames have `ccode1 < ccode2`; directed
//! frames both orders. Years before 1870 are left out: Archigos has only the
//! leaders still in office in 1870 for them.
//!
//! Disputes (GML v2.2.1, participants file): two participations of one
//! dispute on opposite sides, by different states, make the dispute-days of
//! the pair; the days on which both units are in office are the leaders'.
//! `gmlmid_ongoing` is 1 in every year with such a day; `gmlmid_onset` is 1
//! when the first such day of the year is the first day of one of the two
//! states' participations in that dispute (the leaders in office when the
//! dyadic dispute began, not their successors). In directed frames,
//! `gmlmid_ongoing_init` is 1 when in some such dispute the first leader is
//! the one GML gives his state's participation at its start (`obsid_start`)
//! and that state initiated it under peacesciencer's default rule (side A,
//! or a joiner), `gmlmid_onset_init` when that dispute also has the onset.
//! Each flag is the maximum over the year's disputes; 0 inside 1816-2010,
//! NULL outside. peacesciencer keeps one dispute per leader-dyad-year
//! (whittling) and reads the initiation from that one.

use crate::column::covers;
use crate::leader_data::{year_days, LeaderData, LAST_YEAR};
use crate::leader_years::{member_segments, GML_COLUMNS};
use crate::Map;
use arrow_array::{ArrayRef, Int64Array, RecordBatch, StringArray};
use ordo_sources::datasets::mids::GML_COVERAGE;
use std::sync::Arc;

/// First year of the leader-dyad-years.
pub const FIRST_YEAR: i32 = 1870;

/// A leader governing a COW state: (ccode, spell index).
type Unit = (u16, u32);

/// A leader-dyad-year: the two units and the year.
type Row = (Unit, Unit, i32);

fn ints(rows: &[Row], f: &dyn Fn(&Row) -> Option<i64>) -> ArrayRef {
    Arc::new(rows.iter().map(f).collect::<Int64Array>())
}

fn texts<'a>(rows: &[Row], f: impl Fn(&Row) -> Option<&'a str>) -> ArrayRef {
    Arc::new(rows.iter().map(f).collect::<StringArray>())
}

/// Every leader-dyad-year from `from` to `to` (clipped to 1870-2015),
/// ordered by ccode1, ccode2, year, obsid1, obsid2.
pub fn leader_dyad_years(data: &LeaderData, from: i32, to: i32, directed: bool) -> RecordBatch {
    let mut rows: Vec<Row> = Vec::new();
    for year in from.max(FIRST_YEAR)..=to.min(LAST_YEAR) {
        let mut units: Vec<(Unit, i32, i32)> = Vec::new();
        for (i, s) in data.spells.iter().enumerate() {
            if s.first_year() <= year && year <= s.last_year() {
                units.extend(
                    s.segments_in(year)
                        .filter(|g| g.member)
                        .map(|g| ((g.ccode, i as u32), g.first, g.last)),
                );
            }
        }
        let mut pairs: Vec<(Unit, Unit)> = Vec::new();
        for (x, &(u, a1, b1)) in units.iter().enumerate() {
            for &(v, a2, b2) in &units[x + 1..] {
                if u.0 != v.0 && a1 <= b2 && a2 <= b1 {
                    let (lo, hi) = if u.0 < v.0 { (u, v) } else { (v, u) };
                    pairs.push((lo, hi));
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        for (u, v) in pairs {
            rows.push((u, v, year));
            if directed {
                rows.push((v, u, year));
            }
        }
    }
    let obsid = |u: Unit| data.spells[u.1 as usize].obsid.as_str();
    rows.sort_unstable_by(|x, y| {
        (x.0 .0, x.1 .0, x.2, obsid(x.0), obsid(x.1)).cmp(&(
            y.0 .0,
            y.1 .0,
            y.2,
            obsid(y.0),
            obsid(y.1),
        ))
    });
    let flags = gml_flags(data);
    let spell = |u: Unit| &data.spells[u.1 as usize];
    let int = |f: &dyn Fn(&Row) -> Option<i64>| ints(&rows, f);
    let mut columns: Vec<(&str, ArrayRef)> = vec![
        ("ccode1", int(&|r| Some(i64::from(r.0 .0)))),
        ("ccode2", int(&|r| Some(i64::from(r.1 .0)))),
        ("year", int(&|r| Some(i64::from(r.2)))),
        ("obsid1", texts(&rows, |r| Some(obsid(r.0)))),
        ("obsid2", texts(&rows, |r| Some(obsid(r.1)))),
        (
            "leader1",
            texts(&rows, |r| Some(spell(r.0).leader.as_str())),
        ),
        (
            "leader2",
            texts(&rows, |r| Some(spell(r.1).leader.as_str())),
        ),
        ("gender1", texts(&rows, |r| spell(r.0).gender.as_deref())),
        ("gender2", texts(&rows, |r| spell(r.1).gender.as_deref())),
        (
            "leaderage1",
            int(&|r| Some(i64::from(r.2) - spell(r.0).yrborn?)),
        ),
        (
            "leaderage2",
            int(&|r| Some(i64::from(r.2) - spell(r.1).yrborn?)),
        ),
        (
            "yrinoffice1",
            int(&|r| Some(i64::from(r.2 - spell(r.0).first_year() + 1))),
        ),
        (
            "yrinoffice2",
            int(&|r| Some(i64::from(r.2 - spell(r.1).first_year() + 1))),
        ),
    ];
    let n = if directed { 4 } else { 2 };
    for (k, name) in GML_COLUMNS.iter().enumerate().take(n) {
        columns.push((
            name,
            int(&|r| {
                covers(GML_COVERAGE, r.2).then(|| i64::from(flags.get(r).is_some_and(|f| f[k])))
            }),
        ));
    }
    crate::column::record_batch(columns)
}

/// The GML flags of each directed (unit, unit, year) in a dispute, in
/// [`GML_COLUMNS`] order.
fn gml_flags(data: &LeaderData) -> Map<Row, [bool; 4]> {
    let by_state = member_segments(data);
    let mut disputes: Map<i64, Vec<usize>> = Map::default();
    for (i, p) in data.participations.iter().enumerate() {
        disputes.entry(p.dispnum).or_default().push(i);
    }
    let mut flags: Map<Row, [bool; 4]> = Map::default();
    for parts in disputes.values() {
        let starts = |c: u16| {
            parts
                .iter()
                .map(|&i| &data.participations[i])
                .filter(move |p| p.ccode == c)
                .map(|p| p.first)
        };
        // First shared day of each (unit, unit, year) in this dispute, and
        // whether the first unit's state initiated.
        let mut first: Map<Row, (i32, bool)> = Map::default();
        for &i in parts {
            for &j in parts {
                let (p, q) = (&data.participations[i], &data.participations[j]);
                if p.ccode == q.ccode || p.sidea == q.sidea {
                    continue;
                }
                let (s0, s1) = (p.first.max(q.first), p.last.min(q.last));
                if s0 > s1 {
                    continue;
                }
                for &(u, a1, b1) in by_state.get(&p.ccode).into_iter().flatten() {
                    let (t0, t1) = (s0.max(a1), s1.min(b1));
                    if t0 > t1 {
                        continue;
                    }
                    let init =
                        p.initiates() && p.obsid_start.as_deref() == Some(&data.spells[u].obsid);
                    for &(v, a2, b2) in by_state.get(&q.ccode).into_iter().flatten() {
                        let (o0, o1) = (t0.max(a2), t1.min(b2));
                        if o0 > o1 {
                            continue;
                        }
                        let key_units = ((p.ccode, u as u32), (q.ccode, v as u32));
                        for year in crate::batch::year_of_day(o0)..=crate::batch::year_of_day(o1) {
                            let Some((jan1, _)) = year_days(year) else {
                                continue;
                            };
                            let day = o0.max(jan1);
                            let e = first
                                .entry((key_units.0, key_units.1, year))
                                .or_insert((day, init));
                            e.0 = e.0.min(day);
                            e.1 |= init;
                        }
                    }
                }
            }
        }
        for ((u, v, year), (day, init)) in first {
            let onset = starts(u.0).chain(starts(v.0)).any(|s| s == day);
            let f = flags.entry((u, v, year)).or_default();
            f[0] = true;
            f[1] |= onset;
            f[2] |= init;
            f[3] |= onset && init;
        }
    }
    flags
}
