//! `--system gw` end to end: the Gleditsch–Ward frames, their SQL tables and
//! the GW member list on the real data. Counts from the independent
//! reference `tests/reference/gw_reference.py` (`gw_expected.csv`).

#[allow(dead_code)] // each test binary uses part of the helpers
mod common;

use common::{col, csv_of, ordo};

/// `gw_count` rows of the reference: (unit, year) -> n.
fn reference_count(unit: &str, year: i32) -> usize {
    let text = include_str!("../../../tests/reference/gw_expected.csv");
    let prefix = format!("gw_count,{unit},{year},n,");
    text.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no {unit} {year} in the reference"))
        .parse()
        .unwrap()
}

#[test]
fn gw_dyad_years_per_year_and_the_codes_beside_them() {
    for year in [1816, 1938, 1990, 2017, 2022] {
        let y = year.to_string();
        let (h, rows) = csv_of(&["dyads", "--system", "gw", "--year", &y, "--format", "csv"]);
        assert_eq!(&h[..5], ["gwcode1", "gwcode2", "year", "ccode1", "ccode2"]);
        assert_eq!(rows.len(), reference_count("dyad_years", year), "{year}");
    }
    let (h, rows) = csv_of(&[
        "dyads",
        "--system",
        "gw",
        "--directed",
        "--year",
        "1990",
        "--format",
        "csv",
    ]);
    assert_eq!(rows.len(), 2 * reference_count("dyad_years", 1990));
    // Unified Germany: GW 260, COW 255; with the GDR the FRG is still COW 260.
    let row = |a: &str, b: &str| {
        rows.iter()
            .find(|r| r[col(&h, "gwcode1")] == a && r[col(&h, "gwcode2")] == b)
            .unwrap_or_else(|| panic!("no {a}-{b}"))
            .clone()
    };
    let usa_germany = row("2", "260");
    assert_eq!(usa_germany[col(&h, "ccode2")], "255");
    let frg_gdr = row("265", "260");
    assert_eq!(
        (
            frg_gdr[col(&h, "ccode1")].as_str(),
            frg_gdr[col(&h, "ccode2")].as_str()
        ),
        ("265", "260")
    );
}

#[test]
fn gw_dyad_state_and_sql() {
    // Names resolve to GW states; a number is a GW code.
    let (h, rows) = csv_of(&[
        "dyad", "USA", "260", "--system", "gw", "--from", "1989", "--to", "1991", "--format", "csv",
    ]);
    assert_eq!(rows.len(), 3);
    let ccode2: Vec<&str> = rows.iter().map(|r| r[col(&h, "ccode2")].as_str()).collect();
    assert_eq!(ccode2, ["260", "255", "255"]);
    assert!(!rows[0][col(&h, "capdist")].is_empty());
    let (h, rows) = csv_of(&[
        "state", "Yemen", "--system", "gw", "--from", "1989", "--to", "1991", "--format", "csv",
    ]);
    assert_eq!(&h[..4], ["gwcode", "year", "ccode", "stateabb"]);
    let ccode: Vec<&str> = rows.iter().map(|r| r[col(&h, "ccode")].as_str()).collect();
    assert_eq!(ccode, ["678", "679", "679"]);
    let (h, rows) = csv_of(&[
        "states-year",
        "--system",
        "gw",
        "--year",
        "1938",
        "--format",
        "csv",
    ]);
    assert_eq!(h[0], "gwcode");
    assert_eq!(rows.len(), reference_count("state_years", 1938));
    let (_, rows) = csv_of(&[
        "sql",
        "SELECT COUNT(*) AS n FROM gw_dyad_years WHERE year = 2016",
        "--format",
        "csv",
    ]);
    assert_eq!(rows[0][0], reference_count("dyad_years", 2016).to_string());
    // COW frames carry the GW codes after the year.
    let (h, rows) = csv_of(&["dyad", "USA", "GMY", "--year", "1991", "--format", "csv"]);
    assert_eq!(&h[..5], ["ccode1", "ccode2", "year", "gwcode1", "gwcode2"]);
    assert_eq!(rows[0][col(&h, "gwcode2")], "260");
    // A COW state that is two GW states asks which.
    let o = ordo(&["dyad", "USA", "Germany", "--system", "gw"]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("gw:255") && err.contains("gw:260"), "{err}");
}

#[test]
fn states_list_gw_members() {
    let (h, rows) = csv_of(&[
        "states", "list", "--system", "gw", "--year", "1990", "--format", "csv",
    ]);
    assert_eq!(&h[..4], ["gwcode", "stateabb", "statename", "ccode"]);
    // Members on 31 December 1990 (the reference counts the year's members,
    // among them the GDR and South Yemen, which left during 1990).
    assert_eq!(rows.len(), reference_count("state_years", 1990) - 2);
    let germany = rows.iter().find(|r| r[0] == "260").unwrap();
    assert_eq!(germany[col(&h, "ccode")], "255");
    let (_, cow) = csv_of(&["states", "list", "--year", "1990", "--format", "csv"]);
    assert!(
        cow.len() > rows.len(),
        "COW counts the microstates GW lists apart"
    );
}
