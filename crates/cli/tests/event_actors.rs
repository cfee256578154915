//! `--actors state|all` on real rows: the state flags ordo stores for the
//! GDELT raw sample and the ICEWS sample equal the ones computed here from
//! the raw files by the rules of docs/events.md, and the Georgia–Russia
//! series keeps exactly the state-to-state events.

#[allow(dead_code)] // each test binary uses part of the helpers
mod common;

use common::{rows_in, shared};
use std::collections::BTreeMap;

const STATE_CODES: [&str; 6] = ["GOV", "MIL", "JUD", "LEG", "COP", "SPY"];

/// (actor 1 state, actor 2 state) -> rows, as `SELECT … GROUP BY` prints.
type Flags = BTreeMap<(String, String), u64>;

fn stored_flags(store: &std::path::Path) -> Flags {
    let (rows, _) = rows_in(
        store,
        &[
            "sql",
            "SELECT CAST(actor1_state AS VARCHAR) AS a, CAST(actor2_state AS VARCHAR) AS b, COUNT(*) AS n FROM events GROUP BY 1, 2",
            "--format",
            "csv",
        ],
    );
    rows.iter()
        .map(|r| ((r["a"].clone(), r["b"].clone()), r["n"].parse().unwrap()))
        .collect()
}

fn flag(state: bool) -> String {
    state.to_string()
}

#[test]
fn gdelt_flags_follow_the_type_codes_and_bare_countries() {
    let t = tempfile::tempdir().unwrap();
    let store = t.path().join("store");
    let file = shared("gdelt_v1_raw_sample/events_raw.tsv");
    rows_in(
        &store,
        &["ingest", "gdelt", file.to_str().unwrap(), "--format", "csv"],
    );
    // independently: fields 5/7/12-14 (actor 1) and 15/17/22-24 (actor 2)
    let text = std::fs::read_to_string(&file).unwrap();
    let mut expected = Flags::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let side = |code: usize, country: usize, types: [usize; 3]| {
            let c = f[country].trim();
            !c.is_empty()
                && (types.iter().any(|t| STATE_CODES.contains(&f[*t].trim()))
                    || f[code].trim() == c)
        };
        let key = (
            flag(side(5, 7, [12, 13, 14])),
            flag(side(15, 17, [22, 23, 24])),
        );
        *expected.entry(key).or_default() += 1;
    }
    assert_eq!(expected.values().sum::<u64>(), 710);
    assert_eq!(stored_flags(&store), expected);
}

#[test]
fn icews_flags_follow_the_government_sector_and_bare_countries() {
    let t = tempfile::tempdir().unwrap();
    let store = t.path().join("store");
    let file = shared("icews_sample/events.2018.sample.tab");
    rows_in(
        &store,
        &["ingest", "icews", file.to_str().unwrap(), "--format", "csv"],
    );
    let text = std::fs::read_to_string(&file).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let at = |n: &str| header.iter().position(|h| *h == n).unwrap();
    let mut expected = Flags::new();
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        let side = |name: &str, sectors: &str, country: &str| {
            let c = f[at(country)].trim();
            let s = f[at(sectors)].trim();
            c != "NA"
                && !c.is_empty()
                && (s.split(',').any(|x| x.trim() == "Government")
                    || ((s.is_empty() || s == "NA") && f[at(name)].trim() == c))
        };
        let key = (
            flag(side("Source Name", "Source Sectors", "Source Country")),
            flag(side("Target Name", "Target Sectors", "Target Country")),
        );
        *expected.entry(key).or_default() += 1;
    }
    assert_eq!(expected.values().sum::<u64>(), 3705);
    assert_eq!(stored_flags(&store), expected);
}

#[test]
fn the_state_series_keeps_the_state_to_state_events() {
    let t = tempfile::tempdir().unwrap();
    let store = t.path().join("store");
    let data = shared("gdelt_v1_georgia_2011_2013");
    rows_in(
        &store,
        &["ingest", "gdelt", data.to_str().unwrap(), "--format", "csv"],
    );
    let by_year = |actors: &str| {
        let (rows, err) = rows_in(
            &store,
            &[
                "events", "GEO", "RUS", "--by", "year", "--actors", actors, "--format", "csv",
            ],
        );
        let years: Vec<(String, String)> = rows
            .iter()
            .map(|r| (r["year"].clone(), r["events"].clone()))
            .collect();
        (years, err)
    };
    let (all, err) = by_year("all");
    assert!(err.contains("--actors all:"), "{err}");
    let (state, err) = by_year("state");
    assert!(
        err.contains("--actors state: only events whose two sides are state actors"),
        "{err}"
    );
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        all,
        pairs(&[("2011", "57"), ("2012", "47"), ("2013", "17")])
    );
    assert_eq!(
        state,
        pairs(&[("2011", "55"), ("2012", "44"), ("2013", "15")])
    );
    let (sql, _) = rows_in(
        &store,
        &[
            "sql",
            "SELECT year, COUNT(*) AS n FROM events WHERE dyad = 365372 AND actor1 <> actor2 AND actor1_state AND actor2_state GROUP BY year ORDER BY year",
            "--format",
            "csv",
        ],
    );
    let sql: Vec<(String, String)> = sql
        .iter()
        .map(|r| (r["year"].clone(), r["n"].clone()))
        .collect();
    assert_eq!(state, sql);

    // --sensitivity shows both rules for every profile
    let (both, _) = rows_in(
        &store,
        &[
            "events",
            "GEO",
            "RUS",
            "--by",
            "year",
            "--sensitivity",
            "--format",
            "csv",
        ],
    );
    let cell = |profile: &str, actors: &str, year: &str| {
        both.iter()
            .find(|r| r["profile"] == profile && r["actors"] == actors && r["year"] == year)
            .map(|r| r["events"].clone())
    };
    assert_eq!(both.len(), 2 * 5 * 3);
    assert_eq!(cell("gdelt@1", "all", "2011").as_deref(), Some("57"));
    assert_eq!(cell("plover@1", "state", "2013").as_deref(), Some("15"));
}
