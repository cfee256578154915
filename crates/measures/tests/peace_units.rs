//! The state attributes, civil-conflict and arms-race columns and the
//! politically relevant filter (issue 19) against an independent reference:
//! `tests/reference/peace_units_reference.py`, written with pandas from the
//! specification and the raw files, not from this code. Its output,
//! `tests/reference/peace_units_expected.csv`, holds per-column counts and
//! sums over the whole state-year and dyad-year frames 1816-2022, the values
//! of named state-years and dyads, and politically relevant counts.

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use ordo_measures::state_year::state_frame;
use ordo_measures::{dyad_frame, politically_relevant, Universe};
use std::collections::HashMap;

mod common;

use common::world;

/// One expected value: frame, unit, year, column, value (None = NULL).
struct Expected {
    frame: String,
    unit: String,
    year: Option<i32>,
    column: String,
    value: Option<f64>,
}

fn expected() -> Vec<Expected> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/reference/peace_units_expected.csv"
    );
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
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
        .collect()
}

fn values(batch: &RecordBatch, name: &str) -> Vec<Option<f64>> {
    let col = batch
        .column_by_name(name)
        .unwrap_or_else(|| panic!("frame has no column {name}"));
    match col.data_type() {
        DataType::Int64 => col
            .as_primitive::<Int64Type>()
            .iter()
            .map(|v| v.map(|v| v as f64))
            .collect(),
        DataType::Float64 => col.as_primitive::<Float64Type>().iter().collect(),
        t => panic!("{name}: unexpected type {t}"),
    }
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        _ => false,
    }
}

/// Compares the `*_agg` rows of a frame (counts exact, sums to 1e-9).
fn check_aggregates(batch: &RecordBatch, frame: &str) -> usize {
    let mut checked = 0;
    for e in expected().iter().filter(|e| e.frame == frame) {
        let v = values(batch, &e.column);
        let got = match e.unit.as_str() {
            "nonnull" => v.iter().flatten().count() as f64,
            "sum" => v.iter().flatten().sum(),
            u => panic!("unit {u}"),
        };
        assert!(
            close(Some(got), e.value),
            "{frame} {} {}: ordo {got}, reference {:?}",
            e.column,
            e.unit,
            e.value
        );
        checked += 1;
    }
    checked
}

/// Compares value rows against a frame indexed by unit and year.
fn check_values(batch: &RecordBatch, frame: &str, key: impl Fn(usize) -> (String, i32)) -> usize {
    let index: HashMap<(String, i32), usize> = (0..batch.num_rows()).map(|i| (key(i), i)).collect();
    let mut columns: HashMap<String, Vec<Option<f64>>> = HashMap::new();
    let mut checked = 0;
    for e in expected().iter().filter(|e| e.frame == frame) {
        let year = e.year.unwrap();
        let row = *index
            .get(&(e.unit.clone(), year))
            .unwrap_or_else(|| panic!("{frame}: no row {} {year}", e.unit));
        let v = columns
            .entry(e.column.clone())
            .or_insert_with(|| values(batch, &e.column));
        assert!(
            close(v[row], e.value),
            "{frame} {} {year} {}: ordo {:?}, reference {:?}",
            e.unit,
            e.column,
            v[row],
            e.value
        );
        checked += 1;
    }
    checked
}

fn state_years() -> RecordBatch {
    let w = world();
    let u = Universe::new(&w.states.system, Some(2022));
    state_frame(&w.inputs, &w.states, &u, &[], 1816, 2022)
}

#[test]
fn state_year_columns_match_the_reference() {
    let b = state_years();
    assert_eq!(b.num_rows(), 17_121);
    let agg = check_aggregates(&b, "state_agg");
    assert_eq!(agg, 92, "two aggregates per new state-year column");
    let (c, y) = (values(&b, "ccode"), values(&b, "year"));
    let key = |i: usize| (format!("{}", c[i].unwrap()), y[i].unwrap() as i32);
    assert!(check_values(&b, "state", key) > 6_000);
}

#[test]
fn ucdp_counts_primary_parties_on_both_sides() {
    let b = state_years();
    let (c, y) = (values(&b, "ccode"), values(&b, "year"));
    let row = |code: f64, year: f64| {
        (0..b.num_rows())
            .find(|&i| c[i] == Some(code) && y[i] == Some(year))
            .unwrap()
    };
    let conflicts = values(&b, "ucdp_conflicts");
    // The USA in 2001: conflict 418 (side A) and 13692 (Afghanistan's
    // government vs. the USA and allies, side B); peacesciencer counts 1.
    assert_eq!(conflicts[row(2.0, 2001.0)], Some(2.0));
    // Russia 1999: Chechnya (401) and Dagestan (414, its onset).
    assert_eq!(conflicts[row(365.0, 1999.0)], Some(2.0));
    assert_eq!(values(&b, "ucdp_onset")[row(365.0, 1999.0)], Some(1.0));
    // Before UCDP's first year: NULL, not 0.
    assert_eq!(values(&b, "ucdp_ongoing")[row(365.0, 1945.0)], None);
    // Italy 1940: in the Second World War (COW war 139).
    assert_eq!(values(&b, "cowwar_count")[row(325.0, 1940.0)], Some(1.0));
}

#[test]
fn dyad_columns_match_the_reference() {
    let w = world();
    let u = Universe::new(&w.states.system, Some(2022));
    let mut checked = 0;
    for (a, b) in [
        (2, 365),
        (325, 365),
        (750, 770),
        (630, 645),
        (2, 700),
        (200, 220),
    ] {
        let keys = u.dyad(a, b, 1816, 2022, false);
        let frame = dyad_frame(&w.inputs, &w.states, &u, &keys).batch;
        let unit = format!("{a}-{b}");
        let rows: Vec<Expected> = expected()
            .into_iter()
            .filter(|e| e.frame == "dyad" && e.unit == unit)
            .collect();
        assert!(!rows.is_empty(), "{unit}");
        let years = values(&frame, "year");
        for e in rows {
            let i = years
                .iter()
                .position(|y| *y == Some(f64::from(e.year.unwrap())))
                .unwrap_or_else(|| panic!("{unit} has no {:?}", e.year));
            let got = values(&frame, &e.column)[i];
            assert!(
                close(got, e.value),
                "{unit} {:?} {}: ordo {got:?}, reference {:?}",
                e.year,
                e.column,
                e.value
            );
            checked += 1;
        }
    }
    assert!(checked > 25_000);
}

#[test]
fn dyad_aggregates_match_the_reference_and_prd_carries_2016() {
    let w = world();
    let u = Universe::new(&w.states.system, Some(2022));
    let keys = u.dyad_years(1816, 2022, false);
    assert_eq!(keys.len(), 1_069_635);
    let frame = dyad_frame(&w.inputs, &w.states, &u, &keys).batch;
    assert_eq!(check_aggregates(&frame, "dyad_agg"), 60);
    // The frame's `prd` column is the filter: 1,811 in 2016 and in 2017, the
    // 2017 ones on carried contiguity.
    let (years, prd, carried) = (
        values(&frame, "year"),
        values(&frame, "prd"),
        values(&frame, "prd_carried"),
    );
    let count = |year: f64, col: &[Option<f64>]| {
        (0..years.len())
            .filter(|&i| years[i] == Some(year) && col[i] == Some(1.0))
            .count()
    };
    assert_eq!((count(2016.0, &prd), count(2016.0, &carried)), (1_811, 0));
    assert_eq!(
        (count(2017.0, &prd), count(2017.0, &carried)),
        (1_811, 18_915)
    );
    for e in expected().iter().filter(|e| e.frame == "prd") {
        let year = e.year.unwrap();
        let keys = u.dyad_years(year, year, false);
        let n = match e.unit.as_str() {
            "count" => politically_relevant(&w.inputs.contiguity, &w.states, &keys).len(),
            // The old reading: absent contiguity = not contiguous.
            _ => (0..keys.len())
                .filter(|&i| {
                    let (a, b, y) = keys.key(i);
                    let major = |c| ordo_measures::majors::is_major_in(&w.states.majors_2024, c, y);
                    w.inputs.contiguity.conttype(a, b, y).unwrap_or(0) >= 1 || major(a) || major(b)
                })
                .count(),
        };
        assert_eq!(Some(n as f64), e.value, "{} {year}", e.unit);
    }
}
