//! End-to-end runs of `ordo system`, `ordo instability`, `ordo periods` and
//! `ordo states middle` on the real data. CON and the majors are the values
//! of `bench/system_reference.py` (an independent computation).

#[allow(dead_code)] // each test binary uses part of the helpers
mod common;

use common::{col, csv_of, ordo};

#[test]
fn system_1816_2022_with_majors_and_concentration() {
    let (h, rows) = csv_of(&["system", "--format", "csv"]);
    assert_eq!(rows.len(), 2022 - 1816 + 1);
    let r1914 = &rows[1914 - 1816];
    assert_eq!(r1914[col(&h, "n_majors")], "8");
    assert_eq!(r1914[col(&h, "majors")], "2 200 220 255 300 325 365 740");
    let con: f64 = r1914[col(&h, "con")].parse().unwrap();
    assert!((con - 0.220208402360).abs() < 1e-9);
    assert_eq!(
        r1914[col(&h, "majors_rule")],
        "cow2024 (COW Major Powers v2024)"
    );
    assert_eq!(
        (
            r1914[col(&h, "mm_mid_ongoing")].as_str(),
            r1914[col(&h, "mm_war")].as_str()
        ),
        ("10", "8")
    );
}

#[test]
fn the_v2016_list_has_no_majors_after_2016_and_says_so() {
    let o = ordo(&[
        "system", "--majors", "cow", "--year", "2020", "--format", "csv",
    ]);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("warning: 2020: 0 major(s)"), "{err}");
    let text = String::from_utf8_lossy(&o.stdout);
    let row = text.lines().nth(1).unwrap();
    assert!(
        row.starts_with("2020,cow (COW Major Powers v2016),0,"),
        "{row}"
    );
    // Same majors as v2024 before 2017.
    let (h, a) = csv_of(&[
        "system", "--majors", "cow", "--year", "1990", "--format", "csv",
    ]);
    let (_, b) = csv_of(&[
        "system", "--majors", "cow2024", "--year", "1990", "--format", "csv",
    ]);
    assert_eq!(a[0][col(&h, "con")], b[0][col(&h, "con")]);
}

#[test]
fn top_k_and_share_rules() {
    let (h, rows) = csv_of(&[
        "system", "--majors", "top:3", "--year", "1938", "--format", "csv",
    ]);
    assert_eq!(rows[0][col(&h, "n_majors")], "3");
    let (h, rows) = csv_of(&[
        "system",
        "--majors",
        "share:0.1",
        "--year",
        "1938",
        "--format",
        "csv",
    ]);
    assert!(rows[0][col(&h, "majors")].contains("365"), "{:?}", rows[0]);
}

#[test]
fn compare_periods_is_reproducible_and_reports_each_order() {
    let args = [
        "instability",
        "--compare-periods",
        "--reps",
        "2000",
        "--format",
        "csv",
    ];
    let a = ordo(&args);
    let b = ordo(&args);
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert_eq!(a.stdout, b.stdout, "same seed, same intervals");
    let (h, rows) = csv_of(&args);
    let orders: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        orders,
        [
            "Interwar order",
            "Cold War order",
            "Liberal order",
            "pooled"
        ]
    );
    assert_eq!(
        (
            rows[0][col(&h, "stable_years")].as_str(),
            rows[0][col(&h, "crisis_years")].as_str()
        ),
        ("16", "6")
    );
    let err = String::from_utf8_lossy(&a.stderr);
    assert!(
        err.contains("recipe ordo-default v1") && err.contains("seed 20260101"),
        "{err}"
    );
}

#[test]
fn instability_shows_components_beside_the_index() {
    let (h, rows) = csv_of(&[
        "instability",
        "--from",
        "1936",
        "--to",
        "1941",
        "--format",
        "csv",
    ]);
    assert_eq!(rows.len(), 6);
    for c in [
        "index",
        "distributive",
        "normative",
        "weight_available",
        "move5",
        "z_move5",
        "mm_war_share",
        "phase",
    ] {
        col(&h, c);
    }
    assert_eq!(rows[0][col(&h, "phase")], "Interwar order crisis");
}

#[test]
fn bad_recipe_and_periodization_files_name_line_and_key() {
    let d = tempfile::tempdir().unwrap();
    let recipe = d.path().join("r.toml");
    std::fs::write(&recipe, "name = \"r\"\nversion = 1\n[reference]\nfrom = 1816\nto = 2007\n[[component]]\nname = \"mood\"\ndimension = \"normative\"\nweight = 1\n").unwrap();
    let o = ordo(&["instability", "--recipe", recipe.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("r.toml:7: `name`: unknown component `mood`"),
        "{err}"
    );
    let periods = d.path().join("p.toml");
    std::fs::write(
        &periods,
        "name = \"p\"\n[[order]]\nname = \"o\"\nfrom = 1950\nto = 1940\n",
    )
    .unwrap();
    let o = ordo(&["periods", "--periods", periods.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("p.toml:5: `to`"), "{err}");
}

#[test]
fn italy_is_a_middle_power_after_1943_not_before() {
    let (h, rows) = csv_of(&["states", "middle", "--year", "1960", "--format", "csv"]);
    assert_eq!(rows.len(), 20);
    let italy = rows
        .iter()
        .find(|r| r[col(&h, "ccode")] == "325")
        .expect("Italy in 1960");
    assert_eq!(italy[col(&h, "rank")], "4");
    let (_, rows) = csv_of(&["states", "middle", "--year", "1938", "--format", "csv"]);
    assert!(
        !rows.iter().any(|r| r[1] == "325"),
        "Italy is a COW major in 1938"
    );
    for y in ["1944", "1990", "2020"] {
        let (h, rows) = csv_of(&["states", "middle", "--year", y, "--format", "csv"]);
        assert!(rows.iter().any(|r| r[col(&h, "ccode")] == "325"), "{y}");
    }
}

#[test]
fn periods_lists_the_articles_crises() {
    let (h, rows) = csv_of(&["periods", "--format", "csv"]);
    let crises: Vec<(String, String)> = rows
        .iter()
        .filter(|r| r[col(&h, "kind")] == "crisis")
        .map(|r| (r[2].clone(), r[3].clone()))
        .collect();
    assert_eq!(
        crises,
        [
            ("1936".into(), "1941".into()),
            ("1979".into(), "1985".into()),
            ("2008".into(), "2020".into())
        ]
    );
}
