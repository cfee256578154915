//! The Gleditsch–Ward frames against an independent reference:
//! `tests/reference/gw_reference.py`, written in plain Python from the
//! rules in docs/measures.md and the raw files, not from this code. Its
//! output, `tests/reference/gw_expected.csv`, holds the GW state-year and
//! dyad-year counts of every year 1816-2022, the pairs the same-day rule
//! removes, the COW codes of GW rows and the GW codes of COW rows around
//! German and Yemeni unification and the end of Serbia and Montenegro,
//! capital distances of GW dyads, and CINC read through the codes.

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use ordo_measures::distance::GwCapitals;
use ordo_measures::gw::{gw_dyad_frame, gw_state_frame, with_gw_code, with_gw_codes, Systems};
use ordo_measures::{dyad_frame, DyadYears, Inputs};
use ordo_sources::DataDir;
use ordo_states::States;
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

struct World {
    states: States,
    inputs: Inputs,
    capitals: GwCapitals,
}

fn world() -> &'static World {
    static W: OnceLock<World> = OnceLock::new();
    W.get_or_init(|| {
        let dir = DataDir::discover(None).unwrap();
        let states = States::load(&dir).unwrap();
        let inputs = Inputs::load(&dir, &states).unwrap();
        let (capitals, _) = GwCapitals::load(&dir).unwrap();
        World {
            states,
            inputs,
            capitals,
        }
    })
}

fn systems() -> Systems<'static> {
    Systems::new(&world().states, 1816, Some(2022))
}

/// One expected value: frame, unit, year, column, value (None = NULL).
struct Expected {
    frame: String,
    unit: String,
    year: Option<i32>,
    column: String,
    value: Option<f64>,
}

fn expected(frame: &str) -> Vec<Expected> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/reference/gw_expected.csv"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let rows: Vec<Expected> = text
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            assert_eq!(f.len(), 5, "{l}");
            Expected {
                frame: f[0].into(),
                unit: f[1].into(),
                year: f[2].parse().ok(),
                column: f[3].into(),
                value: (!f[4].is_empty()).then(|| f[4].parse().unwrap()),
            }
        })
        .filter(|e| e.frame == frame)
        .collect();
    assert!(!rows.is_empty(), "the reference has a {frame} frame");
    rows
}

fn pair(unit: &str) -> (u16, u16) {
    let (a, b) = unit.split_once('-').unwrap();
    (a.parse().unwrap(), b.parse().unwrap())
}

fn code(v: Option<u16>) -> Option<f64> {
    v.map(f64::from)
}

fn value(batch: &RecordBatch, name: &str, row: usize) -> Option<f64> {
    let col = batch.column_by_name(name).unwrap();
    if col.is_null(row) {
        return None;
    }
    Some(match col.data_type() {
        arrow_schema::DataType::Int64 => col.as_primitive::<Int64Type>().value(row) as f64,
        _ => col.as_primitive::<Float64Type>().value(row),
    })
}

#[test]
fn counts_per_year_and_the_same_day_rule() {
    let sys = systems();
    let keys = sys.gw.dyad_years(1816, 2022, false);
    let mut per_year: HashMap<i32, usize> = HashMap::new();
    for y in &keys.year {
        *per_year.entry(*y).or_default() += 1;
    }
    let mut checked = 0;
    for e in expected("gw_count") {
        let want = e.value.unwrap() as usize;
        let got = match (e.unit.as_str(), e.year) {
            ("state_years", Some(y)) => sys.gw.members_in(y).len(),
            ("dyad_years", Some(y)) => per_year.get(&y).copied().unwrap_or(0),
            ("state_years", None) => (1816..=2022).map(|y| sys.gw.members_in(y).len()).sum(),
            ("dyad_years", None) => keys.len(),
            ("false_dyads", None) => expected("gw_false_dyad").len(),
            (u, y) => panic!("unit {u} {y:?}"),
        };
        assert_eq!(got, want, "{} {:?}", e.unit, e.year);
        checked += 1;
    }
    assert_eq!(checked, 2 * 207 + 3);
    // The pairs members in the same calendar year but never on a same day
    // (South Vietnam and the states entering after 30 April 1975, Serbia
    // and Serbia and Montenegro in 2006, …) are not dyad-years.
    let all: BTreeSet<(u16, u16, i32)> = (0..keys.len()).map(|i| keys.key(i)).collect();
    for e in expected("gw_false_dyad") {
        let (a, b) = pair(&e.unit);
        let y = e.year.unwrap();
        assert!(sys.gw.is_member_in(a, y) && sys.gw.is_member_in(b, y));
        assert!(!all.contains(&(a, b, y)), "{a}-{b} {y} is not a dyad-year");
    }
    let directed = sys.gw.dyad_years(1816, 2022, true);
    assert_eq!(directed.len(), 2 * keys.len());
}

#[test]
fn codes_across_the_systems() {
    let sys = systems();
    let mut checked = 0;
    for e in expected("gw_state_ccode") {
        let g: u16 = e.unit.parse().unwrap();
        let y = e.year.unwrap();
        assert_eq!(code(sys.ccode_of(g, y)), e.value, "GW {g} {y}");
        checked += 1;
    }
    for e in expected("gw_dyad_ccode") {
        let (a, b) = pair(&e.unit);
        let y = e.year.unwrap();
        let (c1, c2) = sys.ccodes_of(a, b, y);
        let got = if e.column == "ccode1" { c1 } else { c2 };
        assert_eq!(code(got), e.value, "GW {a}-{b} {y} {}", e.column);
        checked += 1;
    }
    for e in expected("cow_state_gwcode") {
        let c: u16 = e.unit.parse().unwrap();
        let y = e.year.unwrap();
        assert_eq!(code(sys.gwcode_of(c, y)), e.value, "COW {c} {y}");
        checked += 1;
    }
    for e in expected("cow_dyad_gwcode") {
        let (a, b) = pair(&e.unit);
        let y = e.year.unwrap();
        let (g1, g2) = sys.gwcodes_of(a, b, y);
        let got = if e.column == "gwcode1" { g1 } else { g2 };
        assert_eq!(code(got), e.value, "COW {a}-{b} {y} {}", e.column);
        checked += 1;
    }
    assert!(checked > 300, "{checked}");
    // By hand: unified Germany is GW 260 and COW 255; with the GDR in 1990
    // the FRG is still COW 260 (their last common day is 2 October).
    assert_eq!(sys.ccode_of(260, 1990), Some(255));
    assert_eq!(sys.ccodes_of(260, 265, 1990), (Some(260), Some(265)));
    assert_eq!(sys.ccode_of(678, 1990), Some(679));
    assert_eq!(sys.gwcode_of(679, 1991), Some(678));
    assert_eq!(sys.gwcode_of(54, 1990), None, "Dominica is a GW microstate");
}

fn gw_frame(keys: &DyadYears) -> ordo_measures::Frame {
    let w = world();
    gw_dyad_frame(&w.inputs, &systems(), &w.capitals, keys)
}

#[test]
fn dyad_frames_carry_both_codes_cow_measures_and_gw_capitals() {
    let sys = systems();
    let mut keys = DyadYears::default();
    let mut wanted: Vec<Expected> = expected("gw_capdist");
    wanted.extend(expected("gw_dyad_cinc"));
    let units: BTreeSet<(u16, u16, i32)> = wanted
        .iter()
        .map(|e| {
            let (a, b) = pair(&e.unit);
            (a, b, e.year.unwrap())
        })
        .collect();
    for &(a, b, y) in &units {
        keys.ccode1.push(a);
        keys.ccode2.push(b);
        keys.year.push(y);
    }
    let frame = gw_frame(&keys);
    let b = &frame.batch;
    let names: Vec<String> = b
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(
        names[..5],
        ["gwcode1", "gwcode2", "year", "ccode1", "ccode2"]
    );
    let row: HashMap<(u16, u16, i32), usize> =
        units.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    for e in &wanted {
        let (a, bb) = pair(&e.unit);
        let i = row[&(a, bb, e.year.unwrap())];
        let got = value(b, &e.column, i);
        let ok = match (got, e.value) {
            (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * y.abs().max(1.0),
            (x, y) => x == y,
        };
        assert!(
            ok,
            "{} {:?} {}: ordo {got:?}, reference {:?}",
            e.unit, e.year, e.column, e.value
        );
    }
    let capdist = frame.columns.iter().find(|c| c.name == "capdist").unwrap();
    assert_eq!(capdist.source, "gw_capitals");
    // A GW state with no COW code: its own attributes and every dyadic
    // measure are NULL, the other side's attributes are kept.
    let i = row[&(2, 580, 1850)];
    assert_eq!(value(b, "ccode2", i), None);
    assert!(value(b, "nmc_cinc1", i).is_some());
    assert_eq!(value(b, "cowmaj2", i), None);
    assert_eq!(value(b, "atop_defense", i), None);
    assert_eq!(value(b, "cowmid_onset", i), None);
    assert!(value(b, "capdist", i).is_some());
    // The COW measures of the COW codes: the same values as the COW frame.
    let cow = DyadYears {
        ccode1: vec![2, 260],
        ccode2: vec![255, 265],
        year: vec![1990, 1990],
        directed: false,
    };
    let w = world();
    let cow_frame = dyad_frame(&w.inputs, &w.states, &sys.cow, &cow);
    let gw = DyadYears {
        ccode1: vec![2, 260],
        ccode2: vec![260, 265],
        year: vec![1990, 1990],
        directed: false,
    };
    let gw_frame = gw_frame(&gw);
    for c in cow_frame.columns.iter().filter(|c| c.name != "capdist") {
        for r in 0..2 {
            assert_eq!(
                value(&cow_frame.batch, c.name, r),
                value(&gw_frame.batch, c.name, r),
                "{} row {r}",
                c.name
            );
        }
    }
}

#[test]
fn directed_gw_frames_mirror_the_non_directed_ones() {
    let sys = systems();
    let keys = |directed| {
        let mut k = DyadYears {
            directed,
            ..DyadYears::default()
        };
        for y in [1830, 1990, 2006] {
            let part = sys.gw.dyad_years(y, y, directed);
            k.ccode1.extend(part.ccode1);
            k.ccode2.extend(part.ccode2);
            k.year.extend(part.year);
        }
        k
    };
    let (nd, d) = (keys(false), keys(true));
    let (fnd, fd) = (gw_frame(&nd), gw_frame(&d));
    let at: HashMap<(i64, i64, i64), usize> = (0..fd.batch.num_rows())
        .map(|i| {
            let k = |n| value(&fd.batch, n, i).unwrap() as i64;
            ((k("gwcode1"), k("gwcode2"), k("year")), i)
        })
        .collect();
    let names: Vec<String> = fnd
        .batch
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    for r in 0..fnd.batch.num_rows() {
        let k = |n| value(&fnd.batch, n, r).unwrap() as i64;
        let (a, b, y) = (k("gwcode1"), k("gwcode2"), k("year"));
        let (same, swapped) = (at[&(a, b, y)], at[&(b, a, y)]);
        for n in &names {
            assert_eq!(
                value(&fnd.batch, n, r),
                value(&fd.batch, n, same),
                "{n} {a}-{b} {y}"
            );
        }
        assert_eq!(
            value(&fnd.batch, "ccode1", r),
            value(&fd.batch, "ccode2", swapped)
        );
        assert_eq!(
            value(&fnd.batch, "nmc_cinc1", r),
            value(&fd.batch, "nmc_cinc2", swapped)
        );
        assert_eq!(
            value(&fnd.batch, "capdist", r),
            value(&fd.batch, "capdist", swapped)
        );
    }
}

#[test]
fn state_frames_read_the_cow_state_years_of_their_codes() {
    let w = world();
    let sys = systems();
    let b = gw_state_frame(&w.inputs, &sys, 1816, 2022);
    let names: Vec<String> = b
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(names[..4], ["gwcode", "year", "ccode", "stateabb"]);
    let n: usize = expected("gw_count")
        .iter()
        .filter(|e| e.unit == "state_years" && e.year.is_none())
        .map(|e| e.value.unwrap() as usize)
        .sum();
    assert_eq!(b.num_rows(), n);
    let row: HashMap<(i64, i64), usize> = (0..b.num_rows())
        .map(|i| {
            (
                (
                    value(&b, "gwcode", i).unwrap() as i64,
                    value(&b, "year", i).unwrap() as i64,
                ),
                i,
            )
        })
        .collect();
    for e in expected("gw_state_cinc")
        .into_iter()
        .chain(expected("gw_state_ccode"))
    {
        let g: i64 = e.unit.parse().unwrap();
        let i = row[&(g, i64::from(e.year.unwrap()))];
        let got = value(&b, &e.column, i);
        let ok = match (got, e.value) {
            (Some(x), Some(y)) => (x - y).abs() <= 1e-12,
            (x, y) => x == y,
        };
        assert!(
            ok,
            "GW {g} {:?} {}: ordo {got:?}, reference {:?}",
            e.year, e.column, e.value
        );
    }
    // Without a COW code every COW column is NULL.
    let i = row[&(89, 1830)];
    assert_eq!(value(&b, "ccode", i), None);
    assert_eq!(value(&b, "cowmaj", i), None);
}

#[test]
fn cow_frames_gain_gw_codes_after_the_year() {
    let w = world();
    let sys = systems();
    let keys = sys.cow.dyad_years(1990, 1990, false);
    let frame = dyad_frame(&w.inputs, &w.states, &sys.cow, &keys);
    let b = with_gw_codes(&frame.batch, &sys, &keys);
    let names: Vec<String> = b
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(
        names[..5],
        ["ccode1", "ccode2", "year", "gwcode1", "gwcode2"]
    );
    assert_eq!(b.num_columns(), frame.batch.num_columns() + 2);
    for e in expected("cow_dyad_gwcode")
        .iter()
        .filter(|e| e.year == Some(1990))
    {
        let (c1, c2) = pair(&e.unit);
        let Some(i) = (0..keys.len()).find(|&i| keys.key(i) == (c1, c2, 1990)) else {
            continue;
        };
        assert_eq!(value(&b, &e.column, i), e.value, "{} {}", e.unit, e.column);
    }
    let states =
        ordo_measures::state_year::state_frame(&w.inputs, &w.states, &sys.cow, &[], 1990, 1991);
    let s = with_gw_code(&states, &sys);
    let names: Vec<String> = s
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(names[..4], ["ccode", "year", "gwcode", "stateabb"]);
}
