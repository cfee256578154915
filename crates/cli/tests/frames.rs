//! End-to-end runs of the frame and SQL commands on the real data. Expected
//! values come from `bench/dyad_years_pandas.py`, an independent pandas build
//! of the same frame (its full output matches ordo's to 1e-9 on all 956,145
//! dyad-years 1816-2016, see BENCHMARKS.md), or from the raw files.

#[allow(dead_code)] // each test binary uses part of the helpers
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

/// Expected peace spells from `tests/reference/peace_units_reference.py`
/// (an independent pandas count of peacesciencer's add_spells rule):
/// `(year, value)` per unit and column.
fn reference_spells(unit: &str, column: &str) -> Vec<(String, String)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/reference/peace_units_expected.csv"
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| l.split(',').collect::<Vec<_>>())
        .filter(|f| f[0] == "spell" && f[1] == unit && f[3] == column)
        .map(|f| (f[2].to_string(), f[4].to_string()))
        .collect()
}

#[test]
fn dyad_spells_match_the_reference_whatever_years_are_asked() {
    for (a, b) in [("2", "365"), ("750", "770"), ("255", "365")] {
        let want = reference_spells(&format!("{a}-{b}"), "cowmid_ongoing_spell");
        assert!(want.len() > 60, "{a}-{b}");
        let (h, rows) = csv_of(&[
            "dyad",
            a,
            b,
            "--spells",
            "cowmid_ongoing",
            "--format",
            "csv",
        ]);
        let got: Vec<(String, String)> = rows
            .iter()
            .map(|r| (r[2].clone(), r[col(&h, "cowmid_ongoing_spell")].clone()))
            .collect();
        assert_eq!(got, want, "{a}-{b}");
        // Counted on the whole history: a later start gives the same values.
        let (h, rows) = csv_of(&[
            "dyad",
            a,
            b,
            "--spells",
            "cowmid_ongoing",
            "--from",
            "1990",
            "--format",
            "csv",
        ]);
        for r in &rows {
            let spell = &r[col(&h, "cowmid_ongoing_spell")];
            let w = &want.iter().find(|(y, _)| *y == r[2]).unwrap().1;
            assert_eq!(spell, w, "{a}-{b} {}", r[2]);
            let cube = &r[col(&h, "cowmid_ongoing_spell3")];
            let s: Option<i64> = spell.parse().ok();
            assert_eq!(cube.parse::<i64>().ok(), s.map(|s| s * s * s));
        }
    }
}

#[test]
fn state_spells_match_the_reference() {
    for code in ["2", "325", "365", "255"] {
        let want = reference_spells(code, "gml_mid_ongoing_spell");
        let (h, rows) = csv_of(&[
            "state",
            code,
            "--spells",
            "gml_mid_ongoing",
            "--format",
            "csv",
        ]);
        let got: Vec<(String, String)> = rows
            .iter()
            .map(|r| {
                (
                    r[col(&h, "year")].clone(),
                    r[col(&h, "gml_mid_ongoing_spell")].clone(),
                )
            })
            .collect();
        assert_eq!(got, want, "{code}");
    }
}

#[test]
fn spells_of_unknown_or_non_flag_columns_are_refused() {
    let out = ordo(&["dyad", "USA", "RUS", "--spells", "cowmid_ongoin"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`cowmid_ongoin` is not a column"), "{err}");
    let out = ordo(&["state", "ITA", "--spells", "nmc_cinc"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("`nmc_cinc` is not a 0/1 event column"),
        "{err}"
    );
}

#[test]
fn politically_relevant_dyads_do_not_drop_after_contiguity_ends() {
    // COW contiguity ends in 2016: 1,811 politically relevant dyad-years in
    // 2016 and, with each dyad's 2016 contiguity carried, in 2017 (the
    // reference; without the carry 2017 had only the 1,337 major-power dyads).
    for year in ["2016", "2017"] {
        let (h, rows) = csv_of(&[
            "dyads",
            "--year",
            year,
            "--only-politically-relevant",
            "--format",
            "csv",
        ]);
        assert_eq!(rows.len(), 1_811, "{year}");
        let carried = if year == "2017" { "1" } else { "0" };
        assert!(rows.iter().all(|r| r[col(&h, "prd_carried")] == carried));
        assert!(rows.iter().all(|r| r[col(&h, "prd")] == "1"));
    }
    // USA-Canada: contiguous in 2016; the contiguity column stays NULL after.
    let (h, rows) = csv_of(&[
        "dyad", "USA", "CAN", "--from", "2016", "--to", "2017", "--format", "csv",
    ]);
    assert_eq!(rows[0][col(&h, "cow_conttype")], "1");
    assert_eq!(rows[1][col(&h, "cow_conttype")], "");
    assert_eq!(rows[1][col(&h, "prd")], "1");
}

#[test]
fn whittling_by_the_full_chain_rebuilds_the_frame_and_a_shorter_one_differs() {
    // peacesciencer's pre-whittled files are the full chain: ordo whittling
    // the dispute-year files by it gives the same frame, byte for byte
    // (here the two world wars; crates/measures/tests/whittle.rs checks
    // every dyad-year of both files).
    let args = ["dyads", "--from", "1914", "--to", "1945", "--format", "csv"];
    let stored = ordo(&args);
    let mut whittled_args = args.to_vec();
    whittled_args.extend([
        "--whittle",
        "onset,fatality,hostility,duration,reciprocation,startmonth",
    ]);
    let whittled = ordo(&whittled_args);
    assert!(
        whittled.status.success(),
        "{}",
        String::from_utf8_lossy(&whittled.stderr)
    );
    assert!(
        stored.stdout == whittled.stdout,
        "full chain differs from the pre-whittled frame"
    );
    let err = String::from_utf8_lossy(&whittled.stderr);
    assert!(
        err.contains("COW-MID disputes whittled by onset > fatality > hostility > duration > reciprocation > startmonth: 996 duplicated dyad-years"),
        "{err}"
    );
    // USA-UK 1903: the full chain keeps dispute 3301 (an onset); fatality
    // alone keeps 254 (the reference's choice too).
    let dispnum = |extra: &[&str]| {
        let mut a = vec!["dyad", "USA", "UKG", "--year", "1903", "--format", "csv"];
        a.extend(extra);
        let (h, rows) = csv_of(&a);
        rows[0][col(&h, "cowmid_dispnum")].clone()
    };
    assert_eq!(dispnum(&[]), "3301");
    assert_eq!(dispnum(&["--whittle", "fatality"]), "254");
    let out = ordo(&["dyad", "USA", "RUS", "--whittle", "fatalities"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown whittling rule `fatalities`"));
}

#[test]
fn attached_files_join_by_any_code_and_report_what_they_cannot() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.csv");
    std::fs::write(
        &file,
        "country,year,score\nItaly,1990,1.5\nITA,1991,2\niso3:DEU,1991,3\nNarnia,1992,4\nItaly,2030,5\nRussia,19x2,6\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let out = ordo(&[
        "states-year",
        "--year",
        "1991",
        "--attach",
        f,
        "--on",
        "country,year",
        "--format",
        "csv",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let h: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let (c, s) = (col(&h, "ccode"), col(&h, "score"));
    let scored: Vec<(String, String)> = r
        .records()
        .map(|x| x.unwrap())
        .filter(|x| !x[s].is_empty())
        .map(|x| (x[c].to_string(), x[s].to_string()))
        .collect();
    // ISO DEU on 31 December 1991 is united Germany (COW 255).
    assert_eq!(
        scored,
        [("255".into(), "3.0".into()), ("325".into(), "2.0".into())]
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("6 rows read, 4 joined by key"), "{err}");
    assert!(err.contains("2 rows not attached"), "{err}");
    assert!(
        err.contains(r#"row 4: country "Narnia" is no state in 1992"#),
        "{err}"
    );
    assert!(
        err.contains(r#"year "19x2" is not a whole number"#),
        "{err}"
    );
    assert!(
        err.contains("1 of 4 keyed rows match no row of the state_years frame"),
        "{err}"
    );
    // A dyad given in either order joins the non-directed frame once.
    let dyads = dir.path().join("dyads.csv");
    std::fs::write(
        &dyads,
        "ccode1,ccode2,year,crisis\n2,365,1950,1\n365,2,1951,1\n",
    )
    .unwrap();
    let (h, rows) = csv_of(&[
        "dyad",
        "USA",
        "RUS",
        "--from",
        "1949",
        "--to",
        "1952",
        "--attach",
        dyads.to_str().unwrap(),
        "--on",
        "ccode1,ccode2,year",
        "--format",
        "csv",
    ]);
    let crisis: Vec<&str> = rows.iter().map(|r| r[col(&h, "crisis")].as_str()).collect();
    assert_eq!(crisis, ["", "1", "1", ""]);
    // Keys given twice are an error that names them.
    let dup = dir.path().join("dup.csv");
    std::fs::write(&dup, "ccode,year,x\n325,1990,1\n325,1990,2\n").unwrap();
    let out = ordo(&[
        "state",
        "ITA",
        "--attach",
        dup.to_str().unwrap(),
        "--on",
        "ccode,year",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("[325, 1990] in rows 1 and 2"));
    // SQL over an attached file.
    let (h, rows) = csv_of(&["sql", "--attach", &format!("crises={}", dyads.display()), "SELECT d.year, c.crisis, d.cowmid_ongoing FROM dyad_years d JOIN crises c USING (ccode1, ccode2, year)", "--format", "csv"]);
    assert_eq!(h, ["year", "crisis", "cowmid_ongoing"]);
    assert_eq!(rows, [vec!["1950".to_string(), "1".into(), "0".into()]]);
}

#[test]
fn state_days_follow_day_precision_membership() {
    // Germany re-enters on 3 October 1990: 29 + 30 + 31 = 90 days to the end
    // of the year; the FRG leaves on 2 October: 275 days of 1990.
    let (h, rows) = csv_of(&[
        "states-days",
        "GMY",
        "--from",
        "1990-09-01",
        "--to",
        "1990-12-31",
        "--format",
        "csv",
    ]);
    assert_eq!(h, ["ccode", "stateabb", "date", "year"]);
    assert_eq!(rows.len(), 90);
    assert_eq!(rows[0][2], "1990-10-03");
    assert_eq!(rows[89][2], "1990-12-31");
    let (_, rows) = csv_of(&[
        "states-days",
        "GFR",
        "--from",
        "1990-01-01",
        "--to",
        "1990-12-31",
        "--format",
        "csv",
    ]);
    assert_eq!(rows.len(), 275);
    // Open spells run through 2022, as the yearly frames.
    let (_, rows) = csv_of(&[
        "states-days",
        "ITA",
        "--from",
        "2022-12-30",
        "--format",
        "csv",
    ]);
    assert_eq!(rows.len(), 2);
}
