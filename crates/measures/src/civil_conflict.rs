//! Armed conflict beyond militarized disputes: the UCDP/PRIO Armed Conflict
//! Dataset v25.1 (1946-2024) and UCDP onsets v19.1 (1946-2017), keyed by
//! Gleditsch-Ward codes and read onto COW state-years.
//!
//! A state takes part in a conflict-year when its GW code is a primary party
//! on either side (`gwno_a` or `gwno_b`); supporters (`gwno_*_2nd`) are not
//! counted. This differs from peacesciencer's `add_ucdp_acd()`, which
//! counts side A only (its issue #18: the USA in 2001 as side B of
//! conflict 13692 is missed). Per state-year:
//! - `ucdp_ongoing`: in any conflict; `ucdp_conflicts`: how many;
//! - `ucdp_onset`: the first year the state appears in some conflict (as
//!   peacesciencer: per conflict and state, not per episode);
//! - `ucdp_maxintensity`: highest intensity (1 minor, 2 war), NULL without
//!   conflict;
//! - `ucdp_intrastate`, `ucdp_interstate`, `ucdp_internationalized`,
//!   `ucdp_extrasystemic`: in a conflict of that type.
//!
//! Flags and counts are 0 inside 1946-2024, NULL outside. The dyad-year
//! `ucdp_interstate`: the two states are primary parties on opposite sides
//! of an interstate conflict that year.
//!
//! GW to COW: a GW code in a year is the COW state whose crosswalk row holds
//! it on 31 December (else on 1 January), so GW 260 in 1990 is COW 255.

use crate::batch;
use crate::column::{flag, Column};
use crate::dyads::{DyadYear, DyadYears};
use crate::state_vars::{StateVars, Var};
use crate::Map;
use ordo_sources::datasets::ucdp::{ACD, ACD_COVERAGE, ONSETS, ONSETS_COVERAGE};
use ordo_sources::{DataDir, DataError, SourceUse};
use ordo_states::{Scheme, States};
use std::collections::{BTreeMap, BTreeSet};

static ACD_VARS: [Var; 8] = [
    Var::count("ucdp_ongoing"),
    Var::count("ucdp_onset"),
    Var::level("ucdp_maxintensity"),
    Var::count("ucdp_conflicts"),
    Var::count("ucdp_intrastate"),
    Var::count("ucdp_interstate"),
    Var::count("ucdp_internationalized"),
    Var::count("ucdp_extrasystemic"),
];
static ONSET_VARS: [Var; 6] = [
    Var::count("ucdp_newconf"),
    Var::count("ucdp_onset1"),
    Var::count("ucdp_onset2"),
    Var::count("ucdp_onset3"),
    Var::count("ucdp_onset5"),
    Var::count("ucdp_onset10"),
];
const TYPES: [&str; 4] = ["intrastate", "interstate", "II", "extrasystemic"];

/// The COW states a GW code denotes in a year (see the module doc).
pub fn cow_of_gw(states: &States, gw: i64, year: i32) -> Vec<u16> {
    let code = gw.to_string();
    [(12, 31), (1, 1)]
        .into_iter()
        .filter_map(|(m, d)| chrono::NaiveDate::from_ymd_opt(year, m, d))
        .map(|day| {
            let mut c: Vec<u16> = states
                .crosswalk
                .lookup(Scheme::Gw, &code, Some(day))
                .iter()
                .map(|m| m.ccode.0)
                .collect();
            c.sort_unstable();
            c.dedup();
            c
        })
        .find(|c| !c.is_empty())
        .unwrap_or_default()
}

/// One conflict-year: its primary parties (COW codes), type and intensity.
#[derive(Debug, Default)]
struct ConflictYear {
    side_a: BTreeSet<u16>,
    side_b: BTreeSet<u16>,
    kind: usize,
    intensity: i64,
}

/// Conflict-years by (conflict id, year).
type ConflictYears = BTreeMap<(i64, i32), ConflictYear>;

/// A state's conflicts in a year: first year of one of them, highest
/// intensity, how many, and of which types.
#[derive(Debug, Default)]
struct StateConflicts {
    onset: bool,
    intensity: i64,
    count: usize,
    kinds: [bool; 4],
}

/// The UCDP measures, and what could not be attributed.
#[derive(Debug, Default)]
pub struct Ucdp {
    pub acd: Option<StateVars>,
    pub onsets: Option<StateVars>,
    /// (lower, higher, year) of states on opposite sides of an interstate
    /// conflict.
    interstate: BTreeSet<DyadYear>,
    /// GW code-years of the ACD and the onsets that map to no COW state.
    pub unattributed: Vec<String>,
}

impl Ucdp {
    pub fn load(dir: &DataDir, states: &States) -> Result<(Ucdp, Vec<SourceUse>), DataError> {
        let mut u = Ucdp::default();
        let (years, s1) = conflict_years(dir, states, &mut u.unattributed)?;
        u.acd = Some(state_years(&years));
        u.interstate = interstate(&years);
        let (onsets, s2) = onsets(dir, states, &mut u.unattributed)?;
        u.onsets = Some(onsets);
        Ok((u, vec![s1, s2]))
    }

    pub fn dyad_columns(&self, keys: &DyadYears) -> Vec<Column> {
        let v = (0..keys.len()).map(|i| {
            let (a, b, y) = keys.key(i);
            let at_war = self.interstate.contains(&(a.min(b), a.max(b), y));
            flag(at_war.then_some(1), ACD_COVERAGE, y)
        });
        vec![Column::ints("ucdp_interstate", "ucdp_acd", ACD_COVERAGE, v)]
    }
}

fn conflict_years(
    dir: &DataDir,
    states: &States,
    unattributed: &mut Vec<String>,
) -> Result<(ConflictYears, SourceUse), DataError> {
    let t = ACD.read(dir)?;
    let b = &t.batch;
    let (id, y, a, bb, kind, level) = (
        batch::ints(b, "conflict_id"),
        batch::ints(b, "year"),
        batch::ints(b, "gwno_a"),
        batch::ints(b, "gwno_b"),
        batch::texts(b, "type_of_conflict"),
        batch::ints(b, "intensity_level"),
    );
    let mut years = ConflictYears::new();
    let mut missing: BTreeSet<(i64, i32)> = BTreeSet::new();
    for i in 0..id.len() {
        let (Some(id), Some(year)) = (id[i], y[i]) else {
            continue;
        };
        let year = year as i32;
        let Some(k) = kind[i].and_then(|k| TYPES.iter().position(|t| *t == k)) else {
            return Err(ordo_sources::ReadError::Malformed {
                file: t.source.file.clone(),
                line: i as u64 + 2,
                message: format!("type_of_conflict {:?} is not one of {TYPES:?}", kind[i]),
            }
            .into());
        };
        let cy = years.entry((id, year)).or_default();
        cy.kind = k;
        cy.intensity = cy.intensity.max(level[i].unwrap_or(0));
        for (gw, side) in [(a[i], &mut cy.side_a), (bb[i], &mut cy.side_b)] {
            let Some(gw) = gw else { continue };
            let cow = cow_of_gw(states, gw, year);
            if cow.is_empty() {
                missing.insert((gw, year));
            }
            side.extend(cow);
        }
    }
    unattributed.extend(
        missing
            .iter()
            .map(|(g, y)| format!("ucdp_acd: GW {g} in {y}")),
    );
    Ok((years, t.source))
}

/// The state-year variables of the ACD (see the module doc).
fn state_years(years: &ConflictYears) -> StateVars {
    let mut by_state: BTreeMap<(u16, i32), StateConflicts> = BTreeMap::new();
    let mut seen: BTreeSet<(i64, u16)> = BTreeSet::new();
    // BTreeMap order is (conflict, year): the first year of a pair comes first.
    for ((id, year), cy) in years {
        for &state in cy.side_a.union(&cy.side_b) {
            let e = by_state.entry((state, *year)).or_default();
            e.onset |= seen.insert((*id, state));
            e.intensity = e.intensity.max(cy.intensity);
            e.count += 1;
            e.kinds[cy.kind] = true;
        }
    }
    let mut vars = StateVars::new("ucdp_acd", ACD_COVERAGE, &ACD_VARS, &[]);
    let one = |b: bool| Some(f64::from(u8::from(b)));
    for ((state, year), c) in by_state {
        vars.set(
            state,
            year,
            vec![
                Some(1.0),
                one(c.onset),
                Some(c.intensity as f64),
                Some(c.count as f64),
                one(c.kinds[0]),
                one(c.kinds[1]),
                one(c.kinds[2]),
                one(c.kinds[3]),
            ],
        );
    }
    vars
}

fn interstate(years: &ConflictYears) -> BTreeSet<DyadYear> {
    let mut out = BTreeSet::new();
    for ((_, year), cy) in years.iter().filter(|(_, cy)| cy.kind == 1) {
        for &a in &cy.side_a {
            for &b in cy.side_b.iter().filter(|&&b| b != a) {
                out.insert((a.min(b), a.max(b), *year));
            }
        }
    }
    out
}

fn onsets(
    dir: &DataDir,
    states: &States,
    unattributed: &mut Vec<String>,
) -> Result<(StateVars, SourceUse), DataError> {
    let t = ONSETS.read(dir)?;
    let b = &t.batch;
    let (gw, y) = (batch::ints(b, "gwcode"), batch::ints(b, "year"));
    let cols = [
        "sumnewconf",
        "sumonset1",
        "sumonset2",
        "sumonset3",
        "sumonset5",
        "sumonset10",
    ]
    .map(|n| batch::ints(b, n));
    let mut sums: Map<(u16, i32), Vec<i64>> = Map::default();
    for i in 0..gw.len() {
        let (Some(g), Some(year)) = (gw[i], y[i]) else {
            continue;
        };
        let cow = cow_of_gw(states, g, year as i32);
        if cow.is_empty() {
            unattributed.push(format!("ucdp_onsets: GW {g} in {year}"));
        }
        for c in cow {
            let e = sums.entry((c, year as i32)).or_insert_with(|| vec![0; 6]);
            for (k, col) in cols.iter().enumerate() {
                e[k] += col[i].unwrap_or(0);
            }
        }
    }
    let mut vars = StateVars::new("ucdp_onsets", ONSETS_COVERAGE, &ONSET_VARS, &[]);
    for ((c, year), v) in sums {
        vars.set(c, year, v.into_iter().map(|x| Some(x as f64)).collect());
    }
    Ok((vars, t.source))
}
