//! The system-year frame: who the majors are, how capabilities are
//! distributed among them and how that changes, and how much the majors
//! fight, rival and ally with each other — one row per year.
//!
//! Formulas are in [`crate::concentration`], [`crate::movement`] and
//! [`crate::transition`]; the dyadic inputs (COW MIDs, war, TSS rivalry, ATOP)
//! are the dyad-year measures applied to every pair of majors that coexisted
//! on a same day of the year. Counts are NULL when a source does not cover
//! the year (MIDs after 2014, war after 2007, ATOP after 2018).

use crate::column::Column;
use crate::concentration::{concentration, hhi, shares};
use crate::dyads::{DyadYears, Universe};
use crate::inputs::Inputs;
use crate::majors_rule::MajorsRule;
use crate::movement::movement;
use crate::transition::{growth_differential, lead_ratio, overtaking, parity};
use crate::Map;
use arrow_array::cast::AsArray;
use arrow_array::types::Int64Type;
use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray};
use ordo_states::States;
use std::sync::Arc;

/// Window of ΔCON5, MOVE5, overtaking and the growth differential.
pub const WINDOW: i32 = 5;

/// One year of the system.
#[derive(Debug, Clone, Default)]
pub struct SystemYear {
    pub year: i32,
    /// Majors under the rule, with their CINC (None when NMC lacks it).
    pub majors: Vec<(u16, Option<f64>)>,
    pub con: Option<f64>,
    pub hhi: Option<f64>,
    pub dcon1: Option<f64>,
    pub dcon5: Option<f64>,
    pub move1: Option<f64>,
    pub move5: Option<f64>,
    pub leader: Option<u16>,
    pub leader_share: Option<f64>,
    pub challenger: Option<u16>,
    pub lead_ratio: Option<f64>,
    pub parity: Option<bool>,
    pub overtaking: Option<bool>,
    pub growth_diff: Option<f64>,
    pub mm_dyads: i64,
    pub mm_mid_ongoing: Option<i64>,
    pub mm_mid_onsets: Option<i64>,
    pub mm_war: Option<i64>,
    pub mm_dispute_share: Option<f64>,
    pub mm_rivalries: Option<i64>,
    pub mm_allied_share: Option<f64>,
}

impl SystemYear {
    /// Majors with a CINC, and their shares of the majors' total.
    pub fn shares(&self) -> Vec<(u16, f64)> {
        let with: Vec<(u16, f64)> = self
            .majors
            .iter()
            .filter_map(|(c, v)| Some((*c, (*v)?)))
            .collect();
        let s = shares(&with.iter().map(|(_, v)| *v).collect::<Vec<_>>()).unwrap_or_default();
        with.iter().zip(s).map(|((c, _), s)| (*c, s)).collect()
    }
}

/// The system-year frame and what it was built with.
#[derive(Debug, Clone)]
pub struct SystemFrame {
    pub rule: String,
    pub rows: Vec<SystemYear>,
    /// Years where the rule gave fewer than two majors (concentration NULL).
    pub warnings: Vec<String>,
}

/// Builds the frame for `from..=to`.
pub fn system_years(
    inputs: &Inputs,
    states: &States,
    universe: &Universe<'_>,
    rule: &MajorsRule,
    from: i32,
    to: i32,
) -> SystemFrame {
    let first = from - WINDOW;
    let mut all: Map<i32, SystemYear> = Map::default();
    for year in first..=to {
        let majors = rule.majors(year, states, &inputs.capabilities, universe);
        let row = SystemYear {
            year,
            majors: majors
                .iter()
                .map(|c| (*c, inputs.capabilities.cinc(*c, year)))
                .collect(),
            ..SystemYear::default()
        };
        all.insert(year, row);
    }
    let mut warnings = Vec::new();
    for year in first..=to {
        let s: Vec<f64> = all[&year].shares().iter().map(|(_, s)| *s).collect();
        let row = all.get_mut(&year).expect("inserted above");
        row.con = concentration(&s);
        row.hhi = hhi(&s);
        if year >= from && row.con.is_none() {
            warnings.push(format!(
                "{year}: {} major(s) with a CINC under the rule; concentration is NULL",
                s.len()
            ));
        }
    }
    for year in from..=to {
        let (d1, d5) = (delta(&all, year, 1), delta(&all, year, WINDOW));
        let (m1, m5) = (
            move_between(&all, year, 1),
            move_between(&all, year, WINDOW),
        );
        let transition = leader_challenger(&all, year);
        let row = all.get_mut(&year).expect("inserted above");
        (row.dcon1, row.dcon5, row.move1, row.move5) = (d1, d5, m1, m5);
        (
            row.leader,
            row.leader_share,
            row.challenger,
            row.lead_ratio,
            row.parity,
            row.overtaking,
            row.growth_diff,
        ) = transition;
    }
    let mut rows: Vec<SystemYear> = (from..=to).filter_map(|y| all.remove(&y)).collect();
    add_major_conflict(inputs, universe, &mut rows);
    SystemFrame {
        rule: rule.to_string(),
        rows,
        warnings,
    }
}

fn delta(all: &Map<i32, SystemYear>, year: i32, k: i32) -> Option<f64> {
    Some(all.get(&year)?.con? - all.get(&(year - k))?.con?)
}

/// MOVE over the majors present (with a CINC) at both ends of the window.
fn move_between(all: &Map<i32, SystemYear>, year: i32, k: i32) -> Option<f64> {
    let (now, then) = (all.get(&year)?, all.get(&(year - k))?);
    let cinc = |row: &SystemYear, c: u16| {
        row.majors
            .iter()
            .find(|(m, _)| *m == c)
            .and_then(|(_, v)| *v)
    };
    let common: Vec<u16> = now
        .majors
        .iter()
        .map(|(c, _)| *c)
        .filter(|c| cinc(then, *c).is_some() && cinc(now, *c).is_some())
        .collect();
    let before = shares(
        &common
            .iter()
            .filter_map(|c| cinc(then, *c))
            .collect::<Vec<_>>(),
    )?;
    let after = shares(
        &common
            .iter()
            .filter_map(|c| cinc(now, *c))
            .collect::<Vec<_>>(),
    )?;
    movement(&before, &after)
}

type Transition = (
    Option<u16>,
    Option<f64>,
    Option<u16>,
    Option<f64>,
    Option<bool>,
    Option<bool>,
    Option<f64>,
);

/// Leader and challenger of `year` (top two CINC among the majors) and how
/// their relation moved over the window.
fn leader_challenger(all: &Map<i32, SystemYear>, year: i32) -> Transition {
    let row = &all[&year];
    let mut ranked: Vec<(u16, f64)> = row
        .majors
        .iter()
        .filter_map(|(c, v)| Some((*c, (*v)?)))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let shares = row.shares();
    let Some(&(l, lv)) = ranked.first() else {
        return (None, None, None, None, None, None, None);
    };
    let leader_share = shares.iter().find(|(c, _)| *c == l).map(|(_, s)| *s);
    let Some(&(c, cv)) = ranked.get(1) else {
        return (Some(l), leader_share, None, None, None, None, None);
    };
    let cinc_at = |y: i32, s: u16| {
        all.get(&y)
            .and_then(|r| r.majors.iter().find(|(m, _)| *m == s).and_then(|(_, v)| *v))
    };
    let gaps: Vec<f64> = (1..=WINDOW)
        .filter_map(|k| Some(cinc_at(year - k, l)? - cinc_at(year - k, c)?))
        .collect();
    let then = (cinc_at(year - WINDOW, l), cinc_at(year - WINDOW, c));
    let growth = match then {
        (Some(lt), Some(ct)) => growth_differential((lt, lv), (ct, cv), WINDOW as u32),
        _ => None,
    };
    (
        Some(l),
        leader_share,
        Some(c),
        lead_ratio(lv, cv),
        Some(parity(lv, cv)),
        (!gaps.is_empty()).then(|| overtaking(&gaps)),
        growth,
    )
}

/// Disputes, wars, rivalries and alliances among the majors of each year.
fn add_major_conflict(inputs: &Inputs, universe: &Universe<'_>, rows: &mut [SystemYear]) {
    let mut keys = DyadYears::default();
    let mut owner = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (i, (a, _)) in row.majors.iter().enumerate() {
            for (b, _) in &row.majors[i + 1..] {
                if universe.coexist(*a, *b, row.year) {
                    keys.ccode1.push(*a.min(b));
                    keys.ccode2.push(*a.max(b));
                    keys.year.push(row.year);
                    owner.push(r);
                }
            }
        }
    }
    let mut cols: Vec<Column> = inputs.disputes.columns(&keys);
    cols.extend(inputs.wars.columns(&keys));
    cols.extend(inputs.rivalries.columns(&keys));
    cols.extend(inputs.alliances.pledge_columns(&keys));
    let get = |name: &str| -> Vec<Option<i64>> {
        cols.iter()
            .find(|c| c.name == name)
            .map(|c| c.values.as_primitive::<Int64Type>().iter().collect())
            .unwrap_or_default()
    };
    let (ongoing, onset, war, rivalry) = (
        get("cowmid_ongoing"),
        get("cowmid_onset"),
        get("cowwar_inter"),
        get("tss_rivalry"),
    );
    let (defense, offense) = (get("atop_defense"), get("atop_offense"));
    let allied: Vec<Option<i64>> = defense
        .iter()
        .zip(&offense)
        .map(|(d, o)| Some(i64::from(d.zip(*o).map(|(d, o)| d.max(o))? > 0)))
        .collect();
    for (r, row) in rows.iter_mut().enumerate() {
        let idx: Vec<usize> = (0..owner.len()).filter(|&i| owner[i] == r).collect();
        let n = idx.len() as i64;
        let sum = |v: &[Option<i64>]| idx.iter().map(|&i| v[i]).sum::<Option<i64>>();
        row.mm_dyads = n;
        row.mm_mid_ongoing = sum(&ongoing);
        row.mm_mid_onsets = sum(&onset);
        row.mm_war = sum(&war);
        row.mm_rivalries = sum(&rivalry);
        row.mm_dispute_share = row
            .mm_mid_ongoing
            .filter(|_| n > 0)
            .map(|k| k as f64 / n as f64);
        row.mm_allied_share = sum(&allied).filter(|_| n > 0).map(|k| k as f64 / n as f64);
    }
}

/// The frame as an Arrow table (one row per year).
pub fn to_batch(frame: &SystemFrame) -> RecordBatch {
    let r = &frame.rows;
    let f = |get: &dyn Fn(&SystemYear) -> Option<f64>| -> ArrayRef {
        Arc::new(r.iter().map(get).collect::<Float64Array>())
    };
    let i = |get: &dyn Fn(&SystemYear) -> Option<i64>| -> ArrayRef {
        Arc::new(r.iter().map(get).collect::<Int64Array>())
    };
    let b = |get: &dyn Fn(&SystemYear) -> Option<bool>| -> ArrayRef {
        Arc::new(r.iter().map(get).collect::<BooleanArray>())
    };
    let majors: ArrayRef = Arc::new(
        r.iter()
            .map(|y| {
                Some(
                    y.majors
                        .iter()
                        .map(|(c, _)| c.to_string())
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            })
            .collect::<StringArray>(),
    );
    let shares: ArrayRef = Arc::new(
        r.iter()
            .map(|y| {
                Some(
                    y.shares()
                        .iter()
                        .map(|(c, s)| format!("{c}:{s:.4}"))
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            })
            .collect::<StringArray>(),
    );
    let rule: ArrayRef = Arc::new(
        r.iter()
            .map(|_| Some(frame.rule.as_str()))
            .collect::<StringArray>(),
    );
    let columns: Vec<(&str, ArrayRef)> = vec![
        ("year", i(&|y| Some(i64::from(y.year)))),
        ("majors_rule", rule),
        ("n_majors", i(&|y| Some(y.majors.len() as i64))),
        ("majors", majors),
        ("shares", shares),
        ("con", f(&|y| y.con)),
        ("hhi", f(&|y| y.hhi)),
        (
            "eff_poles",
            f(&|y| y.hhi.filter(|h| *h > 0.0).map(|h| 1.0 / h)),
        ),
        ("dcon1", f(&|y| y.dcon1)),
        ("dcon5", f(&|y| y.dcon5)),
        ("move1", f(&|y| y.move1)),
        ("move5", f(&|y| y.move5)),
        ("leader", i(&|y| y.leader.map(i64::from))),
        ("leader_share", f(&|y| y.leader_share)),
        ("challenger", i(&|y| y.challenger.map(i64::from))),
        ("lead_ratio", f(&|y| y.lead_ratio)),
        ("parity", b(&|y| y.parity)),
        ("overtaking5", b(&|y| y.overtaking)),
        ("growth_diff5", f(&|y| y.growth_diff)),
        ("mm_dyads", i(&|y| Some(y.mm_dyads))),
        ("mm_mid_ongoing", i(&|y| y.mm_mid_ongoing)),
        ("mm_mid_onsets", i(&|y| y.mm_mid_onsets)),
        ("mm_war", i(&|y| y.mm_war)),
        ("mm_dispute_share", f(&|y| y.mm_dispute_share)),
        ("mm_rivalries", i(&|y| y.mm_rivalries)),
        ("mm_allied_share", f(&|y| y.mm_allied_share)),
    ];
    crate::column::record_batch(columns)
}
