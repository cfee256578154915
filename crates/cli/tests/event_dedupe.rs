//! `ordo events --dedupe one-a-day` on the real Georgia GDELT extracts:
//! the store and the raw files give the same series, and the counts equal
//! an independent SQL count of distinct (day, actor 1 code, actor 2 code,
//! event code) keys.

#[allow(dead_code)] // each test binary uses part of the helpers
mod common;

use common::{shared, table_in as ordo};

fn yearly(rows: &[Vec<String>]) -> Vec<(String, String)> {
    let h = &rows[0];
    let (y, n) = (
        h.iter().position(|c| c == "year").unwrap(),
        h.iter().position(|c| c == "events").unwrap(),
    );
    rows[1..]
        .iter()
        .map(|r| (r[y].clone(), r[n].clone()))
        .collect()
}

#[test]
fn one_a_day_counts_distinct_day_actor_code_keys() {
    let t = tempfile::tempdir().unwrap();
    let store = t.path().join("store");
    let data = shared("gdelt_v1_georgia_2011_2013");
    let data = data.to_str().unwrap();
    ordo(&store, &["ingest", "gdelt", data, "--format", "csv"]);
    let base = ["events", "GEO", "RUS", "--by", "year", "--format", "csv"];
    let (all, _) = ordo(&store, &base);
    assert_eq!(
        yearly(&all),
        [("2011", "57"), ("2012", "47"), ("2013", "17")].map(|(a, b)| (a.into(), b.into()))
    );
    let mut args = base.to_vec();
    args.extend(["--dedupe", "one-a-day"]);
    let (store_once, err) = ordo(&store, &args);
    let expected =
        [("2011", "36"), ("2012", "32"), ("2013", "12")].map(|(a, b)| (a.into(), b.into()));
    assert_eq!(yearly(&store_once), expected);
    // 57 + 47 + 17 - (36 + 32 + 12) = 41 repeats among the dyad's rows
    assert!(
        err.contains("--dedupe one-a-day: 41 of the rows read removed"),
        "{err}"
    );

    // independently: distinct directed keys of the dyad's stored rows
    let (sql, _) = ordo(
        &store,
        &[
            "sql",
            "SELECT year, COUNT(*) AS n FROM (SELECT DISTINCT year, day, actor1_code, actor2_code, event_code FROM events WHERE dyad = 365372 AND actor1 <> actor2) GROUP BY year ORDER BY year",
            "--format",
            "csv",
        ],
    );
    let distinct: Vec<(String, String)> = sql[1..]
        .iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    assert_eq!(distinct, expected);

    // the raw files read in place give the same series
    let mut raw = args.clone();
    raw.extend(["--raw", data]);
    let (raw_once, err) = ordo(&store, &raw);
    assert_eq!(yearly(&raw_once), expected);
    assert!(err.contains("(first copy kept, in file order)"), "{err}");

    // bad values are refused by name
    let e = common::fails_in(&store, &["events", "GEO", "RUS", "--dedupe", "twice-a-day"]);
    assert!(e.contains("twice-a-day"), "{e}");
}
