//! `ordo chronology` end to end.

mod common;

/// `ordo chronology` filters the shipped Italy–Russia chronology; names in
/// any language resolve; a dyad without a chronology is a clear error.
#[test]
fn chronology_of_italy_and_russia() {
    let (h, rows) = common::csv_of(&[
        "chronology",
        "Italia",
        "URSS",
        "--from",
        "1933",
        "--to",
        "1941",
        "--stance",
        "competition",
        "--format",
        "csv",
    ]);
    let id = common::col(&h, "id");
    let ids: Vec<&str> = rows.iter().map(|r| r[id].as_str()).collect();
    assert!(ids.contains(&"1937-anti-comintern-pact"), "{ids:?}");
    assert!(ids.contains(&"1939-molotov-ribbentrop"));
    assert!(!ids.contains(&"1933-italo-soviet-pact"));
    assert!(rows
        .iter()
        .all(|r| r[common::col(&h, "stance")] == "competition"));
    let (h, rows) = common::csv_of(&["chronology", "RUS", "ITA", "--table1", "--format", "csv"]);
    assert_eq!(rows.len(), 24);
    assert!(rows
        .iter()
        .all(|r| !r[common::col(&h, "table1")].is_empty()));
    let o = common::ordo(&["chronology", "FRN", "GMY"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no chronology"));
}
