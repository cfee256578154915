//! End-to-end runs of the frame and SQL commands on the real data. Expected
//! values come from `bench/dyad_years_pandas.py`, an independent pandas build
//! of the same frame (its full output matches ordo's to 1e-9 on all 956,145
//! dyad-years 1816-2016, see BENCHMARKS.md), or from the raw files.

mod common;

use common::{col, csv_of, ordo};
use std::process::Command;

#[test]
fn dyad_italy_russia_1816_2022() {
    let (h, rows) = csv_of(&["dyad", "ITA", "RUS", "--format", "csv"]);
    assert_eq!(&h[..3], ["ccode1", "ccode2", "year"]);
    assert_eq!(rows.len(), 2022 - 1816 + 1);
    let at = |y: i32, c: &str| rows[(y - 1816) as usize][col(&h, c)].clone();
    assert_eq!(at(1909, "atop_consul"), "1");
    assert_eq!(at(1916, "atop_defense"), "1");
    assert_eq!(
        (at(1935, "atop_neutral"), at(1935, "atop_nonagg")),
        ("1".into(), "1".into())
    );
    assert_eq!(
        (at(1942, "cowwar_inter"), at(1942, "cowmid_hostlev")),
        ("1".into(), "5".into())
    );
    assert_eq!(
        (at(1938, "trade_flow1"), at(1938, "trade_flow2")),
        (String::new(), "0.0".into())
    );
    assert_eq!(
        at(2019, "atop_defense"),
        "",
        "ATOP ends in 2018: NULL, not 0"
    );
    // Same dyad, other order and names: non-directed frames normalise.
    let (_, again) = csv_of(&[
        "dyad",
        "Unione Sovietica",
        "Italia",
        "--from",
        "1909",
        "--to",
        "1909",
        "--format",
        "csv",
    ]);
    assert_eq!(again[0][..3], ["325", "365", "1909"]);
}

#[test]
fn sql_top_10_un_agreement_in_1985() {
    let q = "SELECT ccode1, ccode2, un_agree, un_nvotes FROM dyad_years WHERE year = 1985 AND un_nvotes >= 50 \
             ORDER BY un_agree DESC, un_nvotes DESC, ccode1, ccode2 LIMIT 10";
    let (_, rows) = csv_of(&["sql", q, "--format", "csv"]);
    let pairs: Vec<(String, String)> = rows.iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    // The independent pandas build gives the same ten: the Warsaw Pact
    // states (GDR, Hungary, Czechoslovakia, Bulgaria, USSR), in perfect
    // agreement on 149-151 roll calls.
    let want = [
        (265, 310),
        (265, 315),
        (310, 315),
        (265, 355),
        (265, 365),
        (310, 355),
        (310, 365),
        (315, 355),
        (315, 365),
        (355, 365),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(pairs, want);
    assert!(rows.iter().all(|r| r[2] == "1.0"));
}

#[test]
fn dyads_1938_counts_directed_and_politically_relevant() {
    assert_eq!(
        csv_of(&["dyads", "--year", "1938", "--format", "csv"])
            .1
            .len(),
        2_145
    );
    assert_eq!(
        csv_of(&["dyads", "--year", "1938", "--directed", "--format", "csv"])
            .1
            .len(),
        4_290
    );
    // Contiguous (type 1-5) or with a major: 537 in the pandas build.
    assert_eq!(
        csv_of(&[
            "dyads",
            "--year",
            "1938",
            "--only-politically-relevant",
            "--format",
            "csv"
        ])
        .1
        .len(),
        537
    );
}

#[test]
fn coverage_explains_every_gap() {
    let (h, rows) = csv_of(&["coverage", "ITA", "RUS", "--format", "csv"]);
    let row = |m: &str| {
        rows.iter()
            .find(|r| r[0] == m)
            .unwrap_or_else(|| panic!("no {m}"))
            .clone()
    };
    let atop = row("atop_defense");
    assert_eq!(atop[col(&h, "covered")], "1816-2018");
    assert_eq!(atop[col(&h, "outside_coverage")], "2019-2022");
    let un = row("un_agree");
    assert_eq!(un[col(&h, "outside_coverage")], "1816-1945, 2021-2022");
    // Italy joined the UN on 1955-12-14: no common roll call before 1956;
    // 1964 has no roll call at all (un_roll_calls.csv: none dated 1964, the
    // Article 19 crisis); the data end with one roll call in January 2020.
    assert_eq!(un[col(&h, "no_data")], "1946-1955, 1964");
    assert_eq!(un[col(&h, "covered")], "1956-1963, 1965-2020");
}

#[test]
fn state_years() {
    let (h, rows) = csv_of(&["state", "Italy", "--year", "1938", "--format", "csv"]);
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(
        (r[col(&h, "ccode")].as_str(), r[col(&h, "cowmaj")].as_str()),
        ("325", "1")
    );
    // cow_nmc.csv: 325,1938,...,0.031848751
    assert_eq!(r[col(&h, "nmc_cinc")], "0.031848751");
    assert_eq!(r[col(&h, "dem_polity2")], "-9.0");
    assert!(r[col(&h, "leader")].contains("Mussolini"), "{r:?}");
    // State-years count every state with a day of membership in the year:
    // 65 members on 1938-12-31 plus Austria (305), absorbed in March 1938.
    let (h, rows) = csv_of(&["states-year", "--year", "1938", "--format", "csv"]);
    assert_eq!(rows.len(), 66);
    assert!(rows.iter().any(|r| r[col(&h, "ccode")] == "305"));
}

#[test]
fn second_run_reads_the_cache_and_prints_the_same_bytes() {
    let a = ordo(&["dyad", "ITA", "RUS", "--year", "1985", "--format", "csv"]);
    let b = ordo(&["dyad", "ITA", "RUS", "--year", "1985", "--format", "csv"]);
    assert!(a.status.success() && b.status.success());
    assert_eq!(a.stdout, b.stdout);
    assert!(String::from_utf8_lossy(&b.stderr).contains("read from cache"));
}

#[test]
fn a_broken_dataset_is_named_with_line_and_rule() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("cow_nmc")).unwrap();
    std::fs::write(
        dir.path().join("cow_nmc/cow_nmc.csv"),
        "ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n325,1938,1,1,1,1,1,1,0.03\n325,1938,1,1,1,1,1,1,0.04\n",
    )
    .unwrap();
    let store = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_ordo"))
        .args([
            "--data",
            dir.path().to_str().unwrap(),
            "--store",
            store.path().to_str().unwrap(),
        ])
        .args(["sql", "SELECT count(*) FROM cow_nmc"])
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("cow_nmc.csv:3") && err.contains("duplicate key (ccode=325, year=1938)"),
        "{err}"
    );
}

#[test]
fn sql_lists_tables_and_rejects_unknown_ones() {
    let (_, rows) = csv_of(&["sql", "--tables", "--format", "csv"]);
    let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    for t in [
        "cow_nmc",
        "atop_alliance",
        "un_votes",
        "dyad_years",
        "dyad_years_directed",
        "state_years",
    ] {
        assert!(names.contains(&t), "{t}");
    }
    let o = ordo(&["sql", "SELECT * FROM no_such_table"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no_such_table"));
}
