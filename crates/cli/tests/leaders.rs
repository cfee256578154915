//! `ordo leaders` and `ordo leader-dyads` end to end: Italy's leaders
//! around 1994, leader-days, the leader dyads of the USA and Iraq in the
//! Gulf War, and the errors a scholar can run into.

#[allow(dead_code)] // each test binary uses part of the helpers
mod common;

use common::{col, csv_of, ordo};

#[test]
fn italy_1993_1996_has_both_leaders_of_1994() {
    let (h, rows) = csv_of(&[
        "leaders", "Italy", "--from", "1993", "--to", "1996", "--format", "csv",
    ]);
    let (obsid, year, leader) = (col(&h, "obsid"), col(&h, "year"), col(&h, "leader"));
    let got: Vec<(String, String, String)> = rows
        .iter()
        .map(|r| (r[year].clone(), r[obsid].clone(), r[leader].clone()))
        .collect();
    let want = [
        ("1993", "ITA-1992", "Amato"),
        ("1993", "ITA-1993", "Ciampi"),
        ("1994", "ITA-1993", "Ciampi"),
        ("1994", "ITA-1994", "Berlusconi"),
        ("1995", "ITA-1994", "Berlusconi"),
        ("1995", "ITA-1995", "Dini"),
        ("1996", "ITA-1995", "Dini"),
        ("1996", "ITA-1996", "Prodi"),
    ];
    assert_eq!(
        got,
        want.map(|(y, o, l)| (y.to_string(), o.to_string(), l.to_string()))
    );
    for name in [
        "ccode",
        "gwcode",
        "leaderage",
        "yrinoffice",
        "leveledu",
        "theta2_mean",
        "gmlmid_ongoing",
    ] {
        col(&h, name);
    }
}

#[test]
fn leader_days_of_italy_in_1994() {
    let (h, rows) = csv_of(&[
        "leaders", "ITA", "--year", "1994", "--days", "--format", "csv",
    ]);
    assert_eq!(rows.len(), 366, "the handover day in both spells");
    let date = col(&h, "date");
    assert_eq!(rows[0][date], "1994-01-01");
    let o = ordo(&["leaders", "--days", "--format", "csv"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("a state or a span of years"));
}

#[test]
fn usa_iraq_leader_dyads_in_the_gulf_war() {
    let (h, rows) = csv_of(&[
        "leader-dyads",
        "USA",
        "IRQ",
        "--from",
        "1989",
        "--to",
        "1992",
        "--format",
        "csv",
    ]);
    let (o1, o2, y, on, st) = (
        col(&h, "obsid1"),
        col(&h, "obsid2"),
        col(&h, "year"),
        col(&h, "gmlmid_ongoing"),
        col(&h, "gmlmid_onset"),
    );
    let bush_saddam: Vec<(String, String, String)> = rows
        .iter()
        .filter(|r| r[o1] == "USA-1989" && r[o2] == "IRQ-1979")
        .map(|r| (r[y].clone(), r[on].clone(), r[st].clone()))
        .collect();
    assert_eq!(bush_saddam.len(), 4, "{bush_saddam:?}");
    assert!(bush_saddam
        .iter()
        .any(|(y, on, _)| y == "1990" && on == "1"));
    // Directed: the first state's leader as the initiator.
    let (h, rows) = csv_of(&[
        "leader-dyads",
        "IRQ",
        "USA",
        "--directed",
        "--year",
        "1990",
        "--format",
        "csv",
    ]);
    assert_eq!(rows[0][col(&h, "ccode1")], "645");
    col(&h, "gmlmid_onset_init");
}

#[test]
fn refused_inputs_say_what_is_wrong() {
    let o = ordo(&["leader-dyads", "ITA", "Italia"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("two different states"));
    let o = ordo(&["leaders", "Atlantis"]);
    assert!(!o.status.success());
}

#[test]
fn cite_for_leaders_names_archigos_lead_and_lwuf() {
    let o = ordo(&["cite", "--for", "leaders"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bib = String::from_utf8_lossy(&o.stdout);
    for key in [
        "goemansetal2009ia",
        "ellisetal2015lead",
        "cartersmith2020fml",
    ] {
        assert!(bib.contains(key), "no {key} in\n{bib}");
    }
}
