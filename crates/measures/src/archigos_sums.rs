//! Leader turnover at COW state-year, from Archigos's yearly summaries
//! (`archigossums`, GW-coded, 1870-2015), like peacesciencer's
//! `add_archigos()`: `archigos_transition` (the leader on 31 December is not
//! the leader on 1 January), `archigos_irregular` (a transition, and a spell
//! of the year ended irregularly), `archigos_nleaders` (distinct leaders in
//! office during the year); `…1`/`…2` in dyad-year frames.
//!
//! A COW state-year reads the row of the GW code the crosswalk maps the
//! state to on its member days of that year. Where it maps to two (COW 345
//! in 2006: GW 345, Serbia and Montenegro, until 4 June, then GW 340,
//! Serbia) the rows are combined by the summaries' own definitions: a
//! transition when either row has one or the leaders at the seam differ,
//! irregular when either is, and the leaders counted once each.
//! peacesciencer special-cases the same state-year by dropping the GW 340
//! row and writing SER-2006 as the 31 December leader, while keeping the
//! GW 345 row's "no transition, one leader". Values, not counts: NULL where
//! the summaries have no row (GW codes Archigos does not list) and outside
//! 1870-2015.

use crate::batch;
use crate::state_vars::{StateVars, Var};
use crate::Map;
use ordo_sources::datasets::archigos::{LEADERS, SUMS, SUMS_COVERAGE};
use ordo_sources::{DataDir, DataError, SourceUse};
use ordo_states::{Scheme, States};

static VARS: [Var; 3] = [
    Var::level("archigos_transition").in_dyads("archigos_transition1", "archigos_transition2"),
    Var::level("archigos_irregular").in_dyads("archigos_irregular1", "archigos_irregular2"),
    Var::level("archigos_nleaders").in_dyads("archigos_nleaders1", "archigos_nleaders2"),
];
static PAIRS: [(&str, &str); 3] = [
    ("archigos_transition1", "archigos_transition2"),
    ("archigos_irregular1", "archigos_irregular2"),
    ("archigos_nleaders1", "archigos_nleaders2"),
];

/// One row of the summaries.
#[derive(Debug, Clone)]
struct Row {
    transition: bool,
    irregular: bool,
    leaders: i64,
    jan1: String,
    dec31: String,
}

/// The turnover of every COW state-year 1870-2015. Reads `archigos.csv`
/// too (whose line the frames' provenance has from `leaders.rs`), for the
/// persons behind the `obsid`s at a seam between two GW codes.
pub fn load(dir: &DataDir, states: &States) -> Result<(StateVars, Vec<SourceUse>), DataError> {
    let t = SUMS.read(dir)?;
    let b = &t.batch;
    let (gw, year) = (batch::codes(b, "gwcode"), batch::ints(b, "year"));
    let (tr, irr, n) = (
        batch::ints(b, "leadertransition"),
        batch::ints(b, "irregular"),
        batch::ints(b, "n_leaders"),
    );
    let (jan1, dec31) = (batch::texts(b, "jan1obsid"), batch::texts(b, "dec31obsid"));
    let mut rows: Map<(u16, i32), Row> = Map::default();
    for i in 0..gw.len() {
        if let (Some(y), Some(n)) = (year[i], n[i]) {
            rows.insert(
                (gw[i], y as i32),
                Row {
                    transition: tr[i] == Some(1),
                    irregular: irr[i] == Some(1),
                    leaders: n,
                    jan1: jan1[i].unwrap_or_default().to_string(),
                    dec31: dec31[i].unwrap_or_default().to_string(),
                },
            );
        }
    }
    // The person behind each obsid, to tell whether a seam is a transition.
    let a = LEADERS.read(dir)?;
    let leadid: Map<&str, &str> = batch::texts(&a.batch, "obsid")
        .into_iter()
        .zip(batch::texts(&a.batch, "leadid"))
        .filter_map(|(o, l)| Some((o?, l?)))
        .collect();
    let mut vars = StateVars::new("archigossums", SUMS_COVERAGE, &VARS, &PAIRS);
    let mut combined = Vec::new();
    for state in states.system.iter() {
        for year in SUMS_COVERAGE.0..=SUMS_COVERAGE.1 {
            let gws = gw_codes_in(states, state.code.0, year);
            let found: Vec<&Row> = gws.iter().filter_map(|g| rows.get(&(*g, year))).collect();
            let Some(row) = combine(&found, &leadid) else {
                continue;
            };
            if found.len() > 1 {
                combined.push(format!("COW {} {year} (GW {})", state.code.0, join(&gws)));
            }
            let f = |b: bool| Some(f64::from(u8::from(b)));
            vars.set(
                state.code.0,
                year,
                vec![
                    f(row.transition),
                    f(row.irregular),
                    Some(row.leaders as f64),
                ],
            );
        }
    }
    if !combined.is_empty() {
        vars.notes.push(format!(
            "Archigos summaries: state-years whose COW state two GW codes denote, rows combined: {}",
            combined.join("; ")
        ));
    }
    Ok((vars, vec![t.source]))
}

fn join(codes: &[u16]) -> String {
    codes
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The GW codes the crosswalk maps COW state `code` to on its member days
/// of `year`, in the order they first apply.
fn gw_codes_in(states: &States, code: u16, year: i32) -> Vec<u16> {
    let Some(state) = states.system.get(ordo_states::StateCode(code)) else {
        return Vec::new();
    };
    let (Some(jan1), Some(dec31)) = (
        chrono::NaiveDate::from_ymd_opt(year, 1, 1),
        chrono::NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return Vec::new();
    };
    let mut found: Vec<(chrono::NaiveDate, u16)> = Vec::new();
    for m in states.crosswalk.codes_of(state.code, Scheme::Gw, None) {
        let Ok(gw) = m.code.parse::<u16>() else {
            continue;
        };
        let first = state
            .spells
            .iter()
            .filter_map(|s| {
                let a = s
                    .start
                    .max(jan1)
                    .max(m.from.unwrap_or(chrono::NaiveDate::MIN));
                let b = s.end.min(dec31).min(m.to.unwrap_or(chrono::NaiveDate::MAX));
                (a <= b).then_some(a)
            })
            .min();
        if let Some(day) = first {
            found.push((day, gw));
        }
    }
    found.sort_unstable();
    let mut codes: Vec<u16> = found.into_iter().map(|(_, g)| g).collect();
    codes.dedup();
    codes
}

/// One row for the state-year from the rows of its GW codes, in date order.
fn combine(rows: &[&Row], leadid: &Map<&str, &str>) -> Option<Row> {
    let (first, rest) = rows.split_first()?;
    let mut out = (*first).clone();
    for r in rest {
        let same = leadid.get(out.dec31.as_str()).is_some()
            && leadid.get(out.dec31.as_str()) == leadid.get(r.jan1.as_str());
        out.transition |= r.transition || !same;
        out.irregular |= r.irregular;
        out.leaders += r.leaders - i64::from(same);
        out.dec31 = r.dec31.clone();
    }
    Some(out)
}
