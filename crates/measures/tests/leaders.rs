//! The leader units (issue 19) against an independent reference:
//! `tests/reference/leaders_reference.py`, written with pandas from the rules
//! in docs/measures.md ("Leaders") and the raw files, not from this code.
//! Its output, `tests/reference/leaders_expected.csv`, holds the leader-year
//! counts per year and the counts and sums of every column, named
//! leader-years (Italy, the USA, Germany, Russia, Iraq around 1990; Italy
//! 1936-1945), the Archigos turnover of named COW state-years, the
//! leader-dyad-year counts of every year 1870-2015 and the GML flags of the
//! leader dyads of nine state pairs.

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use ordo_measures::leader_data::LeaderData;
use ordo_measures::leader_dyads::leader_dyad_years;
use ordo_measures::leader_years::{leader_days, leader_years};
use ordo_measures::state_vars::StateVars;
use ordo_measures::Universe;
use ordo_sources::DataDir;
use ordo_states::States;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

struct World {
    states: States,
    data: LeaderData,
    sums: StateVars,
}

fn world() -> &'static World {
    static W: OnceLock<World> = OnceLock::new();
    W.get_or_init(|| {
        let dir = DataDir::discover(None).unwrap();
        let states = States::load(&dir).unwrap();
        let data = LeaderData::load(&dir, &states).unwrap();
        let (sums, _) = ordo_measures::archigos_sums::load(&dir, &states).unwrap();
        World { states, data, sums }
    })
}

/// One expected value: frame, unit, year, column, value ("" = NULL).
struct Expected {
    frame: String,
    unit: String,
    year: Option<i32>,
    column: String,
    value: String,
}

fn expected(frame: &str) -> Vec<Expected> {
    static ALL: OnceLock<Vec<Expected>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/reference/leaders_expected.csv"
        );
        let mut r = csv::Reader::from_path(path).unwrap();
        r.records()
            .map(|x| {
                let x = x.unwrap();
                Expected {
                    frame: x[0].into(),
                    unit: x[1].into(),
                    year: x[2].parse().ok(),
                    column: x[3].into(),
                    value: x[4].into(),
                }
            })
            .collect()
    });
    let v: Vec<Expected> = all
        .iter()
        .filter(|e| e.frame == frame)
        .map(|e| Expected {
            frame: e.frame.clone(),
            unit: e.unit.clone(),
            year: e.year,
            column: e.column.clone(),
            value: e.value.clone(),
        })
        .collect();
    assert!(!v.is_empty(), "no expected values for {frame}");
    v
}

/// A cell as the reference writes it: integers without a decimal point,
/// floats in full, NULL empty.
fn cell(batch: &RecordBatch, name: &str, row: usize) -> String {
    let col = batch
        .column_by_name(name)
        .unwrap_or_else(|| panic!("no column {name}"));
    if col.is_null(row) {
        return String::new();
    }
    match col.data_type() {
        DataType::Int64 => col.as_primitive::<Int64Type>().value(row).to_string(),
        DataType::Float64 => {
            let v = col.as_primitive::<Float64Type>().value(row);
            if v.fract() == 0.0 {
                format!("{}", v as i64)
            } else {
                format!("{v:?}")
            }
        }
        DataType::Utf8 => col.as_string::<i32>().value(row).to_string(),
        t => panic!("{name}: unexpected type {t}"),
    }
}

fn numbers(batch: &RecordBatch, name: &str) -> Vec<Option<f64>> {
    let col = batch.column_by_name(name).unwrap();
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

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn leader_year_batch() -> &'static RecordBatch {
    static B: OnceLock<RecordBatch> = OnceLock::new();
    B.get_or_init(|| leader_years(&world().data, &world().states))
}

#[test]
fn leader_years_count_per_year_and_in_all() {
    let b = leader_year_batch();
    let mut per_year: BTreeMap<i32, usize> = BTreeMap::new();
    for y in numbers(b, "year").into_iter().flatten() {
        *per_year.entry(y as i32).or_default() += 1;
    }
    for e in expected("leader_years") {
        let y = e.year.unwrap();
        assert_eq!(
            per_year.get(&y).copied().unwrap_or(0).to_string(),
            e.value,
            "{y}"
        );
    }
    assert_eq!(
        per_year.len(),
        expected("leader_years").len(),
        "the same years"
    );
    for e in expected("leader_years_agg") {
        let got = match (e.unit.as_str(), e.column.as_str()) {
            ("count", "rows") => b.num_rows() as f64,
            ("count", "ccode_null") => b.column_by_name("ccode").unwrap().null_count() as f64,
            ("count", "lead_unmatched_spells") => world()
                .data
                .spells
                .iter()
                .filter(|s| s.leaderid.is_none())
                .count() as f64,
            ("nonnull", "leaderid") => {
                let c = b.column_by_name("leaderid").unwrap();
                (c.len() - c.null_count()) as f64
            }
            ("nonnull", c) => numbers(b, c).iter().flatten().count() as f64,
            ("sum", c) => numbers(b, c).iter().flatten().sum(),
            (u, c) => panic!("unknown aggregate {u} {c}"),
        };
        let want: f64 = e.value.parse().unwrap();
        assert!(close(got, want), "{} {}: {got} != {want}", e.unit, e.column);
    }
}

#[test]
fn named_leader_years_match() {
    let b = leader_year_batch();
    let mut row: HashMap<(String, i32), usize> = HashMap::new();
    for i in 0..b.num_rows() {
        row.insert(
            (cell(b, "obsid", i), cell(b, "year", i).parse().unwrap()),
            i,
        );
    }
    let mut n = 0;
    for e in expected("leader_year") {
        let i = row[&(e.unit.clone(), e.year.unwrap())];
        let got = cell(b, &e.column, i);
        if let (Ok(x), Ok(y)) = (got.parse::<f64>(), e.value.parse::<f64>()) {
            assert!(
                close(x, y),
                "{} {:?} {}: {got} != {}",
                e.unit,
                e.year,
                e.column,
                e.value
            );
        } else {
            assert_eq!(got, e.value, "{} {:?} {}", e.unit, e.year, e.column);
        }
        n += 1;
    }
    assert!(n > 500, "{n} values checked");
    // Ciampi and Berlusconi both led Italy in 1994 (handover 11 May).
    let leaders94: Vec<String> = (0..b.num_rows())
        .filter(|&i| cell(b, "ccode", i) == "325" && cell(b, "year", i) == "1994")
        .map(|i| cell(b, "leader", i))
        .collect();
    assert_eq!(leaders94, ["Ciampi", "Berlusconi"]);
}

#[test]
fn leader_days_of_italy_in_1994() {
    let w = world();
    let b = leader_days(&w.data, Some(325), 1994, 1994);
    // Ciampi 1 January - 11 May, Berlusconi 11 May - 31 December: the
    // handover day twice.
    assert_eq!(b.num_rows(), 366);
    let days: Vec<String> = (0..b.num_rows()).map(|i| cell(&b, "obsid", i)).collect();
    assert_eq!(days.iter().filter(|o| *o == "ITA-1993").count(), 131);
    assert_eq!(days.iter().filter(|o| *o == "ITA-1994").count(), 235);
    // Kohl governed COW 260 until 2 October 1990, then COW 255.
    let k = leader_days(&w.data, None, 1990, 1990);
    let kohl: Vec<(String, String)> = (0..k.num_rows())
        .filter(|&i| cell(&k, "obsid", i) == "GFR-1982")
        .map(|i| (cell(&k, "ccode", i), cell(&k, "cowmember", i)))
        .collect();
    assert_eq!(kohl.len(), 365);
    assert_eq!(kohl.iter().filter(|(c, _)| c == "260").count(), 275);
    assert!(kohl.iter().all(|(_, m)| m == "1"));
}

#[test]
fn archigos_turnover_at_cow_state_year() {
    let w = world();
    let universe = Universe::new(&w.states.system, Some(2022));
    let names = [
        "archigos_transition",
        "archigos_irregular",
        "archigos_nleaders",
    ];
    let mut rows = 0;
    let mut nonnull = [0usize; 3];
    let mut sum = [0f64; 3];
    for year in 1816..=2022 {
        for c in universe.members_in(year) {
            rows += 1;
            for k in 0..3 {
                if let Some(v) = w.sums.get(k, c, year) {
                    nonnull[k] += 1;
                    sum[k] += v;
                }
            }
        }
    }
    for e in expected("state_agg") {
        let want: f64 = e.value.parse().unwrap();
        let got = match (e.unit.as_str(), e.column.as_str()) {
            ("count", "rows") => rows as f64,
            (u, c) => {
                let k = names.iter().position(|n| *n == c).unwrap();
                if u == "nonnull" {
                    nonnull[k] as f64
                } else {
                    sum[k]
                }
            }
        };
        assert!(close(got, want), "{} {}: {got} != {want}", e.unit, e.column);
    }
    let mut n = 0;
    for e in expected("state") {
        let Some(k) = names.iter().position(|x| *x == e.column) else {
            continue; // the 1 January and 31 December obsids
        };
        let got = w.sums.get(k, e.unit.parse().unwrap(), e.year.unwrap());
        let want = (!e.value.is_empty()).then(|| e.value.parse::<f64>().unwrap());
        assert_eq!(got, want, "{} {:?} {}", e.unit, e.year, e.column);
        n += 1;
    }
    assert!(n > 100);
    // Italy 1994: Ciampi to Berlusconi, regular, two leaders.
    assert_eq!(
        (0..3).map(|k| w.sums.get(k, 325, 1994)).collect::<Vec<_>>(),
        [Some(1.0), Some(0.0), Some(2.0)]
    );
}

fn dyad_batch(directed: bool) -> &'static RecordBatch {
    static ND: OnceLock<RecordBatch> = OnceLock::new();
    static D: OnceLock<RecordBatch> = OnceLock::new();
    let cell = if directed { &D } else { &ND };
    cell.get_or_init(|| leader_dyad_years(&world().data, 1870, 2015, directed))
}

#[test]
fn leader_dyad_years_count_per_year() {
    let b = dyad_batch(false);
    let mut per_year: BTreeMap<i32, usize> = BTreeMap::new();
    for y in numbers(b, "year").into_iter().flatten() {
        *per_year.entry(y as i32).or_default() += 1;
    }
    for e in expected("leader_dyads") {
        let y = e.year.unwrap();
        assert_eq!(
            per_year.get(&y).copied().unwrap_or(0).to_string(),
            e.value,
            "{y}"
        );
    }
    assert_eq!(per_year.len(), 146);
    let d = dyad_batch(true);
    for e in expected("leader_dyads_agg") {
        let want: f64 = e.value.parse().unwrap();
        let got = match (e.unit.as_str(), e.column.as_str()) {
            ("count", "rows") => b.num_rows() as f64,
            ("count", "rows_directed") => d.num_rows() as f64,
            ("nonnull", c) => numbers(b, c).iter().flatten().count() as f64,
            ("sum", c) => numbers(b, c).iter().flatten().sum(),
            (u, c) => panic!("unknown aggregate {u} {c}"),
        };
        assert!(close(got, want), "{} {}: {got} != {want}", e.unit, e.column);
    }
    for e in expected("leader_dyads_directed_agg") {
        let got: f64 = numbers(d, &e.column).iter().flatten().sum();
        assert!(close(got, e.value.parse().unwrap()), "{}: {got}", e.column);
    }
    assert!(
        b.column_by_name("gmlmid_ongoing_init").is_none(),
        "initiation is directed"
    );
}

#[test]
fn gml_flags_of_named_leader_dyads() {
    let (nd, d) = (dyad_batch(false), dyad_batch(true));
    let index = |b: &RecordBatch| -> HashMap<(String, String, i32), usize> {
        (0..b.num_rows())
            .map(|i| {
                (
                    (
                        cell(b, "obsid1", i),
                        cell(b, "obsid2", i),
                        cell(b, "year", i).parse().unwrap(),
                    ),
                    i,
                )
            })
            .collect()
    };
    let (ind, id) = (index(nd), index(d));
    let mut units = std::collections::BTreeSet::new();
    let mut pairs = std::collections::BTreeSet::new();
    for e in expected("leader_dyad") {
        if e.column == "ccode1" {
            pairs.insert((e.value.clone(), e.year.unwrap()));
        }
        let (o1, o2) = e.unit.split_once('|').unwrap();
        let y = e.year.unwrap();
        units.insert((o1.to_string(), o2.to_string(), y));
        let key = (o1.to_string(), o2.to_string(), y);
        let got = match e.column.as_str() {
            "ccode1" | "ccode2" | "gmlmid_ongoing" | "gmlmid_onset" => {
                let i = *ind.get(&key).unwrap_or_else(|| panic!("no row {key:?}"));
                cell(nd, &e.column, i)
            }
            c => {
                let (k, name) = if let Some(n) = c.strip_suffix("12") {
                    (key.clone(), n)
                } else {
                    let n = c.strip_suffix("21").unwrap();
                    ((key.1.clone(), key.0.clone(), y), n)
                };
                cell(d, name, id[&k])
            }
        };
        assert_eq!(got, e.value, "{key:?} {}", e.column);
    }
    // Every row of those state pairs and years is in the reference.
    let codes: std::collections::BTreeSet<(String, String, i32)> = expected("leader_dyad")
        .iter()
        .filter(|e| e.column == "ccode2")
        .map(|e| {
            let c1 = expected("leader_dyad")
                .into_iter()
                .find(|f| f.unit == e.unit && f.year == e.year && f.column == "ccode1")
                .unwrap()
                .value;
            (c1, e.value.clone(), e.year.unwrap())
        })
        .collect();
    let rows = (0..nd.num_rows())
        .filter(|&i| {
            let key = (
                cell(nd, "ccode1", i),
                cell(nd, "ccode2", i),
                cell(nd, "year", i).parse().unwrap(),
            );
            codes.contains(&key)
        })
        .count();
    assert_eq!(
        rows,
        units.len(),
        "the reference lists every row of its state pairs"
    );
    assert!(
        units.len() > 40,
        "{} leader-dyad-years checked",
        units.len()
    );
    assert!(!pairs.is_empty());
}
